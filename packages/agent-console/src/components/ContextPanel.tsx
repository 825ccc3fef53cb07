import type { Ticket } from '@helpdock/protocol';
import { authorKey, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n.tsx';
import { CopyId } from './CopyId.tsx';
import { BotFindings } from './BotFindings.tsx';

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
        {context.product || context.page || context.region ? (
          <>
            <dt>{t('context.where')}</dt>
            <dd>{[context.product, context.page, context.region].filter(Boolean).join(' · ')}</dd>
          </>
        ) : null}
        {context.resources?.length ? (
          <>
            <dt>{t('context.resources')}</dt>
            <dd>
              <ul class="plain-list">
                {context.resources.map((r) => (
                  <li key={`${r.type}:${r.id}`}>
                    <span class="muted">{r.type}</span> <CopyId value={r.id} label={`${r.type} ${r.id}`} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {context.errorCodes?.length ? (
          <>
            <dt>{t('context.errorCodes')}</dt>
            <dd>{context.errorCodes.join(', ')}</dd>
          </>
        ) : null}
        {context.plan ? (
          <>
            <dt>{t('context.plan')}</dt>
            <dd>{context.plan}</dd>
          </>
        ) : null}
        {context.accountId ? (
          <>
            <dt>{t('context.account')}</dt>
            <dd>
              <CopyId value={context.accountId} label={context.accountId} />
            </dd>
          </>
        ) : null}
        {context.browser ? (
          <>
            <dt>{t('context.browser')}</dt>
            <dd>{context.browser}</dd>
          </>
        ) : null}
        {Object.entries(context.custom ?? {}).map(([k, v]) => (
          <>
            <dt key={`k-${k}`}>{k}</dt>
            <dd key={`v-${k}`}>{String(v)}</dd>
          </>
        ))}
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
      {context.failures?.length ? (
        <>
          <h3 class="pane-subtitle">{t('context.failures')}</h3>
          <ul class="plain-list failures">
            {context.failures.map((f, i) => (
              <li key={i} class="url">
                {f.kind === 'request' ? `${f.method ?? ''} ${f.url ?? ''} → ${f.status === 0 ? t('context.noAnswer') : f.status}` : f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {context.diagnostics ? (
        <>
          <h3 class="pane-subtitle">{t('context.diagnostics')}</h3>
          <p>{t(context.diagnostics.ok ? 'context.checkOk' : 'context.checkFailed', { summary: context.diagnostics.summary })}</p>
          <ul class="plain-list">
            {context.diagnostics.checks.map((c, i) => (
              <li key={i}>
                {c.ok ? '✓' : '✗'} {c.name}
                {c.detail ? `: ${c.detail}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <BotFindings ticket={ticket} />
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
