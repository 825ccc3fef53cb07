import type { Analyzer } from './analyze.ts';
import type { Article } from './types.ts';

interface Field {
  text(a: Article): string;
  boost: number;
  /** BM25 length normalisation strength for this field. */
  b: number;
  /** A match here means the article is about the term, not just mentioning it. */
  strong: boolean;
}

const FIELDS: readonly Field[] = [
  { text: (a) => a.title, boost: 3, b: 0.5, strong: true },
  { text: (a) => a.tags.join(' ; '), boost: 2, b: 0.3, strong: true },
  { text: (a) => (a.errorCodes ?? []).join(' ; '), boost: 2, b: 0, strong: true },
  { text: (a) => a.products.join(' ; '), boost: 1, b: 0, strong: false },
  { text: (a) => markdownText(a.body), boost: 1, b: 0.75, strong: false },
];

export const K1 = 1.2;
/** A body-only match is worth 0.4 plus up to 0.3 more as the term repeats (saturated like BM25). */
const BODY_BASE = 0.4;
const BODY_REPEAT = 0.3;

/** For one term: the articles containing it, in article order, with what it is worth in each. */
export interface Posting {
  docs: Uint32Array;
  /** IDF × saturated BM25F term frequency: the term's share of the article's score. */
  score: Float32Array;
  /** 0–1: how squarely the article covers the term (see createIndex). */
  match: Float32Array;
}

export interface Postings {
  terms: string[];
  postings: Posting[];
  df: Uint32Array;
  idf: Float64Array;
  /** The weight given to a query term no article contains: that of the rarest known term. */
  unknownIdf: number;
}

/**
 * BM25F: each field's count is boosted and length-normalised on its own, the
 * sum is saturated once. All of it depends only on the articles, so it is done
 * here, once, and search only adds up precomputed numbers.
 */
export function buildPostings(docs: readonly Article[], analyzer: Analyzer): Postings {
  const n = docs.length;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };

  // Pass 1: every field of every article as term ids; field lengths give the averages.
  const fieldTerms = docs.map((a) => FIELDS.map((f) => Uint32Array.from(analyzer.tokens(f.text(a)), (t) => idOf(t.term))));
  const avgLength = FIELDS.map((_, f) => (n ? fieldTerms.reduce((s, fields) => s + (fields[f]?.length ?? 0), 0) / n : 0));

  // Pass 2: boosted, length-normalised frequency per (article, term), in scratch arrays indexed by term id.
  const tf = new Float64Array(terms.length);
  const strong = new Uint8Array(terms.length);
  const lists = terms.map(() => ({ docs: [] as number[], sat: [] as number[], strong: [] as boolean[] }));
  fieldTerms.forEach((fields, d) => {
    const inDoc: number[] = [];
    FIELDS.forEach((field, f) => {
      const ids = fields[f];
      if (!ids || ids.length === 0) return;
      const avg = avgLength[f] ?? 0;
      const add = field.boost / (avg > 0 ? 1 - field.b + (field.b * ids.length) / avg : 1);
      for (const id of ids) {
        if (tf[id] === 0) inDoc.push(id);
        tf[id] = (tf[id] as number) + add;
        if (field.strong) strong[id] = 1;
      }
    });
    for (const id of inDoc) {
      const value = tf[id] as number;
      const list = lists[id];
      list?.docs.push(d);
      list?.sat.push((value * (K1 + 1)) / (value + K1));
      list?.strong.push(strong[id] === 1);
      tf[id] = 0;
      strong[id] = 0;
    }
  });

  const df = Uint32Array.from(lists, (l) => l.docs.length);
  const idf = Float64Array.from(df, (x) => Math.log(1 + (n - x + 0.5) / (x + 0.5)));
  const postings = lists.map((l, id): Posting => {
    const termIdf = idf[id] ?? 0;
    return {
      docs: Uint32Array.from(l.docs),
      score: Float32Array.from(l.sat, (s) => termIdf * s),
      match: Float32Array.from(l.sat, (s, i) => (l.strong[i] ? 1 : BODY_BASE + (BODY_REPEAT * s) / (K1 + 1))),
    };
  });
  return { terms, postings, df, idf, unknownIdf: Math.log(1 + (n - 0.5) / 1.5) };
}

/** Markdown as plain words: link targets and bare URLs would only add noise terms. */
function markdownText(md: string): string {
  return md.replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ' ');
}
