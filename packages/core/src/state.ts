import type { Article } from '@helpdock/kb';
import type { ActionOutcome, Attachment, Author, ContextSnapshot, DiagnosticsReport, Incident, IntakeAnswer, Ticket } from '@helpdock/protocol';
import type { ChannelError, ConnectionStatus, HandoffPlan, OfferedAction, QuickReply } from './ports.ts';

/** A translation key with its parameters; the UI translates at render so a locale switch is never stale. */
export interface I18nText {
  key: string;
  params?: Record<string, string | number>;
}

/** Where the conversation is. `idle`: nothing said yet. */
export type ConversationPhase = 'idle' | 'bot' | 'intake' | 'queued' | 'agent' | 'resolved';

/** `tickets`: the list of this visitor's tickets, past ones readable. */
export type View = 'chat' | 'tickets';

/** The launcher's hint when a new error code appears on the page. */
export interface Nudge {
  code: string;
  article: Article;
}

export interface DiagnosticsState {
  /** Whether the host registered a diagnostics function. */
  available: boolean;
  status: 'idle' | 'running' | 'done' | 'failed';
  /** The last report, bounded and redacted; attached to the ticket at handoff. */
  report: DiagnosticsReport | null;
}

export interface ChatMessage {
  /** Server id for server messages; the clientId for local turns. */
  id: string;
  clientId: string;
  author: Author;
  authorName?: string;
  text: string;
  /** Shown instead of `text` when the words are ours, not the speaker's (bot misses, notices). */
  i18n?: I18nText;
  /** Set for messages the server stored; local bot-era turns have none. */
  seq?: number;
  /** ISO timestamp. */
  createdAt: string;
  /** A bot answer: the article it comes from. */
  article?: Article;
  /** A bot suggestion list. */
  suggestions?: Article[];
  /** The bot's articles are in this locale, not the user's: none exist in theirs. */
  fallbackLocale?: string;
  /** True while a visitor message waits for the server's acknowledgement. */
  pending?: boolean;
  /** Likely follow-ups, shown as buttons under the newest bot turn. */
  quickReplies?: QuickReply[];
  /** "Did that solve it?": asked on every answer, then the visitor's reply. */
  feedback?: 'asked' | 'yes' | 'no';
  /** A host action the answer offers, and where it stands. */
  action?: OfferedAction & { status: ActionStatus };
  /** Files sent with the message. */
  attachments?: Attachment[] | undefined;
}

/** `confirm`: waiting for the visitor to confirm; `done` / `failed`: ran (the outcome is the next message). */
export type ActionStatus = 'offered' | 'confirm' | 'running' | 'done' | 'failed';

/** The questions before a ticket, one at a time. */
export interface IntakeState {
  plan: HandoffPlan;
  /** Index of the question on screen. */
  index: number;
  answers: IntakeAnswer[];
}

/** A visitor message not yet acknowledged by the server; resent with the same clientId until it is. */
export interface OutboxItem {
  clientId: string;
  text: string;
  createdAt: string;
  /** Already uploaded; the message only refers to them. */
  attachments?: Attachment[] | undefined;
}

/** Errors are state: the UI decides what to show. */
export type CoreError =
  | { kind: 'handoff_failed'; reason: ChannelError['code'] }
  | { kind: 'send_failed'; reason: ChannelError['code']; clientId: string }
  | { kind: 'bot_failed'; reason?: string }
  | { kind: 'sync_failed'; reason: ChannelError['code'] }
  /** Rating, reopening or leaving an e-mail address failed. */
  | { kind: 'ticket_action_failed'; reason: ChannelError['code'] }
  /** The draft is over the message size limit: it is kept, not cut, and not sent. */
  | { kind: 'too_long'; length: number; limit: number }
  /** The ticket list or a past ticket could not be loaded. */
  | { kind: 'tickets_failed'; reason: ChannelError['code'] }
  /** A file could not be attached (too big, wrong type…): the draft is kept. */
  | { kind: 'upload_failed'; reason: ChannelError['code']; name: string; /** The limits in MB, for the wording. */ image: number; log: number };

export interface CoreState {
  open: boolean;
  view: View;
  phase: ConversationPhase;
  /** Bot-era turns first (in the order they happened), then server messages by seq. */
  messages: ChatMessage[];
  outbox: OutboxItem[];
  ticket: Ticket | null;
  /** Highest seq merged so far; what sync asks after. */
  lastSeq: number;
  /** Idempotency key of the handoff in flight or done, kept so a retry after reload is not a second ticket. */
  handoffClientId: string | null;
  handoffPending: boolean;
  botPending: boolean;
  /** `null` while no agent channel is needed. */
  connection: ConnectionStatus | null;
  error: CoreError | null;
  context: ContextSnapshot;
  /** The composer's text, so the host can prefill it (showNewMessage). */
  draft: string;
  /** Articles from the last help search. */
  help: Article[];
  /** The query of the last help search ('' when none). */
  helpQuery: string;
  /** Articles for where the user is, best first; shown on the home view. */
  contextHelp: Article[];
  /** Articles the host suggested (`suggest`); kept across navigation until replaced. */
  suggestions: Article[];
  /** The article open inside the widget, if any. */
  article: Article | null;
  /** "Was this helpful?" answers given in this page view, by article id. */
  feedback: Record<string, boolean>;
  nudge: Nudge | null;
  /** Active incidents matching the user's product and region. */
  incidents: Incident[];
  diagnostics: DiagnosticsState;
  /** The user is looking at what will be shared before the ticket is created. */
  reviewingHandoff: boolean;
  /** Highest seq the visitor has seen (panel open on a visible page); shared by every tab. */
  readSeq: number;
  /** Whether the page is visible: messages count as read only then. */
  pageVisible: boolean;
  /** How far the agent's side has received and read the conversation (receipts). */
  agentReceipts: { delivered: number; read: number };
  /** The server can e-mail transcripts (known once connected). */
  transcriptEmail: boolean;
  /** This visitor's tickets, newest first, once asked for (`null` before). */
  tickets: Ticket[] | null;
  /** A ticket other than the current one, opened read-only from the list (`showTicket`). */
  pastTicket: PastTicket | null;
  /** Answers the visitor said did not help (and "don't know"s); two lead to a human. */
  unhelpful: number;
  /** Names of the files on their way to the server (absent before the first upload). */
  uploads?: string[];
  /** Set while the intake questions are on screen (`phase: 'intake'`). */
  intake: IntakeState | null;
  /** Actions run in this conversation; they go into any later ticket. */
  actionOutcomes: ActionOutcome[];
}

/** A past ticket and its whole conversation, read-only. */
export interface PastTicket {
  ticket: Ticket;
  messages: ChatMessage[];
}

export function initialState(context: ContextSnapshot): CoreState {
  return {
    open: false,
    view: 'chat',
    phase: 'idle',
    messages: [],
    outbox: [],
    ticket: null,
    lastSeq: 0,
    handoffClientId: null,
    handoffPending: false,
    botPending: false,
    connection: null,
    error: null,
    context,
    draft: '',
    help: [],
    helpQuery: '',
    contextHelp: [],
    suggestions: [],
    article: null,
    feedback: {},
    nudge: null,
    incidents: [],
    diagnostics: { available: false, status: 'idle', report: null },
    reviewingHandoff: false,
    readSeq: 0,
    pageVisible: true,
    agentReceipts: { delivered: 0, read: 0 },
    transcriptEmail: false,
    tickets: null,
    pastTicket: null,
    unhelpful: 0,
    intake: null,
    actionOutcomes: [],
  };
}
