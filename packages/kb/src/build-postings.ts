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
  // Articles repeat the same words: map each distinct raw word to its term ids once.
  const wordIds = new Map<string, number[]>();
  const scratch: number[] = [];
  const fieldTerms = docs.map((a) =>
    FIELDS.map((f) => {
      scratch.length = 0;
      for (const w of analyzer.words(f.text(a))) {
        let ids = wordIds.get(w);
        if (!ids) {
          ids = analyzer.termsOf(w).map((t) => idOf(t.term));
          wordIds.set(w, ids);
        }
        for (const id of ids) scratch.push(id);
      }
      return Uint32Array.from(scratch);
    }),
  );
  const avgLength = FIELDS.map((_, f) => (n ? fieldTerms.reduce((s, fields) => s + (fields[f]?.length ?? 0), 0) / n : 0));

  // Pass 2: boosted, length-normalised frequency per (article, term), in scratch arrays indexed by term id.
  // Pairs go into flat growable arrays, then are bucketed by term (a counting sort): no per-term JS arrays to collect.
  const tf = new Float64Array(terms.length);
  const strong = new Uint8Array(terms.length);
  const df = new Uint32Array(terms.length);
  let pairDoc = new Uint32Array(1024);
  let pairTerm = new Uint32Array(1024);
  let pairSat = new Float32Array(1024);
  let pairStrong = new Uint8Array(1024);
  let pairs = 0;
  const inDoc: number[] = [];
  fieldTerms.forEach((fields, d) => {
    inDoc.length = 0;
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
    if (pairs + inDoc.length > pairDoc.length) {
      const size = Math.max(pairDoc.length * 2, pairs + inDoc.length);
      pairDoc = grow(pairDoc, new Uint32Array(size));
      pairTerm = grow(pairTerm, new Uint32Array(size));
      pairSat = grow(pairSat, new Float32Array(size));
      pairStrong = grow(pairStrong, new Uint8Array(size));
    }
    for (const id of inDoc) {
      const value = tf[id] as number;
      pairDoc[pairs] = d;
      pairTerm[pairs] = id;
      pairSat[pairs] = (value * (K1 + 1)) / (value + K1);
      pairStrong[pairs] = strong[id] as number;
      pairs++;
      df[id] = (df[id] as number) + 1;
      tf[id] = 0;
      strong[id] = 0;
    }
  });

  const idf = Float64Array.from(df, (x) => Math.log(1 + (n - x + 0.5) / (x + 0.5)));
  const postings: Posting[] = Array.from(df, (count) => ({
    docs: new Uint32Array(count),
    score: new Float32Array(count),
    match: new Float32Array(count),
  }));
  const filled = new Uint32Array(terms.length);
  for (let p = 0; p < pairs; p++) {
    const id = pairTerm[p] as number;
    const posting = postings[id] as Posting;
    const i = filled[id] as number;
    const sat = pairSat[p] as number;
    posting.docs[i] = pairDoc[p] as number;
    posting.score[i] = (idf[id] as number) * sat;
    posting.match[i] = pairStrong[p] ? 1 : BODY_BASE + (BODY_REPEAT * sat) / (K1 + 1);
    filled[id] = i + 1;
  }
  return { terms, postings, df, idf, unknownIdf: Math.log(1 + (n - 0.5) / 1.5) };
}

function grow<T extends Uint32Array | Float32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Markdown as plain words: link targets and bare URLs would only add noise terms. */
function markdownText(md: string): string {
  return md.replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ' ');
}
