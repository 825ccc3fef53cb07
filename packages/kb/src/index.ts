export { createIndex } from './create-index.ts';
export type { CreateIndexOptions } from './create-index.ts';
export { parseArticle } from './parse-article.ts';
export { articleForErrorCode, rankForContext } from './rank-context.ts';
export type { ContextHit, ContextMatch, RankContext } from './rank-context.ts';
export type { Article, ArticleError, KbBundle, KbIndex, KbSearchResponse, ParseResult, SearchContext, SearchHit, SearchOptions } from './types.ts';
export { decide, DEFAULT_ANSWER_AT, DEFAULT_SUGGEST_ABOVE, pickLocale } from './decide.ts';
export type { Decision, DecideOptions } from './decide.ts';
