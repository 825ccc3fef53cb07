import type { Message } from '@helpdock/protocol';
import { authorKey, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n.tsx';
import { AttachmentList } from './Attachments.tsx';

/** One line of the conversation; its text is always rendered as text. */
export function MessageItem({ message }: { message: Message }) {
  const t = useT();
  const { locale } = useLocale();
  if (message.author === 'system') {
    return (
      <li class="msg msg--system">
        <p class="msg-text">{message.text}</p>
      </li>
    );
  }
  const author = message.author === 'agent' && message.authorName ? message.authorName : t(authorKey(message.author));
  return (
    <li class={`msg msg--${message.author}`}>
      <p class="msg-meta">
        <span class="msg-author">{author}</span>{' '}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt, locale.value)}</time>
      </p>
      {message.text ? <p class="msg-text">{message.text}</p> : null}
      {message.attachments?.length ? <AttachmentList list={message.attachments} /> : null}
    </li>
  );
}
