import { createIndex, rankForContext, type Article, type KbIndex, type KbSearchResponse } from '@helpdock/kb';
import type { ContextSnapshot } from '@helpdock/protocol';
import type { Db } from '../db/db.ts';
import { loadBundle } from '../store/kb.ts';

const TTL_MS = 30_000;
const MAX_LIMIT = 20;

interface Cached {
  at: number;
  locale: string;
  articles: Article[];
  popular: string[];
  index: KbIndex;
}

export interface SearchParams {
  q: string;
  /** Exact articles, in this order (showArticle, suggest); wins over `q` and the context. */
  ids?: string[];
  locale: string;
  limit: number;
  context: ContextSnapshot;
}

/**
 * The KB search behind the remote HelpProvider: a query searches the whole KB;
 * no query ranks the articles for the context (error code > page > product > popular).
 * One index per app and locale, rebuilt at most every 30 s.
 */
export function createKbSearch(db: Db) {
  const cache = new Map<string, Promise<Cached>>();
  const load = (appId: string, locale: string): Promise<Cached> => {
    const key = `${appId}\u0000${locale}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const loading = loadBundle(db, appId, locale).then((b) => ({ at: Date.now(), locale: b.locale, articles: b.articles, popular: b.popular ?? [], index: createIndex(b.articles) }));
    cache.set(key, loading);
    loading.then(
      (c) => setTimeout(() => cache.get(key) === loading && cache.delete(key), Math.max(0, TTL_MS - (Date.now() - c.at))).unref?.(),
      () => cache.delete(key),
    );
    return loading;
  };
  /** Forgets an app's indexes (after feedback changed what is popular). */
  const invalidate = (appId: string) => {
    for (const key of cache.keys()) if (key.startsWith(`${appId}\u0000`)) cache.delete(key);
  };
  const search = async (appId: string, params: SearchParams): Promise<KbSearchResponse> => {
    const kb = await load(appId, params.locale);
    const limit = Math.max(1, Math.min(MAX_LIMIT, params.limit));
    const byId = new Map(kb.articles.map((a) => [a.id, a]));
    if (params.ids?.length) {
      return { locale: kb.locale, articles: params.ids.flatMap((id) => byId.get(id) ?? []).slice(0, limit) };
    }
    const articles = params.q.trim()
      ? kb.index.search(params.q, { limit }).map((h) => h.article)
      : rankForContext(kb.articles, params.context, { popular: kb.popular, limit }).map((h) => h.article);
    return { locale: kb.locale, articles };
  };
  return { search, invalidate };
}
