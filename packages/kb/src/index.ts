export { createIndex } from './create-index.ts';
export type { CreateIndexOptions } from './create-index.ts';
export { parseArticle } from './parse-article.ts';
export type { Article, ArticleError, KbBundle, KbIndex, ParseResult, SearchHit, SearchOptions } from './types.ts';
