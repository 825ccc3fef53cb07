import type { Priority } from '@helpdock/protocol';
import { addBusinessMinutes, endOfNextBusinessDay, isWithinHours, nextOpening } from './business-hours.ts';
import type { AppSettings, SlaTarget } from './settings.ts';

export interface SlaDeadlines {
  firstResponseDue: number;
  resolutionDue: number;
}

function due(start: number, target: SlaTarget, settings: AppSettings): number {
  return target === 'nextBusinessDay'
    ? endOfNextBusinessDay(start, settings.businessHours)
    : addBusinessMinutes(start, target.minutes, settings.businessHours);
}

/** Deadlines of a ticket opened (or reopened) at `start` with `priority`. */
export function slaDeadlines(start: number, priority: Priority, settings: AppSettings): SlaDeadlines {
  const policy = settings.sla[priority];
  return { firstResponseDue: due(start, policy.firstResponse, settings), resolutionDue: due(start, policy.resolution, settings) };
}

/** One step more urgent; P0 stays P0. */
export function raisePriority(priority: Priority): Priority {
  return priority === 'P3' ? 'P2' : priority === 'P2' ? 'P1' : 'P0';
}

export interface SlaTicketState {
  status: string;
  firstResponseDue: number;
  firstResponseAt: number | null;
  resolutionDue: number;
  breachedFirst: boolean;
  breachedResolution: boolean;
}

/** Which clocks ran out at `now` and are not flagged yet. A clock that was met never breaches. */
export function newBreaches(t: SlaTicketState, now: number): { firstResponse: boolean; resolution: boolean } {
  const open = t.status !== 'resolved' && t.status !== 'closed';
  return {
    firstResponse: open && !t.breachedFirst && t.firstResponseAt === null && now >= t.firstResponseDue,
    resolution: open && !t.breachedResolution && now >= t.resolutionDue,
  };
}

/** What to tell a visitor at handoff: are we working, is anyone there, when to expect an answer. */
export function availability(now: number, agentsOnline: boolean, firstResponseDue: number, settings: AppSettings) {
  const withinHours = isWithinHours(now, settings.businessHours);
  return {
    withinHours,
    agentsOnline,
    nextOpenAt: withinHours ? null : new Date(nextOpening(now, settings.businessHours)).toISOString(),
    expectedBy: new Date(firstResponseDue).toISOString(),
  };
}
