import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HTTP, LIMITS, type Message, type Ticket } from '@helpdock/protocol';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, record, settle, transcriptLine, visitorSession, waitFor } from './support/clients.ts';
import { supportConversation } from './support/flow.ts';
import { ACME_ORIGIN, ANA, GLOBEX_ORIGIN, HANK, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterEach(() => disconnectAll());
afterAll(async () => {
  const errors = server?.logs.filter((line) => line.startsWith('error')) ?? [];
  await server?.dispose();
  expect(errors).toEqual([]);
});

async function visitor(origin = ACME_ORIGIN) {
  const session = await visitorSession(server.url, 'acme', origin);
  return { session, socket: await connectVisitor(server.url, 'acme', session.token, origin) };
}

async function handedOff(clientId = `h-${Math.random().toString(36).slice(2)}`) {
  const v = await visitor();
  const ack = await ask(v.socket, 'handoff', { clientId, transcript: [transcriptLine('visitor', 'Billing question')], context: { url: 'https://console.acme.test/billing' } });
  expect(ack.ok).toBe(true);
  return { ...v, ticket: ack.ticket as Ticket, conversationId: ack.ticket.conversationId as string };
}

describe('a visitor talking to an agent', () => {
  it('reaches an agent who claims the ticket and replies live', async () => {
    await supportConversation(server.url);
  }, 30_000);

  it('gets the same ticket back when the handoff is retried with the same clientId', async () => {
    const login = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    const agent = await connectAgent(server.url, login.token);
    const announced = record<Ticket>(agent.socket, 'ticket');
    const { socket, ticket } = await handedOff('retry-me');
    const again = await ask(socket, 'handoff', { clientId: 'retry-me', transcript: [], context: { url: 'https://x.test/' } });
    expect(again.ticket.id).toBe(ticket.id);
    expect(again.messages).toHaveLength(1);
    await settle();
    // Announced again (a crashed node may never have announced it), always as the same ticket.
    expect(new Set(announced.filter((t) => t.number === ticket.number).map((t) => t.id))).toEqual(new Set([ticket.id]));
  });

  it('opens one ticket when the same handoff arrives twice at once, and numbers tickets without collisions', async () => {
    const { socket } = await visitor();
    const handoff = { clientId: 'twice', transcript: [transcriptLine('visitor', 'Double click')], context: { url: 'https://console.acme.test/' } };
    const [a, b] = await Promise.all([ask(socket, 'handoff', handoff), ask(socket, 'handoff', handoff)]);
    expect(a.ticket.id).toBe(b.ticket.id);
    const many = await Promise.all(Array.from({ length: 6 }, () => handedOff()));
    const numbers = many.map((m) => m.ticket.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('stores a resent message once and echoes it as the same message, and seqs keep increasing', async () => {
    const { socket, conversationId } = await handedOff();
    const first = await ask(socket, 'message:send', { conversationId, clientId: 'dup-1', text: 'hello' });
    const echoes = record<Message>(socket, 'message');
    const resent = await ask(socket, 'message:send', { conversationId, clientId: 'dup-1', text: 'hello' });
    expect(resent.message).toEqual(first.message);
    const next = await ask(socket, 'message:send', { conversationId, clientId: 'dup-2', text: 'again' });
    expect(next.message.seq).toBe(first.message.seq + 1);
    await settle();
    // The resend is echoed again (its fan-out may have been lost with a node), with the same id: clients show it once.
    expect(echoes.map((m) => [m.clientId, m.id])).toEqual([
      ['dup-1', first.message.id],
      ['dup-2', next.message.id],
    ]);
    const history = await ask(socket, 'sync', { conversationId, afterSeq: 0 });
    expect(history.messages.filter((m: Message) => m.clientId === 'dup-1')).toHaveLength(1);
  });

  it('gives concurrent messages distinct, gap-free seqs', async () => {
    const { socket, conversationId } = await handedOff();
    const acks = await Promise.all(
      Array.from({ length: 25 }, (_, i) => ask(socket, 'message:send', { conversationId, clientId: `burst-${i}`, text: `line ${i}` })),
    );
    const seqs = acks.map((a) => a.message.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
  });

  it('refuses a message over the length limit, saying why, and stores nothing', async () => {
    const { socket, conversationId } = await handedOff();
    const ack = await ask(socket, 'message:send', { conversationId, clientId: 'long', text: 'x'.repeat(LIMITS.messageText + 1) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
    expect(ack.error.message).toMatch(/text: must be at most 4000 characters/);
    const history = await ask(socket, 'sync', { conversationId, afterSeq: 0 });
    expect(history.messages).toHaveLength(1);
  });

  it('keeps the whole history in order for a visitor who syncs after a gap', async () => {
    const { socket, conversationId } = await handedOff();
    for (const i of [1, 2, 3]) await ask(socket, 'message:send', { conversationId, clientId: `m${i}`, text: `message ${i}` });
    const later = await ask(socket, 'sync', { conversationId, afterSeq: 2 });
    expect(later.messages.map((m: Message) => m.text)).toEqual(['message 2', 'message 3']);
    const current = await ask(socket, 'current', {});
    expect(current.ticket.conversationId).toBe(conversationId);
  });

  it('lets the agent resolve the ticket, and the visitor sees the resolution', async () => {
    const { socket, ticket, conversationId } = await handedOff();
    const login = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    const agent = await connectAgent(server.url, login.token);
    // Replying to a queued ticket claims it.
    const claimed = waitFor<Ticket>(socket, 'ticket', (t) => t.status === 'in_progress');
    await ask(agent.socket, 'message:send', { conversationId, clientId: 'a1', text: 'On it' });
    expect((await claimed).assignee?.name).toBe('Ana Silva');
    const resolved = waitFor<Ticket>(socket, 'ticket', (t) => t.status === 'resolved');
    const ack = await ask(agent.socket, 'ticket:resolve', { ticketId: ticket.id, resolution: 'Restarted the instance' });
    expect(ack.ticket.status).toBe('resolved');
    expect((await resolved).resolution).toBe('Restarted the instance');
  });
});

describe('bad input', () => {
  const junk: unknown[] = [null, 42, 'text', [], {}, { conversationId: 7 }, { conversationId: 'c', clientId: 'has spaces', text: 'x' }, { conversationId: 'c', clientId: 'k', text: '   ' }];

  it('refuses malformed visitor events with invalid_event, stores nothing and keeps serving', async () => {
    const { socket, conversationId } = await handedOff();
    for (const event of ['handoff', 'message:send', 'sync']) {
      for (const payload of junk) {
        const ack = await ask(socket, event, payload);
        expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
      }
    }
    expect(await ask(socket, 'current', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
    expect(await ask(socket, 'handoff', { clientId: 'x', transcript: [{ author: 'agent', text: 'hi', at: 'yesterday' }], context: { url: 'u' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_event', issues: expect.arrayContaining([expect.objectContaining({ path: 'transcript.0.author' })]) },
    });
    const history = await ask(socket, 'sync', { conversationId, afterSeq: 0 });
    expect(history.messages).toHaveLength(1);
    expect((await ask(socket, 'current', {})).ticket.conversationId).toBe(conversationId);
    expect((await fetch(`${server.url}${HTTP.health}`)).status).toBe(200);
  });

  it('refuses malformed agent events with invalid_event', async () => {
    const login = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    const agent = await connectAgent(server.url, login.token);
    for (const event of ['ticket:open', 'ticket:claim', 'ticket:resolve', 'message:send']) {
      for (const payload of junk) {
        expect(await ask(agent.socket, event, payload), `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
      }
    }
    expect(await ask(agent.socket, 'queue:list', 5)).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
  });

  it('still does the work for a client that sends no acknowledgement callback', async () => {
    const { socket, conversationId } = await handedOff();
    socket.emit('message:send', { conversationId, clientId: 'no-ack', text: 'fire and forget' });
    socket.emit('message:send', 'junk without ack');
    socket.emit('sync');
    const arrived = await waitFor<Message>(socket, 'message', (m) => m.clientId === 'no-ack');
    expect(arrived.text).toBe('fire and forget');
    expect((await ask(socket, 'sync', { conversationId, afterSeq: 0 })).messages).toHaveLength(2);
  });
});

describe('tenants and ownership', () => {
  it("does not let a visitor read or write another visitor's conversation", async () => {
    const alice = await handedOff();
    const mallory = await visitor();
    const leaked = record<Message>(mallory.socket, 'message');
    expect(await ask(mallory.socket, 'sync', { conversationId: alice.conversationId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(mallory.socket, 'message:send', { conversationId: alice.conversationId, clientId: 'evil', text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await ask(alice.socket, 'message:send', { conversationId: alice.conversationId, clientId: 'private', text: 'my secret' });
    await settle();
    expect(leaked).toEqual([]);
    const history = await ask(alice.socket, 'sync', { conversationId: alice.conversationId, afterSeq: 0 });
    expect(history.messages.map((m: Message) => m.clientId)).not.toContain('evil');
  });

  it("does not let an agent of another app see or touch the ticket", async () => {
    const login = await agentLogin(server.url, 'globex', HANK.email, HANK.password);
    const hank = await connectAgent(server.url, login.token);
    const announced = record<Ticket>(hank.socket, 'ticket');
    const { ticket, conversationId } = await handedOff();
    for (const event of ['ticket:open', 'ticket:claim']) {
      expect(await ask(hank.socket, event, { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await ask(hank.socket, 'ticket:resolve', { ticketId: ticket.id, resolution: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(hank.socket, 'message:send', { conversationId, clientId: 'h', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const queue = await ask(hank.socket, 'queue:list', {});
    expect(queue.tickets.map((t: Ticket) => t.id)).not.toContain(ticket.id);
    await settle();
    expect(announced).toEqual([]);
  });

  it('refuses a socket from an origin the app does not allow', async () => {
    const session = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    await expect(connectVisitor(server.url, 'acme', session.token, 'https://evil.test')).rejects.toThrow('origin_not_allowed');
  });

  it('refuses a socket with a forged, foreign or missing token', async () => {
    const session = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    const forged = `${session.token.slice(0, -4)}AAAA`;
    await expect(connectVisitor(server.url, 'acme', forged, ACME_ORIGIN)).rejects.toThrow('unauthorized');
    await expect(connectVisitor(server.url, 'globex', session.token, GLOBEX_ORIGIN)).rejects.toThrow('unauthorized');
    await expect(connectVisitor(server.url, 'acme', '', ACME_ORIGIN)).rejects.toThrow('unauthorized');
    await expect(connectVisitor(server.url, 'nope', session.token, ACME_ORIGIN)).rejects.toThrow('unknown_app');
    // A visitor token is not an agent token.
    await expect(connectAgent(server.url, session.token)).rejects.toThrow('unauthorized');
  });
});
