import { useState } from 'preact/hooks';
import type { Agent, Ticket } from '@helpdock/protocol';
import type { ClientError, Result } from '../errors.ts';
import { useT } from '../i18n.tsx';
import { isOpen } from '../queue.ts';
import { ErrorText } from './ErrorText.tsx';
import { useNow } from '../now.ts';
import { SlaTimer } from './SlaTimer.tsx';

export interface TicketHeaderProps {
  ticket: Ticket;
  me: Agent;
  claim: (ticketId: string) => Promise<Result>;
}

export function TicketHeader({ ticket, me, claim }: TicketHeaderProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const now = useNow(15_000);
  const canClaim = isOpen(ticket) && ticket.assignee?.id !== me.id;

  async function onClaim() {
    setBusy(true);
    setError(null);
    const result = await claim(ticket.id);
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <header class="ticket-header">
      <div class="ticket-title-row">
        <h1 class="ticket-title" id={`ticket-${ticket.id}-title`}>
          <span class="num">#{ticket.number}</span> {ticket.subject}
        </h1>
        {canClaim ? (
          <button type="button" class="primary" disabled={busy} onClick={() => void onClaim()}>
            {t('ticket.claim')}
          </button>
        ) : null}
      </div>
      <dl class="ticket-facts">
        <div>
          <dt>{t('ticket.status')}</dt>
          <dd>
            <span class={`badge badge--${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('ticket.priority')}</dt>
          <dd>
            <span class={`prio prio--${ticket.priority}`}>{ticket.priority}</span> <SlaTimer ticket={ticket} now={now} />
          </dd>
        </div>
        {ticket.tier ? (
          <div>
            <dt>{t('ticket.tier')}</dt>
            <dd>
              {ticket.tier}
              {ticket.team ? ` · ${ticket.team}` : ''}
              {ticket.category ? ` · ${ticket.category}` : ''}
              {ticket.language ? ` · ${ticket.language}` : ''}
            </dd>
          </div>
        ) : null}
        {ticket.contactEmail ? (
          <div>
            <dt>{t('ticket.contact')}</dt>
            <dd>{ticket.contactEmail}</dd>
          </div>
        ) : null}
        {ticket.rating ? (
          <div>
            <dt>{t('ticket.rating')}</dt>
            <dd>
              {ticket.rating.score}/5{ticket.rating.comment ? ` — ${ticket.rating.comment}` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ticket.assignee')}</dt>
          <dd>{ticket.assignee ? (ticket.assignee.id === me.id ? t('ticket.assignedToMe', { name: ticket.assignee.name }) : ticket.assignee.name) : t('ticket.unassigned')}</dd>
        </div>
      </dl>
      <ErrorText error={error} />
    </header>
  );
}
