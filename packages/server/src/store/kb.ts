import type { Article, KbBundle } from '@helpdock/kb';
import type { Queryable } from '../db/db.ts';

/**
 * Replaces the app's articles with `articles` (a KB directory is the source of truth).
 * Rows go in batches: one statement per article kept the embedded database busy for
 * seconds on every start once the demo KB had a hundred articles.
 */
export async function replaceArticles(tx: Queryable, appId: string, articles: readonly Article[]): Promise<void> {
  await tx.query('DELETE FROM kb_articles WHERE app_id = $1', [appId]);
  for (let from = 0; from < articles.length; from += BATCH) {
    const batch = articles.slice(from, from + BATCH);
    const params: unknown[] = [appId];
    const rows = batch.map((a) => {
      const at = params.length;
      params.push(a.id, a.locale, a.title, a.tags, a.products, a.body, a.pages ?? [], a.errorCodes ?? [], a.related ?? [], a.action ?? null, a.actionLabel ?? null);
      return `($1, ${Array.from({ length: 11 }, (_, i) => `$${at + i + 1}`).join(', ')})`;
    });
    await tx.query(
      `INSERT INTO kb_articles (app_id, id, locale, title, tags, products, body, pages, error_codes, related, action, action_label) VALUES ${rows.join(', ')}
       ON CONFLICT (app_id, locale, id) DO UPDATE SET title = EXCLUDED.title, tags = EXCLUDED.tags, products = EXCLUDED.products, body = EXCLUDED.body,
         pages = EXCLUDED.pages, error_codes = EXCLUDED.error_codes, related = EXCLUDED.related, action = EXCLUDED.action, action_label = EXCLUDED.action_label`,
      params,
    );
  }
}

const BATCH = 200;

/**
 * The bundle for the closest locale the app has: the exact tag, then its
 * language (`zh-CN` → `zh`), then English. Empty when the app has no articles.
 */
export async function loadBundle(q: Queryable, appId: string, locale: string): Promise<KbBundle> {
  const chosen = await closestLocale(q, appId, locale);
  if (!chosen) return { version: 1, locale: 'en', articles: [] };
  const found = await q.query<Article & { error_codes: string[]; action: string | null; action_label: string | null }>(
    'SELECT id, locale, title, tags, products, body, pages, error_codes, related, action, action_label FROM kb_articles WHERE app_id = $1 AND locale = $2 ORDER BY id',
    [appId, chosen],
  );
  const articles = found.map(({ error_codes, pages, related, action, action_label, ...a }) => {
    const article: Article = a;
    if (pages?.length) article.pages = pages;
    if (error_codes?.length) article.errorCodes = error_codes;
    if (related?.length) article.related = related;
    if (action && action_label) {
      article.action = action;
      article.actionLabel = action_label;
    }
    return article;
  });
  const popular = await popularArticles(q, appId, chosen);
  return popular.length ? { version: 1, locale: chosen, articles, popular } : { version: 1, locale: chosen, articles };
}

/**
 * What the app's articles for `locale` are, in a few bytes: the locale they are
 * in (as loadBundle picks it) and a fingerprint of their rows. Equal stamps, same
 * articles: a search index built from them still holds. One aggregate query, no
 * rows shipped; far cheaper than building the index again.
 */
export async function articlesStamp(q: Queryable, appId: string, locale: string): Promise<string> {
  const chosen = await closestLocale(q, appId, locale);
  if (!chosen) return '';
  const [row] = await q.query<{ n: number; h: string | null }>(
    `SELECT count(*)::int AS n, sum(hashtext(concat_ws(chr(31), id, title, body, array_to_string(tags, chr(30)), array_to_string(products, chr(30)),
       array_to_string(pages, chr(30)), array_to_string(error_codes, chr(30)), array_to_string(related, chr(30)), action, action_label))::bigint)::text AS h
     FROM kb_articles WHERE app_id = $1 AND locale = $2`,
    [appId, chosen],
  );
  return `${chosen}:${row?.n ?? 0}:${row?.h ?? ''}`;
}

/** Records one "Was this helpful?" answer. */
export async function recordFeedback(q: Queryable, appId: string, feedback: { articleId: string; locale: string; helpful: boolean }): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM kb_articles WHERE app_id = $1 AND id = $2 LIMIT 1', [appId, feedback.articleId]);
  if (rows.length === 0) return false;
  await q.query('INSERT INTO kb_feedback (app_id, article_id, locale, helpful) VALUES ($1, $2, $3, $4)', [appId, feedback.articleId, feedback.locale, feedback.helpful]);
  return true;
}

/** Votes per article, for the agent console and tests. */
export async function feedbackCounts(q: Queryable, appId: string, articleId: string): Promise<{ helpful: number; unhelpful: number }> {
  const rows = await q.query<{ helpful: number; unhelpful: number }>(
    `SELECT count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS unhelpful
     FROM kb_feedback WHERE app_id = $1 AND article_id = $2`,
    [appId, articleId],
  );
  return rows[0] ?? { helpful: 0, unhelpful: 0 };
}

/** Article ids with more helpful than unhelpful votes, most net-helpful first. */
export async function popularArticles(q: Queryable, appId: string, locale: string): Promise<string[]> {
  const rows = await q.query<{ article_id: string }>(
    `SELECT article_id FROM kb_feedback WHERE app_id = $1 AND locale = $2 GROUP BY article_id
     HAVING sum(CASE WHEN helpful THEN 1 ELSE -1 END) > 0
     ORDER BY sum(CASE WHEN helpful THEN 1 ELSE -1 END) DESC, article_id LIMIT 20`,
    [appId, locale],
  );
  return rows.map((r) => r.article_id);
}

/** The locale of the app's articles closest to `locale` (see loadBundle), or none when it has no articles. */
async function closestLocale(q: Queryable, appId: string, locale: string): Promise<string | undefined> {
  const rows = await q.query<{ locale: string }>('SELECT DISTINCT locale FROM kb_articles WHERE app_id = $1', [appId]);
  return pickLocale(rows.map((r) => r.locale), locale);
}

function pickLocale(available: readonly string[], wanted: string): string | undefined {
  const find = (tag: string) => available.find((a) => a.toLowerCase() === tag.toLowerCase());
  const language = wanted.split('-')[0] ?? wanted;
  return find(wanted) ?? find(language) ?? available.find((a) => a.toLowerCase().startsWith(`${language.toLowerCase()}-`)) ?? find('en');
}
