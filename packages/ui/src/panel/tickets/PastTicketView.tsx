import { useBinding } from '../../binding-context.ts';
import { Message } from '../Message.tsx';
import { EmailTranscript } from './EmailTranscript.tsx';
import { TranscriptButton } from './TranscriptButton.tsx';

/** A past ticket, read-only: its state, resolution and whole conversation. */
export function PastTicketView() {
  const { core, state, t } = useBinding();
  const past = state.value.pastTicket;
  if (!past) return null;
  const { ticket, messages } = past;
  return (
    <div class="hd-tickets">
      <div class="hd-tools">
        <button type="button" class="hd-link-button" onClick={() => core.showTickets()}>
          {t('tickets.all')}
        </button>
        <TranscriptButton messages={messages} ticket={ticket} />
        <EmailTranscript key={ticket.id} ticket={ticket} />
      </div>
      <h3 class="hd-tickets-title">
        {t('ticket.number', { number: ticket.number })}: {ticket.subject}
      </h3>
      <p class="hd-meta">{t(`ticket.status.${ticket.status}`)}</p>
      {ticket.resolution ? <p class="hd-meta">{t('ticket.resolution', { text: ticket.resolution })}</p> : null}
      <div class="hd-log" role="log" aria-label={t('tickets.pastLog', { number: ticket.number })}>
        {messages.map((m) => (
          <Message key={m.id} message={m} readOnly />
        ))}
      </div>
    </div>
  );
}
