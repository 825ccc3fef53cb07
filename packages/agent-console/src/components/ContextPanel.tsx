import type { Ticket } from '@helpdock/protocol';
import { authorKey, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n.tsx';

/** Where the visitor was and what the bot already told them. URLs are shown as text, never as links. */
export function ContextPanel({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const { locale } = useLocale();
  const { context, transcript } = ticket;
  return (
    <aside class="context" aria-labelledby="context-title">
      <h2 id="context-title" class="pane-title">
        {t('context.title')}
      </h2>
      <dl class="facts">
        <dt>{t('context.url')}</dt>
        <dd class="url">{context.url || '—'}</dd>
        <dt>{t('context.pageTitle')}</dt>
        <dd>{context.title ?? '—'}</dd>
        <dt>{t('context.locale')}</dt>
        <dd>{context.locale ?? '—'}</dd>
        <dt>{t('context.created')}</dt>
        <dd>
          <time dateTime={ticket.createdAt}>{new Date(ticket.createdAt).toLocaleString(locale.value)}</time>
        </dd>
        {ticket.resolution ? (
          <>
            <dt>{t('context.resolution')}</dt>
            <dd>{ticket.resolution}</dd>
          </>
        ) : null}
      </dl>
      <h3 class="pane-subtitle">{t('transcript.title')}</h3>
      {transcript.length === 0 ? (
        <p class="empty">{t('transcript.empty')}</p>
      ) : (
        <ol class="transcript">
          {transcript.map((entry, i) => (
            <li key={i} class={`tx tx--${entry.author}`}>
              <p class="msg-meta">
                <span class="msg-author">{t(authorKey(entry.author))}</span> <time dateTime={entry.at}>{formatTime(entry.at, locale.value)}</time>
              </p>
              <p class="msg-text">{entry.text}</p>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
