import type { Article } from './types.ts';

/** The part of a context snapshot ranking reads (structurally the protocol's RankContext). */
export interface RankContext {
  url: string;
  product?: string | undefined;
  page?: string | undefined;
  region?: string | undefined;
  resources?: ReadonlyArray<{ type: string; id: string }> | undefined;
  errorCodes?: readonly string[] | undefined;
}

/** Why an article fits where the user is, strongest first. */
export type ContextMatch = 'errorCode' | 'page' | 'product' | 'popular';

export interface ContextHit {
  article: Article;
  match: ContextMatch;
  /** For `errorCode`: the code the article explains. */
  code?: string;
}

const WEIGHT: Record<ContextMatch, number> = { errorCode: 3, page: 2, product: 1, popular: 0 };
const lower = (s: string) => s.toLowerCase();

/** `HTTP 403` is also known by its number alone (articles tag it `403`). */
function codeNames(code: string): string[] {
  const http = /^HTTP (\d{3})$/.exec(code);
  return http?.[1] ? [lower(code), http[1]] : [lower(code)];
}

/** The article that explains `code`, if the KB has one. */
export function articleForErrorCode(articles: readonly Article[], code: string): Article | undefined {
  const names = codeNames(code);
  return (
    articles.find((a) => a.errorCodes?.some((c) => names.includes(lower(c)))) ??
    articles.find((a) => a.tags.some((t) => names.includes(lower(t))))
  );
}

function pathOf(context: RankContext): string {
  // No URL class here: kb runs where the platform has none (plain Node typings, workers).
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(context.url);
  const path = m?.[1] || '';
  // Articles are the same in every region, so a region segment never decides a page match.
  return context.region ? path.split('/').filter((seg: string) => seg !== context.region).join('/') : path;
}

/** `/ecs/instances/*` matches `/ecs/instances/i-1` and below; without `*` the path must be equal. */
function pageMatches(pattern: string, path: string): boolean {
  const p = lower(pattern.replace(/\/+$/, ''));
  const q = lower(path.replace(/\/+$/, ''));
  if (p.endsWith('/*')) return q.startsWith(`${p.slice(0, -1)}`) && q.length > p.length - 1;
  return p === q;
}

/**
 * The articles that fit the context, ranked: one that explains an error code on
 * the page, then one about this page or resource, then this product, then the
 * popular ones (in the order of `popular`, most helpful first) to fill up to `limit`.
 * With no match and no popularity data at all, the first articles of the KB.
 * Newer error codes (later in `errorCodes`) come first.
 */
export function rankForContext(articles: readonly Article[], context: RankContext, options: { popular?: readonly string[]; limit?: number } = {}): ContextHit[] {
  const limit = options.limit ?? 5;
  const popularity = new Map((options.popular ?? []).map((id, i) => [id, i]));
  const codes = [...(context.errorCodes ?? [])].reverse();
  const path = pathOf(context);
  const product = context.product ? lower(context.product) : null;
  const resourceTypes = (context.resources ?? []).map((r) => lower(r.type));
  const hits: Array<ContextHit & { order: number }> = [];
  articles.forEach((article, index) => {
    let hit: ContextHit | null = null;
    const codeAt = codes.findIndex((code) => articleForErrorCode([article], code));
    if (codeAt !== -1) hit = { article, match: 'errorCode', code: codes[codeAt] as string };
    else if (
      (context.page && article.pages?.some((p) => lower(p) === lower(context.page as string))) ||
      (path && article.pages?.some((p) => pageMatches(p, path))) ||
      (product && article.products.some((p) => lower(p) === product) && article.tags.some((t) => resourceTypes.includes(lower(t))))
    )
      hit = { article, match: 'page' };
    else if (product && article.products.some((p) => lower(p) === product)) hit = { article, match: 'product' };
    else if (popularity.has(article.id)) hit = { article, match: 'popular' };
    if (!hit) return;
    // Within a tier: newest error code first, then most popular, then KB order.
    const codeRank = codeAt === -1 ? 0 : codeAt;
    const order = codeRank * 1e6 + (popularity.get(article.id) ?? 1e5) * 10 + index / 1e6;
    hits.push({ ...hit, order });
  });
  hits.sort((a, b) => WEIGHT[b.match] - WEIGHT[a.match] || a.order - b.order);
  // A page nothing fits, on a KB nobody has rated yet: the KB's own order stands in for "popular",
  // so the home view is never empty.
  if (hits.length === 0 && popularity.size === 0) return articles.slice(0, limit).map((article) => ({ article, match: 'popular' }));
  return hits.slice(0, limit).map(({ order: _order, ...hit }) => hit);
}
