import type { AgentProfile, AgentStatus, ConversationReceipts, InternalNote, TicketEvent, TicketEventKind, Tier } from '@helpdock/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import { readSettings, type AppSettings } from '../routing/index.ts';
import { iso } from './time.ts';

export async function findAppSettings(q: Queryable, appId: string): Promise<AppSettings> {
  const rows = await q.query<{ settings: unknown }>('SELECT settings FROM apps WHERE id = $1', [appId]);
  return readSettings(rows[0]?.settings);
}

/** Appends one line to the ticket's timeline; `at` defaults to the database's now. */
export async function appendEvent(tx: Queryable, appId: string, ticketId: string, kind: TicketEventKind, params?: TicketEvent['params']): Promise<void> {
  const event: TicketEvent = { at: new Date().toISOString(), kind, ...(params ? { params } : {}) };
  await tx.query(`UPDATE tickets SET timeline = timeline || $3::jsonb, updated_at = now() WHERE app_id = $1 AND id = $2`, [
    appId,
    ticketId,
    JSON.stringify([event]),
  ]);
}

// Only these columns may be set through updateTicket: names never come from the wire.
type Settable =
  | 'status'
  | 'priority'
  | 'category'
  | 'tier'
  | 'team'
  | 'assignee_id'
  | 'previous_assignee_id'
  | 'first_response_at'
  | 'first_response_due'
  | 'resolution_due'
  | 'resolved_at'
  | 'resolution'
  | 'breached_first'
  | 'breached_resolution'
  | 'rating'
  | 'rating_comment'
  | 'contact_email'
  | 'availability';

export async function updateTicket(tx: Queryable, appId: string, ticketId: string, fields: Partial<Record<Settable, unknown>>): Promise<void> {
  const entries = Object.entries(fields);
  if (entries.length === 0) return;
  const sets = entries.map(([column], i) => `${column} = $${i + 3}`).join(', ');
  await tx.query(`UPDATE tickets SET ${sets}, updated_at = now() WHERE app_id = $1 AND id = $2`, [appId, ticketId, ...entries.map(([, v]) => v)]);
}

interface AgentRow {
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

const toProfile = (r: AgentRow): AgentProfile => ({
  id: r.id,
  name: r.name,
  status: r.status,
  tier: r.tier,
  team: r.team,
  languages: r.languages,
  categories: r.categories,
  capacity: r.capacity,
  load: Number(r.load),
});

// Load: tickets the agent is working on right now (waiting on the customer still counts).
const PROFILE = `SELECT a.id, a.name, a.status, a.tier, a.team, a.languages, a.categories, a.capacity,
  (SELECT count(*) FROM tickets t WHERE t.app_id = a.app_id AND t.assignee_id = a.id AND t.status IN ('in_progress', 'waiting_on_customer'))::int AS load
  FROM agents a`;

export async function listAgentProfiles(q: Queryable, appId: string): Promise<AgentProfile[]> {
  return (await q.query<AgentRow>(`${PROFILE} WHERE a.app_id = $1 ORDER BY a.name`, [appId])).map(toProfile);
}

export async function findAgentProfile(q: Queryable, appId: string, agentId: string): Promise<AgentProfile | null> {
  const rows = await q.query<AgentRow>(`${PROFILE} WHERE a.app_id = $1 AND a.id = $2`, [appId, agentId]);
  return rows[0] ? toProfile(rows[0]) : null;
}

export async function setAgentStatus(q: Queryable, appId: string, agentId: string, status: AgentStatus): Promise<void> {
  await q.query('UPDATE agents SET status = $3 WHERE app_id = $1 AND id = $2', [appId, agentId, status]);
}

export async function lockAgent(tx: Queryable, appId: string, agentId: string): Promise<void> {
  await tx.query('SELECT id FROM agents WHERE app_id = $1 AND id = $2 FOR UPDATE', [appId, agentId]);
}

interface NoteRow {
  id: string;
  ticket_id: string;
  agent_id: string;
  author_name: string;
  text: string;
  created_at: unknown;
}

const toNote = (r: NoteRow): InternalNote => ({ id: r.id, ticketId: r.ticket_id, authorId: r.agent_id, authorName: r.author_name, text: r.text, createdAt: iso(r.created_at) });

export async function insertNote(q: Queryable, appId: string, ticketId: string, agentId: string, text: string): Promise<InternalNote> {
  const id = newId('note');
  await q.query('INSERT INTO ticket_notes (id, app_id, ticket_id, agent_id, text) VALUES ($1, $2, $3, $4, $5)', [id, appId, ticketId, agentId, text]);
  const notes = await q.query<NoteRow>(
    `SELECT n.*, a.name AS author_name FROM ticket_notes n JOIN agents a ON a.app_id = n.app_id AND a.id = n.agent_id WHERE n.app_id = $1 AND n.id = $2`,
    [appId, id],
  );
  const note = notes[0];
  if (!note) throw new Error('note insert returned nothing');
  return toNote(note);
}

export async function listNotes(q: Queryable, appId: string, ticketId: string): Promise<InternalNote[]> {
  const rows = await q.query<NoteRow>(
    `SELECT n.*, a.name AS author_name FROM ticket_notes n JOIN agents a ON a.app_id = n.app_id AND a.id = n.agent_id
     WHERE n.app_id = $1 AND n.ticket_id = $2 ORDER BY n.created_at, n.id LIMIT 500`,
    [appId, ticketId],
  );
  return rows.map(toNote);
}

/** Raises the side's delivered/read mark; never lowers it. Returns the stored mark. */
export async function raiseReceipt(q: Queryable, appId: string, conversationId: string, reader: 'visitor' | 'agent', kind: 'delivered' | 'read', seq: number): Promise<number> {
  const column = `${reader}_${kind}_seq`;
  const rows = await q.query<{ mark: number }>(
    `UPDATE conversations SET ${column} = GREATEST(${column}, LEAST($3, last_seq)) WHERE app_id = $1 AND id = $2 RETURNING ${column} AS mark`,
    [appId, conversationId, seq],
  );
  return rows[0]?.mark ?? 0;
}

/** Both sides' stored delivered/read marks of a conversation (zeros when it is not the app's). */
export async function receiptMarks(q: Queryable, appId: string, conversationId: string): Promise<ConversationReceipts> {
  const rows = await q.query<{ vd: number; vr: number; ad: number; ar: number }>(
    `SELECT visitor_delivered_seq AS vd, visitor_read_seq AS vr, agent_delivered_seq AS ad, agent_read_seq AS ar
     FROM conversations WHERE app_id = $1 AND id = $2`,
    [appId, conversationId],
  );
  const row = rows[0];
  return {
    visitor: { delivered: Number(row?.vd ?? 0), read: Number(row?.vr ?? 0) },
    agent: { delivered: Number(row?.ad ?? 0), read: Number(row?.ar ?? 0) },
  };
}

/** Tickets whose SLA clocks may have just run out, and resolved ones whose reopen window has passed. */
export async function listSlaCandidates(q: Queryable, now: Date): Promise<Array<{ app_id: string; id: string }>> {
  return q.query(
    `SELECT t.app_id, t.id FROM tickets t JOIN apps ap ON ap.id = t.app_id WHERE
       (t.status IN ('new', 'queued', 'in_progress', 'waiting_on_customer') AND (
         (NOT t.breached_first AND t.first_response_at IS NULL AND t.first_response_due <= $1) OR
         (NOT t.breached_resolution AND t.resolution_due <= $1)))
       OR (t.status = 'resolved' AND t.resolved_at + make_interval(hours => COALESCE((ap.settings->>'reopenWindowHours')::int, 72)) <= $1)
     LIMIT 200`,
    [now.toISOString()],
  );
}

/** The previous assignee of a reopened ticket: routing hands it back to them when it can. */
export async function previousAssignee(q: Queryable, appId: string, ticketId: string): Promise<string | null> {
  const rows = await q.query<{ previous_assignee_id: string | null }>('SELECT previous_assignee_id FROM tickets WHERE app_id = $1 AND id = $2', [appId, ticketId]);
  return rows[0]?.previous_assignee_id ?? null;
}
