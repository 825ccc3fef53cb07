import { useBinding } from '../../binding-context.ts';
import { TranscriptButton } from './TranscriptButton.tsx';

/** Below the live conversation: the visitor's other tickets, and the transcript of this one. */
export function ConversationTools() {
  const { core, state, timeline, t } = useBinding();
  const { ticket } = state.value;
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
    </div>
  );
}
