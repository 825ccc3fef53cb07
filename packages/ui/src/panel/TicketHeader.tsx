import { isolate } from '../isolate.ts';
import { useBinding } from '../binding-context.ts';
import { lazyView } from './lazy.tsx';
import { duration, initials } from './ticket/duration.ts';
import { SlaClocks } from './ticket/SlaClocks.tsx';
import { Timeline } from './ticket/Timeline.tsx';
import { unanswered } from './ticket/unanswered.ts';
import { useNow } from './ticket/use-now.ts';

// Only some tickets show these: one resolved (rating, reopening), one nobody can answer yet (when, and an e-mail).
const AfterResolution = lazyView(() => import('./ticket/RatingForm.tsx').then((m) => m.AfterResolution), { later: true });
const AvailabilityNotice = lazyView(() => import('./ticket/Availability.tsx').then((m) => m.AvailabilityNotice), { later: true });

/** Once handed off: which ticket, where it stands, who is on it, the clocks, and what happened. */
export function TicketHeader() {
  const { state, t, lang, dir } = useBinding();
  const now = useNow();
  const ticket = state.value.ticket;
  if (!ticket) return null;
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const end = done && ticket.resolvedAt ? Date.parse(ticket.resolvedAt) : now;
  return (
    <div class="hd-ticket">
      <div role="status">
        <p class="hd-ticket-line">
          <span class="hd-ticket-number">{t('ticket.number', { number: isolate(ticket.number, dir.value) })}</span>
          <span class="hd-ticket-status">{t(`ticket.status.${ticket.status}`)}</span>
          {ticket.breached ? <span class="hd-ticket-flag">{t('sla.breached')}</span> : null}
        </p>
        {done ? null : ticket.assignee ? (
          <p class="hd-ticket-assignee">
            <span class="hd-avatar" aria-hidden="true">
              {initials(ticket.assignee.name)}
            </span>{' '}
            {ticket.assignee.team ? t('ticket.assigneeTeam', { name: ticket.assignee.name, team: ticket.assignee.team }) : t('ticket.assignee', { name: ticket.assignee.name })}
          </p>
        ) : (
          <p class="hd-ticket-assignee">{t('ticket.waiting')}</p>
        )}
        {done && ticket.resolution ? <p class="hd-ticket-assignee">{t('ticket.resolution', { text: ticket.resolution })}</p> : null}
      </div>
      <p class="hd-ticket-assignee">{t(done ? 'ticket.tookTime' : 'ticket.openFor', { time: duration(end - Date.parse(ticket.createdAt), lang.value) })}</p>
      <SlaClocks ticket={ticket} now={now} />
      <Timeline ticket={ticket} />
      {done ? <AfterResolution ticket={ticket} now={now} /> : null}
      {done ? <p class="hd-ticket-assignee">{t('ticket.ended')}</p> : null}
      {!done && unanswered(ticket) ? <AvailabilityNotice ticket={ticket} /> : null}
    </div>
  );
}
