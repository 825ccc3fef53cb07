import { useState } from 'preact/hooks';
import type { InternalNote } from '@helpdock/protocol';
import type { ClientError, Result } from '../errors.ts';
import { formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n.tsx';
import { ErrorText } from './ErrorText.tsx';

/** Notes for colleagues: stored on the ticket, never sent to the visitor. */
export function NotesPanel({ ticketId, notes, addNote }: { ticketId: string; notes: readonly InternalNote[]; addNote: (ticketId: string, text: string) => Promise<Result> }) {
  const t = useT();
  const { locale } = useLocale();
  const [text, setText] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const id = `note-${ticketId}`;
  return (
    <section class="notes" aria-labelledby={`${id}-title`}>
      <h3 class="pane-subtitle" id={`${id}-title`}>
        {t('notes.title')}
      </h3>
      <ol class="notes-list">
        {notes.map((n) => (
          <li key={n.id} class="note">
            <p class="msg-meta">
              <span class="msg-author">{n.authorName}</span> <time dateTime={n.createdAt}>{formatTime(n.createdAt, locale.value)}</time>
            </p>
            <p class="msg-text">{n.text}</p>
          </li>
        ))}
      </ol>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const value = text.trim();
          if (!value) return;
          const result = await addNote(ticketId, value);
          if (result.ok) setText('');
          else setError(result.error);
        }}
      >
        <label for={id}>{t('notes.label')}</label>
        <div class="resolve-row">
          <input id={id} type="text" value={text} maxLength={4000} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" disabled={!text.trim()}>
            {t('notes.add')}
          </button>
        </div>
        <ErrorText error={error} />
      </form>
    </section>
  );
}
