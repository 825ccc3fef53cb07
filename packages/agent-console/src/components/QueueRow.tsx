import type { Ticket } from '@helpdock/protocol';
import { formatAge } from '../format.ts';
import { useLocale, useT } from '../i18n.tsx';
import { SlaTimer } from './SlaTimer.tsx';

export interface QueueRowProps {
  ticket: Ticket;
  selected: boolean;
  now: number;
  onOpen: (ticketId: string) => void;
}

/** One ticket in the queue; its accessible name starts with "#<number>". */
export function QueueRow({ ticket, selected, now, onOpen }: QueueRowProps) {
  const t = useT();
  const { locale } = useLocale();
  const age = formatAge(ticket.createdAt, now, locale.value);
  return (
    <button type="button" class="queue-row" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(ticket.id)}>
      <span class="queue-row-top">
        <span class="num">#{ticket.number}</span> <span class="subject">{ticket.subject}</span>
      </span>{' '}
      <span class="queue-row-meta">
        <span class={`badge badge--${ticket.status}`}>{t(`status.${ticket.status}`)}</span>{' '}
        <span class={`prio prio--${ticket.priority}`}>{ticket.priority}</span>{' '}
        <span class="assignee">{ticket.assignee ? ticket.assignee.name : t('ticket.unassigned')}</span>{' '}
        <span class="age">{age}</span> <SlaTimer ticket={ticket} now={now} />
        {ticket.breached ? <span class="flag">{t('sla.breached')}</span> : null}
      </span>
    </button>
  );
}
