import type { Article, SearchContext } from './types.ts';

/**
 * What the page tells search about where the user is, matched against the
 * articles' `products`, `pages` and `errorCodes`. Read tolerantly: a context
 * source may send any subset, and unknown shapes count as nothing.
 */
export interface ContextMatch {
  /** Multiplier for an article's score: 1 when the context says nothing about it. */
  boost(d: number): number;
  /** Articles that explain an error code shown on the page, best first. */
  errorArticles: number[];
  /** Articles written for the current page or product. */
  placeArticles: number[];
}

const PRODUCT_BOOST = 0.2;
const PAGE_BOOST = 0.15;
const ERROR_BOOST = 0.5;

export function matchContext(docs: readonly Article[], context: SearchContext | undefined): ContextMatch | null {
  if (!context || typeof context !== 'object') return null;
  const products = new Set(strings(context.products).concat(strings(context.product)).map((p) => p.toLowerCase()));
  const codes = new Set(strings(context.errorCodes).map((c) => c.toLowerCase()));
  const page = pathOf(typeof context.page === 'string' ? context.page : typeof context.url === 'string' ? context.url : '');
  if (products.size === 0 && codes.size === 0 && !page) return null;

  const boosts = new Map<number, number>();
  const errorArticles: number[] = [];
  const placeArticles: number[] = [];
  docs.forEach((a, d) => {
    let boost = 1;
    const onPage = page !== '' && (a.pages ?? []).some((p) => pageMatches(p, page));
    const forProduct = a.products.some((p) => products.has(p.toLowerCase()));
    const explains = (a.errorCodes ?? []).some((c) => codes.has(c.toLowerCase()));
    if (forProduct) boost += PRODUCT_BOOST;
    if (onPage) boost += PAGE_BOOST;
    if (explains) {
      boost += ERROR_BOOST;
      errorArticles.push(d);
    }
    if (onPage || forProduct) placeArticles.push(d);
    if (boost !== 1) boosts.set(d, boost);
  });
  // Most specific first: an article for this very page before one for the product.
  placeArticles.sort((x, y) => (boosts.get(y) ?? 1) - (boosts.get(x) ?? 1) || x - y);
  return { boost: (d) => boosts.get(d) ?? 1, errorArticles, placeArticles };
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v ? [v] : [];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** The path of a URL or path, without query or hash: `https://c.example.com/ecs/instances/i-1?x` → `/ecs/instances/i-1`. */
function pathOf(urlOrPath: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*)?([^?#]*)/i.exec(urlOrPath.trim());
  const path = m?.[1] ?? '';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** `/ecs/instances/*` matches one or more segments below `/ecs/instances`; other patterns match exactly. */
function pageMatches(pattern: string, path: string): boolean {
  if (pattern.endsWith('/*')) return path.startsWith(pattern.slice(0, -1));
  return pathOf(pattern) === path;
}
