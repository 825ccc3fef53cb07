import type { ActionOutcome, Availability, ContextSnapshot, IntakeAnswer, Priority, Ticket, TicketEvent, TicketStatus, Tier, TranscriptEntry } from '@helpdock/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import { iso } from './time.ts';

interface TicketRow {
  id: string;
  app_id: string;
  number: number;
  conversation_id: string;
  status: TicketStatus;
  priority: Priority;
  subject: string;
  assignee_id: string | null;
  assignee_name: string | null;
  resolution: string | null;
  context: ContextSnapshot;
  transcript: TranscriptEntry[];
  created_at: unknown;
  updated_at: unknown;
  assignee_team: string | null;
  category: string | null;
  language: string | null;
  plan: string | null;
  tier: Tier;
  team: string | null;
  first_response_due: unknown;
  resolution_due: unknown;
  first_response_at: unknown;
  resolved_at: unknown;
  breached_first: boolean;
  breached_resolution: boolean;
  rating: number | null;
  rating_comment: string | null;
  contact_email: string | null;
  availability: Availability | null;
  timeline: TicketEvent[];
  reopen_until: unknown;
  bot_details: BotDetails | null;
}

/** What the bot handed over with the ticket beside its category and priority; every field optional. */
export interface BotDetails {
  tags?: string[];
  intake?: IntakeAnswer[];
  actions?: ActionOutcome[];
}

/** Statuses in which a ticket is still being worked (the visitor can write, agents see it in the queue). */
export const OPEN_STATUSES = `('new', 'queued', 'in_progress', 'waiting_on_customer')`;

const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));

// The assignee's name and team come along, joined within the same app; the reopen window from the app's settings.
const SELECT = `SELECT t.*, a.name AS assignee_name, a.team AS assignee_team,
  t.resolved_at + make_interval(hours => COALESCE((ap.settings->>'reopenWindowHours')::int, 72)) AS reopen_until
  FROM tickets t
  JOIN apps ap ON ap.id = t.app_id
  LEFT JOIN agents a ON a.app_id = t.app_id AND a.id = t.assignee_id`;

function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    number: row.number,
    appId: row.app_id,
    conversationId: row.conversation_id,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '', team: row.assignee_team } : null,
    resolution: row.resolution,
    context: row.context,
    transcript: row.transcript,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    category: row.category,
    language: row.language,
    plan: row.plan,
    tier: row.tier,
    team: row.team,
    ...(row.first_response_due && row.resolution_due
      ? {
          sla: {
            firstResponse: { due: iso(row.first_response_due), metAt: isoOrNull(row.first_response_at), breached: row.breached_first },
            resolution: { due: iso(row.resolution_due), metAt: isoOrNull(row.resolved_at), breached: row.breached_resolution },
          },
        }
      : {}),
    timeline: row.timeline,
    rating: row.rating === null ? null : { score: row.rating, comment: row.rating_comment },
    contactEmail: row.contact_email,
    resolvedAt: isoOrNull(row.resolved_at),
    reopenUntil: row.status === 'resolved' ? isoOrNull(row.reopen_until) : null,
    breached: row.breached_first || row.breached_resolution,
    ...(row.availability && (row.status === 'queued' || row.status === 'new') ? { availability: row.availability } : {}),
    ...botFields(row.bot_details),
  };
}

function botFields(details: BotDetails | null): Pick<Ticket, 'tags' | 'intake' | 'actions'> {
  const d = details ?? {};
  return {
    ...(d.tags?.length ? { tags: d.tags } : {}),
    ...(d.intake?.length ? { intake: d.intake } : {}),
    ...(d.actions?.length ? { actions: d.actions } : {}),
  };
}

async function one(q: Queryable, where: string, params: unknown[]): Promise<Ticket | null> {
  const rows = await q.query<TicketRow>(`${SELECT} WHERE ${where}`, params);
  return rows[0] ? toTicket(rows[0]) : null;
}

export const findTicket = (q: Queryable, appId: string, ticketId: string) => one(q, 't.app_id = $1 AND t.id = $2', [appId, ticketId]);

export const findTicketByConversation = (q: Queryable, appId: string, conversationId: string) =>
  one(q, 't.app_id = $1 AND t.conversation_id = $2 ORDER BY t.created_at DESC LIMIT 1', [appId, conversationId]);

/** The ticket an earlier handoff with this clientId created for this visitor. */
export const findHandoffTicket = (q: Queryable, appId: string, visitorId: string, clientId: string) =>
  one(
    q,
    `t.app_id = $1 AND t.handoff_client_id = $3 AND t.conversation_id IN
       (SELECT id FROM conversations WHERE app_id = $1 AND visitor_id = $2)`,
    [appId, visitorId, clientId],
  );

/** Every ticket of the visitor, newest first. */
export async function listVisitorTickets(q: Queryable, appId: string, visitorId: string, limit = 50): Promise<Ticket[]> {
  const rows = await q.query<TicketRow>(
    `${SELECT} WHERE t.app_id = $1 AND t.conversation_id IN (SELECT id FROM conversations WHERE app_id = $1 AND visitor_id = $2)
     ORDER BY t.created_at DESC LIMIT $3`,
    [appId, visitorId, limit],
  );
  return rows.map(toTicket);
}

/** The visitor's newest ticket that is still open. */
export const findOpenTicketOfVisitor = (q: Queryable, appId: string, visitorId: string) =>
  one(
    q,
    `t.app_id = $1 AND t.status IN ${OPEN_STATUSES} AND t.conversation_id IN
       (SELECT id FROM conversations WHERE app_id = $1 AND visitor_id = $2)
     ORDER BY t.created_at DESC LIMIT 1`,
    [appId, visitorId],
  );

/** Row lock on the ticket for a read-modify-write inside a transaction. */
export async function lockTicket(tx: Queryable, appId: string, ticketId: string): Promise<Ticket | null> {
  const rows = await tx.query('SELECT id FROM tickets WHERE app_id = $1 AND id = $2 FOR UPDATE', [appId, ticketId]);
  return rows.length > 0 ? findTicket(tx, appId, ticketId) : null;
}

export async function listOpenTickets(q: Queryable, appId: string, limit = 500): Promise<Ticket[]> {
  const rows = await q.query<TicketRow>(`${SELECT} WHERE t.app_id = $1 AND t.status IN ${OPEN_STATUSES} ORDER BY t.created_at LIMIT $2`, [
    appId,
    limit,
  ]);
  return rows.map(toTicket);
}

export interface NewTicket {
  conversationId: string;
  priority: Priority;
  subject: string;
  context: ContextSnapshot;
  transcript: TranscriptEntry[];
  handoffClientId: string;
  category?: string | null;
  language?: string | null;
  plan?: string | null;
  tier?: Tier;
  firstResponseDue?: number;
  resolutionDue?: number;
  availability?: Availability;
  createdAt?: number;
  bot?: BotDetails;
}

export async function insertTicket(tx: Queryable, appId: string, input: NewTicket): Promise<Ticket> {
  // The app row's counter hands out per-app numbers without gaps or races.
  const counter = await tx.query<{ n: number }>('UPDATE apps SET last_ticket_number = last_ticket_number + 1 WHERE id = $1 RETURNING last_ticket_number AS n', [
    appId,
  ]);
  const number = counter[0]?.n;
  if (number === undefined) throw new Error(`app ${appId} vanished during handoff`);
  const id = newId('tk');
  await tx.query(
    `INSERT INTO tickets (id, app_id, number, conversation_id, status, priority, subject, context, transcript, handoff_client_id,
       category, language, plan, tier, first_response_due, resolution_due, availability, timeline, bot_details)
     VALUES ($1, $2, $3, $4, 'new', $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14::timestamptz, $15::timestamptz, $16::jsonb, $17::jsonb, $18::jsonb)`,
    [
      id,
      appId,
      number,
      input.conversationId,
      input.priority,
      input.subject,
      JSON.stringify(input.context),
      JSON.stringify(input.transcript),
      input.handoffClientId,
      input.category ?? null,
      input.language ?? null,
      input.plan ?? null,
      input.tier ?? 'L1',
      input.firstResponseDue === undefined ? null : new Date(input.firstResponseDue).toISOString(),
      input.resolutionDue === undefined ? null : new Date(input.resolutionDue).toISOString(),
      input.availability ? JSON.stringify(input.availability) : null,
      JSON.stringify([{ at: new Date(input.createdAt ?? Date.now()).toISOString(), kind: 'created' }]),
      JSON.stringify(input.bot ?? {}),
    ],
  );
  const ticket = await findTicket(tx, appId, id);
  if (!ticket) throw new Error('ticket insert returned nothing');
  return ticket;
}

export async function assignTicket(tx: Queryable, appId: string, ticketId: string, agentId: string): Promise<Ticket | null> {
  await tx.query(
    `UPDATE tickets SET assignee_id = $3, status = 'in_progress', updated_at = now(),
       timeline = timeline || jsonb_build_array(jsonb_build_object('at', now(), 'kind', 'assigned', 'params',
         (SELECT jsonb_strip_nulls(jsonb_build_object('name', name, 'team', team)) FROM agents WHERE app_id = $1 AND id = $3)))
     WHERE app_id = $1 AND id = $2`,
    [appId, ticketId, agentId],
  );
  return findTicket(tx, appId, ticketId);
}

export async function resolveTicket(tx: Queryable, appId: string, ticketId: string, resolution: string): Promise<Ticket | null> {
  await tx.query(
    `UPDATE tickets SET status = 'resolved', resolution = $3, resolved_at = now(), updated_at = now(),
       timeline = timeline || jsonb_build_array(jsonb_build_object('at', now(), 'kind', 'resolved'))
     WHERE app_id = $1 AND id = $2`,
    [appId, ticketId, resolution],
  );
  return findTicket(tx, appId, ticketId);
}
