export { addBusinessMinutes, endOfNextBusinessDay, isWithinHours, nextOpening, validHours } from './business-hours.ts';
export type { BusinessHours } from './business-hours.ts';
export { canTake, compareWaiting, isSkilled, languageOf, nextTier, pickAgent, planAssignments, queueKey } from './route.ts';
export type { RoutingAgent, RoutingTicket } from './route.ts';
export { DEFAULT_SETTINGS, DEFAULT_SLA, readSettings } from './settings.ts';
export type { AppSettings, SlaPolicy, SlaTarget } from './settings.ts';
export { availability, newBreaches, raisePriority, slaDeadlines } from './sla.ts';
export type { SlaDeadlines, SlaTicketState } from './sla.ts';
