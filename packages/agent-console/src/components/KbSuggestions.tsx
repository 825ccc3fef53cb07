import { useEffect, useState } from 'preact/hooks';
import type { Ticket } from '@helpdock/protocol';
import type { ClientError } from '../errors.ts';
import { useT } from '../i18n.tsx';
import { quoteArticle, suggestArticles, type ArticleHit } from '../kb.ts';
import { ErrorText } from './ErrorText.tsx';

export interface KbSuggestionsProps {
  ticket: Ticket;
  server: string;
  /** Puts the article's quote into the reply box. */
  onInsert: (text: string) => void;
  fetch?: typeof fetch;
}

/** Articles for where the visitor was, or for what the agent searches; one click quotes one into the reply. */
export function KbSuggestions({ ticket, server, onInsert, fetch: fetchImpl }: KbSuggestionsProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const [articles, setArticles] = useState<ArticleHit[] | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  useEffect(() => {
    let stale = false;
    setArticles(null);
    void suggestArticles(server, ticket, asked, fetchImpl).then((result) => {
      if (stale) return;
      if (result.ok) {
        setArticles(result.articles);
        setError(null);
      } else {
        setArticles([]);
        setError(result.error);
      }
    });
    // A newer ticket or query wins over a slow answer.
    return () => void (stale = true);
  }, [ticket.id, asked]);

  const id = `kb-${ticket.id}`;
  return (
    <section class="kb" aria-labelledby={`${id}-title`}>
      <h3 class="pane-subtitle" id={`${id}-title`}>
        {t('kb.title')}
      </h3>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(query);
        }}
      >
        <label for={id} class="sr-only">
          {t('kb.search')}
        </label>
        <div class="resolve-row">
          <input id={id} type="search" value={query} placeholder={t('kb.search')} onInput={(e) => setQuery(e.currentTarget.value)} />
          <button type="submit">{t('kb.find')}</button>
        </div>
      </form>
      <ErrorText error={error} />
      {articles === null ? (
        <p class="empty">{t('kb.loading')}</p>
      ) : articles.length === 0 ? (
        <p class="empty">{t('kb.none')}</p>
      ) : (
        <ul class="plain-list kb-list">
          {articles.map((a) => (
            <li key={a.id}>
              <span class="kb-title">{a.title}</span>{' '}
              <button type="button" class="link" aria-label={t('kb.insertNamed', { title: a.title })} onClick={() => onInsert(quoteArticle(a))}>
                {t('kb.insert')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
