import type { CoreState } from '@helpdock/core';

type Article = CoreState['contextHelp'][number];
import { useBinding } from '../binding-context.ts';
import { RunCheck } from './run-check.tsx';

function ArticleList({ label, articles }: { label: string; articles: Article[] }) {
  const { core } = useBinding();
  if (articles.length === 0) return null;
  return (
    <section class="hd-home-section" aria-label={label}>
      <p class="hd-home-label">{label}</p>
      <ul class="hd-home-list">
        {articles.map((a) => (
          <li key={a.id}>
            <button type="button" class="hd-home-article" dir="auto" onClick={() => core.openArticle(a)}>
              {a.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Before anything is said: help for where the user is, a search over the whole KB, and the host's check. */
export function Home() {
  const { core, state, t } = useBinding();
  const { suggestions, contextHelp, help, helpQuery } = state.value;
  const suggested = new Set(suggestions.map((a) => a.id));
  return (
    <div class="hd-home">
      <form class="hd-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label class="hd-visually-hidden" for="hd-search">
          {t('home.search_label')}
        </label>
        <input
          id="hd-search"
          type="search"
          class="hd-input hd-search-input"
          placeholder={t('home.search_placeholder')}
          value={helpQuery}
          onInput={(e) => core.searchHelp(e.currentTarget.value)}
        />
      </form>
      {helpQuery.trim() ? (
        help.length ? (
          <ArticleList label={t('home.results')} articles={help} />
        ) : (
          <p class="hd-meta" role="status">
            {t('home.no_results', { query: helpQuery })}
          </p>
        )
      ) : (
        <>
          <ArticleList label={t('home.suggested')} articles={suggestions} />
          <ArticleList label={t('home.for_page')} articles={contextHelp.filter((a) => !suggested.has(a.id))} />
        </>
      )}
      <RunCheck />
    </div>
  );
}
