import * as v from 'valibot';
import { LIMITS } from './limits.ts';

/*
 * Runtime schemas for everything that crosses the wire INTO a server.
 * Outbound shapes (server → client) are plain types in model.ts: the server
 * builds them itself, so validating them again would only cost bytes.
 */

const trimmedText = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const AppIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 lowercase letters, digits, "-" or "_"'));
export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
export const ClientIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, `must be 1–${LIMITS.clientId} characters of A–Z, a–z, 0–9, "-" or "_"`));
export const MessageTextSchema = trimmedText(LIMITS.messageText);
export const LocaleSchema = v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag'));

/** What the page tells the server about where the user is (grows in the context work). */
export const ContextSnapshotSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(LIMITS.url)),
  title: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.title))),
  locale: v.optional(LocaleSchema),
  /** The customer's plan or support tier (e.g. `enterprise`); routes and prioritises the ticket. */
  plan: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(64))),
});

export const TranscriptEntrySchema = v.object({
  author: v.picklist(['visitor', 'bot']),
  text: MessageTextSchema,
  at: v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp')),
  articleId: v.optional(IdSchema),
});

// ---- HTTP bodies ----

export const VisitorSessionRequestSchema = v.object({
  appId: AppIdSchema,
  /** A token from an earlier session, to resume as the same visitor. */
  token: v.optional(v.pipe(v.string(), v.maxLength(1024))),
});

export const AgentLoginRequestSchema = v.object({
  appId: AppIdSchema,
  email: v.pipe(v.string(), v.trim(), v.email('must be an e-mail address'), v.maxLength(254)),
  password: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(256)),
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
});

export const SendMessageSchema = v.object({
  conversationId: IdSchema,
  clientId: ClientIdSchema,
  text: MessageTextSchema,
});

export const SyncRequestSchema = v.object({
  conversationId: IdSchema,
  afterSeq: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

// ---- agent namespace (client → server) ----

export const TicketRefSchema = v.object({ ticketId: IdSchema });

export const ResolveTicketSchema = v.object({
  ticketId: IdSchema,
  resolution: trimmedText(LIMITS.resolution),
});

export type VisitorSessionRequest = v.InferOutput<typeof VisitorSessionRequestSchema>;
export type AgentLoginRequest = v.InferOutput<typeof AgentLoginRequestSchema>;
export type ContextSnapshot = v.InferOutput<typeof ContextSnapshotSchema>;
export type TranscriptEntry = v.InferOutput<typeof TranscriptEntrySchema>;
export type HandoffRequest = v.InferOutput<typeof HandoffRequestSchema>;
export type SendMessage = v.InferOutput<typeof SendMessageSchema>;
export type SyncRequest = v.InferOutput<typeof SyncRequestSchema>;
export type TicketRef = v.InferOutput<typeof TicketRefSchema>;
export type ResolveTicket = v.InferOutput<typeof ResolveTicketSchema>;
