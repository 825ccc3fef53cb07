import { createAnalyzer, defaultCjkSegmenter } from './analyze.ts';
import { buildPostings, type Posting } from './build-postings.ts';
import { matchContext, type ContextMatch } from './search-context.ts';
import type { Article, KbIndex, SearchContext, SearchHit, SearchOptions } from './types.ts';
import { createVocabulary } from './vocabulary.ts';

/**
 * Ranking is BM25F with field boosts, title > tags and error codes > body
 * (see build-postings.ts). Everything that depends only on the articles is
 * computed once when the index is created, so a search only walks the posting
 * lists of its few query terms and adds up precomputed numbers.
 *
 * Confidence (0–1) answers "does this article cover what was asked?":
 *
 *   coverage   = Σ_q weight(q) · match(q, article) / Σ_q weight(q)
 *   confidence = coverage ^ 1.3
 *
 * - q ranges over the query's terms after stop words; weight(q) is the term's
 *   IDF, so rare, specific words matter more than "instance". A term no article
 *   contains weighs as much as the rarest known term: words the KB has never
 *   seen ("database", "weather") pull confidence down instead of being ignored.
 *   Guessed CJK bigrams and words with digits ("20 minutes") only count for
 *   the articles that contain them (see Token.guess).
 * - match(q, article) is 1 when the term is in the title, tags or error codes;
 *   in the body only, 0.4 for one passing mention rising towards 0.7 as it
 *   repeats. It is × 0.9·√(typed/full length) when reached by completing a
 *   word still being typed, × 0.75 when reached through a one-letter typo.
 * - The exponent spreads the middle: every query word in the title or tags
 *   gives 1; every word mentioned once in the body ≈ 0.45; half of the query's
 *   weight matched in the title ≈ 0.4, a quarter ≈ 0.17; nothing in common is
 *   no hit at all.
 *
 * An article that matches no query term is not a hit, so a query sharing
 * nothing with the KB returns `[]`. Hits are ordered by
 * score = BM25F × (0.5 + 0.5 · coverage), so covering more of the question
 * beats repeating one of its words.
 */

const PREFIX = 0.9;
const TYPO = 0.75;
const MAX_PREFIX_EXPANSIONS = 12;
const MAX_QUERY_CHARS = 500;
const DEFAULT_LIMIT = 5;
/** Confidence of an article that lists an error code shown on the page, when the question itself says nothing more. */
const ERROR_CONTEXT_CONFIDENCE = 0.8;
/** Confidence of an article written for the current page, when the question says nothing more: worth offering, not asserting. */
const PLACE_CONTEXT_CONFIDENCE = 0.4;
/**
 * Words that, alone, only point at the page ("what does this error mean?",
 * "help with this"): with nothing more specific, the context decides.
 */
const VAGUE_WORDS =
  'error errors mean means meaning wrong happen happened happening fix see seeing show shows showing page message code screen ' +
  'erreur fehler error ошибка 错误 报错 出错 意思 什么意思 エラー 意味 오류 에러 뜻 무슨';

export interface CreateIndexOptions {
  /**
   * How Chinese, Japanese and Korean text is split into words: `auto` uses
   * Intl.Segmenter when the runtime has it, `bigrams` always uses overlapping
   * character pairs (what `auto` falls back to).
   * @default 'auto'
   */
  cjk?: 'auto' | 'bigrams';
}

export function createIndex(articles: readonly Article[], options: CreateIndexOptions = {}): KbIndex {
  const analyzer = createAnalyzer(options.cjk === 'bigrams' ? null : defaultCjkSegmenter());
  const byId = new Map<string, Article>();
  for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
  const docs = [...byId.values()];
  const n = docs.length;
  const { terms, postings, df, idf, unknownIdf } = buildPostings(docs, analyzer);
  const vocabulary = createVocabulary(terms, df);

  // Scratch buffers reused by every search: search is synchronous, so they are never shared.
  const total = new Float64Array(n);
  const covered = new Float64Array(n);
  const guessed = new Float64Array(n);
  const best = new Float64Array(n);
  const bestMatch = new Float64Array(n);
  const seen = new Uint8Array(n);

  const vague = new Set(analyzer.tokens(VAGUE_WORDS).map((t) => t.term));

  // The page context changes far less often than the query: match it once per distinct context.
  let lastContext: { key: string; match: ContextMatch | null } | null = null;
  const contextMatch = (context: SearchContext | undefined): ContextMatch | null => {
    if (!context) return null;
    const key = JSON.stringify([context.product, context.products, context.page, context.url, context.errorCodes]);
    if (lastContext?.key !== key) lastContext = { key, match: matchContext(docs, context) };
    return lastContext.match;
  };

  function fromContext(ids: number[], confidence: number, limit: number): SearchHit[] {
    return ids.slice(0, limit).map((d, i) => ({ article: docs[d] as Article, score: ids.length - i, confidence }));
  }

  function search(query: string, opts?: SearchOptions): SearchHit[] {
    if (typeof query !== 'string' || n === 0) return [];
    const wanted = Number(opts?.limit ?? DEFAULT_LIMIT);
    const limit = Number.isNaN(wanted) ? DEFAULT_LIMIT : Math.max(0, Math.floor(Math.min(wanted, n)));
    if (limit === 0) return [];
    const text = query.slice(0, MAX_QUERY_CHARS);
    const tokens = analyzer.tokens(text);
    const context = contextMatch(opts?.context);
    if (context && tokens.every((t) => t.guess || vague.has(t.term))) {
      if (context.errorArticles.length) return fromContext(context.errorArticles, ERROR_CONTEXT_CONFIDENCE, limit);
      if (context.placeArticles.length) return fromContext(context.placeArticles, PLACE_CONTEXT_CONFIDENCE, limit);
    }
    if (tokens.length === 0) return [];
    const typing = /[\p{L}\p{N}\p{M}]$/u.test(text);
    let lastEnd = 0;
    for (const t of tokens) lastEnd = Math.max(lastEnd, t.end);

    const queryTerms = new Map<string, { fuzzy: boolean; partial: boolean; guess: boolean }>();
    for (const t of tokens) {
      const q = queryTerms.get(t.term) ?? { fuzzy: false, partial: false, guess: true };
      q.fuzzy ||= t.fuzzy;
      q.partial ||= typing && t.end === lastEnd;
      q.guess &&= t.guess;
      queryTerms.set(t.term, q);
    }

    const touched: number[] = [];
    const touch = (d: number) => {
      if (seen[d]) return;
      seen[d] = 1;
      touched.push(d);
    };
    let totalWeight = 0;
    for (const [term, q] of queryTerms) {
      const expansions: { id: number; factor: number }[] = [];
      const exact = vocabulary.id(term);
      if (exact !== undefined) expansions.push({ id: exact, factor: 1 });
      if (q.partial && term.length >= 2) {
        // The fewer letters typed, the less sure the completion: "re" may be anything.
        for (const id of vocabulary.withPrefix(term, MAX_PREFIX_EXPANSIONS)) {
          expansions.push({ id, factor: PREFIX * Math.sqrt(term.length / (terms[id]?.length ?? 1)) });
        }
      }
      if (exact === undefined && q.fuzzy) {
        for (const id of vocabulary.oneEditFrom(term)) expansions.push({ id, factor: TYPO });
      }
      let weight = exact !== undefined ? (idf[exact] ?? 0) : expansions.length ? 0 : unknownIdf;
      if (exact === undefined) for (const e of expansions) weight = Math.max(weight, idf[e.id] ?? 0);
      if (!q.guess) totalWeight += weight;
      const guessWeight = q.guess ? weight : 0;

      const only = expansions.length === 1 ? expansions[0] : undefined;
      if (only) {
        // The common case, one exact term: add straight in.
        const { docs: ds, score, match } = postings[only.id] as Posting;
        for (let i = 0; i < ds.length; i++) {
          const d = ds[i] as number;
          total[d] = (total[d] as number) + only.factor * (score[i] as number);
          covered[d] = (covered[d] as number) + weight * only.factor * (match[i] as number);
          guessed[d] = (guessed[d] as number) + guessWeight;
          touch(d);
        }
        continue;
      }

      // Several expansions: the query term counts once per article, through its best one.
      const termDocs: number[] = [];
      for (const { id, factor } of expansions) {
        const { docs: ds, score, match } = postings[id] as Posting;
        for (let i = 0; i < ds.length; i++) {
          const d = ds[i] as number;
          const s = factor * (score[i] as number);
          const m = factor * (match[i] as number);
          if (best[d] === 0) termDocs.push(d);
          if (s > (best[d] as number)) best[d] = s;
          if (m > (bestMatch[d] as number)) bestMatch[d] = m;
        }
      }
      for (const d of termDocs) {
        total[d] = (total[d] as number) + (best[d] as number);
        covered[d] = (covered[d] as number) + weight * (bestMatch[d] as number);
        guessed[d] = (guessed[d] as number) + guessWeight;
        best[d] = 0;
        bestMatch[d] = 0;
        touch(d);
      }
    }

    // Keep the best `limit` in a small sorted list instead of sorting every touched article.
    const top: { d: number; score: number; coverage: number }[] = [];
    for (const d of touched) {
      const asked = totalWeight + (guessed[d] as number);
      const coverage = asked > 0 ? Math.min(1, (covered[d] as number) / asked) : 0;
      const score = (total[d] as number) * (0.5 + 0.5 * coverage) * (context ? context.boost(d) : 1);
      total[d] = 0;
      covered[d] = 0;
      guessed[d] = 0;
      seen[d] = 0;
      if (top.length === limit && !ranksAbove(score, d, top[limit - 1] as { d: number; score: number })) continue;
      let at = top.length;
      while (at > 0 && ranksAbove(score, d, top[at - 1] as { d: number; score: number })) at--;
      top.splice(at, 0, { d, score, coverage });
      if (top.length > limit) top.pop();
    }
    return top.map(({ d, score, coverage }) => ({ article: docs[d] as Article, score, confidence: round(coverage ** 1.3) }));
  }

  return {
    size: n,
    search,
    get: (id) => byId.get(id),
  };
}

/** Higher score first; ties in article order, so results never flicker between identical queries. */
function ranksAbove(score: number, d: number, other: { d: number; score: number }): boolean {
  return score > other.score || (score === other.score && d < other.d);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
