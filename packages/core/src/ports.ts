import type { Article } from '@helpdock/kb';
import type { Attachment, Contact, ContextSnapshot, ConversationReceipts, TranscriptEmail, ErrorCode, HandoffRequest, Incident, IntakeAnswer, IntakeField, Message, Priority, RateTicket, Receipt, ReceiptRequest, SendMessage, SyncRequest, Ticket } from '@helpdock/protocol';

/** Where the user is. The host or an adapter decides how that is observed. */
export interface ContextSource {
  snapshot(): ContextSnapshot;
  /** Called with every new snapshot; returns the unsubscribe function. */
  subscribe(listener: (context: ContextSnapshot) => void): () => void;
}

/** Context + query → ranked articles (a static KB in the page, or a remote search). */
export interface HelpProvider {
  search(query: string, context: ContextSnapshot): Promise<Article[]>;
  /** The articles that fit where the user is, best first (error code > page > product > popular). */
  forContext?(context: ContextSnapshot): Promise<Article[]>;
  /** The article that explains one error code, for the launcher's nudge. */
  forErrorCode?(code: string, context: ContextSnapshot): Promise<Article | null>;
  /** One article by id (showArticle, suggest). */
  article?(id: string, context: ContextSnapshot): Promise<Article | null>;
  /** Records "Was this helpful?". */
  feedback?(articleId: string, locale: string, helpful: boolean): Promise<void>;
}

/** Known service incidents (status page), for the user's product and region. */
export interface StatusProvider {
  incidents(context: ContextSnapshot): Promise<Incident[]>;
}

/**
 * A host's own check ("can this account reach the API? is the quota left?"). Any
 * shape is accepted and bounded by the core: `{ ok, summary, checks: [{ name, ok, detail }] }`.
 */
export type DiagnosticsFn = () => unknown;

/**
 * `fallbackLocale`: the articles are in this locale because the knowledge base
 * has none in the user's language (the UI says so).
 */
export type BotReply =
  | { kind: 'answer'; text: string; article: Article; fallbackLocale?: string; quickReplies?: QuickReply[]; action?: OfferedAction }
  | { kind: 'suggestions'; articles: Article[]; fallbackLocale?: string; quickReplies?: QuickReply[] }
  | { kind: 'unknown'; quickReplies?: QuickReply[] }
  /** Stop answering and hand over: the visitor asked for a person, or the topic always needs one. */
  | { kind: 'handoff'; reason: 'asked' | 'category'; category?: string };

/**
 * A likely follow-up, offered as a button: `ask` sends `text` as the visitor's next question.
 * `articleId`: the button names that article; the bot answers with it (in the visitor's
 * language when the KB has it) instead of searching for the words.
 */
export type QuickReply = { kind: 'ask'; text: string; articleId?: string } | { kind: 'human' };

/** What the visitor picked rather than typed: a follow-up button naming an article. */
export interface BotPick {
  articleId?: string;
}

/** A host action an answer offers as a button; it runs only after the visitor confirms. */
export interface OfferedAction {
  id: string;
  label: string;
}

/** One intake question: multiple choice (best guess first), free text always accepted. */
export interface IntakeQuestion {
  field: IntakeField;
  /** `i18n`: the value is a key suffix the UI translates (`intake.started.today`). */
  choices: Array<{ value: string; i18n?: boolean }>;
}

/** What to send with a ticket and what to ask first. */
export interface HandoffPlan {
  category: string | null;
  tags: string[];
  priority: Priority;
  /** Only what the context does not already say. */
  questions: IntakeQuestion[];
  /** Answers the context gave. */
  known: IntakeAnswer[];
}

/** One earlier turn, as a remote bot reads it. */
export interface BotTurn {
  author: 'visitor' | 'bot';
  text: string;
  /** Bot answers: the article they came from. */
  articleId?: string;
}

/** The conversation so far, as the bot classifies it. */
export interface ConversationSummary {
  /** What the visitor wrote, oldest first. */
  texts: string[];
  /** Articles the bot answered or suggested. */
  articles: Article[];
}

/** One visitor turn → what the bot says back. */
export interface BotProvider {
  /** `history`: the conversation before this turn, oldest first (at most the last 20 turns). */
  reply(userText: string, context: ContextSnapshot, history?: BotTurn[], pick?: BotPick): Promise<BotReply>;
  /** Called when the chat opens: load what the first answer needs while the user types. */
  prepare?(context: ContextSnapshot): Promise<void>;
  /** Before a ticket: its category, tags, priority, and the intake questions still to ask. */
  planHandoff?(conversation: ConversationSummary, context: ContextSnapshot): Promise<HandoffPlan>;
}

/**
 * A host's action (`Helpdock('registerAction', 'cdn.purge', handler)`). It gets
 * the page's context; it may return or resolve to `{ ok, message }`, a message,
 * or nothing (success). Throwing or rejecting is a failure, never our crash.
 */
export type ActionHandler = (context: ContextSnapshot) => unknown;

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Why a channel request did not succeed: a server refusal, or the transport. */
export interface ChannelError {
  code: ErrorCode | 'timeout' | 'network';
  message: string;
}

export type ChannelResult<T> = ({ ok: true } & T) | { ok: false; error: ChannelError };

/**
 * The live link to human agents. Requests never throw: failures come back as
 * `{ ok: false }`. The channel reports `online` after every (re)connect, once it
 * has rejoined the conversation it last handed off or synced.
 */
export interface AgentChannel {
  handoff(req: HandoffRequest): Promise<ChannelResult<{ ticket: Ticket; messages: Message[] }>>;
  send(msg: SendMessage): Promise<ChannelResult<{ message: Message }>>;
  /** `receipts`, when the channel has them, are both sides' stored delivered/read marks. */
  sync(req: SyncRequest): Promise<ChannelResult<{ ticket: Ticket; messages: Message[]; receipts?: ConversationReceipts }>>;
  onMessage(listener: (message: Message) => void): () => void;
  onTicket(listener: (ticket: Ticket) => void): () => void;
  /** Calls the listener at once with the current status, then on every change. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  close(): void;
  // ---- ticket lifecycle (optional: a custom backend may not offer them) ----
  rate?(req: RateTicket): Promise<ChannelResult<{ ticket: Ticket }>>;
  reopen?(req: { ticketId: string }): Promise<ChannelResult<{ ticket: Ticket }>>;
  setContact?(req: Contact): Promise<ChannelResult<{ ticket: Ticket }>>;
  // ---- receipts and past tickets (optional as well) ----
  /** Raises the visitor's delivered/read mark on the server. */
  receipt?(req: ReceiptRequest): Promise<ChannelResult<object>>;
  /** E-mails a ticket's transcript from the server's copy. */
  emailTranscript?(req: TranscriptEmail): Promise<ChannelResult<{ sentTo: string }>>;
  /** What the server offers, known once connected (its session says). */
  features?(): { transcriptEmail: boolean };
  /** The agent's marks, and the visitor's own from other tabs. */
  onReceipt?(listener: (receipt: Receipt) => void): () => void;
  /** Every ticket of this visitor, newest first. */
  listTickets?(): Promise<ChannelResult<{ tickets: Ticket[] }>>;
  /** Attachments (optional too), loaded on first use: the visitor's session comes with them. */
  files?(): Promise<FilePort>;
}

/** A file the visitor picked (a browser `File`); the port that uploads it knows its real type. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
}

/**
 * Attachments over HTTP, loaded on first use. Requests never throw. The visitor's
 * credentials travel in a header, never in a URL: `url` resolves to a local
 * (blob) URL of bytes already fetched, to be revoked by whoever shows it.
 */
export interface FilePort {
  upload(conversationId: string, file: PickedFile): Promise<ChannelResult<{ attachment: Attachment }>>;
  url(attachmentId: string): Promise<ChannelResult<{ url: string }>>;
}

/** Opens a channel when one is first needed, so visitors who never ask for a human open no socket. */
export type AgentConnector = () => AgentChannel | Promise<AgentChannel>;

/** String key/value storage. Implementations may lose data; they must not throw. */
export interface Storage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export interface Clock {
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

export interface Ports {
  context: ContextSource;
  bot: BotProvider;
  agent: AgentConnector;
  help?: HelpProvider | undefined;
  status?: StatusProvider | undefined;
}

/** How `emailTranscript` went: where it went, or why not (`unavailable`: the server sends no e-mail). */
export type TranscriptEmailResult = { ok: true; sentTo: string } | { ok: false; reason: ChannelError['code'] };
