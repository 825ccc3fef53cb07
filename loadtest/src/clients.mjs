import { io } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { AGENT_PASSWORD, APP_ID, agentEmail } from './nodes.mjs';

const SOCKET = { parser: jsonParser, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 };

async function post(url, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function connected(socket, event = 'connect') {
  return new Promise((resolve, reject) => {
    socket.once(event, () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function connectAgents(nodes, count, echo) {
  return pool([...Array(count).keys()], 20, async (i) => {
    const url = nodes[i % nodes.length].url;
    const token = echo ? 'echo' : (await post(`${url}/api/v1/agent/login`, { appId: APP_ID, email: agentEmail(i), password: AGENT_PASSWORD })).token;
    const socket = io(`${url}/agent`, { ...SOCKET, auth: { token } });
    await connected(socket, echo ? 'connect' : 'hello');
    return socket;
  });
}

/** Each visitor: a session, a socket, a ticket; its ticket is opened by agent i % agents. */
export async function connectVisitors(nodes, agents, count, echo) {
  return pool([...Array(count).keys()], 50, async (i) => {
    // Visitors are spread over the nodes the other way round from agents, so most pairs cross nodes.
    const url = nodes[(nodes.length - 1 - (i % nodes.length)) % nodes.length].url;
    let conversationId;
    let socket;
    if (echo) {
      socket = io(`${url}/visitor`, SOCKET);
      await connected(socket);
      conversationId = `c${i}`;
      await agents[i % agents.length].emitWithAck('ticket:open', { ticketId: conversationId });
    } else {
      const session = await post(`${url}/api/v1/visitor/session`, { appId: APP_ID });
      socket = io(`${url}/visitor`, { ...SOCKET, auth: { appId: APP_ID, token: session.token } });
      await connected(socket);
      const handoff = await socket.timeout(30_000).emitWithAck('handoff', { clientId: `h${i}`, transcript: [], context: { url: 'https://load.test/' } });
      if (!handoff.ok) throw new Error(`handoff: ${JSON.stringify(handoff.error)}`);
      conversationId = handoff.ticket.conversationId;
      const opened = await agents[i % agents.length].timeout(30_000).emitWithAck('ticket:open', { ticketId: handoff.ticket.id });
      if (!opened.ok) throw new Error(`ticket:open: ${JSON.stringify(opened.error)}`);
    }
    return { socket, conversationId };
  });
}
