import type { Agent } from '@helpdock/protocol';
import { Composer, type ComposerProps } from '../components/Composer.tsx';
import { ContextPanel } from '../components/ContextPanel.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { MessageLog } from '../components/MessageLog.tsx';
import { ResolveForm, type ResolveFormProps } from '../components/ResolveForm.tsx';
import { TicketHeader, type TicketHeaderProps } from '../components/TicketHeader.tsx';
import type { OpenTicket } from '../connection.ts';
import { useT } from '../i18n.tsx';
import { isOpen } from '../queue.ts';

export interface TicketActions {
  claim: TicketHeaderProps['claim'];
  resolve: ResolveFormProps['resolve'];
  send: ComposerProps['send'];
}

export interface TicketViewProps {
  open: OpenTicket;
  me: Agent;
  actions: TicketActions;
}

/** The ticket being worked: header, conversation, reply box, and its context on the side. */
export function TicketView({ open, me, actions }: TicketViewProps) {
  const t = useT();
  const { ticket } = open;
  if (!ticket) {
    return (
      <div class="ticket ticket--pending">
        {open.error ? <ErrorText error={open.error} /> : <p class="empty">{t('conversation.loading')}</p>}
      </div>
    );
  }
  return (
    <div class="ticket">
      <section class="conversation" aria-labelledby={`ticket-${ticket.id}-title`}>
        <TicketHeader ticket={ticket} me={me} claim={actions.claim} />
        <ErrorText error={open.error} />
        <MessageLog messages={open.messages} loading={open.loading} />
        <Composer key={ticket.conversationId} conversationId={ticket.conversationId} send={actions.send} />
        {isOpen(ticket) ? <ResolveForm key={ticket.id} ticketId={ticket.id} resolve={actions.resolve} /> : null}
      </section>
      <ContextPanel ticket={ticket} />
    </div>
  );
}
