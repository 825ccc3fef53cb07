import type { Db } from '../db/db.ts';
import { newBreaches, raisePriority } from '../routing/index.ts';
import { appendEvent, listSlaCandidates, updateTicket } from '../store/lifecycle.ts';
import { findTicket, lockTicket } from '../store/tickets.ts';
import type { ChatEvent } from './outcome.ts';
import { drainQueue } from './routing-ops.ts';

/**
 * One pass over the clocks: a clock that ran out is flagged once and raises the
 * ticket's priority one step (so it moves up its queue); a resolved ticket whose
 * reopen window has passed is closed. Safe on several nodes at once: each
 * ticket is re-checked under its row lock.
 */
export async function sweepSla(db: Db, now: number): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  const apps = new Set<string>();
  for (const { app_id: appId, id } of await listSlaCandidates(db, new Date(now))) {
    const changed = await db.transaction(async (tx) => {
      const ticket = await lockTicket(tx, appId, id);
      if (!ticket) return null;
      if (ticket.status === 'resolved') {
        if (!ticket.reopenUntil || Date.parse(ticket.reopenUntil) > now) return null;
        await updateTicket(tx, appId, id, { status: 'closed' });
        await appendEvent(tx, appId, id, 'closed');
        return findTicket(tx, appId, id);
      }
      const sla = ticket.sla;
      if (!sla) return null;
      const due = newBreaches(
        {
          status: ticket.status,
          firstResponseDue: Date.parse(sla.firstResponse.due),
          firstResponseAt: sla.firstResponse.metAt ? Date.parse(sla.firstResponse.metAt) : null,
          resolutionDue: Date.parse(sla.resolution.due),
          breachedFirst: sla.firstResponse.breached,
          breachedResolution: sla.resolution.breached,
        },
        now,
      );
      if (!due.firstResponse && !due.resolution) return null;
      const priority = raisePriority(ticket.priority);
      await updateTicket(tx, appId, id, {
        ...(due.firstResponse ? { breached_first: true } : {}),
        ...(due.resolution ? { breached_resolution: true } : {}),
        priority,
      });
      await appendEvent(tx, appId, id, 'breached', { clock: due.firstResponse ? 'firstResponse' : 'resolution', from: ticket.priority, to: priority });
      return findTicket(tx, appId, id);
    });
    if (changed) {
      events.push({ kind: 'ticket', ticket: changed });
      apps.add(appId);
    }
  }
  // A raised priority may put a ticket ahead of others for an agent who has room.
  for (const appId of apps) events.push(...(await drainQueue(db, appId)));
  return events;
}
