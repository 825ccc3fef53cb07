/// <reference path="../../../types/socket.io-json-parser.d.ts" />
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import { createFiles, type Files } from './files.ts';
import { io, type Socket } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { NAMESPACES, type Ack, type Agent, type AgentClientEvents, type AgentProfile, type AgentServerEvents, type CannedReply, type InternalNote, type Message, type ReceiptMarks, type Ticket, type UpdateTicket } from '@helpdock/protocol';
import { toClientError, type ClientError, type Result } from './errors.ts';
import { mergeMessages } from './messages.ts';
import { applyTicket, newerTicket, queueFrom } from './queue.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

/** The ticket on screen and its conversation. */
export interface OpenTicket {
  ticketId: string;
  /** Null until the server has sent it (unless the queue already knew it). */
  ticket: Ticket | null;
  messages: Message[];
  loading: boolean;
  error: ClientError | null;
  /** Internal notes: agents only. */
  notes?: InternalNote[];
  /** Whether the visitor is typing right now. */
  visitorTyping?: boolean;
  /** How far the visitor has received and read the conversation (their receipts). */
  visitorReceipts?: { delivered: number; read: number };
}

export interface Connection {
  status: ReadonlySignal<ConnectionStatus>;
  me: ReadonlySignal<Agent>;
  /** Open tickets of the app, in the order agents should work them. */
  queue: ReadonlySignal<Ticket[]>;
  queueLoaded: ReadonlySignal<boolean>;
  queueError: ReadonlySignal<ClientError | null>;
  current: ReadonlySignal<OpenTicket | null>;
  /** The signed-in agent's presence, tier, team and load; null until the server has said. */
  profile: ReadonlySignal<AgentProfile | null>;
  teams: ReadonlySignal<string[]>;
  /** The app's canned replies, from the server. */
  cannedReplies: ReadonlySignal<CannedReply[]>;
  setStatus(status: 'online' | 'away'): Promise<Result<{ me: AgentProfile }>>;
  update(req: UpdateTicket): Promise<Result<{ ticket: Ticket }>>;
  escalate(ticketId: string): Promise<Result<{ ticket: Ticket }>>;
  transfer(ticketId: string, team: string): Promise<Result<{ ticket: Ticket }>>;
  addNote(ticketId: string, text: string): Promise<Result<{ note: InternalNote }>>;
  /** Tells the visitor the agent is typing (throttled by the caller). */
  typing(conversationId: string, typing: boolean): void;
  open(ticketId: string): void;
  claim(ticketId: string): Promise<Result<{ ticket: Ticket }>>;
  resolve(ticketId: string, resolution: string): Promise<Result<{ ticket: Ticket }>>;
  send(conversationId: string, clientId: string, text: string, attachments?: string[]): Promise<Result<{ message: Message }>>;
  /** Uploads and reads attachments with this agent's token. */
  files: Files;
  /** Disconnects for good and stops every timer. */
  close(): void;
}

export interface ConnectOptions {
  server: string;
  token: string;
  agent: Agent;
  /** Called once when the server refuses the token; the session is over. */
  onUnauthorized: () => void;
  /** How long to wait for an acknowledgement. @default 10000 */
  ackTimeoutMs?: number;
  /** How long to wait before retrying after the server refused the handshake for another reason. @default 3000 */
  retryMs?: number;
}

type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

function isUnauthorized(err: Error & { data?: unknown }): boolean {
  const data = err.data as { code?: unknown } | undefined;
  return err.message === 'unauthorized' || data?.code === 'unauthorized';
}

/** Connects to the agent namespace and keeps the queue and the open ticket live. */
export function createConnection(options: ConnectOptions): Connection {
  const { ackTimeoutMs = 10_000, retryMs = 3_000 } = options;
  const status = signal<ConnectionStatus>('connecting');
  const me = signal(options.agent);
  const queue = signal<Ticket[]>([]);
  const queueLoaded = signal(false);
  const queueError = signal<ClientError | null>(null);
  const current = signal<OpenTicket | null>(null);
  const profile = signal<AgentProfile | null>(null);
  const teams = signal<string[]>([]);
  const cannedReplies = signal<CannedReply[]>([]);
  // The highest seq this console told the server it has read, per conversation.
  const readSent = new Map<string, number>();
  const deliveredSent = new Map<string, number>();
  // The presence the agent chose; restored after every reconnect (the server marks a vanished console offline).
  let wantedStatus: 'online' | 'away' = 'away';
  // Each open/refresh bumps its counter; an answer for an older attempt is dropped.
  let openAttempt = 0;
  let listAttempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const socket: AgentSocket = io(`${options.server}${NAMESPACES.agent}`, { auth: { token: options.token }, parser: jsonParser });

  function endSession(): void {
    if (status.value === 'unauthorized') return;
    status.value = 'unauthorized';
    socket.disconnect();
    options.onUnauthorized();
  }

  async function settle<T>(pending: Promise<Ack<T>>): Promise<Result<T>> {
    try {
      const ack = await pending;
      if (ack.ok) return ack;
      const error = toClientError(ack.error);
      if (error.code === 'unauthorized') endSession();
      return { ok: false, error };
    } catch (err) {
      return { ok: false, error: { code: 'timeout', message: err instanceof Error ? err.message : String(err) } };
    }
  }

  const timed = () => socket.timeout(ackTimeoutMs);

  function updateCurrent(patch: (open: OpenTicket) => OpenTicket | null, ticketId?: string): void {
    const open = current.value;
    if (open && (ticketId === undefined || open.ticketId === ticketId)) current.value = patch(open);
    markRead();
  }

  /** The open ticket's conversation is on screen: the visitor sees "Seen" once the console's tab is visible. */
  function markRead(): void {
    const open = current.value;
    const conversationId = open?.ticket?.conversationId;
    if (!open || !conversationId || !socket.connected) return;
    const last = open.messages.reduce((max, m) => (m.author === 'visitor' && m.seq > max ? m.seq : max), 0);
    if (last <= (readSent.get(conversationId) ?? 0)) return;
    if (last > (deliveredSent.get(conversationId) ?? 0)) {
      deliveredSent.set(conversationId, last);
      socket.emit('receipt', { conversationId, kind: 'delivered', seq: last }, () => undefined);
    }
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    readSent.set(conversationId, last);
    socket.emit('receipt', { conversationId, kind: 'read', seq: last }, () => undefined);
  }
  const onVisible = () => markRead();
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);

  function acceptTicket(ticket: Ticket): void {
    batch(() => {
      queue.value = applyTicket(queue.value, ticket);
      updateCurrent((o) => ({ ...o, ticket: o.ticket ? newerTicket(o.ticket, ticket) : ticket }), ticket.id);
    });
  }

  async function refreshQueue(): Promise<void> {
    const attempt = ++listAttempt;
    const result = await settle(timed().emitWithAck('queue:list', {}));
    if (attempt !== listAttempt || closed) return;
    batch(() => {
      queueLoaded.value = true;
      if (result.ok) {
        queue.value = queueFrom(result.tickets);
        queueError.value = null;
      } else {
        queueError.value = result.error;
      }
    });
  }

  async function load(ticketId: string): Promise<void> {
    const attempt = ++openAttempt;
    const result = await settle(timed().emitWithAck('ticket:open', { ticketId }));
    if (attempt !== openAttempt || closed) return;
    updateCurrent((o) =>
      result.ok
        ? {
            ...o,
            ticket: o.ticket ? newerTicket(o.ticket, result.ticket) : result.ticket,
            messages: mergeMessages(o.messages, result.messages),
            visitorReceipts: higherMarks(o.visitorReceipts, result.receipts.visitor),
            loading: false,
            error: null,
          }
        : { ...o, loading: false, error: result.error },
      ticketId,
    );
    const notes = await settle(timed().emitWithAck('notes:list', { ticketId }));
    if (attempt !== openAttempt || closed || !notes.ok) return;
    updateCurrent((o) => ({ ...o, notes: notes.notes }), ticketId);
  }

  async function bootstrap(): Promise<void> {
    const result = await settle(timed().emitWithAck('agent:bootstrap', {}));
    if (closed || !result.ok) return;
    teams.value = result.teams;
    cannedReplies.value = result.cannedReplies;
    profile.value = result.me;
    if (result.me.status !== wantedStatus) void setStatus(wantedStatus);
  }

  async function setStatus(status: 'online' | 'away'): Promise<Result<{ me: AgentProfile }>> {
    wantedStatus = status;
    const result = await settle(timed().emitWithAck('agent:status', { status }));
    if (result.ok) profile.value = result.me;
    return result;
  }

  async function ticketCall(pending: Promise<Ack<{ ticket: Ticket }>>): Promise<Result<{ ticket: Ticket }>> {
    const result = await settle(pending);
    if (result.ok) acceptTicket(result.ticket);
    return result;
  }

  socket.on('connect', () => {
    status.value = 'connected';
    void refreshQueue();
    void bootstrap();
    // Rooms do not survive a reconnect: opening again rejoins and fills any gap.
    const open = current.value;
    if (open) void load(open.ticketId);
  });
  socket.on('disconnect', (reason) => {
    if (closed || status.value === 'unauthorized') return;
    status.value = 'reconnecting';
    // The server dropping us is not retried by socket.io itself.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    if (closed) return;
    if (isUnauthorized(err)) return endSession();
    if (status.value === 'connected') status.value = 'reconnecting';
    else if (status.value === 'connecting' && socket.active) status.value = 'reconnecting';
    // A refused handshake (not a network failure) leaves the socket inactive: retry ourselves.
    if (!socket.active) {
      status.value = 'reconnecting';
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => socket.connect(), retryMs);
    }
  });
  socket.on('hello', (agent) => {
    me.value = agent;
  });
  socket.on('ticket', acceptTicket);
  socket.on('agent', (agent) => {
    if (agent.id === me.value.id) profile.value = agent;
  });
  socket.on('note', (note) => {
    updateCurrent((o) => ((o.notes ?? []).some((n) => n.id === note.id) ? o : { ...o, notes: [...(o.notes ?? []), note] }), note.ticketId);
  });
  socket.on('typing', (typing) => {
    if (typing.who !== 'visitor') return;
    updateCurrent((o) => (o.ticket?.conversationId === typing.conversationId ? { ...o, visitorTyping: typing.typing } : o));
  });
  socket.on('receipt', (receipt) => {
    if (receipt.reader !== 'visitor') return;
    updateCurrent((o) => {
      if (o.ticket?.conversationId !== receipt.conversationId) return o;
      const marks = o.visitorReceipts ?? { delivered: 0, read: 0 };
      return receipt.seq > marks[receipt.kind] ? { ...o, visitorReceipts: { ...marks, [receipt.kind]: receipt.seq } } : o;
    });
  });
  socket.on('message', (message) => {
    updateCurrent((o) =>
      o.ticket?.conversationId === message.conversationId
        ? { ...o, messages: mergeMessages(o.messages, [message]), visitorTyping: message.author === 'visitor' ? false : (o.visitorTyping ?? false) }
        : o,
    );
  });

  return {
    profile,
    teams,
    cannedReplies,
    setStatus,
    update: (req) => ticketCall(timed().emitWithAck('ticket:update', req)),
    escalate: (ticketId) => ticketCall(timed().emitWithAck('ticket:escalate', { ticketId })),
    transfer: (ticketId, team) => ticketCall(timed().emitWithAck('ticket:transfer', { ticketId, team })),
    addNote: (ticketId, text) => settle(timed().emitWithAck('note:add', { ticketId, text })),
    typing(conversationId, typing) {
      if (socket.connected) socket.emit('typing', { conversationId, typing }, () => undefined);
    },
    status,
    me,
    queue,
    queueLoaded,
    queueError,
    current,
    open(ticketId) {
      if (current.value?.ticketId === ticketId && !current.value.error) return;
      current.value = { ticketId, ticket: queue.value.find((t) => t.id === ticketId) ?? null, messages: [], loading: true, error: null, notes: [], visitorTyping: false };
      void load(ticketId);
    },
    async claim(ticketId) {
      const result = await settle(timed().emitWithAck('ticket:claim', { ticketId }));
      if (result.ok) acceptTicket(result.ticket);
      return result;
    },
    async resolve(ticketId, resolution) {
      const result = await settle(timed().emitWithAck('ticket:resolve', { ticketId, resolution }));
      if (result.ok) acceptTicket(result.ticket);
      return result;
    },
    files: createFiles(options.server, options.token),
    async send(conversationId, clientId, text, attachments) {
      const result = await settle(timed().emitWithAck('message:send', { conversationId, clientId, text, ...(attachments?.length ? { attachments } : {}) }));
      if (result.ok) {
        const { message } = result;
        updateCurrent((o) => (o.ticket?.conversationId === message.conversationId ? { ...o, messages: mergeMessages(o.messages, [message]) } : o));
      }
      return result;
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

/** Marks only ever rise: a live receipt that overtook the stored ones is kept. */
function higherMarks(current: ReceiptMarks | undefined, stored: ReceiptMarks): ReceiptMarks {
  if (!current) return stored;
  return { delivered: Math.max(current.delivered, stored.delivered), read: Math.max(current.read, stored.read) };
}
