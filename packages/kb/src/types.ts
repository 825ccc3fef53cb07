/** One help article in one locale. `body` is Markdown (a safe subset is rendered; never raw HTML). */
export interface Article {
  id: string;
  locale: string;
  title: string;
  tags: string[];
  /** Products the article is about, e.g. `ecs`, `oss`, `cdn`. */
  products: string[];
  body: string;
  /** Console pages the article helps on, as URL path patterns, e.g. `/ecs/instances/*`. */
  pages?: string[];
  /** Error codes the article explains, e.g. `InvalidInstanceId.NotFound`. */
  errorCodes?: string[];
  /** Ids of articles worth reading next, in the same locale. */
  related?: string[];
  /** A host action the article offers as a button (`Helpdock('registerAction', name, handler)`), e.g. `cdn.purge`. */
  action?: string;
  /** The button's words, in the article's language, e.g. "Purge the CDN cache for this domain". */
  actionLabel?: string;
}


/** The JSON a server or build ships to the page for one locale. */
export interface KbBundle {
  version: 1;
  locale: string;
  articles: Article[];
  /** Article ids, most found helpful first (from "Was this helpful?" votes). */
  popular?: string[];
}

/** `GET /api/v1/apps/:appId/kb/search`: the best articles for a query and/or a context. */
export interface KbSearchResponse {
  locale: string;
  articles: Article[];
}

export interface SearchHit {
  article: Article;
  /** Raw ranking score; only comparable within one query. */
  score: number;
  /** 0–1: how sure the index is that this hit answers the query. */
  confidence: number;
}

export interface SearchOptions {
  /** @default 5 */
  limit?: number;
  /** Where the user is: articles for this product, page or error code rank higher. */
  context?: SearchContext;
}

/**
 * The parts of the page context search uses. Every field is optional and read
 * tolerantly (a string or a list of strings), so any context source can pass
 * its snapshot as it is.
 */
export interface SearchContext {
  /** Product the page belongs to, e.g. `ecs`. */
  product?: string | undefined;
  products?: string[] | undefined;
  /** The page's path (`/ecs/instances/i-1`) or full URL. */
  page?: string | undefined;
  url?: string | undefined;
  /** Error codes visible on the page, e.g. `QuotaExceeded`. */
  errorCodes?: string[] | undefined;
}

export interface KbIndex {
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchHit[];
  get(id: string): Article | undefined;
}

/** Why an article file could not be loaded; the rest of the KB still loads. */
export interface ArticleError {
  file: string;
  line: number;
  message: string;
}

export type ParseResult = { ok: true; article: Article } | { ok: false; error: ArticleError };
