import type { ContextSnapshot, Priority, Ticket, TicketStatus, TranscriptEntry } from '@helpdock/protocol';
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
}

// The assignee's name comes along, joined within the same app.
const SELECT = `SELECT t.*, a.name AS assignee_name FROM tickets t
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
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    resolution: row.resolution,
    context: row.context,
    transcript: row.transcript,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
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

/** The visitor's newest ticket that is still open. */
export const findOpenTicketOfVisitor = (q: Queryable, appId: string, visitorId: string) =>
  one(
    q,
    `t.app_id = $1 AND t.status IN ('queued', 'in_progress') AND t.conversation_id IN
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
  const rows = await q.query<TicketRow>(`${SELECT} WHERE t.app_id = $1 AND t.status IN ('queued', 'in_progress') ORDER BY t.created_at LIMIT $2`, [
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
    `INSERT INTO tickets (id, app_id, number, conversation_id, status, priority, subject, context, transcript, handoff_client_id)
     VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7::jsonb, $8::jsonb, $9)`,
    [id, appId, number, input.conversationId, input.priority, input.subject, JSON.stringify(input.context), JSON.stringify(input.transcript), input.handoffClientId],
  );
  const ticket = await findTicket(tx, appId, id);
  if (!ticket) throw new Error('ticket insert returned nothing');
  return ticket;
}

export async function assignTicket(tx: Queryable, appId: string, ticketId: string, agentId: string): Promise<Ticket | null> {
  await tx.query(`UPDATE tickets SET assignee_id = $3, status = 'in_progress', updated_at = now() WHERE app_id = $1 AND id = $2`, [appId, ticketId, agentId]);
  return findTicket(tx, appId, ticketId);
}

export async function resolveTicket(tx: Queryable, appId: string, ticketId: string, resolution: string): Promise<Ticket | null> {
  await tx.query(`UPDATE tickets SET status = 'resolved', resolution = $3, updated_at = now() WHERE app_id = $1 AND id = $2`, [appId, ticketId, resolution]);
  return findTicket(tx, appId, ticketId);
}
