import type { SlaClock, Ticket } from '@helpdock/protocol';
import { useBinding } from '../../binding-context.ts';
import { duration } from './duration.ts';

function Clock({ label, clock, now }: { label: string; clock: SlaClock; now: number }) {
  const { t, lang } = useBinding();
  const left = Date.parse(clock.due) - now;
  const text = clock.metAt
    ? t('sla.met')
    : left >= 0
      ? t('sla.within', { time: duration(left, lang.value) })
      : t('sla.overdue', { time: duration(-left, lang.value) });
  return (
    <p class={`hd-sla${!clock.metAt && left < 0 ? ' hd-sla--late' : ''}`}>
      <span class="hd-sla-label">{label}</span> <span class="hd-sla-value">{text}</span>
    </p>
  );
}

/** Time to first response and to resolution, by the ticket's priority. */
export function SlaClocks({ ticket, now }: { ticket: Ticket; now: number }) {
  const { t } = useBinding();
  const sla = ticket.sla;
  if (!sla || ticket.status === 'resolved' || ticket.status === 'closed') return null;
  return (
    <div class="hd-sla-clocks" aria-label={t('sla.label', { priority: ticket.priority })}>
      <Clock label={t('sla.firstResponse')} clock={sla.firstResponse} now={now} />
      <Clock label={t('sla.resolution')} clock={sla.resolution} now={now} />
    </div>
  );
}
