import type { Ticket, TicketStatus } from '@helpdock/protocol';

const OPEN: ReadonlySet<TicketStatus> = new Set(['queued', 'in_progress']);

/** Whether a ticket still belongs in the queue. */
export function isOpen(ticket: Ticket): boolean {
  return OPEN.has(ticket.status);
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** Queued tickets first, oldest first (they have waited longest); then the ones in progress, oldest first. */
export function compareQueue(a: Ticket, b: Ticket): number {
  const rank = (t: Ticket) => (t.status === 'queued' ? 0 : 1);
  return rank(a) - rank(b) || time(a.createdAt) - time(b.createdAt) || a.number - b.number;
}

/** A new sorted queue from a full listing, keeping only open tickets. */
export function queueFrom(tickets: readonly Ticket[]): Ticket[] {
  return tickets.filter(isOpen).sort(compareQueue);
}

/**
 * Applies one live ticket update: inserts or replaces it by id, drops it once
 * it is no longer open, and ignores it when an update we already hold is newer
 * (events and a listing can cross on the wire).
 */
export function applyTicket(queue: readonly Ticket[], ticket: Ticket): Ticket[] {
  const existing = queue.find((t) => t.id === ticket.id);
  if (existing && time(existing.updatedAt) > time(ticket.updatedAt)) return queue.slice();
  const rest = queue.filter((t) => t.id !== ticket.id);
  return isOpen(ticket) ? [...rest, ticket].sort(compareQueue) : rest;
}

/** The newer of two snapshots of the same ticket. */
export function newerTicket(current: Ticket, incoming: Ticket): Ticket {
  return time(current.updatedAt) > time(incoming.updatedAt) ? current : incoming;
}
