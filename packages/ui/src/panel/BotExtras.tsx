import type { ChatMessage, QuickReply } from '@helpdock/core';
import { useBinding } from '../binding-context.ts';

/** "Did that solve it?" under an answer; after the visitor replies, what they said. */
export function Feedback({ message: m }: { message: ChatMessage }) {
  const { core, state, t } = useBinding();
  if (!m.feedback) return null;
  if (m.feedback !== 'asked' || state.value.phase !== 'bot') {
    return m.feedback === 'asked' ? null : <p class="hd-meta">{t(m.feedback === 'yes' ? 'feedback.said_yes' : 'feedback.said_no')}</p>;
  }
  return (
    <div class="hd-solved" role="group" aria-label={t('feedback.question')}>
      <span>{t('feedback.question')}</span>
      <button type="button" class="hd-chip" onClick={() => core.answerFeedback(m.id, true)}>
        {t('feedback.yes')}
      </button>
      <button type="button" class="hd-chip" onClick={() => core.answerFeedback(m.id, false)}>
        {t('feedback.no')}
      </button>
    </div>
  );
}

/** Likely follow-ups as buttons, on the newest bot turn only. */
export function QuickReplies({ replies }: { replies: QuickReply[] }) {
  const { core, state, t } = useBinding();
  const { phase, ticket, handoffPending } = state.value;
  if (phase !== 'bot' || ticket || handoffPending || replies.length === 0) return null;
  return (
    <div class="hd-quick" role="group" aria-label={t('quick.label')}>
      {replies.map((r, i) => (
        <button key={i} type="button" class="hd-chip" onClick={() => core.quickReply(r)}>
          {r.kind === 'human' ? t('quick.human') : r.text}
        </button>
      ))}
    </div>
  );
}

/** An article's host action: a button, then "Are you sure?", then its outcome (the next message). */
export function ActionButton({ message: m }: { message: ChatMessage }) {
  const { core, t } = useBinding();
  const action = m.action;
  if (!action) return null;
  if (action.status === 'confirm') {
    return (
      <div class="hd-action" role="group" aria-label={action.label}>
        <p class="hd-text">{t('action.confirm', { label: action.label })}</p>
        <button type="button" class="hd-chip" onClick={() => core.confirmAction(m.id)}>
          {t('action.run')}
        </button>
        <button type="button" class="hd-chip" onClick={() => core.cancelAction(m.id)}>
          {t('action.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div class="hd-action">
      <button type="button" class="hd-chip" disabled={action.status === 'running'} aria-busy={action.status === 'running'} onClick={() => core.offerAction(m.id)}>
        {action.status === 'running' ? t('action.running', { label: action.label }) : action.label}
      </button>
    </div>
  );
}
