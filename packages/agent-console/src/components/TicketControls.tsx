import { useState } from 'preact/hooks';
import { PRIORITIES, type Priority, type Ticket, type UpdateTicket } from '@helpdock/protocol';
import type { ClientError, Result } from '../errors.ts';
import { useT } from '../i18n.tsx';
import { isOpen } from '../queue.ts';
import { ErrorText } from './ErrorText.tsx';

export interface TicketControlsProps {
  ticket: Ticket;
  teams: readonly string[];
  update: (req: UpdateTicket) => Promise<Result>;
  escalate: (ticketId: string) => Promise<Result>;
  transfer: (ticketId: string, team: string) => Promise<Result>;
}

/** Priority, status, escalation and transfer: each change is recorded on the ticket's timeline. */
export function TicketControls({ ticket, teams, update, escalate, transfer }: TicketControlsProps) {
  const t = useT();
  const [error, setError] = useState<ClientError | null>(null);
  const [team, setTeam] = useState('');
  const [category, setCategory] = useState(ticket.category ?? '');
  if (!isOpen(ticket)) return null;
  const run = async (pending: Promise<Result>) => {
    setError(null);
    const result = await pending;
    if (!result.ok) setError(result.error);
  };
  const id = ticket.id;
  return (
    <div class="controls">
      <label>
        {t('ticket.priority')}{' '}
        <select value={ticket.priority} onChange={(e) => void run(update({ ticketId: id, priority: e.currentTarget.value as Priority }))}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {ticket.assignee ? (
        <label>
          {t('ticket.status')}{' '}
          <select
            value={ticket.status}
            onChange={(e) => void run(update({ ticketId: id, status: e.currentTarget.value as 'in_progress' | 'waiting_on_customer' }))}
          >
            <option value="in_progress">{t('status.in_progress')}</option>
            <option value="waiting_on_customer">{t('status.waiting_on_customer')}</option>
          </select>
        </label>
      ) : null}
      <button type="button" disabled={ticket.tier === 'L3'} onClick={() => void run(escalate(id))}>
        {t('ticket.escalate', { tier: ticket.tier ?? 'L1' })}
      </button>
      <label>
        <span class="sr-only">{t('ticket.transferTo')}</span>
        <select value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
          <option value="">{t('ticket.transferTo')}</option>
          {teams.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!team} onClick={() => void run(transfer(id, team))}>
        {t('ticket.transfer')}
      </button>
      <form
        class="category"
        onSubmit={(e) => {
          e.preventDefault();
          const value = category.trim();
          void run(update({ ticketId: id, category: value || null }));
        }}
      >
        <label>
          {t('ticket.category')}{' '}
          <input type="text" value={category} maxLength={64} onInput={(e) => setCategory(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit" disabled={category.trim() === (ticket.category ?? '')}>
          {t('ticket.setCategory')}
        </button>
      </form>
      <ErrorText error={error} />
    </div>
  );
}
