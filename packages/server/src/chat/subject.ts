import { LIMITS, type HandoffRequest } from '@helpdock/protocol';

/** The subject the visitor gave, else their first line, else the page title. */
export function ticketSubject(req: HandoffRequest): string {
  const firstLine = req.transcript.find((entry) => entry.author === 'visitor')?.text;
  const raw = req.subject ?? firstLine ?? req.context.title ?? '';
  const text = raw.replace(/\s+/g, ' ').trim() || 'Support request';
  const chars = Array.from(text);
  return chars.length <= LIMITS.subject ? text : `${chars.slice(0, LIMITS.subject - 1).join('').trimEnd()}…`;
}
