import type { Availability, Rating, Tier, TicketEvent, TicketSla } from './lifecycle.ts';
import type { ActionOutcome, IntakeAnswer } from './classification.ts';
import type { ContextSnapshot, TranscriptEntry } from './schemas.ts';

/** Who wrote a message. `system` lines are produced by the server (e.g. "Ana joined"). */
export type Author = 'visitor' | 'bot' | 'agent' | 'system';

export interface Message {
  id: string;
  conversationId: string;
  /** Server-assigned, strictly increasing per conversation, starting at 1. */
  seq: number;
  /** The sender's idempotency key; the server stores a message once per (conversationId, clientId). */
  clientId: string;
  author: Author;
  authorName?: string;
  /** May be empty when the message carries attachments. */
  text: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Files sent with the message (absent when none). */
  attachments?: Attachment[];
}

/** `image`: PNG, JPEG, GIF or WebP, by content; `log`: plain UTF-8 text. */
export type AttachmentKind = 'image' | 'log';

/**
 * An uploaded file, as messages carry it. The bytes are fetched with
 * `GET HTTP.attachment(id)` and the reader's own token in the Authorization header.
 */
export interface Attachment {
  /** Unguessable: `att_` and 96 random bits. */
  id: string;
  /** The uploader's file name, cleaned (no path, no control characters); render it as text. */
  name: string;
  /** The MIME type the server found in the content, e.g. `image/png`, `text/plain`. */
  type: string;
  kind: AttachmentKind;
  /** Bytes. */
  size: number;
}

/** `new` only until routing has run (same transaction); `waiting_on_customer` is "waiting on you" to the visitor. */
export type TicketStatus = 'new' | 'queued' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed';
export type Priority = 'P0' | 'P1' | 'P2' | 'P3';

export interface AgentRef {
  id: string;
  name: string;
  team?: string | null;
}

export interface Ticket {
  id: string;
  /** Human-friendly number, per app, starting at 1. */
  number: number;
  appId: string;
  conversationId: string;
  status: TicketStatus;
  priority: Priority;
  subject: string;
  assignee: AgentRef | null;
  resolution: string | null;
  context: ContextSnapshot;
  transcript: TranscriptEntry[];
  createdAt: string;
  updatedAt: string;
  // ---- lifecycle (optional: older servers do not send them) ----
  category?: string | null;
  /** Primary language subtag the ticket is routed by, e.g. `zh`. */
  language?: string | null;
  plan?: string | null;
  tier?: Tier;
  team?: string | null;
  sla?: TicketSla;
  timeline?: TicketEvent[];
  rating?: Rating | null;
  contactEmail?: string | null;
  resolvedAt?: string | null;
  /** Until when the visitor may reopen a resolved ticket. */
  reopenUntil?: string | null;
  /** Whether the SLA was missed at least once; a breach also raised the priority. */
  breached?: boolean;
  /** When to expect an answer (business hours, agents online). */
  availability?: Availability;
  // ---- from the bot (optional: older servers do not send them) ----
  tags?: string[];
  /** What the visitor answered before the handoff, and what the page already said. */
  intake?: IntakeAnswer[];
  /** Actions the visitor ran from articles before the handoff, with their outcome. */
  actions?: ActionOutcome[];
}

export type IncidentSeverity = 'minor' | 'major' | 'critical';

/** A known service problem, per product and region (`region: null`: every region). */
export interface Incident {
  id: string;
  appId: string;
  product: string;
  region: string | null;
  title: string;
  message: string | null;
  severity: IncidentSeverity;
  status: 'active' | 'resolved';
  /** ISO timestamps. */
  startedAt: string;
  resolvedAt: string | null;
}

export interface Agent {
  id: string;
  appId: string;
  name: string;
  email: string;
}

/**
 * The server keeps the bot transcript of a handoff as ordinary messages so the
 * conversation's history is complete; their client ids derive from the handoff's.
 * The ':' keeps them apart from any client-chosen id (which may not contain one).
 */
export function transcriptClientId(handoffClientId: string, index: number): string {
  return `${handoffClientId}:t${index}`;
}

export function isTranscriptCopy(message: Pick<Message, 'clientId'>, handoffClientId: string): boolean {
  return message.clientId.startsWith(`${handoffClientId}:t`);
}
