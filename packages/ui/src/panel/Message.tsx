import { receiptOf, type ChatMessage } from '@helpdock/core';
import { plainParagraphs } from '@helpdock/adapters';
import { useBinding } from '../binding-context.ts';
import type { Translate } from '../binding.ts';
import { ActionButton, Feedback, QuickReplies } from './BotExtras.tsx';
import { Attachments } from './attachments/lazy.tsx';

type Article = NonNullable<ChatMessage['article']>;

function ArticleBody({ article }: { article: Article }) {
  return (
    <>
      {plainParagraphs(article.body).map((p, i) => (
        <p key={i} class="hd-text" dir="auto">
          {p}
        </p>
      ))}
    </>
  );
}

function authorLabel(m: ChatMessage, t: Translate): string {
  if (m.author === 'agent' && m.authorName) return m.authorName;
  return t(`author.${m.author}`);
}

/** One message. Every string is rendered as text: article bodies are Markdown shown as plain paragraphs. */
export function Message({ message: m, readOnly = false, newest = false }: { message: ChatMessage; readOnly?: boolean; newest?: boolean }) {
  const { state, t } = useBinding();
  const receipt = readOnly ? null : receiptOf(m, state.value);
  return (
    <div class={`hd-msg hd-msg--${m.author}${m.pending ? ' hd-msg--pending' : ''}`}>
      <p class="hd-author">{authorLabel(m, t)}</p>
      {m.fallbackLocale ? <p class="hd-meta">{t('bot.fallback_language', { locale: m.fallbackLocale })}</p> : null}
      {m.article ? (
        <div class="hd-article">
          <p class="hd-article-title" dir="auto">{m.article.title}</p>
          <ArticleBody article={m.article} />
        </div>
      ) : m.text || !m.attachments ? (
        <p class="hd-text" dir={m.i18n ? undefined : 'auto'}>{m.i18n ? t(m.i18n.key, m.i18n.params) : m.text}</p>
      ) : null}
      {m.attachments?.length ? <Attachments list={m.attachments} /> : null}
      {m.suggestions ? (
        <ul class="hd-suggestions">
          {m.suggestions.map((a) => (
            <li key={a.id}>
              <details>
                <summary dir="auto">{a.title}</summary>
                <ArticleBody article={a} />
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : <ActionButton message={m} />}
      {readOnly ? null : <Feedback message={m} />}
      {newest && !readOnly && m.quickReplies ? <QuickReplies replies={m.quickReplies} /> : null}
      {m.pending ? <p class="hd-meta">{t('message.sending')}</p> : null}
      {receipt ? <p class="hd-meta hd-receipt">{t(`receipt.${receipt}`)}</p> : null}
    </div>
  );
}
