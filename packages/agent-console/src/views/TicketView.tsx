import { useSignal } from '@preact/signals';
import type { Agent, CannedReply } from '@helpdock/protocol';
import { FilesContext } from '../components/Attachments.tsx';
import { Composer, type ComposerProps } from '../components/Composer.tsx';
import type { Files } from '../files.ts';
import { ContextPanel } from '../components/ContextPanel.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { KbSuggestions } from '../components/KbSuggestions.tsx';
import { MessageLog } from '../components/MessageLog.tsx';
import { NotesPanel } from '../components/NotesPanel.tsx';
import { TicketControls, type TicketControlsProps } from '../components/TicketControls.tsx';
import { ResolveForm, type ResolveFormProps } from '../components/ResolveForm.tsx';
import { TicketHeader, type TicketHeaderProps } from '../components/TicketHeader.tsx';
import type { OpenTicket } from '../connection.ts';
import { useT } from '../i18n.tsx';
import { isOpen } from '../queue.ts';

export interface TicketActions {
  claim: TicketHeaderProps['claim'];
  resolve: ResolveFormProps['resolve'];
  send: ComposerProps['send'];
  // Lifecycle actions: optional so a view can be rendered without them (tests, read-only).
  update?: TicketControlsProps['update'];
  escalate?: TicketControlsProps['escalate'];
  transfer?: TicketControlsProps['transfer'];
  addNote?: (ticketId: string, text: string) => ReturnType<TicketControlsProps['escalate']>;
  typing?: (conversationId: string, typing: boolean) => void;
  /** Attachments: previews, downloads and uploads. */
  files?: Files;
}

export interface TicketViewProps {
  open: OpenTicket;
  me: Agent;
  actions: TicketActions;
  teams?: readonly string[];
  cannedReplies?: readonly CannedReply[];
  /** The server's origin, for KB suggestions; none without it. */
  server?: string | undefined;
}

/** Under the conversation: whether the visitor has received or read the latest agent reply. */
function VisitorReceipt({ open }: { open: OpenTicket }) {
  const t = useT();
  const last = open.messages.reduce((max, m) => (m.author === 'agent' && m.seq > max ? m.seq : max), 0);
  const marks = open.visitorReceipts;
  if (!last || !marks) return null;
  const state = marks.read >= last ? 'read' : marks.delivered >= last ? 'delivered' : null;
  return state ? <p class="receipt muted">{t(`receipt.${state}`)}</p> : null;
}

/** The ticket being worked: header, conversation, reply box, and its context on the side. */
export function TicketView({ open, me, actions, teams = [], cannedReplies = [], server }: TicketViewProps) {
  const t = useT();
  const insert = useSignal<string | null>(null);
  const { ticket } = open;
  if (!ticket) {
    return (
      <div class="ticket ticket--pending">
        {open.error ? <ErrorText error={open.error} /> : <p class="empty">{t('conversation.loading')}</p>}
      </div>
    );
  }
  return (
    <FilesContext.Provider value={actions.files ?? null}>
      <div class="ticket">
        <section class="conversation" aria-labelledby={`ticket-${ticket.id}-title`}>
          <TicketHeader ticket={ticket} me={me} claim={actions.claim} />
          {actions.update && actions.escalate && actions.transfer ? (
            <TicketControls ticket={ticket} teams={teams} update={actions.update} escalate={actions.escalate} transfer={actions.transfer} />
          ) : null}
          <ErrorText error={open.error} />
          <MessageLog messages={open.messages} loading={open.loading} />
          <VisitorReceipt open={open} />
          {open.visitorTyping ? (
            <p class="typing" role="status">
              {t('conversation.visitorTyping')}
            </p>
          ) : null}
          <Composer
            key={ticket.conversationId}
            conversationId={ticket.conversationId}
            send={actions.send}
            files={actions.files}
            cannedReplies={cannedReplies}
            insert={insert}
            {...(actions.typing ? { onTyping: actions.typing } : {})}
          />
          {server ? <KbSuggestions ticket={ticket} server={server} onInsert={(text) => (insert.value = text)} /> : null}
          {actions.addNote ? <NotesPanel ticketId={ticket.id} notes={open.notes ?? []} addNote={actions.addNote} /> : null}
          {isOpen(ticket) ? <ResolveForm key={ticket.id} ticketId={ticket.id} resolve={actions.resolve} /> : null}
        </section>
        <ContextPanel ticket={ticket} />
      </div>
    </FilesContext.Provider>
  );
}
