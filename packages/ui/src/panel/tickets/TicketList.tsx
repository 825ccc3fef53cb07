import { useBinding } from '../../binding-context.ts';

/** Every ticket of this visitor, newest first; a past one opens read-only. */
export function TicketList() {
  const { core, state, t, lang } = useBinding();
  const { tickets, ticket: current } = state.value;
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang.value);
  return (
    <div class="hd-tickets">
      <button type="button" class="hd-link-button" onClick={() => core.closeTickets()}>
        {t('tickets.back')}
      </button>
      <h3 class="hd-tickets-title">{t('tickets.title')}</h3>
      {tickets === null ? (
        <p class="hd-meta" role="status">
          {t('tickets.loading')}
        </p>
      ) : tickets.length === 0 ? (
        <p class="hd-meta">{t('tickets.empty')}</p>
      ) : (
        <ul class="hd-ticket-list">
          {tickets.map((item) => (
            <li key={item.id}>
              <button type="button" class="hd-ticket-item" onClick={() => void core.showTicket(item.id)}>
                <span class="hd-ticket-number">{t('ticket.number', { number: item.number })}</span> <span>{item.subject}</span>
                <span class="hd-meta">
                  {' · '}
                  {t(`ticket.status.${item.status}`)} · {date(item.createdAt)}
                  {item.id === current?.id ? ` · ${t('tickets.current')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
