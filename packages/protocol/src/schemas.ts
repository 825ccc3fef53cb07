import * as v from 'valibot';
import { HandoffClassificationEntries } from './classification.ts';
import { LIMITS } from './limits.ts';

/*
 * Runtime schemas for everything that crosses the wire INTO a server.
 * Outbound shapes (server → client) are plain types in model.ts: the server
 * builds them itself, so validating them again would only cost bytes.
 */

// Postgres text and jsonb cannot hold U+0000: a string carrying one would fail deep in the store.
const NO_NUL = v.check((s: string) => !s.includes('\u0000'), 'must not contain NUL characters');
const plain = () => v.pipe(v.string(), NO_NUL);

const trimmedText = (max: number) => v.pipe(v.string(), NO_NUL, v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const AppIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 lowercase letters, digits, "-" or "_"'));
export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
export const ClientIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, `must be 1–${LIMITS.clientId} characters of A–Z, a–z, 0–9, "-" or "_"`));
export const MessageTextSchema = trimmedText(LIMITS.messageText);
export const LocaleSchema = v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag'));

const text = (max: number) => v.pipe(v.string(), NO_NUL, v.maxLength(max, `must be at most ${max} characters`));
const list = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item), v.maxLength(max, `must have at most ${max} entries`));
const isoTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp'));

/** A console resource the user is looking at, e.g. `{ type: 'instance', id: 'i-bp1…' }`. */
export const ResourceRefSchema = v.object({
  type: text(LIMITS.contextName),
  id: text(LIMITS.contextId),
});

/** One of the page's own failures, captured when the host opts in: an uncaught error or a failed request. */
export const CapturedFailureSchema = v.object({
  kind: v.picklist(['error', 'request']),
  /** The error's message (redacted). */
  message: v.optional(text(LIMITS.contextText)),
  /** Requests: the HTTP method, the URL without its query string, and the status (0: no answer). */
  method: v.optional(text(16)),
  url: v.optional(text(LIMITS.url)),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999))),
  at: isoTime,
});

/** What a host's diagnostics function found; bounded and redacted before it is attached to a ticket. */
export const DiagnosticsReportSchema = v.object({
  ok: v.boolean(),
  summary: text(LIMITS.contextText),
  checks: list(v.object({ name: text(LIMITS.contextName), ok: v.boolean(), detail: v.optional(text(LIMITS.contextText)) }), LIMITS.diagnosticsChecks),
  ranAt: isoTime,
});

const CustomValueSchema = v.union([text(LIMITS.contextText), v.number(), v.boolean()]);

/**
 * What the page tells the server about where the user is. Every field but `url`
 * is optional, so older clients and hosts that detect nothing stay valid.
 */
export const ContextSnapshotSchema = v.object({
  url: v.pipe(plain(), v.maxLength(LIMITS.url)),
  title: v.optional(v.pipe(plain(), v.maxLength(LIMITS.title))),
  locale: v.optional(LocaleSchema),
  /** e.g. `ecs`, from URL rules, DOM signals or the host. */
  product: v.optional(text(LIMITS.contextName)),
  /** A page name such as `instance-detail`. */
  page: v.optional(text(LIMITS.contextName)),
  region: v.optional(text(LIMITS.contextName)),
  resources: v.optional(list(ResourceRefSchema, LIMITS.contextList)),
  /** Error codes visible on the page, oldest first, e.g. `InvalidInstanceId.NotFound`, `HTTP 403`. */
  errorCodes: v.optional(list(text(LIMITS.contextName), LIMITS.contextList)),
  failures: v.optional(list(CapturedFailureSchema, LIMITS.contextList)),
  /** Browser and OS, e.g. `Chrome 126 · Linux`. */
  browser: v.optional(text(LIMITS.contextName)),
  /** Plan or SLA tier, pushed by the host. */
  plan: v.optional(text(LIMITS.contextName)),
  accountId: v.optional(text(LIMITS.contextId)),
  /** Anything else the host wants agents to see. */
  custom: v.optional(
    v.pipe(
      v.record(text(LIMITS.contextName), CustomValueSchema),
      v.check((r) => Object.keys(r).length <= LIMITS.contextCustom, `must have at most ${LIMITS.contextCustom} entries`),
    ),
  ),
  /** The report of the host's diagnostics check, when the user ran one. */
  diagnostics: v.optional(DiagnosticsReportSchema),
});

export const TranscriptEntrySchema = v.object({
  author: v.picklist(['visitor', 'bot']),
  text: MessageTextSchema,
  at: v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp')),
  articleId: v.optional(IdSchema),
});

export const UserIdSchema = v.pipe(plain(), v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.userId, `must be at most ${LIMITS.userId} characters`));

/**
 * A signed-in user of the host, vouched for by the host's backend: `token` is a
 * JWT (HS256, `sub` = userId) or the hex HMAC-SHA256 of userId, both keyed with
 * the app's identity secret.
 */
export const IdentitySchema = v.object({
  userId: UserIdSchema,
  token: v.pipe(plain(), v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.identityToken, `must be at most ${LIMITS.identityToken} characters`)),
});

// ---- HTTP bodies ----

export const VisitorSessionRequestSchema = v.object({
  appId: AppIdSchema,
  /** A token from an earlier session, to resume as the same visitor. */
  token: v.optional(v.pipe(plain(), v.maxLength(1024))),
  /** Present for a signed-in user of the host; without it the visitor is anonymous. */
  identity: v.optional(IdentitySchema),
});

/** `POST /api/v1/apps/:appId/users/revoke`, from the host's backend. */
export const RevokeUserRequestSchema = v.object({ userId: UserIdSchema });

export const AgentLoginRequestSchema = v.object({
  appId: AppIdSchema,
  email: v.pipe(plain(), v.trim(), v.email('must be an e-mail address'), v.maxLength(254)),
  password: v.pipe(plain(), v.minLength(1, 'must not be empty'), v.maxLength(256)),
});

// ---- visitor namespace (client → server) ----

export const HandoffRequestSchema = v.object({
  clientId: ClientIdSchema,
  subject: v.optional(trimmedText(LIMITS.subject)),
  transcript: v.pipe(v.array(TranscriptEntrySchema), v.maxLength(LIMITS.transcriptMessages)),
  context: ContextSnapshotSchema,
  /** Classification from the bot, when it has one; routing falls back to none. */
  category: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'must be a category name'), v.maxLength(64))),
  priority: v.optional(v.picklist(['P0', 'P1', 'P2', 'P3'])),
  /** Optional: tags, intake answers and action outcomes from the bot. */
  ...HandoffClassificationEntries,
});

export const SendMessageSchema = v.pipe(
  v.object({
    conversationId: IdSchema,
    clientId: ClientIdSchema,
    /** May be empty when the message carries attachments. */
    text: v.pipe(v.string(), NO_NUL, v.trim(), v.maxLength(LIMITS.messageText, `must be at most ${LIMITS.messageText} characters`)),
    /** Ids of attachments uploaded to this conversation (`POST HTTP.attachments(conversationId)`). */
    attachments: v.optional(list(IdSchema, LIMITS.attachmentsPerMessage)),
  }),
  v.forward(
    v.check((m) => m.text.length > 0 || (m.attachments?.length ?? 0) > 0, 'must not be empty'),
    ['text'],
  ),
);

export const SyncRequestSchema = v.object({
  conversationId: IdSchema,
  // seq is a 32-bit integer in the store.
  afterSeq: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1)),
});

/** A KB article's id, as its front matter spells it. */
export const ArticleIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'must be an article id'));

/** `POST /api/v1/apps/:appId/bot`: one question for the FAQ bot, with the parts of the page that steer its search. */
export const BotQuestionSchema = v.object({
  text: trimmedText(LIMITS.messageText),
  locale: LocaleSchema,
  context: v.pick(ContextSnapshotSchema, ['url', 'product', 'page', 'errorCodes']),
  /** A follow-up button naming this article was picked rather than words typed. */
  articleId: v.optional(ArticleIdSchema),
});

/**
 * `POST /api/v1/apps/:appId/bot/plan`: the ticket-to-be's category, tags and priority, from what
 * the visitor asked the bot (the same questions, already sent one by one), the articles it answered
 * with, and the page's product, error codes and plan or SLA tier. Nothing is stored.
 */
export const HandoffPlanQuestionSchema = v.object({
  texts: v.pipe(v.array(trimmedText(LIMITS.messageText)), v.maxLength(LIMITS.planTexts, `must have at most ${LIMITS.planTexts} entries`)),
  articleIds: v.optional(v.pipe(v.array(ArticleIdSchema), v.maxLength(LIMITS.planArticles, `must have at most ${LIMITS.planArticles} entries`)), []),
  locale: LocaleSchema,
  context: v.pick(ContextSnapshotSchema, ['product', 'errorCodes', 'plan']),
});

/** `POST /api/v1/apps/:appId/kb/feedback`: "Was this helpful?" on one article. */
export const ArticleFeedbackSchema = v.object({
  articleId: IdSchema,
  locale: LocaleSchema,
  helpful: v.boolean(),
});

/** `POST /api/v1/agent/incidents`: a service incident, for one product, in one region or all. */
export const IncidentInputSchema = v.object({
  product: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a product name')),
  region: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a region name'))),
  title: trimmedText(LIMITS.incidentTitle),
  message: v.optional(trimmedText(LIMITS.incidentMessage)),
  severity: v.optional(v.picklist(['minor', 'major', 'critical']), 'major'),
});

// ---- agent namespace (client → server) ----

export const TicketRefSchema = v.object({ ticketId: IdSchema });

export const ResolveTicketSchema = v.object({
  ticketId: IdSchema,
  resolution: trimmedText(LIMITS.resolution),
});

export type Identity = v.InferOutput<typeof IdentitySchema>;
export type RevokeUserRequest = v.InferOutput<typeof RevokeUserRequestSchema>;
export type VisitorSessionRequest = v.InferOutput<typeof VisitorSessionRequestSchema>;
export type AgentLoginRequest = v.InferOutput<typeof AgentLoginRequestSchema>;
export type ContextSnapshot = v.InferOutput<typeof ContextSnapshotSchema>;
export type ResourceRef = v.InferOutput<typeof ResourceRefSchema>;
export type CapturedFailure = v.InferOutput<typeof CapturedFailureSchema>;
export type DiagnosticsReport = v.InferOutput<typeof DiagnosticsReportSchema>;
export type ArticleFeedback = v.InferOutput<typeof ArticleFeedbackSchema>;
export type BotQuestion = v.InferOutput<typeof BotQuestionSchema>;
export type HandoffPlanQuestion = v.InferOutput<typeof HandoffPlanQuestionSchema>;
export type IncidentInput = v.InferOutput<typeof IncidentInputSchema>;
export type TranscriptEntry = v.InferOutput<typeof TranscriptEntrySchema>;
export type HandoffRequest = v.InferOutput<typeof HandoffRequestSchema>;
export type SendMessage = v.InferOutput<typeof SendMessageSchema>;
export type SyncRequest = v.InferOutput<typeof SyncRequestSchema>;
export type TicketRef = v.InferOutput<typeof TicketRefSchema>;
export type ResolveTicket = v.InferOutput<typeof ResolveTicketSchema>;
