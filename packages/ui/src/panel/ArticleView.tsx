import { useEffect, useRef } from 'preact/hooks';
import { useBinding } from '../binding-context.ts';
import { Markdown } from './markdown.tsx';

/** An article inside the widget, with "Was this helpful?". Focus moves to its title so screen readers start there. */
export function ArticleView() {
  const { core, state, t } = useBinding();
  const heading = useRef<HTMLHeadingElement>(null);
  const article = state.value.article;
  useEffect(() => heading.current?.focus(), [article?.id]);
  if (!article) return null;
  const vote = state.value.feedback[article.id];
  return (
    <div class="hd-log hd-article-view">
      <button type="button" class="hd-link-button" onClick={() => core.closeArticle()}>
        {t('article.back')}
      </button>
      <h3 ref={heading} tabIndex={-1} class="hd-article-heading" dir="auto">
        {article.title}
      </h3>
      <div class="hd-article-body" dir="auto">
        <Markdown source={article.body} newTab={t('article.new_tab')} />
      </div>
      <div class="hd-feedback" role="group" aria-label={t('article.helpful')}>
        {vote === undefined ? (
          <>
            <span>{t('article.helpful')}</span>
            <button type="button" class="hd-chip" onClick={() => core.rateArticle(article, true)}>
              {t('article.yes')}
            </button>
            <button type="button" class="hd-chip" onClick={() => core.rateArticle(article, false)}>
              {t('article.no')}
            </button>
          </>
        ) : (
          <p role="status">{t('article.thanks')}</p>
        )}
      </div>
    </div>
  );
}
