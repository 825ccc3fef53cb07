import { useBinding } from '../../binding-context.ts';
import { lazyView } from '../lazy.tsx';
import { TranscriptButton } from './TranscriptButton.tsx';

// Offered only where the server sends e-mail.
const EmailTranscript = lazyView(() => import('./EmailTranscript.tsx').then((m) => m.EmailTranscript), { later: true });

/** Below the live conversation: the visitor's other tickets, and the transcript of this one. */
export function ConversationTools() {
  const { core, state, timeline, t } = useBinding();
  const { ticket, transcriptEmail } = state.value;
  const messages = timeline.value;
  if (!ticket && messages.length === 0) return null;
  return (
    <div class="hd-tools">
      {ticket ? (
        <button type="button" class="hd-link-button" onClick={() => core.showTickets()}>
          {t('tickets.open')}
        </button>
      ) : null}
      <TranscriptButton messages={messages} ticket={ticket} />
      {ticket && transcriptEmail ? <EmailTranscript key={ticket.id} ticket={ticket} /> : null}
    </div>
  );
}
