import type { Ticket } from '@helpdock/protocol';
import type { Db, Queryable } from '../db/db.ts';
import { canTake, languageOf, pickAgent, planAssignments, type RoutingTicket } from '../routing/index.ts';
import { appendEvent, findAgentProfile, listAgentProfiles, lockAgent, previousAssignee, updateTicket } from '../store/lifecycle.ts';
import { assignTicket, findTicket, listOpenTickets, lockTicket } from '../store/tickets.ts';
import { systemLine } from './agent-ops.ts';
import type { ChatEvent } from './outcome.ts';

export function routingTicket(ticket: Ticket, previousAssigneeId: string | null = null): RoutingTicket {
  return {
    id: ticket.id,
    priority: ticket.priority,
    category: ticket.category ?? null,
    language: languageOf(ticket.language),
    tier: ticket.tier ?? 'L1',
    team: ticket.team ?? null,
    createdAt: Date.parse(ticket.createdAt),
    previousAssigneeId,
  };
}

/**
 * Inside `tx`: gives a waiting ticket to the least busy skilled agent who is
 * online, or leaves it (marked queued) in its queue. The chosen agent's row is
 * locked and its load counted again, so two nodes routing at once never push
 * an agent past capacity.
 */
export async function routeTicket(tx: Queryable, appId: string, ticketId: string): Promise<ChatEvent[]> {
  const ticket = await lockTicket(tx, appId, ticketId);
  if (!ticket || (ticket.status !== 'new' && ticket.status !== 'queued') || ticket.assignee) return [];
  const wanted = routingTicket(ticket, await previousAssignee(tx, appId, ticketId));
  const pick = pickAgent(wanted, await listAgentProfiles(tx, appId));
  if (pick) {
    await lockAgent(tx, appId, pick.id);
    const fresh = await findAgentProfile(tx, appId, pick.id);
    if (fresh && canTake(fresh, wanted)) {
      const assigned = await assignTicket(tx, appId, ticketId, pick.id);
      if (!assigned) throw new Error(`ticket ${ticketId} vanished`);
      const line = await systemLine(tx, assigned, `${fresh.name} joined the conversation`);
      return [
        { kind: 'message', message: line },
        { kind: 'ticket', ticket: assigned },
      ];
    }
  }
  if (ticket.status === 'queued') return [];
  await updateTicket(tx, appId, ticketId, { status: 'queued' });
  await appendEvent(tx, appId, ticketId, 'queued', { queue: [ticket.category ?? '*', wanted.language ?? '*', wanted.tier].join(' / ') });
  const queued = await findTicket(tx, appId, ticketId);
  return queued ? [{ kind: 'ticket', ticket: queued }] : [];
}

/**
 * Hands waiting tickets to agents with room, most urgent first: after an agent
 * comes online, resolves a ticket or passes one on.
 */
export async function drainQueue(db: Db, appId: string): Promise<ChatEvent[]> {
  const agents = await listAgentProfiles(db, appId);
  if (!agents.some((a) => a.status === 'online' && a.load < a.capacity)) return [];
  const waiting = (await listOpenTickets(db, appId)).filter((t) => (t.status === 'new' || t.status === 'queued') && !t.assignee);
  const plan = planAssignments(waiting.map((t) => routingTicket(t)), agents);
  const events: ChatEvent[] = [];
  for (const { ticketId } of plan) events.push(...(await db.transaction((tx) => routeTicket(tx, appId, ticketId))));
  return events;
}
