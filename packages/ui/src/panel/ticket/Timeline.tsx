import type { Ticket } from '@helpdock/protocol';
import { useBinding } from '../../binding-context.ts';

/** What happened to the ticket, oldest first; collapsed so it never crowds the chat. */
export function Timeline({ ticket }: { ticket: Ticket }) {
  const { t, lang } = useBinding();
  const events = ticket.timeline ?? [];
  if (events.length === 0) return null;
  return (
    <details class="hd-timeline">
      <summary>{t('timeline.title', { count: events.length })}</summary>
      <ol>
        {events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString(lang.value, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' })}</time>{' '}
            {t(`timeline.${e.kind}`, { ...e.params, status: e.params?.['status'] ? t(`ticket.status.${e.params['status']}`) : '' })}
          </li>
        ))}
      </ol>
    </details>
  );
}
