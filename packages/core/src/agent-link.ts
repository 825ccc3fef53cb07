import { LIMITS, isTranscriptCopy, type Attachment, type ConversationReceipts, type Message, type Receipt, type Ticket } from '@helpdock/protocol';
import { isoNow, type CoreContext } from './context.ts';
import { contiguousSeq, mergeMessages, phaseOf } from './messages.ts';
import type { HandoffDetails } from './intake-flow.ts';
import type { AgentChannel, ChannelError, ConnectionStatus } from './ports.ts';
import { buildTranscript, handoffContext, subjectOf } from './transcript.ts';

const TRANSIENT: ReadonlySet<ChannelError['code']> = new Set(['timeout', 'network', 'internal', 'rate_limited', 'unavailable']);

/**
 * Everything after "talk to a human": the channel, the handoff, the outbox
 * and catching up after reconnects. Each async step carries an attempt number
 * and is dropped when a newer one has started.
 */
export type AgentLink = ReturnType<typeof createAgentLink>;

export function createAgentLink(ctx: CoreContext) {
  const { store, isDestroyed } = ctx;
  // Called bare (zustand's are closures): shorter than `store.` at each of the forty uses.
  const { getState, setState } = store;
  let channel: Promise<AgentChannel> | null = null;
  let ready: AgentChannel | null = null;
  let unsubscribe: Array<() => void> = [];
  let handoffAttempt = 0;
  let syncAttempt = 0;
  let flushing = false;
  let cancelRetry: (() => void) | null = null;
  let cancelSyncRetry: (() => void) | null = null;
  // Syncs in a row that failed for a passing reason while connected; the visitor hears of it from the third.
  let syncFailures = 0;
  // Bumped by close(): a channel that finishes loading after that is closed, not wired.
  let generation = 0;
  // Seqs that arrived above a hole. lastSeq counts only what arrived without holes, so a message
  // missed live (its node went away before forwarding it, while a later one came through) is
  // fetched by the next sync instead of being skipped for good.
  const ahead = new Set<number>();
  let syncing = false;
  // The ticket list's and a past ticket's loads (ticket-link.ts): close() drops what they were waiting for.
  const attempts = { list: 0, past: 0 };

  // This device already shows its bot turns (with their articles): it keeps its own, not the server's copies.
  function isOwnTranscriptCopy(m: Message, handoffClientId: string | null): boolean {
    return handoffClientId !== null && isTranscriptCopy(m, handoffClientId);
  }

  function applyMessages(messages: Message[]): void {
    if (messages.length === 0) return;
    const acked = new Set(messages.map((m) => m.clientId));
    setState((s) => ({
      messages: mergeMessages(s.messages, messages.filter((m) => !isOwnTranscriptCopy(m, s.handoffClientId))),
      lastSeq: contiguousSeq(ahead, s.lastSeq, messages),
      outbox: s.outbox.some((o) => acked.has(o.clientId)) ? s.outbox.filter((o) => !acked.has(o.clientId)) : s.outbox,
    }));
    // The agent sees "delivered" once an agent's reply reached this device, read or not.
    if (messages.some((m) => m.author === 'agent')) sendReceipt('delivered', getState().lastSeq);
    if (ahead.size > 0 && !syncing) void catchUp();
  }

  function sendReceipt(kind: 'delivered' | 'read', seq: number): void {
    const ticket = getState().ticket;
    if (!ready?.receipt || !ticket || seq <= 0) return;
    void ready.receipt({ conversationId: ticket.conversationId, kind, seq });
  }

  /** The stored marks that came with a sync: right after a reload, not only after the next live receipt. */
  function applyMarks(conversationId: string, marks: ConversationReceipts): void {
    for (const kind of ['delivered', 'read'] as const) {
      applyReceipt({ conversationId, reader: 'agent', kind, seq: marks.agent[kind] });
    }
    applyReceipt({ conversationId, reader: 'visitor', kind: 'read', seq: marks.visitor.read });
  }

  function applyReceipt(r: Receipt): void {
    if (r.reader === 'agent') {
      setState((s) => {
        const mark = s.agentReceipts[r.kind];
        return r.seq > mark ? { agentReceipts: { ...s.agentReceipts, [r.kind]: r.seq } } : s;
      });
    } else if (r.kind === 'read') {
      // Read in another tab of this visitor: the badge clears here too.
      setState((s) => (r.seq > s.readSeq ? { readSeq: r.seq } : s));
    }
  }

  function applyTicket(ticket: Ticket): void {
    setState({ ticket, phase: phaseOf(ticket) });
  }

  function belongs(conversationId: string): boolean {
    return getState().ticket?.conversationId === conversationId;
  }

  function onStatus(status: ConnectionStatus): void {
    // What the server offers is known once its session is: read it on every (re)connect.
    const transcriptEmail = ready?.features?.().transcriptEmail === true;
    setState(transcriptEmail !== getState().transcriptEmail ? { connection: status, transcriptEmail } : { connection: status });
    if (status === 'online') void catchUp();
  }

  function connect(): Promise<AgentChannel> {
    if (channel) return channel;
    setState({ connection: 'connecting' });
    const gen = generation;
    const opening = Promise.resolve()
      .then(() => ctx.ports.agent())
      .then((ch) => {
        if (gen !== generation || isDestroyed()) {
          ch.close();
          return ch;
        }
        ready = ch;
        unsubscribe = [
          ch.onMessage((m) => belongs(m.conversationId) && applyMessages([m])),
          ch.onTicket((t) => belongs(t.conversationId) && applyTicket(t)),
          ch.onStatus(onStatus),
          ...(ch.onReceipt ? [ch.onReceipt((r) => belongs(r.conversationId) && applyReceipt(r))] : []),
        ];
        return ch;
      });
    channel = opening;
    opening.catch(() => {
      // Loading the channel failed (offline, blocked script): the next request tries again.
      if (channel !== opening) return;
      channel = null;
      setState({ connection: 'offline' });
    });
    return opening;
  }

  /** After every (re)connect: fetch what was missed, then resend what is unacknowledged. */
  async function catchUp(): Promise<void> {
    const ticket = getState().ticket;
    if (!ticket || !ready) return;
    const mine = ++syncAttempt;
    syncing = true;
    const res = await ready.sync({ conversationId: ticket.conversationId, afterSeq: getState().lastSeq });
    if (mine !== syncAttempt || isDestroyed() || !belongs(ticket.conversationId)) return;
    let more = false;
    if (res.ok) {
      const before = getState().lastSeq;
      const got = res.messages.length;
      applyTicket(res.ticket);
      applyMessages(res.messages);
      if (res.receipts) applyMarks(ticket.conversationId, res.receipts);
      if (getState().error?.kind === 'sync_failed') setState({ error: null });
      // The server's answer is the truth: a hole inside what it returned is not there to fetch.
      if (!got) ahead.clear();
      const top = contiguousSeq(ahead, Math.max(before, ...res.messages.map((m) => m.seq)), []);
      if (top > getState().lastSeq) setState({ lastSeq: top });
      // A full page, or messages that arrived above a hole meanwhile: the next page (each moves lastSeq on).
      more = got >= LIMITS.historyPage || (got > 0 && ahead.size > 0);
      syncFailures = 0;
    } else if (TRANSIENT.has(res.error.code)) {
      // A sync cut short by a drop or a restart is not news: the reconnect syncs again, and while
      // connected it is tried again shortly. Only one that keeps failing is shown.
      if (getState().connection === 'online') {
        if (++syncFailures >= 3) setState({ error: { kind: 'sync_failed', reason: res.error.code } });
        scheduleSyncRetry();
      }
    } else {
      setState({ error: { kind: 'sync_failed', reason: res.error.code } });
    }
    syncing = false;
    if (more) return catchUp();
    void flush();
  }

  function scheduleSyncRetry(): void {
    if (cancelSyncRetry) return;
    cancelSyncRetry = ctx.clock.schedule(() => {
      cancelSyncRetry = null;
      void catchUp();
    }, ctx.retryDelayMs);
  }

  function scheduleRetry(): void {
    if (cancelRetry) return;
    cancelRetry = ctx.clock.schedule(() => {
      cancelRetry = null;
      void flush();
    }, ctx.retryDelayMs);
  }

  /** Sends the outbox in order, one at a time, until empty or the transport fails. */
  async function flush(): Promise<void> {
    if (flushing || isDestroyed()) return;
    const ch = ready;
    const ticket = getState().ticket;
    if (!ch || !ticket || getState().connection !== 'online') return;
    flushing = true;
    try {
      for (;;) {
        const item = getState().outbox[0];
        if (!item || isDestroyed() || !belongs(ticket.conversationId)) return;
        const res = await ch.send({ conversationId: ticket.conversationId, clientId: item.clientId, text: item.text, attachments: item.attachments?.map((a) => a.id) });
        if (isDestroyed()) return;
        if (res.ok) {
          applyMessages([res.message]);
          // The server answered but with another clientId: still, this item is done.
          setState((s) => ({ outbox: s.outbox.filter((o) => o.clientId !== item.clientId) }));
          continue;
        }
        if (TRANSIENT.has(res.error.code)) {
          scheduleRetry();
          return;
        }
        // The server refused this message for good (too long, invalid): resending cannot help.
        setState((s) => ({
          outbox: s.outbox.filter((o) => o.clientId !== item.clientId),
          error: { kind: 'send_failed', reason: res.error.code, clientId: item.clientId },
          draft: s.draft || item.text,
        }));
      }
    } finally {
      flushing = false;
    }
  }

  function queueMessage(text: string, attachments?: Attachment[]): void {
    const clientId = ctx.newId();
    setState((s) => ({ outbox: s.outbox.concat({ clientId, text, createdAt: isoNow(ctx.clock), attachments }) }));
    void flush();
  }

  async function handoff(details: HandoffDetails = {}): Promise<void> {
    const s = getState();
    if (s.handoffPending || s.ticket) return;
    const mine = ++handoffAttempt;
    const clientId = s.handoffClientId ?? ctx.newId();
    setState({ handoffPending: true, handoffClientId: clientId, error: null });
    let ch: AgentChannel;
    try {
      ch = await connect();
    } catch {
      if (mine === handoffAttempt) setState({ handoffPending: false, error: { kind: 'handoff_failed', reason: 'network' } });
      return;
    }
    const { messages } = getState();
    const subject = subjectOf(messages);
    const res = await ch.handoff({
      clientId,
      transcript: buildTranscript(messages),
      context: handoffContext(ctx),
      ...(subject ? { subject } : {}),
      ...details,
    });
    if (mine !== handoffAttempt || isDestroyed()) return;
    if (!res.ok) {
      setState({ handoffPending: false, error: { kind: 'handoff_failed', reason: res.error.code } });
      return;
    }
    applyTicket(res.ticket);
    applyMessages(res.messages);
    setState({ handoffPending: false });
    void flush();
  }

  function close(): void {
    generation++;
    attempts.list++;
    attempts.past++;
    handoffAttempt++;
    syncAttempt++;
    syncing = false;
    ahead.clear();
    cancelRetry?.();
    cancelRetry = null;
    cancelSyncRetry?.();
    cancelSyncRetry = null;
    syncFailures = 0;
    for (const off of unsubscribe) off();
    unsubscribe = [];
    ready?.close();
    ready = null;
    channel = null;
  }

  return { connect, handoff, queueMessage, flush, close, sendReceipt, belongs, applyTicket, catchUp, attempts };
}
