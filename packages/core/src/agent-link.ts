import { isTranscriptCopy, type Message, type Ticket } from '@helpdock/protocol';
import { isoNow, type CoreContext } from './context.ts';
import { maxSeq, mergeMessages, phaseOf } from './messages.ts';
import type { AgentChannel, ChannelError, ChannelResult, ConnectionStatus } from './ports.ts';
import { buildTranscript, handoffContext, subjectOf } from './transcript.ts';

const TRANSIENT: ReadonlySet<ChannelError['code']> = new Set(['timeout', 'network', 'internal', 'rate_limited']);

/**
 * Everything after "talk to a human": the channel, the handoff, the outbox
 * and catching up after reconnects. Each async step carries an attempt number
 * and is dropped when a newer one has started.
 */
export function createAgentLink(ctx: CoreContext) {
  const { store } = ctx;
  let channel: Promise<AgentChannel> | null = null;
  let ready: AgentChannel | null = null;
  let unsubscribe: Array<() => void> = [];
  let handoffAttempt = 0;
  let syncAttempt = 0;
  let flushing = false;
  let cancelRetry: (() => void) | null = null;
  // Bumped by close(): a channel that finishes loading after that is closed, not wired.
  let generation = 0;

  // This device already shows its bot turns (with their articles): it keeps its own, not the server's copies.
  function isOwnTranscriptCopy(m: Message, handoffClientId: string | null): boolean {
    return handoffClientId !== null && isTranscriptCopy(m, handoffClientId);
  }

  function applyMessages(messages: Message[]): void {
    if (messages.length === 0) return;
    const acked = new Set(messages.map((m) => m.clientId));
    store.setState((s) => ({
      messages: mergeMessages(s.messages, messages.filter((m) => !isOwnTranscriptCopy(m, s.handoffClientId))),
      lastSeq: maxSeq(s.lastSeq, messages),
      outbox: s.outbox.some((o) => acked.has(o.clientId)) ? s.outbox.filter((o) => !acked.has(o.clientId)) : s.outbox,
    }));
  }

  function applyTicket(ticket: Ticket): void {
    store.setState({ ticket, phase: phaseOf(ticket) });
  }

  function belongs(conversationId: string): boolean {
    return store.getState().ticket?.conversationId === conversationId;
  }

  function onStatus(status: ConnectionStatus): void {
    store.setState({ connection: status });
    if (status === 'online') void catchUp();
  }

  function connect(): Promise<AgentChannel> {
    if (channel) return channel;
    store.setState({ connection: 'connecting' });
    const gen = generation;
    const opening = Promise.resolve()
      .then(() => ctx.ports.agent())
      .then((ch) => {
        if (gen !== generation || ctx.isDestroyed()) {
          ch.close();
          return ch;
        }
        ready = ch;
        unsubscribe = [
          ch.onMessage((m) => belongs(m.conversationId) && applyMessages([m])),
          ch.onTicket((t) => belongs(t.conversationId) && applyTicket(t)),
          ch.onStatus(onStatus),
        ];
        return ch;
      });
    channel = opening;
    opening.catch(() => {
      // Loading the channel failed (offline, blocked script): the next request tries again.
      if (channel !== opening) return;
      channel = null;
      store.setState({ connection: 'offline' });
    });
    return opening;
  }

  /** After every (re)connect: fetch what was missed, then resend what is unacknowledged. */
  async function catchUp(): Promise<void> {
    const ticket = store.getState().ticket;
    if (!ticket || !ready) return;
    const mine = ++syncAttempt;
    const res = await ready.sync({ conversationId: ticket.conversationId, afterSeq: store.getState().lastSeq });
    if (mine !== syncAttempt || ctx.isDestroyed() || !belongs(ticket.conversationId)) return;
    if (res.ok) {
      applyTicket(res.ticket);
      applyMessages(res.messages);
      if (store.getState().error?.kind === 'sync_failed') store.setState({ error: null });
    } else {
      store.setState({ error: { kind: 'sync_failed', reason: res.error.code } });
    }
    void flush();
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
    if (flushing || ctx.isDestroyed()) return;
    const ch = ready;
    const ticket = store.getState().ticket;
    if (!ch || !ticket || store.getState().connection !== 'online') return;
    flushing = true;
    try {
      for (;;) {
        const item = store.getState().outbox[0];
        if (!item || ctx.isDestroyed() || !belongs(ticket.conversationId)) return;
        const res = await ch.send({ conversationId: ticket.conversationId, clientId: item.clientId, text: item.text });
        if (ctx.isDestroyed()) return;
        if (res.ok) {
          applyMessages([res.message]);
          // The server answered but with another clientId: still, this item is done.
          store.setState((s) => ({ outbox: s.outbox.filter((o) => o.clientId !== item.clientId) }));
          continue;
        }
        if (TRANSIENT.has(res.error.code)) {
          scheduleRetry();
          return;
        }
        // The server refused this message for good (too long, invalid): resending cannot help.
        store.setState((s) => ({
          outbox: s.outbox.filter((o) => o.clientId !== item.clientId),
          error: { kind: 'send_failed', reason: res.error.code, clientId: item.clientId },
          draft: s.draft || item.text,
        }));
      }
    } finally {
      flushing = false;
    }
  }

  function queueMessage(text: string): void {
    const clientId = ctx.newId();
    store.setState((s) => ({ outbox: s.outbox.concat({ clientId, text, createdAt: isoNow(ctx.clock) }) }));
    void flush();
  }

  async function handoff(): Promise<void> {
    const s = store.getState();
    if (s.handoffPending || s.ticket) return;
    const mine = ++handoffAttempt;
    const clientId = s.handoffClientId ?? ctx.newId();
    store.setState({ handoffPending: true, handoffClientId: clientId, error: null });
    let ch: AgentChannel;
    try {
      ch = await connect();
    } catch {
      if (mine === handoffAttempt) store.setState({ handoffPending: false, error: { kind: 'handoff_failed', reason: 'network' } });
      return;
    }
    const { messages } = store.getState();
    const subject = subjectOf(messages);
    const res = await ch.handoff({
      clientId,
      transcript: buildTranscript(messages),
      context: handoffContext(ctx),
      ...(subject ? { subject } : {}),
    });
    if (mine !== handoffAttempt || ctx.isDestroyed()) return;
    if (!res.ok) {
      store.setState({ handoffPending: false, error: { kind: 'handoff_failed', reason: res.error.code } });
      return;
    }
    applyTicket(res.ticket);
    applyMessages(res.messages);
    store.setState({ handoffPending: false });
    void flush();
  }

  /**
   * A ticket action (rate, reopen, leave an e-mail): needs the channel even for a
   * resolved ticket, applies the returned ticket, and reports a failure as state.
   */
  async function ticketAction(run: (ch: AgentChannel, ticketId: string) => Promise<ChannelResult<{ ticket: Ticket }>> | undefined): Promise<boolean> {
    const ticket = store.getState().ticket;
    if (!ticket) return false;
    let ch: AgentChannel;
    try {
      ch = await connect();
    } catch {
      store.setState({ error: { kind: 'ticket_action_failed', reason: 'network' } });
      return false;
    }
    const res = await run(ch, ticket.id);
    if (!res || ctx.isDestroyed() || !belongs(ticket.conversationId)) return false;
    if (!res.ok) {
      store.setState({ error: { kind: 'ticket_action_failed', reason: res.error.code } });
      return false;
    }
    applyTicket(res.ticket);
    if (res.ticket.status !== 'resolved' && res.ticket.status !== 'closed') void catchUp();
    return true;
  }

  function close(): void {
    generation++;
    handoffAttempt++;
    syncAttempt++;
    cancelRetry?.();
    cancelRetry = null;
    for (const off of unsubscribe) off();
    unsubscribe = [];
    ready?.close();
    ready = null;
    channel = null;
  }

  return { connect, handoff, queueMessage, flush, close, ticketAction };
}
