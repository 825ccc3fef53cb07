/// <reference path="../../../types/socket.io-json-parser.d.ts" />
import type { AgentChannel, ChannelError, ChannelResult, ConnectionStatus, Storage } from '@helpdock/core';
import { HTTP, NAMESPACES, type Ack, type Identity, type Message, type Receipt, type Ticket, type VisitorClientEvents, type VisitorServerEvents } from '@helpdock/protocol';
import { Manager, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { visitorSession } from './visitor-session.ts';

export interface SocketAgentChannelOptions {
  serverUrl: string;
  appId: string;
  /** Keeps the visitor token, so a reload resumes the same visitor. */
  storage: Storage;
  /** How long to wait for the connection and for each acknowledgement. @default 10000 */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The verified user, if any: see `visitorSession`. */
  identity?: (() => Identity | null) | undefined;
  /** Passed to socket.io-client, e.g. reconnection delays. */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
type Fail = { ok: false; error: { code: 'timeout' | 'network'; message: string } };

const fail = (code: 'timeout' | 'network', message: string): Fail => ({ ok: false, error: { code, message } });
// A refused handshake is retried with a fresh session, but not in a tight loop.
const MAX_REFUSALS = 3;
// How long a WebSocket may take to open before the next attempt (and the long-polling fallback).
const WEBSOCKET_TIMEOUT_MS = 5000;

/**
 * The agent channel over socket.io `/visitor`: a visitor session over HTTP,
 * then one socket. Requests wait for the connection, carry an acknowledgement
 * timeout and never throw. socket.io reconnects on its own; every (re)connect is
 * reported as `online`, which is when the core syncs and resends.
 */
export function socketAgentChannel(options: SocketAgentChannelOptions): AgentChannel {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const server = options.serverUrl.replace(/\/$/, '');
  const messageListeners = new Set<(m: Message) => void>();
  const ticketListeners = new Set<(t: Ticket) => void>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  const receiptListeners = new Set<(r: Receipt) => void>();
  let status: ConnectionStatus = 'connecting';
  let socket: VisitorSocket | null = null;
  let closed = false;
  let refusals = 0;
  let features = { transcriptEmail: false };
  // The session the socket holds; attachments travel over HTTP with the same one.
  let token: string | null = null;

  // The browser knows about a cut long before socket.io's heartbeat (up to 45 s): messages wait in
  // the outbox instead of being emitted into a dead socket, and are sent the moment the network is back.
  const target = typeof globalThis.addEventListener === 'function' ? globalThis : null;
  const onOffline = () => setStatus('offline');
  const onOnline = () => {
    if (socket?.connected) setStatus('online');
    else socket?.connect();
  };
  target?.addEventListener('offline', onOffline);
  target?.addEventListener('online', onOnline);

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const l of statusListeners) l(next);
  };

  // Where a proxy lets HTTP through but not WebSockets, socket.io's long-polling carries the
  // chat instead (upgrading to a WebSocket if one gets through later). It is chosen only when no
  // WebSocket has connected on this page yet and the server still answers HTTP: an outage, or a
  // node going away behind a balancer without sticky sessions, keeps the WebSocket.
  let polling = options.socketOptions?.transports !== undefined;
  let websocketWorked = false;
  async function fallBackToPolling(s: VisitorSocket): Promise<void> {
    if (polling || websocketWorked) return;
    polling = true;
    const reachable = await (options.fetch ?? globalThis.fetch)(`${server}${HTTP.health}`, { mode: 'no-cors', credentials: 'omit' }).then(
      () => true,
      () => false,
    );
    if (closed || !reachable) {
      polling = false;
      return;
    }
    try {
      const { XHR, WS } = await import('./polling-transport.ts');
      // The manager opens its next attempt with these, and gives a long-polling handshake socket.io's usual time.
      s.io.opts.transports = [XHR, WS] as unknown as string[];
      if (options.socketOptions?.timeout === undefined) s.io.timeout(20_000);
    } catch {
      polling = false;
    }
  }

  async function openSocket(): Promise<VisitorSocket | null> {
    const session = await visitorSession(options);
    if (closed) return null;
    if (!session.ok) {
      lastRefusal = session.error;
      setStatus('offline');
      return null;
    }
    lastRefusal = null;
    features = session.features;
    token = session.token;
    const socketOptions: Partial<ManagerOptions & SocketOptions> = {
      // A proxy may accept the WebSocket and drop it before it opens, which socket.io only notices at
      // this timeout (20 s by default): the fallback to long-polling should not wait that long.
      timeout: WEBSOCKET_TIMEOUT_MS,
      ...options.socketOptions,
      // WebSocket straight away: no polling requests, no sticky sessions. A host may choose otherwise.
      transports: options.socketOptions?.transports ?? ['websocket'],
      auth: { appId: options.appId, token: session.token },
      // Our server speaks socket.io's JSON parser (see docs/protocol.md): no binary over the socket.
      parser: jsonParser,
    };
    // A Manager of its own, as io() would make for a namespace it already holds: no module-wide cache
    // of managers outlives the channel (and socket.io's URL lookup stays out of the bundle).
    const s: VisitorSocket = new Manager(server, socketOptions).socket(NAMESPACES.visitor, socketOptions);
    s.on('connect', () => {
      if (!polling) websocketWorked = true;
      refusals = 0;
      setStatus('online');
    });
    s.on('disconnect', (reason) => {
      setStatus('offline');
      // The server let us go on purpose (e.g. a deploy); socket.io only retries by itself after network losses.
      if (reason === 'io server disconnect' && !closed) s.connect();
    });
    s.on('connect_error', () => {
      setStatus('offline');
      if (s.active) void fallBackToPolling(s);
      if (s.active || closed || ++refusals > MAX_REFUSALS) return;
      // Refused at the handshake (expired token, server secret rotated): get a fresh session, then retry.
      void visitorSession(options).then((next) => {
        if (closed || !next.ok) return;
        features = next.features;
        token = next.token;
        s.auth = { appId: options.appId, token };
        s.connect();
      });
    });
    s.on('message', (m) => {
      for (const l of messageListeners) l(m);
    });
    s.on('ticket', (t) => {
      for (const l of ticketListeners) l(t);
    });
    s.on('receipt', (r) => {
      for (const l of receiptListeners) l(r);
    });
    socket = s;
    return s;
  }

  // Why the last session request failed: "unknown app" must reach the UI as that, not as "network".
  let lastRefusal: ChannelError | null = null;
  let opening: Promise<VisitorSocket | null> | null = null;
  const ensureSocket = () => {
    opening ??= openSocket().then((s) => {
      // No session (server down, origin refused): the next request tries again.
      if (!s) opening = null;
      return s;
    });
    return opening;
  };
  void ensureSocket();

  function connected(s: VisitorSocket): Promise<boolean> {
    if (s.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        s.off('connect', onConnect);
        resolve(ok);
      };
      const onConnect = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      s.on('connect', onConnect);
    });
  }

  async function request<E extends keyof VisitorClientEvents, T>(event: E, payload: Parameters<VisitorClientEvents[E]>[0]): Promise<ChannelResult<T>> {
    if (closed) return fail('network', 'channel closed');
    const s = await ensureSocket();
    if (!s) return { ok: false, error: lastRefusal ?? { code: 'network', message: 'no visitor session' } };
    if (!(await connected(s))) return fail('timeout', 'not connected');
    try {
      // The typed emitWithAck overloads don't survive a generic event name.
      const timed = s.timeout(timeoutMs) as unknown as { emitWithAck(event: string, payload: unknown): Promise<Ack<T>> };
      const ack = await timed.emitWithAck(event, payload);
      return ack.ok ? ack : { ok: false, error: ack.error };
    } catch {
      return fail('timeout', `no acknowledgement for ${event} within ${timeoutMs} ms`);
    }
  }

  const listen =
    <T>(set: Set<(v: T) => void>) =>
    (listener: (v: T) => void) => {
      set.add(listener);
      return () => void set.delete(listener);
    };

  return {
    handoff: (req) => request('handoff', req),
    send: (msg) => request('message:send', msg),
    sync: (req) => request('sync', req),
    rate: (req) => request('ticket:rate', req),
    reopen: (req) => request('ticket:reopen', req),
    setContact: (req) => request('contact:set', req),
    receipt: (req) => request('receipt', req),
    emailTranscript: (req) => request('transcript:email', req),
    features: () => features,
    listTickets: () => request('tickets:list', {}),
    // Loaded with the first attachment: not on the open chat's path.
    files: () => import('./files.ts').then((m) => m.httpFiles({ serverUrl: options.serverUrl, token: () => token, fetch: options.fetch })),
    onReceipt: listen(receiptListeners),
    onMessage: listen(messageListeners),
    onTicket: listen(ticketListeners),
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => void statusListeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      target?.removeEventListener('offline', onOffline);
      target?.removeEventListener('online', onOnline);
      socket?.disconnect();
      messageListeners.clear();
      ticketListeners.clear();
      statusListeners.clear();
      receiptListeners.clear();
    },
  };
}
