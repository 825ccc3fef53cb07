import * as v from 'valibot';
import { IdSchema } from './schemas.ts';

/*
 * The ticket lifecycle beyond the walking skeleton: routing inputs, SLA clocks,
 * the timeline, rating and reopening, agent presence, notes, typing and receipts.
 * Every field added to an existing wire shape is optional, so older clients and
 * servers keep working.
 */

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const TIERS = ['L1', 'L2', 'L3'] as const;
export type Tier = (typeof TIERS)[number];

/** `online`: takes new tickets; `away`: keeps its tickets, takes no new ones; `offline`: no console open. */
export type AgentStatus = 'online' | 'away' | 'offline';

/** One SLA clock: when it is due, when it was met (if it was), and whether it was missed. */
export interface SlaClock {
  due: string;
  metAt: string | null;
  breached: boolean;
}

export interface TicketSla {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

export type TicketEventKind =
  | 'created'
  | 'queued'
  | 'assigned'
  | 'escalated'
  | 'transferred'
  | 'status'
  | 'priority'
  | 'category'
  | 'breached'
  | 'resolved'
  | 'rated'
  | 'reopened'
  | 'closed'
  | 'contact';

/** One line of a ticket's timeline. `params` fill the client's own wording (names, tiers, teams). */
export interface TicketEvent {
  at: string;
  kind: TicketEventKind;
  params?: Record<string, string | number>;
}

/**
 * When the visitor can expect an answer: business hours and whether anyone
 * is online right now. `expectedBy` is the first-response deadline.
 */
export interface Availability {
  withinHours: boolean;
  agentsOnline: boolean;
  /** Next time business hours start, when outside them. */
  nextOpenAt: string | null;
  expectedBy: string;
}

export interface Rating {
  score: number;
  comment: string | null;
}

/** What an agent sees about a colleague or about itself (skills, tier, load). */
export interface AgentProfile {
  id: string;
  name: string;
  status: AgentStatus;
  tier: Tier;
  team: string | null;
  languages: string[];
  categories: string[];
  capacity: number;
  load: number;
}

export interface InternalNote {
  id: string;
  ticketId: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface CannedReply {
  id: string;
  title: string;
  text: string;
}

/** How far one side has received and read a conversation: the highest seq of each. */
export interface ReceiptMarks {
  delivered: number;
  read: number;
}

/**
 * Both sides' marks, as stored: returned with a conversation (sync, current, ticket:open)
 * so that "Delivered" and "Seen" are right after a reload, not only after the next live receipt.
 */
export interface ConversationReceipts {
  visitor: ReceiptMarks;
  agent: ReceiptMarks;
}

/** Delivery and read progress of one side of a conversation. */
export interface Receipt {
  conversationId: string;
  reader: 'visitor' | 'agent';
  kind: 'delivered' | 'read';
  seq: number;
}

export interface Typing {
  conversationId: string;
  who: 'visitor' | 'agent';
  name?: string;
  typing: boolean;
}

export const LIFECYCLE_LIMITS = {
  note: 4000,
  ratingComment: 1000,
  category: 64,
  team: 64,
} as const;

const trimmed = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const Label = (max: number) => v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'must be letters, digits, " ", ".", "-" or "_"'), v.maxLength(max));
const Seq = v.pipe(v.number(), v.integer(), v.minValue(0));

export const PrioritySchema = v.picklist(PRIORITIES);
export const CategorySchema = Label(LIFECYCLE_LIMITS.category);
export const TeamSchema = Label(LIFECYCLE_LIMITS.team);

export const AgentStatusSchema = v.object({ status: v.picklist(['online', 'away']) });

export const UpdateTicketSchema = v.object({
  ticketId: IdSchema,
  status: v.optional(v.picklist(['in_progress', 'waiting_on_customer'])),
  priority: v.optional(PrioritySchema),
  category: v.optional(v.nullable(CategorySchema)),
});

export const EscalateTicketSchema = v.object({ ticketId: IdSchema });
export const TransferTicketSchema = v.object({ ticketId: IdSchema, team: TeamSchema });
export const AddNoteSchema = v.object({ ticketId: IdSchema, text: trimmed(LIFECYCLE_LIMITS.note) });

export const RateTicketSchema = v.object({
  ticketId: IdSchema,
  score: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1–5'), v.maxValue(5, 'must be 1–5')),
  comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIFECYCLE_LIMITS.ratingComment, `must be at most ${LIFECYCLE_LIMITS.ratingComment} characters`))),
});

export const ContactSchema = v.object({
  ticketId: IdSchema,
  email: v.pipe(v.string(), v.trim(), v.email('must be an e-mail address'), v.maxLength(254)),
});

/** `transcript:email`: the conversation of this ticket, sent to this address. */
export const TranscriptEmailSchema = ContactSchema;

export const TypingSchema = v.object({ conversationId: IdSchema, typing: v.boolean() });
export const ReceiptSchema = v.object({ conversationId: IdSchema, kind: v.picklist(['delivered', 'read']), seq: Seq });

export type UpdateTicket = v.InferOutput<typeof UpdateTicketSchema>;
export type TransferTicket = v.InferOutput<typeof TransferTicketSchema>;
export type AddNote = v.InferOutput<typeof AddNoteSchema>;
export type RateTicket = v.InferOutput<typeof RateTicketSchema>;
export type Contact = v.InferOutput<typeof ContactSchema>;
export type TranscriptEmail = v.InferOutput<typeof TranscriptEmailSchema>;
export type TypingRequest = v.InferOutput<typeof TypingSchema>;
export type ReceiptRequest = v.InferOutput<typeof ReceiptSchema>;
