import type { Ticket } from '@helpdock/protocol';

/** Whether the ticket waits with nobody to answer it now: nobody online, or outside business hours. */
export const unanswered = (ticket: Ticket): boolean =>
  !!ticket.availability && !ticket.assignee && !(ticket.availability.withinHours && ticket.availability.agentsOnline);
