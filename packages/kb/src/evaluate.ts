import { createIndex } from './create-index.ts';
import { decide, pickLocale, type DecideOptions } from './decide.ts';
import type { KbBundle, KbIndex, SearchContext } from './types.ts';

/** One line of a query file: `{"q": "...", "locale": "ja", "context": {...}, "expect": ["article-id", ...]}`. */
export interface EvalQuery {
  q: string;
  locale?: string;
  context?: SearchContext;
  /** Ids that answer the question; empty or missing when the KB has no answer (the bot should say it does not know). */
  expect?: string[];
}

export interface EvalFigures {
  queries: number;
  answerable: number;
  unanswerable: number;
  /** Answerable queries whose first hit is expected (and the bot did not say "don't know"). */
  top1: number;
  /** Answerable queries with an expected article among the first three the bot shows. */
  top3: number;
  /** Mean reciprocal rank of the first expected article among the hits shown, over answerable queries. */
  mrr: number;
  /** "Don't know" over all queries, over answerable ones (false refusals) and over unanswerable ones (the goal: high). */
  dontKnow: number;
  dontKnowAnswerable: number;
  dontKnowUnanswerable: number;
}

export interface EvalMiss {
  q: string;
  locale: string;
  expect: string[];
  got: string[];
  decision: 'answer' | 'suggest' | 'unknown';
}

export interface EvalReport {
  overall: EvalFigures;
  locales: Record<string, EvalFigures>;
  misses: EvalMiss[];
}

interface Tally {
  queries: number;
  answerable: number;
  top1: number;
  top3: number;
  rr: number;
  dkAnswerable: number;
  dkUnanswerable: number;
}

/**
 * Runs every query through the same search and answer decision as the
 * widget's bot: in the query's locale, falling back to English when the KB
 * has no such locale, with the query's context.
 */
export function evaluate(bundles: Record<string, KbBundle>, queries: readonly EvalQuery[], options: DecideOptions = {}): EvalReport {
  const indexes = new Map<string, KbIndex>();
  const indexFor = (locale: string) => {
    let index = indexes.get(locale);
    if (!index) {
      index = createIndex(bundles[locale]?.articles ?? []);
      indexes.set(locale, index);
    }
    return index;
  };
  const tallies = new Map<string, Tally>();
  const overall = emptyTally();
  const misses: EvalMiss[] = [];

  for (const query of queries) {
    const locale = query.locale ?? 'en';
    const kbLocale = pickLocale(Object.keys(bundles), locale) ?? locale;
    const hits = indexFor(kbLocale).search(query.q, { limit: 5, ...(query.context ? { context: query.context } : {}) });
    const decision = decide(hits, options);
    const shown = decision.kind === 'answer' ? hits.slice(0, 3) : decision.kind === 'suggest' ? decision.hits : [];
    const ids = shown.map((h) => h.article.id);
    const expect = query.expect ?? [];
    let tally = tallies.get(locale);
    if (!tally) tallies.set(locale, (tally = emptyTally()));
    for (const t of [tally, overall]) {
      t.queries++;
      if (expect.length === 0) {
        if (decision.kind === 'unknown') t.dkUnanswerable++;
        continue;
      }
      t.answerable++;
      const rank = ids.findIndex((id) => expect.includes(id));
      if (rank === 0) t.top1++;
      if (rank >= 0 && rank < 3) t.top3++;
      if (rank >= 0) t.rr += 1 / (rank + 1);
      if (decision.kind === 'unknown') t.dkAnswerable++;
    }
    const wrong = expect.length === 0 ? decision.kind !== 'unknown' : !expect.includes(ids[0] ?? '');
    if (wrong) misses.push({ q: query.q, locale, expect, got: ids, decision: decision.kind });
  }

  const locales: Record<string, EvalFigures> = {};
  for (const [locale, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) locales[locale] = figures(t);
  return { overall: figures(overall), locales, misses };
}

function emptyTally(): Tally {
  return { queries: 0, answerable: 0, top1: 0, top3: 0, rr: 0, dkAnswerable: 0, dkUnanswerable: 0 };
}

function figures(t: Tally): EvalFigures {
  const unanswerable = t.queries - t.answerable;
  const ratio = (x: number, of: number) => (of ? Math.round((x / of) * 1000) / 1000 : 0);
  return {
    queries: t.queries,
    answerable: t.answerable,
    unanswerable,
    top1: ratio(t.top1, t.answerable),
    top3: ratio(t.top3, t.answerable),
    mrr: ratio(t.rr, t.answerable),
    dontKnow: ratio(t.dkAnswerable + t.dkUnanswerable, t.queries),
    dontKnowAnswerable: ratio(t.dkAnswerable, t.answerable),
    dontKnowUnanswerable: ratio(t.dkUnanswerable, unanswerable),
  };
}
