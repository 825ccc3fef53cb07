import type { ChatMessage } from '@helpdock/core';
import type { Ticket } from '@helpdock/protocol';
import { useRef } from 'preact/hooks';
import { useBinding } from '../../binding-context.ts';

/** "Download transcript": a plain-text file of the conversation on screen. */
export function TranscriptButton({ messages, ticket }: { messages: readonly ChatMessage[]; ticket: Ticket | null }) {
  const { t, later } = useBinding();
  const anchor = useRef<HTMLSpanElement>(null);
  if (messages.length === 0) return null;
  // The transcript's wording and the file's making load on the first click.
  const save = () =>
    void Promise.all([import('./transcript-text.ts'), later.load()]).then(([{ downloadText, transcriptText }]) => {
      const parent = anchor.current;
      if (!parent) return;
      const name = ticket ? `ticket-${ticket.number}.txt` : 'conversation.txt';
      downloadText(parent.ownerDocument, parent, name, transcriptText(messages, ticket, t, new Date()));
    }, () => undefined);
  return (
    <span ref={anchor}>
      <button type="button" class="hd-link-button" onClick={save}>
        {t('transcript.download')}
      </button>
    </span>
  );
}
