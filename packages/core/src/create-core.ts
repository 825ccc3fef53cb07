import { LIMITS } from '@helpdock/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAgentLink, type AgentLink } from './agent-link.ts';
import { createActions } from './actions.ts';
import { createBotTurns, type HandOverReason } from './bot-turn.ts';
import { createIntake } from './intake-flow.ts';
import type { CoreContext } from './context.ts';
import { createContextHelp } from './context-help.ts';
import { clearConversation, loadConversation, pickPersisted, samePersisted, saveConversation } from './persistence.ts';
import type { Article } from '@helpdock/kb';
import type { ActionHandler, BotPick, Clock, DiagnosticsFn, PickedFile, Ports, QuickReply, Storage, TranscriptEmailResult } from './ports.ts';
import { initialState, type CoreState } from './state.ts';

export interface HelpdockCoreOptions {
  appId: string;
  ports: Ports;
  storage: Storage;
  clock: Clock;
  /** Unique ids for messages and handoffs (idempotency keys), e.g. `() => crypto.randomUUID()`. */
  newId: () => string;
  /** How long to wait before resending unacknowledged messages while connected. @default 3000 */
  retryDelayMs?: number;
  /** Storage that lasts a browser session (which error codes were nudged). @default storage */
  session?: Storage;
  /** Nudge on the launcher when a new error code appears on the page. @default true */
  nudges?: boolean;
  /** Masks secrets in the user's own messages and diagnostics reports before they leave the page. @default identity */
  redact?: (text: string) => string;
  /** How long a host action may run before it counts as failed. @default 15000 */
  actionTimeoutMs?: number;
}

/** The store, read-only: every change goes through the core's commands. */
export type ReadonlyCoreStore = Pick<StoreApi<CoreState>, 'getState' | 'getInitialState' | 'subscribe'>;

export interface HelpdockCore {
  readonly store: ReadonlyCoreStore;
  open(): void;
  close(): void;
  toggle(): void;
  setDraft(text: string): void;
  /** A visitor turn: answered by the bot before handoff, sent to the agent after. */
  sendMessage(text: string): void;
  /**
   * Uploads a file to the open conversation and sends it as a message of its
   * own; the draft stays as it is. A refusal (too big, wrong type) is `error`.
   */
  attachFile(file: PickedFile): Promise<void>;
  /** A local URL of an attachment's bytes (revoke it when done), or null when it cannot be read. */
  attachmentUrl(attachmentId: string): Promise<string | null>;
  /**
   * Hands the conversation to a human; always available, from any state. It
   * goes at once, with the bot's classification and any intake answers so far;
   * the guided questions come only when the bot leads the way to a person.
   */
  requestHuman(): void;
  /** The visitor's answer to "Did that solve it?" on a bot answer. */
  answerFeedback(messageId: string, solved: boolean): void;
  /** A quick-reply button: asks its text, or asks for a human. */
  quickReply(reply: QuickReply): void;
  /** Answers the intake question on screen: a choice or free text. */
  answerIntake(value: string, source?: 'choice' | 'text'): void;
  /** Skips the intake question on screen. */
  skipIntake(): void;
  /** Registers a host action an article can offer. Returns false for a bad name or handler. */
  registerAction(name: string, handler: ActionHandler): boolean;
  /** An article's action button: first asks to confirm. */
  offerAction(messageId: string): void;
  confirmAction(messageId: string): void;
  cancelAction(messageId: string): void;
  searchHelp(query: string): void;
  dismissError(): void;
  /** Opens an article by id inside the widget (`Helpdock('showArticle', id)`); resolves false when unknown. */
  showArticle(id: string): Promise<boolean>;
  /** Opens an article the widget already has (from the home view, a search, a bot answer). */
  openArticle(article: Article): void;
  closeArticle(): void;
  /** The host's suggestions (`Helpdock('suggest', ids)`): shown first on the home view until replaced. */
  suggest(ids: readonly string[]): Promise<void>;
  /** "Was this helpful?" */
  rateArticle(article: Article, helpful: boolean): void;
  dismissNudge(): void;
  /** Registers (or with null removes) the host's diagnostics function. */
  setDiagnostics(fn: DiagnosticsFn | null): void;
  /** Runs the host's check; the report is shown and attached to the ticket. */
  runDiagnostics(): Promise<void>;
  /** Shows what will be shared with an agent, before the ticket is created. */
  reviewHandoff(): void;
  cancelHandoff(): void;
  /** Rates the resolved ticket 1–5, with an optional comment. */
  rateTicket(score: number, comment?: string): void;
  /** Reopens the resolved ticket (within the app's reopen window). */
  reopenTicket(): void;
  /** Leaves an e-mail address on the ticket for an answer when nobody is online. */
  leaveEmail(email: string): void;
  /** Whether the page is visible (`document.visibilityState`): replies count as read only while it is and the chat is open. */
  setPageVisible(visible: boolean): void;
  /** Another tab of this visitor read up to `seq`: the unread count drops here too. */
  adoptReadMark(seq: number): void;
  /** Shows the list of this visitor's tickets, loading it from the server. */
  showTickets(): void;
  /** Opens a ticket by id: the current one, or a past one read-only. Resolves false when it is not this visitor's. */
  showTicket(id: string): Promise<boolean>;
  /** Back from the ticket list or a past ticket to the current conversation. */
  closeTickets(): void;
  /** E-mails a ticket's transcript (the server's copy) to `email`, when `state.transcriptEmail` says the server can. */
  emailTranscript(ticketId: string, email: string): Promise<TranscriptEmailResult>;
  /** Forgets the conversation on this device (sign-out) and starts over. */
  reset(): void;
  /** Stops listeners, timers and the channel. The persisted conversation stays. */
  destroy(): void;
}

/**
 * Builds the store and wires the ports. Restores a persisted conversation and,
 * if a ticket is still open, reconnects to it at once.
 */
export function createHelpdockCore(options: HelpdockCoreOptions): HelpdockCore {
  const { appId, ports, storage } = options;
  let destroyed = false;
  const restored = loadConversation(storage, appId);
  const store = createStore<CoreState>()(() => ({ ...initialState(ports.context.snapshot()), ...restored }));
  // Called bare (zustand's are closures): shorter than `store.` at each use.
  const { getState, setState } = store;
  const ctx: CoreContext = {
    store,
    ports,
    clock: options.clock,
    newId: options.newId,
    retryDelayMs: options.retryDelayMs ?? 3000,
    isDestroyed: () => destroyed,
  };
  const redact = options.redact ?? ((text: string) => text);
  const help = createContextHelp(ctx, { session: options.session ?? storage, nudges: options.nudges ?? true, redact });
  let agent = createAgentLink(ctx);
  const intake = createIntake(ctx, (details) => void agent.handoff(details));
  // The bot leads the way to a person: ask what is missing first.
  const handOver = (_reason: HandOverReason) => void intake.start(true);
  const bot = createBotTurns(ctx, handOver);
  const actions = createActions(ctx, options.actionTimeoutMs);

  let saved = pickPersisted(getState());
  const stopPersist = store.subscribe((state) => {
    const next = pickPersisted(state);
    if (samePersisted(saved, next)) return;
    saved = next;
    saveConversation(storage, appId, next);
  });
  const stopContext = ports.context.subscribe((context) => {
    if (destroyed) return;
    setState({ context });
    help.onContext(context);
  });

  // Replies are read when the visitor can see them: chat open, page visible, the live conversation on screen.
  const markRead = () => {
    const s = getState();
    if (destroyed || !s.open || !s.pageVisible || s.view !== 'chat' || s.pastTicket || s.article || s.lastSeq <= s.readSeq) return;
    setState({ readSeq: s.lastSeq });
    agent.sendReceipt('read', s.lastSeq);
  };
  const stopRead = store.subscribe(markRead);

  // A restored ticket that is still open: reconnect to it at once.
  if (restored?.ticket && restored.phase !== 'resolved') void agent.connect().catch(() => undefined);

  let prepared = false;
  const prepareBot = () => {
    if (prepared || !getState().open || getState().ticket) return;
    prepared = true;
    ports.bot.prepare?.(getState().context).catch(() => {
      prepared = false;
    });
  };
  prepareBot();

  function startOver(): void {
    bot.cancel();
    intake.cancel();
    agent.close();
    agent = createAgentLink(ctx);
    const { open, context, draft } = getState();
    setState({ ...initialState(context), open, draft });
  }

  /**
   * Past tickets and a ticket's actions: their code loads on first use, the open chat does not
   * carry it. Not loading it (offline, a deploy in between) is `offline`'s, as a channel that
   * does not load is a network failure. The link is the one of the moment of the call.
   */
  function withTickets<T>(run: (m: typeof import('./ticket-link.ts'), link: AgentLink) => Promise<T>, offline: () => T): Promise<T> {
    const link = agent;
    return import('./ticket-link.ts').then((m) => run(m, link), offline);
  }

  function ticketAction(run: Parameters<typeof import('./ticket-link.ts').ticketAction>[2]): void {
    void withTickets(
      (m, link) => m.ticketAction(ctx, link, run),
      () => {
        if (getState().ticket) setState({ error: { kind: 'ticket_action_failed', reason: 'network' } });
      },
    );
  }

  const guard = (fn: () => void) => () => {
    if (!destroyed) fn();
  };

  /** The visitor's next line, typed or picked (`pick`: a follow-up button naming an article). */
  function send(text: string, pick?: BotPick): void {
    const trimmed = text.trim();
    if (destroyed || !trimmed) return;
    if (trimmed.length > LIMITS.messageText) {
      setState({ draft: text, error: { kind: 'too_long', length: trimmed.length, limit: LIMITS.messageText } });
      return;
    }
    setState((s) => ({ draft: '', article: null, error: s.error?.kind === 'too_long' ? null : s.error }));
    if (getState().phase === 'resolved') startOver();
    const s = getState();
    // What the user typed is shown and sent masked: what they see is what leaves the page.
    const safe = redact(trimmed);
    if (s.ticket || s.handoffPending) agent.queueMessage(safe);
    else if (s.intake) intake.answer(safe, 'text');
    else void bot.ask(safe, pick);
  }

  const core: HelpdockCore = {
    store,
    open: guard(() => {
      const wasOpen = getState().open;
      setState({ open: true });
      if (!wasOpen) help.onOpen();
      prepareBot();
    }),
    close: guard(() => setState({ open: false })),
    toggle: guard(() => {
      setState((s) => ({ open: !s.open }));
      if (getState().open) help.onOpen();
      prepareBot();
    }),
    setDraft: (text) => {
      if (!destroyed) setState({ draft: text });
    },
    // Loaded on first use: the launcher does not carry it.
    attachFile: (file) => import('./attach-file.ts').then((m) => m.attachFile(ctx, agent, file)),
    attachmentUrl: (id) => import('./attach-file.ts').then((m) => m.attachmentUrl(agent, id)),
    sendMessage: (text) => send(text),
    requestHuman: guard(() => {
      setState({ reviewingHandoff: false, article: null });
      if (getState().phase === 'resolved') startOver();
      bot.cancel();
      if (getState().ticket || getState().handoffPending) return;
      if (!intake.finishNow()) void intake.start(false);
    }),
    answerFeedback: (messageId, solved) => {
      if (!destroyed) bot.feedback(messageId, solved === true);
    },
    quickReply(reply) {
      if (destroyed || !reply) return;
      if (reply.kind === 'human') core.reviewHandoff();
      else if (reply.kind === 'ask' && typeof reply.text === 'string') send(reply.text, typeof reply.articleId === 'string' ? { articleId: reply.articleId } : undefined);
    },
    answerIntake: (value, source = 'choice') => {
      if (!destroyed && typeof value === 'string') intake.answer(value, source);
    },
    skipIntake: guard(() => intake.skip()),
    registerAction: (name, handler) => !destroyed && actions.register(name, handler),
    offerAction: (id) => {
      if (!destroyed) actions.offer(id);
    },
    confirmAction: (id) => {
      if (!destroyed) void actions.confirm(id);
    },
    cancelAction: (id) => {
      if (!destroyed) actions.cancel(id);
    },
    searchHelp: (() => {
      let attempt = 0;
      return (query: string) => {
        const search = ports.help;
        if (destroyed || !search) return;
        const mine = ++attempt;
        setState({ helpQuery: query });
        if (!query.trim()) {
          setState({ help: [] });
          return;
        }
        search.search(query, getState().context).then(
          (articles) => {
            if (mine === attempt && !destroyed) setState({ help: articles });
          },
          () => undefined,
        );
      };
    })(),
    dismissError: guard(() => setState({ error: null })),
    showArticle: (id) => (destroyed ? Promise.resolve(false) : help.showArticle(id)),
    openArticle: (article) => {
      if (!destroyed) help.openArticle(article);
    },
    closeArticle: guard(() => help.closeArticle()),
    suggest: (ids) => (destroyed ? Promise.resolve() : help.suggest(ids)),
    rateArticle: (article, helpful) => {
      if (!destroyed) help.rate(article, helpful);
    },
    dismissNudge: guard(() => help.dismissNudge()),
    setDiagnostics: (fn) => {
      if (!destroyed) help.setDiagnostics(fn);
    },
    runDiagnostics: () => (destroyed ? Promise.resolve() : help.runDiagnostics()),
    reviewHandoff: guard(() => setState({ reviewingHandoff: true, article: null })),
    cancelHandoff: guard(() => setState({ reviewingHandoff: false })),
    rateTicket(score, comment) {
      if (destroyed) return;
      ticketAction((ch, ticketId) => ch.rate?.({ ticketId, score, ...(comment?.trim() ? { comment: comment.trim() } : {}) }));
    },
    reopenTicket: guard(() => {
      ticketAction((ch, ticketId) => ch.reopen?.({ ticketId }));
    }),
    leaveEmail(email) {
      if (destroyed) return;
      ticketAction((ch, ticketId) => ch.setContact?.({ ticketId, email: email.trim() }));
    },
    setPageVisible: (visible) => {
      if (!destroyed && getState().pageVisible !== visible) setState({ pageVisible: visible });
    },
    adoptReadMark: (seq) => {
      if (!destroyed && Number.isFinite(seq) && seq > getState().readSeq) setState({ readSeq: seq });
    },
    showTickets: guard(() => {
      setState({ view: 'tickets', pastTicket: null, article: null, reviewingHandoff: false, open: true });
      void withTickets(
        (m, link) => m.listTickets(ctx, link),
        () => setState({ error: { kind: 'tickets_failed', reason: 'network' } }),
      );
    }),
    showTicket(id) {
      if (destroyed) return Promise.resolve(false);
      if (getState().ticket?.id === id) {
        setState({ view: 'chat', pastTicket: null, article: null, open: true });
        return Promise.resolve(true);
      }
      return withTickets(
        (m, link) => m.showPast(ctx, link, id),
        () => {
          setState({ error: { kind: 'tickets_failed', reason: 'network' } });
          return false;
        },
      ).then((found) => {
        if (found && !destroyed) setState({ open: true });
        return found;
      });
    },
    closeTickets: guard(() => setState({ view: 'chat', pastTicket: null })),
    emailTranscript: (ticketId, email) =>
      destroyed ? Promise.resolve({ ok: false, reason: 'network' }) : withTickets((m, link) => m.emailTranscript(link, ticketId, email.trim()), () => ({ ok: false, reason: 'network' })),
    reset: guard(() => {
      startOver();
      clearConversation(storage, appId);
    }),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopPersist();
      stopContext();
      stopRead();
      intake.cancel();
      agent.close();
    },
  };
  return core;
}
