import type { IntakeAnswer, Ticket } from '@helpdock/protocol';
import { Fragment } from 'preact';
import { useT } from '../i18n.tsx';

// "When did it start?" choices arrive as keys; anything typed is shown as typed.
const STARTED = new Set(['just_now', 'last_hour', 'today', 'earlier']);

function answerText(a: IntakeAnswer, t: (key: string) => string): string {
  return a.field === 'started' && a.source === 'choice' && STARTED.has(a.value) ? t(`intake.started.${a.value}`) : a.value;
}

/** What the bot learned before the handoff: tags, intake answers, and actions the visitor ran. All text, never markup. */
export function BotFindings({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const { tags = [], intake = [], actions = [] } = ticket;
  if (tags.length === 0 && intake.length === 0 && actions.length === 0) return null;
  return (
    <section class="bot-findings" aria-labelledby={`bot-${ticket.id}`}>
      <h3 class="pane-subtitle" id={`bot-${ticket.id}`}>
        {t('bot.title')}
      </h3>
      <dl class="facts">
        {tags.length ? (
          <>
            <dt>{t('bot.tags')}</dt>
            <dd>{tags.join(', ')}</dd>
          </>
        ) : null}
        {intake.map((a) => (
          <Fragment key={a.field}>
            <dt>{t(`intake.field.${a.field}`)}</dt>
            <dd>
              {answerText(a, t)} <span class="muted">({t(`intake.source.${a.source}`)})</span>
            </dd>
          </Fragment>
        ))}
      </dl>
      {actions.length ? (
        <ul class="bot-actions">
          {actions.map((a, i) => (
            <li key={i}>
              {t(a.ok ? 'bot.action_ok' : 'bot.action_failed', { action: a.action })}
              {a.text ? `: ${a.text}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
