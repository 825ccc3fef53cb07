import { useEffect, useRef } from 'preact/hooks';
import { useBinding } from '../binding-context.ts';
import { Home } from './Home.tsx';
import { Message } from './Message.tsx';

export function MessageList() {
  const { state, timeline, t } = useBinding();
  const log = useRef<HTMLDivElement>(null);
  const messages = timeline.value;
  const { botPending, phase } = state.value;

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, botPending]);

  return (
    // Focusable, so keyboard users can scroll a long conversation.
    <div ref={log} class="hd-log" role="log" aria-label={t('log.label')} aria-live="polite" tabIndex={0}>
      {phase === 'idle' && messages.length === 0 ? (
        <>
          <div class="hd-msg hd-msg--bot">
            <p class="hd-text">{t('bot.greeting')}</p>
          </div>
          <Home />
        </>
      ) : null}
      {messages.map((m, i) => (
        <Message key={m.clientId} message={m} newest={i === messages.length - 1} />
      ))}
      {botPending ? (
        <div class="hd-msg hd-msg--bot hd-msg--pending">
          <p class="hd-text">{t('bot.thinking')}</p>
        </div>
      ) : null}
    </div>
  );
}
