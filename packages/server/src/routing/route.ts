import type { AgentStatus, Priority, Tier } from '@helpdock/protocol';

/** What routing needs to know about a ticket. */
export interface RoutingTicket {
  id: string;
  priority: Priority;
  category: string | null;
  language: string | null;
  tier: Tier;
  team: string | null;
  createdAt: number;
  /** The agent who had it before (a reopen): preferred when eligible. */
  previousAssigneeId?: string | null;
}

/** What routing needs to know about an agent. Empty skill lists mean "any". */
export interface RoutingAgent {
  id: string;
  status: AgentStatus;
  tier: Tier;
  team: string | null;
  languages: readonly string[];
  categories: readonly string[];
  capacity: number;
  load: number;
}

const TIER_RANK: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 };
const PRIORITY_RANK: Record<Priority, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** `zh-CN` → `zh`: agents are skilled in languages, not regions. */
export function languageOf(locale: string | null | undefined): string | null {
  const primary = locale?.split('-')[0]?.toLowerCase();
  return primary ? primary : null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether the agent has the skills, tier and team for the ticket (ignores presence and load). */
export function isSkilled(agent: RoutingAgent, ticket: RoutingTicket): boolean {
  if (TIER_RANK[agent.tier] < TIER_RANK[ticket.tier]) return false;
  if (ticket.team && !(agent.team && same(agent.team, ticket.team))) return false;
  if (ticket.language && agent.languages.length > 0 && !agent.languages.some((l) => same(languageOf(l) ?? '', ticket.language ?? ''))) return false;
  if (ticket.category && agent.categories.length > 0 && !agent.categories.some((c) => same(c, ticket.category ?? ''))) return false;
  return true;
}

/** Online, skilled, and with room for one more ticket. */
export function canTake(agent: RoutingAgent, ticket: RoutingTicket): boolean {
  return agent.status === 'online' && agent.load < agent.capacity && isSkilled(agent, ticket);
}

/**
 * The agent a new ticket goes to: the previous assignee when it is back and
 * eligible; else, among the agents who list the ticket's category (generalists
 * only when no specialist has room), the least busy (by share of capacity in
 * use, then by count); the lowest tier that qualifies wins a tie so senior
 * agents stay free for escalations. `null`: the ticket waits in its queue.
 */
export function pickAgent(ticket: RoutingTicket, agents: readonly RoutingAgent[]): RoutingAgent | null {
  const able = agents.filter((a) => canTake(a, ticket));
  const specialists = ticket.category ? able.filter((a) => a.categories.some((c) => same(c, ticket.category ?? ''))) : [];
  const eligible = specialists.length > 0 ? specialists : able;
  const previous = ticket.previousAssigneeId ? able.find((a) => a.id === ticket.previousAssigneeId) : undefined;
  if (previous) return previous;
  let best: RoutingAgent | null = null;
  for (const a of eligible) {
    if (!best) {
      best = a;
      continue;
    }
    const diff = a.load / a.capacity - best.load / best.capacity || a.load - best.load || TIER_RANK[a.tier] - TIER_RANK[best.tier] || (a.id < best.id ? -1 : 1);
    if (diff < 0) best = a;
  }
  return best;
}

/** The queue key a waiting ticket is listed under: category, language and tier. */
export function queueKey(ticket: Pick<RoutingTicket, 'category' | 'language' | 'tier' | 'team'>): string {
  return [ticket.team ?? '*', ticket.category ?? '*', ticket.language ?? '*', ticket.tier].join('/');
}

/** Queue order: most urgent priority first, then whoever has waited longest. */
export function compareWaiting(a: Pick<RoutingTicket, 'priority' | 'createdAt' | 'id'>, c: Pick<RoutingTicket, 'priority' | 'createdAt' | 'id'>): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[c.priority] || a.createdAt - c.createdAt || (a.id < c.id ? -1 : 1);
}

/**
 * Hands waiting tickets to agents, most urgent first, counting each assignment
 * against the agent's capacity. Pure: returns the plan, the caller applies it.
 */
export function planAssignments(waiting: readonly RoutingTicket[], agents: readonly RoutingAgent[]): Array<{ ticketId: string; agentId: string }> {
  const pool = agents.map((a) => ({ ...a }));
  const plan: Array<{ ticketId: string; agentId: string }> = [];
  for (const ticket of [...waiting].sort(compareWaiting)) {
    const agent = pickAgent(ticket, pool);
    if (!agent) continue;
    agent.load++;
    plan.push({ ticketId: ticket.id, agentId: agent.id });
  }
  return plan;
}

export function nextTier(tier: Tier): Tier | null {
  return tier === 'L1' ? 'L2' : tier === 'L2' ? 'L3' : null;
}
