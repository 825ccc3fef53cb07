import { answerFromKb, classify, createIndex, rankForContext, searchContextOf, type Article, type BotAnswer, type Classification, type KbIndex, type KbSearchResponse } from '@helpdock/kb';
import type { BotQuestion, ContextSnapshot, HandoffPlanQuestion } from '@helpdock/protocol';
import type { Db } from '../db/db.ts';
import { articlesStamp, loadBundle, popularArticles } from '../store/kb.ts';

const TTL_MS = 30_000;
const MAX_LIMIT = 20;

interface Cached {
  at: number;
  /** articlesStamp of what the index was built from. */
  stamp: string;
  locale: string;
  articles: Article[];
  popular: string[];
  index: KbIndex;
}

export interface KbSearchOptions {
  /** How long an index is used before the store is asked whether its articles changed. @default 30 s */
  ttlMs?: number;
  /** @default createIndex (tests count the builds) */
  build?: (articles: readonly Article[]) => KbIndex;
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
 * The FAQ bot answers from the same indexes. One index per app and locale; after
 * `ttlMs` the store is asked whether the articles changed (another node may have
 * loaded a new KB), and only then is the index built again: building one for a
 * large KB takes seconds of this node's time, so it is not redone for nothing.
 * The popular articles are read again each time.
 */
export function createKbSearch(db: Db, options: KbSearchOptions = {}) {
  const ttlMs = options.ttlMs ?? TTL_MS;
  const build = options.build ?? createIndex;
  const cache = new Map<string, Promise<Cached>>();
  const fresh = async (appId: string, locale: string, before: Cached | null): Promise<Cached> => {
    const stamp = await articlesStamp(db, appId, locale);
    if (before && before.stamp === stamp) return { ...before, at: Date.now(), popular: await popularArticles(db, appId, before.locale) };
    const b = await loadBundle(db, appId, locale);
    return { at: Date.now(), stamp, locale: b.locale, articles: b.articles, popular: b.popular ?? [], index: build(b.articles) };
  };
  const load = async (appId: string, locale: string): Promise<Cached> => {
    const key = `${appId}\u0000${locale}`;
    const hit = cache.get(key);
    const current = hit ? await hit.catch(() => null) : null;
    if (hit && current && Date.now() - current.at < ttlMs) return current;
    if (hit && cache.get(key) !== hit) return load(appId, locale); // someone else started the refresh
    const loading = fresh(appId, locale, current);
    cache.set(key, loading);
    loading.catch(() => cache.get(key) === loading && cache.delete(key));
    return loading;
  };
  /** Reads the app's popular articles again on the next search (after feedback changed them). */
  const invalidate = (appId: string) => {
    for (const [key, entry] of cache) if (key.startsWith(`${appId}\u0000`)) cache.set(key, entry.then((c) => ({ ...c, at: 0 })));
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
  /** The FAQ bot's answer to one question, from the same index the search uses. */
  const answer = async (appId: string, question: BotQuestion): Promise<BotAnswer> => {
    const kb = await load(appId, question.locale);
    return answerFromKb(kb.index, kb.locale, question.locale, question.text, {
      context: searchContextOf(question.context),
      ...(question.articleId ? { articleId: question.articleId } : {}),
    });
  };
  /** Category, tags and priority for a ticket about to be opened: the answered articles' products are read here, not taken from the page. */
  const plan = async (appId: string, question: HandoffPlanQuestion): Promise<Classification> => {
    const kb = await load(appId, question.locale);
    const byId = new Map(kb.articles.map((a) => [a.id, a]));
    const articles = question.articleIds.flatMap((id) => byId.get(id) ?? []);
    return classify({ texts: question.texts, articles, context: question.context });
  };
  return { search, answer, plan, invalidate };
}
