// @vitest-environment node
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Namespace } from 'socket.io';
import * as jsonParser from 'socket.io-json-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agent, AgentClientEvents, AgentServerEvents, Message, Ticket } from '@helpdock/protocol';
import { createConnection, type Connection } from '../src/connection.ts';
import { message, ticket } from './fixtures.ts';

const ana: Agent = { id: 'a1', appId: 'demo', name: 'Ana Silva', email: 'ana@demo.helpdock.dev' };
const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** A small stand-in for the Helpdock agent namespace, on a real socket.io server over loopback. */
let http: HttpServer;
let io: Server;
let agents: Namespace<AgentClientEvents, AgentServerEvents>;
let url: string;
let tickets: Ticket[];
let messages: Message[];
let connection: Connection | undefined;

beforeEach(async () => {
  tickets = [ticket({ id: 't1', number: 1, conversationId: 'c1', createdAt: at(1) }), ticket({ id: 't2', number: 2, status: 'in_progress', createdAt: at(0) })];
  messages = [message(1), message(2, { author: 'bot', text: 'Try restarting' })];
  http = createServer();
  io = new Server(http, { parser: jsonParser });
  agents = io.of('/agent');
  agents.use((socket, next) => ((socket.handshake.auth as { token?: string }).token === 'good' ? next() : next(new Error('unauthorized'))));
  agents.on('connection', (socket) => {
    void socket.join('agents:demo');
    socket.emit('hello', ana);
    socket.on('queue:list', (_req, reply) => reply({ ok: true, tickets }));
    socket.on('ticket:open', ({ ticketId }, reply) => {
      const found = tickets.find((t) => t.id === ticketId);
      if (!found) return reply({ ok: false, error: { code: 'not_found', message: 'no such ticket' } });
      void socket.join(`conv:${found.conversationId}`);
      reply({ ok: true, ticket: found, messages: messages.filter((m) => m.conversationId === found.conversationId), receipts: { visitor: { delivered: 0, read: 0 }, agent: { delivered: 0, read: 0 } } });
    });
    socket.on('ticket:claim', ({ ticketId }, reply) => {
      const claimed = { ...tickets.find((t) => t.id === ticketId)!, status: 'in_progress' as const, assignee: { id: ana.id, name: ana.name }, updatedAt: at(30) };
      tickets = tickets.map((t) => (t.id === ticketId ? claimed : t));
      agents.to('agents:demo').emit('ticket', claimed);
      reply({ ok: true, ticket: claimed });
    });
    socket.on('message:send', ({ conversationId, clientId, text }, reply) => {
      const sent = message(messages.length + 1, { id: `m-${clientId}`, conversationId, clientId, author: 'agent', authorName: ana.name, text });
      messages.push(sent);
      // Like the real server: the room gets it too, so the sender sees it twice on the wire.
      agents.to(`conv:${conversationId}`).emit('message', sent);
      reply({ ok: true, message: sent });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  connection?.close();
  connection = undefined;
  await io.close();
});

function connect(token = 'good', onUnauthorized = () => {}) {
  connection = createConnection({ server: url, token, agent: ana, onUnauthorized, ackTimeoutMs: 2000, retryMs: 100 });
  return connection;
}

describe('agent connection', () => {
  it('lists the open tickets, waiting ones first, and keeps the list live', async () => {
    const c = connect();
    await vi.waitFor(() => expect(c.status.value).toBe('connected'));
    await vi.waitFor(() => expect(c.queue.value.map((t) => t.number)).toEqual([1, 2]));

    agents.emit('ticket', ticket({ id: 't3', number: 3, createdAt: at(0) }));
    await vi.waitFor(() => expect(c.queue.value.map((t) => t.number)).toEqual([3, 1, 2]));

    agents.emit('ticket', { ...tickets[0]!, status: 'resolved', updatedAt: at(40) });
    await vi.waitFor(() => expect(c.queue.value.map((t) => t.number)).toEqual([3, 2]));
  });

  it('opens a ticket with its conversation and shows each new message once', async () => {
    const c = connect();
    c.open('t1');
    await vi.waitFor(() => expect(c.current.value?.loading).toBe(false));
    expect(c.current.value?.messages.map((m) => m.text)).toEqual(['message 1', 'Try restarting']);

    const sent = await c.send('c1', 'client-abc', 'Hello, I am Ana');
    expect(sent.ok).toBe(true);
    agents.to('conv:c1').emit('message', message(4, { id: 'm-visitor', conversationId: 'c1', text: 'Thanks!' }));
    await vi.waitFor(() => expect(c.current.value?.messages.map((m) => m.text)).toEqual(['message 1', 'Try restarting', 'Hello, I am Ana', 'Thanks!']));
  });

  it('claims a ticket: it shows me as assignee in the ticket and the queue', async () => {
    const c = connect();
    c.open('t1');
    await vi.waitFor(() => expect(c.current.value?.ticket?.id).toBe('t1'));
    const result = await c.claim('t1');
    expect(result.ok).toBe(true);
    expect(c.current.value?.ticket?.assignee?.name).toBe('Ana Silva');
    expect(c.queue.value.find((t) => t.id === 't1')?.status).toBe('in_progress');
  });

  it('reports a refused action with its reason', async () => {
    const c = connect();
    c.open('missing');
    await vi.waitFor(() => expect(c.current.value?.error?.code).toBe('not_found'));
  });

  it('sends the agent back to the login form when the token is refused', async () => {
    const onUnauthorized = vi.fn();
    const c = connect('expired', onUnauthorized);
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1));
    expect(c.status.value).toBe('unauthorized');
  });

  it('after a dropped connection, shows reconnecting, then catches up on what was missed', async () => {
    const c = connect();
    c.open('t1');
    await vi.waitFor(() => expect(c.current.value?.messages).toHaveLength(2));
    const seen: string[] = [];
    const stop = c.status.subscribe((s) => seen.push(s));

    agents.disconnectSockets();
    messages.push(message(3, { text: 'Anyone there?' }));
    tickets.push(ticket({ id: 't9', number: 9, createdAt: at(2) }));

    await vi.waitFor(() => expect(c.current.value?.messages.map((m) => m.text)).toContain('Anyone there?'));
    await vi.waitFor(() => expect(c.queue.value.map((t) => t.number)).toContain(9));
    expect(seen).toContain('reconnecting');
    expect(c.status.value).toBe('connected');
    stop();
  });
});
