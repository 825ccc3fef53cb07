import { useBinding } from '../binding-context.ts';

/** Once handed off: which ticket, where it stands, and who is on it. */
export function TicketHeader() {
  const { state, t } = useBinding();
  const ticket = state.value.ticket;
  if (!ticket) return null;
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  return (
    <div class="hd-ticket" role="status">
      <p class="hd-ticket-line">
        <span class="hd-ticket-number">{t('ticket.number', { number: ticket.number })}</span>
        <span class="hd-ticket-status">{t(`ticket.status.${ticket.status}`)}</span>
      </p>
      {done ? null : (
        <p class="hd-ticket-assignee">{ticket.assignee ? t('ticket.assignee', { name: ticket.assignee.name }) : t('ticket.waiting')}</p>
      )}
      {done && ticket.resolution ? <p class="hd-ticket-assignee">{t('ticket.resolution', { text: ticket.resolution })}</p> : null}
      {done ? <p class="hd-ticket-assignee">{t('ticket.ended')}</p> : null}
    </div>
  );
}
