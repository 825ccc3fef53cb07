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
      params.push(a.id, a.locale, a.title, a.tags, a.products, a.body);
      return `($1, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
    });
    await tx.query(
      `INSERT INTO kb_articles (app_id, id, locale, title, tags, products, body) VALUES ${rows.join(', ')}
       ON CONFLICT (app_id, locale, id) DO UPDATE SET title = EXCLUDED.title, tags = EXCLUDED.tags, products = EXCLUDED.products, body = EXCLUDED.body`,
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
  const rows = await q.query<{ locale: string }>('SELECT DISTINCT locale FROM kb_articles WHERE app_id = $1', [appId]);
  const available = rows.map((r) => r.locale);
  const chosen = pickLocale(available, locale);
  if (!chosen) return { version: 1, locale: 'en', articles: [] };
  const articles = await q.query<Article>(
    'SELECT id, locale, title, tags, products, body FROM kb_articles WHERE app_id = $1 AND locale = $2 ORDER BY id',
    [appId, chosen],
  );
  return { version: 1, locale: chosen, articles };
}

function pickLocale(available: readonly string[], wanted: string): string | undefined {
  const find = (tag: string) => available.find((a) => a.toLowerCase() === tag.toLowerCase());
  const language = wanted.split('-')[0] ?? wanted;
  return find(wanted) ?? find(language) ?? available.find((a) => a.toLowerCase().startsWith(`${language.toLowerCase()}-`)) ?? find('en');
}
