import {
  protocolError,
  type AddNote,
  type Agent,
  type AgentProfile,
  type CannedReply,
  type Contact,
  type InternalNote,
  type RateTicket,
  type Ticket,
  type TransferTicket,
  type UpdateTicket,
} from '@helpdock/protocol';
import type { Db, Queryable } from '../db/db.ts';
import { nextTier, slaDeadlines } from '../routing/index.ts';
import { visitorOwnsConversation } from '../store/conversations.ts';
import { appendEvent, findAgentProfile, findAppSettings, insertNote, listAgentProfiles, listNotes, setAgentStatus, updateTicket } from '../store/lifecycle.ts';
import { findTicket, listVisitorTickets, lockTicket } from '../store/tickets.ts';
import { systemLine } from './agent-ops.ts';
import { isClosed, refuse, reply, type ChatEvent, type Outcome } from './outcome.ts';
import { routeTicket } from './routing-ops.ts';
import type { VisitorActor } from './visitor-ops.ts';

const noTicket = () => refuse<never>(protocolError('not_found', 'no such ticket'));
const closed = (ticket: Ticket) => refuse<never>(protocolError('conflict', `ticket #${ticket.number} is ${ticket.status}`));

async function reload(tx: Queryable, ticket: Ticket): Promise<Ticket> {
  const fresh = await findTicket(tx, ticket.appId, ticket.id);
  if (!fresh) throw new Error(`ticket ${ticket.id} vanished`);
  return fresh;
}

// ---- agents ----

export async function bootstrap(
  db: Db,
  agent: Agent,
): Promise<Outcome<{ me: AgentProfile; agents: AgentProfile[]; cannedReplies: CannedReply[]; teams: string[] }>> {
  const [agents, settings] = await Promise.all([listAgentProfiles(db, agent.appId), findAppSettings(db, agent.appId)]);
  const me = agents.find((a) => a.id === agent.id);
  if (!me) return refuse(protocolError('unauthorized', 'this agent no longer exists'));
  const teams = [...new Set([...settings.teams, ...agents.flatMap((a) => (a.team ? [a.team] : []))])].sort();
  return reply({ me, agents, cannedReplies: settings.cannedReplies, teams });
}

export async function changeStatus(db: Db, agent: Agent, status: 'online' | 'away' | 'offline'): Promise<Outcome<{ me: AgentProfile }>> {
  await setAgentStatus(db, agent.appId, agent.id, status);
  const me = await findAgentProfile(db, agent.appId, agent.id);
  if (!me) return refuse(protocolError('unauthorized', 'this agent no longer exists'));
  return reply({ me }, [{ kind: 'agent', appId: agent.appId, agent: me }]);
}

export async function updateTicketAs(db: Db, agent: Agent, req: UpdateTicket): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, agent.appId, req.ticketId);
    if (!ticket) return noTicket();
    if (isClosed(ticket)) return closed(ticket);
    if (req.status && req.status !== ticket.status) {
      if (!ticket.assignee) return refuse(protocolError('conflict', `ticket #${ticket.number} has no assignee yet; claim it first`));
      await updateTicket(tx, agent.appId, ticket.id, { status: req.status });
      await appendEvent(tx, agent.appId, ticket.id, 'status', { status: req.status, name: agent.name });
    }
    if (req.priority && req.priority !== ticket.priority) {
      // A new priority brings its own deadlines, counted from when the ticket was opened; a met clock stays met.
      const settings = await findAppSettings(tx, agent.appId);
      const due = slaDeadlines(Date.parse(ticket.createdAt), req.priority, settings);
      await updateTicket(tx, agent.appId, ticket.id, {
        priority: req.priority,
        first_response_due: new Date(due.firstResponseDue).toISOString(),
        resolution_due: new Date(due.resolutionDue).toISOString(),
      });
      await appendEvent(tx, agent.appId, ticket.id, 'priority', { from: ticket.priority, to: req.priority, name: agent.name });
    }
    if (req.category !== undefined && req.category !== (ticket.category ?? null)) {
      await updateTicket(tx, agent.appId, ticket.id, { category: req.category });
      await appendEvent(tx, agent.appId, ticket.id, 'category', { category: req.category ?? '', name: agent.name });
    }
    const updated = await reload(tx, ticket);
    return reply({ ticket: updated }, [{ kind: 'ticket', ticket: updated }]);
  });
}

/**
 * Hands the ticket on: back to the queue with new requirements (tier or team),
 * then straight to a matching agent when one is free. The visitor sees a line
 * saying so, and the timeline records it.
 */
async function handOn(tx: Queryable, agent: Agent, ticket: Ticket, fields: Record<string, unknown>, text: string, kind: 'escalated' | 'transferred', params: Record<string, string>): Promise<Outcome<{ ticket: Ticket }>> {
  await updateTicket(tx, agent.appId, ticket.id, { ...fields, status: 'queued', assignee_id: null, previous_assignee_id: null });
  await appendEvent(tx, agent.appId, ticket.id, kind, { ...params, name: agent.name });
  const line = await systemLine(tx, ticket, text);
  const routed = await routeTicket(tx, agent.appId, ticket.id);
  const updated = await reload(tx, ticket);
  const events: ChatEvent[] = [{ kind: 'message', message: line }, ...routed.filter((e) => e.kind !== 'ticket'), { kind: 'ticket', ticket: updated }];
  return reply({ ticket: updated }, events);
}

export async function escalate(db: Db, agent: Agent, ticketId: string): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, agent.appId, ticketId);
    if (!ticket) return noTicket();
    if (isClosed(ticket)) return closed(ticket);
    const tier = nextTier(ticket.tier ?? 'L1');
    if (!tier) return refuse(protocolError('conflict', `ticket #${ticket.number} is already at the highest tier`));
    return handOn(tx, agent, ticket, { tier }, `Escalated to ${tier} support`, 'escalated', { tier });
  });
}

export async function transfer(db: Db, agent: Agent, req: TransferTicket): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, agent.appId, req.ticketId);
    if (!ticket) return noTicket();
    if (isClosed(ticket)) return closed(ticket);
    return handOn(tx, agent, ticket, { team: req.team }, `Transferred to the ${req.team} team`, 'transferred', { team: req.team });
  });
}

export async function addNote(db: Db, agent: Agent, req: AddNote): Promise<Outcome<{ note: InternalNote }>> {
  const ticket = await findTicket(db, agent.appId, req.ticketId);
  if (!ticket) return noTicket();
  const note = await insertNote(db, agent.appId, ticket.id, agent.id, req.text);
  return reply({ note }, [{ kind: 'note', appId: agent.appId, note }]);
}

export async function notesOf(db: Db, agent: Agent, ticketId: string): Promise<Outcome<{ notes: InternalNote[] }>> {
  const ticket = await findTicket(db, agent.appId, ticketId);
  if (!ticket) return noTicket();
  return reply({ notes: await listNotes(db, agent.appId, ticket.id) });
}

// ---- visitors ----

export async function visitorTicket(q: Queryable, visitor: VisitorActor, ticketId: string, lock = false): Promise<Ticket | null> {
  const ticket = lock ? await lockTicket(q, visitor.appId, ticketId) : await findTicket(q, visitor.appId, ticketId);
  if (!ticket || !(await visitorOwnsConversation(q, visitor.appId, visitor.visitorId, ticket.conversationId))) return null;
  return ticket;
}

export async function visitorTickets(db: Db, visitor: VisitorActor): Promise<Outcome<{ tickets: Ticket[] }>> {
  return reply({ tickets: await listVisitorTickets(db, visitor.appId, visitor.visitorId) });
}

export async function rate(db: Db, visitor: VisitorActor, req: RateTicket): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await visitorTicket(tx, visitor, req.ticketId, true);
    if (!ticket) return noTicket();
    if (!isClosed(ticket)) return refuse(protocolError('conflict', `ticket #${ticket.number} is not resolved yet`));
    await updateTicket(tx, visitor.appId, ticket.id, { rating: req.score, rating_comment: req.comment || null });
    await appendEvent(tx, visitor.appId, ticket.id, 'rated', { score: req.score });
    const updated = await reload(tx, ticket);
    return reply({ ticket: updated }, [{ kind: 'ticket', ticket: updated }]);
  });
}

export async function reopen(db: Db, visitor: VisitorActor, ticketId: string): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await visitorTicket(tx, visitor, ticketId, true);
    if (!ticket) return noTicket();
    if (ticket.status !== 'resolved' || !ticket.reopenUntil || Date.parse(ticket.reopenUntil) <= Date.now()) {
      return refuse(protocolError('conflict', `ticket #${ticket.number} can no longer be reopened; start a new conversation`));
    }
    const settings = await findAppSettings(tx, visitor.appId);
    const due = slaDeadlines(Date.now(), ticket.priority, settings);
    await updateTicket(tx, visitor.appId, ticket.id, {
      status: 'queued',
      previous_assignee_id: ticket.assignee?.id ?? null,
      assignee_id: null,
      resolution: null,
      resolved_at: null,
      rating: null,
      rating_comment: null,
      first_response_at: null,
      breached_first: false,
      breached_resolution: false,
      first_response_due: new Date(due.firstResponseDue).toISOString(),
      resolution_due: new Date(due.resolutionDue).toISOString(),
    });
    await appendEvent(tx, visitor.appId, ticket.id, 'reopened');
    const line = await systemLine(tx, ticket, 'The visitor reopened the conversation');
    const routed = await routeTicket(tx, visitor.appId, ticket.id);
    const updated = await reload(tx, ticket);
    return reply({ ticket: updated }, [{ kind: 'message', message: line }, ...routed.filter((e) => e.kind !== 'ticket'), { kind: 'ticket', ticket: updated }]);
  });
}

export async function setContact(db: Db, visitor: VisitorActor, req: Contact): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await visitorTicket(tx, visitor, req.ticketId, true);
    if (!ticket) return noTicket();
    await updateTicket(tx, visitor.appId, ticket.id, { contact_email: req.email });
    if (!ticket.contactEmail) await appendEvent(tx, visitor.appId, ticket.id, 'contact');
    const updated = await reload(tx, ticket);
    return reply({ ticket: updated }, [{ kind: 'ticket', ticket: updated }]);
  });
}
