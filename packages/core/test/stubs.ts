import type { Article } from '@helpdock/kb';
import type { Attachment, ContextSnapshot, HandoffRequest, Message, Receipt, ReceiptRequest, SendMessage, Ticket } from '@helpdock/protocol';
import type { AgentChannel, BotProvider, BotReply, ChannelResult, Clock, ConnectionStatus, ContextSource, FilePort, Storage } from '../src/index.ts';

export const article = (id: string, title: string, body = `${title}.`): Article => ({ id, locale: 'en', title, tags: [], products: [], body });

export function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) };
}

export function brokenStorage(): Storage {
  const fail = () => {
    throw new Error('SecurityError: storage is disabled');
  };
  return { get: fail, set: fail, remove: fail };
}

export function staticContext(context: ContextSnapshot = { url: 'https://console.example.com/ecs/i-123', title: 'Instance i-123', locale: 'en' }): ContextSource {
  return { snapshot: () => context, subscribe: () => () => undefined };
}

/** A clock whose timers run only when the test says so. */
export function manualClock(start = Date.UTC(2025, 0, 1)): Clock & { tick(): void } {
  let timers: Array<() => void> = [];
  return {
    now: () => start,
    schedule(fn) {
      timers.push(fn);
      return () => (timers = timers.filter((t) => t !== fn));
    },
    tick() {
      const due = timers;
      timers = [];
      for (const fn of due) fn();
    },
  };
}

export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A bot whose answers the test releases one by one, in any order. */
export function controlledBot() {
  const waiting: Array<{ text: string; resolve: (r: BotReply) => void }> = [];
  const bot: BotProvider = {
    reply: (text) => new Promise((resolve) => waiting.push({ text, resolve })),
  };
  return {
    bot,
    answer(text: string, reply: BotReply) {
      const i = waiting.findIndex((w) => w.text === text);
      const [turn] = waiting.splice(i, 1);
      if (!turn) throw new Error(`no pending question "${text}"`);
      turn.resolve(reply);
    },
  };
}

export function instantBot(replies: Record<string, BotReply>): BotProvider {
  return { reply: async (text) => replies[text] ?? { kind: 'unknown' } };
}

/**
 * The server side of the agent channel, in memory: stores each message once per
 * clientId, numbers them, and can "lose" acknowledgements to imitate a dropped connection.
 */
export class FakeAgentServer {
  readonly messages: Message[] = [];
  readonly handoffs: HandoffRequest[] = [];
  ticket: Ticket | null = null;
  /** Tickets of this visitor before the current one, oldest first. */
  pastTickets: Array<{ ticket: Ticket; messages: Message[] }> = [];
  /** Receipts the visitor sent, in order. */
  readonly receipts: ReceiptRequest[] = [];
  loseAcks = 0;
  /** Syncs to answer with a timeout before answering again. */
  failSyncs = 0;
  /** Files the visitor uploaded, by id. */
  readonly uploads = new Map<string, Attachment>();
  /** When set, every upload is refused with this. */
  refuseUploads: { code: 'too_large' | 'unsupported_type'; message: string } | null = null;
  private channels = new Set<FakeChannel>();

  connect(): FakeChannel {
    const ch = new FakeChannel(this);
    this.channels.add(ch);
    return ch;
  }

  /** Idempotent per clientId, like the real server. */
  handoff(req: HandoffRequest): { ticket: Ticket; messages: Message[] } {
    this.handoffs.push(req);
    if (this.ticket && this.handoffs[0]?.clientId !== req.clientId) throw new Error('a second ticket was requested');
    this.ticket ??= {
      id: 't1',
      number: 1,
      appId: 'demo',
      conversationId: 'c1',
      status: 'queued',
      priority: 'P2',
      subject: req.subject ?? 'Help',
      assignee: null,
      resolution: null,
      context: req.context,
      transcript: req.transcript,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    // Like the real server: the transcript becomes the conversation's first messages.
    req.transcript.forEach((t, i) => this.store({ clientId: `${req.clientId}:t${i}`, author: t.author, text: t.text }));
    return { ticket: this.ticket, messages: [...this.messages] };
  }

  store(msg: Pick<Message, 'clientId' | 'text' | 'author'> & { authorName?: string; attachments?: Attachment[] }): Message {
    const existing = this.messages.find((m) => m.clientId === msg.clientId);
    if (existing) return existing;
    const message: Message = { id: `m${this.messages.length + 1}`, conversationId: 'c1', seq: this.messages.length + 1, createdAt: '2025-01-01T00:00:00.000Z', ...msg };
    this.messages.push(message);
    return message;
  }

  /** An agent writes: every connected channel hears it. */
  agentSays(text: string, name = 'Ana Silva'): Message {
    const m = this.store({ clientId: `agent-${this.messages.length + 1}`, author: 'agent', authorName: name, text });
    for (const ch of this.channels) ch.push(m);
    return m;
  }

  claim(name = 'Ana Silva'): void {
    if (!this.ticket) throw new Error('no ticket');
    this.ticket = { ...this.ticket, status: 'in_progress', assignee: { id: 'a1', name } };
    for (const ch of this.channels) ch.pushTicket(this.ticket);
  }

  /** The agent's console reports a mark: every connected channel hears it. */
  agentReceipt(kind: 'delivered' | 'read', seq: number): void {
    for (const ch of this.channels) ch.pushReceipt({ conversationId: 'c1', reader: 'agent', kind, seq });
  }

  /** The visitor's own mark, relayed to the visitor's other tabs (as the server does). */
  visitorReceipt(from: FakeChannel, req: ReceiptRequest): void {
    this.receipts.push(req);
    for (const ch of this.channels) if (ch !== from) ch.pushReceipt({ ...req, reader: 'visitor' });
  }

  forget(ch: FakeChannel): void {
    this.channels.delete(ch);
  }
}

export class FakeChannel implements AgentChannel {
  status: ConnectionStatus = 'connecting';
  readonly syncs: number[] = [];
  closed = false;
  private messageListeners = new Set<(m: Message) => void>();
  private ticketListeners = new Set<(t: Ticket) => void>();
  private statusListeners = new Set<(s: ConnectionStatus) => void>();
  private receiptListeners = new Set<(r: Receipt) => void>();

  constructor(private server: FakeAgentServer) {}

  setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }

  push(m: Message): void {
    if (this.status === 'online') for (const l of this.messageListeners) l(m);
  }

  pushReceipt(r: Receipt): void {
    if (this.status === 'online') for (const l of this.receiptListeners) l(r);
  }

  async receipt(req: ReceiptRequest) {
    if (this.status !== 'online') return this.offline<object>();
    this.server.visitorReceipt(this, req);
    return { ok: true as const };
  }

  onReceipt(l: (r: Receipt) => void) {
    this.receiptListeners.add(l);
    return () => this.receiptListeners.delete(l);
  }

  async listTickets() {
    if (this.status !== 'online') return this.offline<{ tickets: Ticket[] }>();
    const tickets = [...this.server.pastTickets.map((p) => p.ticket), ...(this.server.ticket ? [this.server.ticket] : [])].reverse();
    return { ok: true as const, tickets };
  }

  pushTicket(t: Ticket): void {
    if (this.status === 'online') for (const l of this.ticketListeners) l(t);
  }

  private offline<T>(): ChannelResult<T> {
    return { ok: false, error: { code: 'timeout', message: 'no acknowledgement' } };
  }

  async handoff(req: HandoffRequest) {
    if (this.status !== 'online') return this.offline<{ ticket: Ticket; messages: Message[] }>();
    const result = this.server.handoff(req);
    if (this.server.loseAcks > 0) {
      this.server.loseAcks--;
      return this.offline<{ ticket: Ticket; messages: Message[] }>();
    }
    return { ok: true as const, ...result };
  }

  async send(req: SendMessage) {
    if (this.status !== 'online') return this.offline<{ message: Message }>();
    const attachments = req.attachments?.map((id) => this.server.uploads.get(id)).filter((a): a is Attachment => a !== undefined);
    const message = this.server.store({ clientId: req.clientId, text: req.text, author: 'visitor', ...(attachments?.length ? { attachments } : {}) });
    if (this.server.loseAcks > 0) {
      this.server.loseAcks--;
      return this.offline<{ message: Message }>();
    }
    return { ok: true as const, message };
  }

  async sync(req: { conversationId: string; afterSeq: number }) {
    this.syncs.push(req.afterSeq);
    if (this.server.failSyncs > 0) {
      this.server.failSyncs--;
      return this.offline<{ ticket: Ticket; messages: Message[] }>();
    }
    const past = this.server.pastTickets.find((p) => p.ticket.conversationId === req.conversationId);
    if (past && this.status === 'online') return { ok: true as const, ticket: past.ticket, messages: past.messages.filter((m) => m.seq > req.afterSeq) };
    if (this.status !== 'online' || !this.server.ticket) return this.offline<{ ticket: Ticket; messages: Message[] }>();
    return { ok: true as const, ticket: this.server.ticket, messages: this.server.messages.filter((m) => m.seq > req.afterSeq) };
  }

  async files(): Promise<FilePort> {
    const server = this.server;
    return {
      async upload(_conversationId, file) {
        if (server.refuseUploads) return { ok: false, error: server.refuseUploads };
        const attachment: Attachment = { id: `att_${server.uploads.size + 1}`, name: file.name, type: 'image/png', kind: 'image', size: file.size };
        server.uploads.set(attachment.id, attachment);
        return { ok: true, attachment };
      },
      async url(id) {
        return server.uploads.has(id) ? { ok: true, url: `blob:test/${id}` } : { ok: false, error: { code: 'not_found', message: 'no such attachment' } };
      },
    };
  }

  onMessage(l: (m: Message) => void) {
    this.messageListeners.add(l);
    return () => this.messageListeners.delete(l);
  }
  onTicket(l: (t: Ticket) => void) {
    this.ticketListeners.add(l);
    return () => this.ticketListeners.delete(l);
  }
  onStatus(l: (s: ConnectionStatus) => void) {
    this.statusListeners.add(l);
    l(this.status);
    return () => this.statusListeners.delete(l);
  }
  close(): void {
    this.closed = true;
    this.status = 'offline';
    this.server.forget(this);
  }
}

/** Lets every pending promise callback of the in-memory stubs run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
