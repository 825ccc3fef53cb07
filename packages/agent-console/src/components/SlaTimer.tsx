import type { Ticket } from '@helpdock/protocol';
import { useT } from '../i18n.tsx';

function short(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}`;
}

/** The clock that matters now: first response until an agent answered, then resolution. Red when overdue. */
export function SlaTimer({ ticket, now }: { ticket: Ticket; now: number }) {
  const t = useT();
  const sla = ticket.sla;
  if (!sla || ticket.status === 'resolved' || ticket.status === 'closed') return null;
  const which = sla.firstResponse.metAt ? 'resolution' : 'firstResponse';
  const left = Date.parse(sla[which].due) - now;
  const late = left < 0;
  return (
    <span class={`sla${late ? ' sla--late' : ''}`} title={t(`sla.${which}`)}>
      {t(late ? 'sla.overdue' : 'sla.left', { clock: t(`sla.${which}Short`), time: short(left) })}
    </span>
  );
}
