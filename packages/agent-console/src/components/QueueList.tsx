import type { Ticket } from '@helpdock/protocol';
import type { ClientError } from '../errors.ts';
import { useT } from '../i18n.tsx';
import { useNow } from '../now.ts';
import { ErrorText } from './ErrorText.tsx';
import { QueueRow } from './QueueRow.tsx';

export interface QueueListProps {
  tickets: readonly Ticket[];
  loaded: boolean;
  error: ClientError | null;
  selectedId: string | null;
  onOpen: (ticketId: string) => void;
}

export function QueueList(props: QueueListProps) {
  const t = useT();
  // SLA timers count minutes: a tick every 15 s keeps them honest.
  const now = useNow(15_000);
  return (
    <nav class="queue" aria-labelledby="queue-title">
      <h2 id="queue-title" class="pane-title">
        {t('queue.title')} <span class="count">{props.tickets.length}</span>
      </h2>
      <ErrorText error={props.error} />
      {props.tickets.length === 0 ? (
        <p class="empty">{t(props.loaded ? 'queue.empty' : 'queue.loading')}</p>
      ) : (
        <ul class="queue-list">
          {props.tickets.map((ticket) => (
            <li key={ticket.id}>
              <QueueRow ticket={ticket} selected={ticket.id === props.selectedId} now={now} onOpen={props.onOpen} />
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
