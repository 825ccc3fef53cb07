import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '@helpdock/protocol';
import { useT } from '../i18n.tsx';
import { MessageItem } from './MessageItem.tsx';

// Within this many pixels of the bottom, the agent is following along: keep them at the newest message.
const STICKY_PX = 80;

export function MessageLog({ messages, loading }: { messages: readonly Message[]; loading: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages]);

  function onScroll() {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
  }

  return (
    <div class="log" role="log" aria-label={t('conversation.label')} tabIndex={0} ref={ref} onScroll={onScroll}>
      {messages.length === 0 ? <p class="empty">{t(loading ? 'conversation.loading' : 'conversation.empty')}</p> : null}
      <ol class="messages">
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
      </ol>
    </div>
  );
}
