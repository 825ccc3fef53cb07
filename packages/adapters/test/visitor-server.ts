/// <reference types="node" />
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HandoffRequestSchema,
  HTTP,
  NAMESPACES,
  protocolError,
  SendMessageSchema,
  SyncRequestSchema,
  validate,
  type Message,
  type Ticket,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@helpdock/protocol';
import { Server, type Socket } from 'socket.io';
import * as jsonParser from 'socket.io-json-parser';

/**
 * The smallest server that speaks the visitor side of the protocol: sessions,
 * handoff, message:send (stored once per clientId) and sync. One conversation.
 */
export interface VisitorServer {
  url: string;
  messages: Message[];
  ticket: Ticket | null;
  sessions: number;
  /** The transport each visitor connection started on, in order. */
  transports: string[];
  /**
   * The connection drops during the next message:send: `before-store` loses the
   * message itself, `after-store` stores it (without telling anyone) and loses the acknowledgement.
   */
  dropNextSend(when: 'before-store' | 'after-store'): void;
  agentSays(text: string): Message;
  /** Drops every visitor connection at the transport, as a network loss would. */
  cutConnections(): void;
  close(): Promise<void>;
}

export interface VisitorServerOptions {
  /** What the server accepts: `['polling']` stands for a proxy that lets no WebSocket through. */
  transports?: Array<'polling' | 'websocket'>;
}

export async function startVisitorServer(options: VisitorServerOptions = {}): Promise<VisitorServer> {
  const tokens = new Set<string>();
  let drop: 'before-store' | 'after-store' | null = null;
  const state = { messages: [] as Message[], ticket: null as Ticket | null, sessions: 0, transports: [] as string[] };
  const http: HttpServer = createServer((req, res) => {
    if (req.method === 'POST' && req.url === HTTP.visitorSession) {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const previous = (JSON.parse(body) as { token?: string }).token;
        const token = previous && tokens.has(previous) ? previous : `tok-${tokens.size + 1}`;
        tokens.add(token);
        state.sessions++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, visitorId: token }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  const io = new Server<VisitorClientEvents, VisitorServerEvents>(http, { parser: jsonParser, ...(options.transports ? { transports: options.transports } : {}) });
  const nsp = io.of(NAMESPACES.visitor);
  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: string }).token;
    next(token && tokens.has(token) ? undefined : new Error('unauthorized'));
  });

  const store = (m: Omit<Message, 'id' | 'seq' | 'conversationId' | 'createdAt'>, publish = true): Message => {
    const earlier = state.messages.find((x) => x.clientId === m.clientId);
    if (earlier) return earlier;
    const seq = state.messages.length + 1;
    const message: Message = { ...m, id: `m${seq}`, seq, conversationId: 'c1', createdAt: new Date().toISOString() };
    state.messages.push(message);
    if (publish) nsp.to('conv:c1').emit('message', message);
    return message;
  };

  nsp.on('connection', (socket: Socket<VisitorClientEvents, VisitorServerEvents>) => {
    state.transports.push(socket.conn.transport.name);
    socket.on('handoff', (input, reply) => {
      const req = validate(HandoffRequestSchema, input);
      if (!req.ok) return reply(req);
      const now = new Date().toISOString();
      state.ticket ??= {
        id: 't1', number: 1, appId: 'demo', conversationId: 'c1', status: 'queued', priority: 'P2',
        subject: req.value.subject ?? 'Help', assignee: null, resolution: null,
        context: req.value.context, transcript: req.value.transcript, createdAt: now, updatedAt: now,
      };
      void socket.join('conv:c1');
      req.value.transcript.forEach((t, i) => store({ clientId: `${req.value.clientId}:t${i}`, author: t.author, text: t.text }));
      reply({ ok: true, ticket: state.ticket, messages: state.messages });
    });
    socket.on('message:send', (input, reply) => {
      const req = validate(SendMessageSchema, input);
      if (!req.ok) return reply(req);
      if (!state.ticket) return reply(protocolError('not_found', 'no such conversation'));
      const when = drop;
      drop = null;
      if (when === 'before-store') return void socket.conn.close();
      const message = store({ clientId: req.value.clientId, author: 'visitor', text: req.value.text }, when === null);
      if (when === 'after-store') return void socket.conn.close();
      reply({ ok: true, message });
    });
    socket.on('sync', (input, reply) => {
      const req = validate(SyncRequestSchema, input);
      if (!req.ok) return reply(req);
      if (!state.ticket) return reply(protocolError('not_found', 'no such conversation'));
      void socket.join('conv:c1');
      reply({ ok: true, ticket: state.ticket, messages: state.messages.filter((m) => m.seq > req.value.afterSeq), receipts: { visitor: { delivered: 0, read: 0 }, agent: { delivered: 0, read: 0 } } });
    });
    socket.on('current', (_input, reply) => reply({ ok: true, ticket: state.ticket, messages: [] }));
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get messages() {
      return state.messages;
    },
    get ticket() {
      return state.ticket;
    },
    get sessions() {
      return state.sessions;
    },
    transports: state.transports,
    dropNextSend: (when) => void (drop = when),
    agentSays: (text) => store({ clientId: `agent-${state.messages.length + 1}`, author: 'agent', authorName: 'Ana Silva', text }),
    cutConnections: () => {
      for (const s of nsp.sockets.values()) s.conn.close();
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
