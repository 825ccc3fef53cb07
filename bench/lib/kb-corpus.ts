import { createIndex, type Article } from '../../packages/kb/src/index.ts';

/*
 * A synthetic knowledge base that grows its vocabulary with its size, as a real
 * one does: words from the demo KB plus invented product and feature names,
 * drawn with a Zipf-like skew, so 10,000 articles are 10,000 different texts
 * (not copies) and rare words stay rare. Shared by the Node and browser runs.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ro', 'vex', 'lin', 'tor', 'mi', 'zan', 'qua', 'sel', 'dor', 'pex', 'ny', 'ul', 'bri', 'cas', 'fen', 'gol', 'hyr', 'jot', 'wim'];

export function makeCorpus(n: number, demoWords: readonly string[], seed = 7): { articles: Article[]; queries: string[] } {
  const random = rng(seed);
  const invented = Array.from({ length: Math.max(200, Math.round(n * 1.5)) }, () => {
    const parts = 2 + Math.floor(random() * 3);
    return Array.from({ length: parts }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  });
  const vocab = [...new Set([...demoWords, ...invented])];
  // Zipf-like: low indexes (the demo's common words come first) are drawn far more often.
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * random() ** 3))] as string;
  const words = (k: number) => Array.from({ length: k }, word);
  const articles: Article[] = Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    locale: 'en',
    title: words(3 + Math.floor(random() * 4)).join(' '),
    tags: words(3 + Math.floor(random() * 3)),
    products: [`p${i % 40}`],
    body: Array.from({ length: 4 }, () => `${words(15 + Math.floor(random() * 25)).join(' ')}.`).join('\n\n'),
  }));
  const queries = Array.from({ length: 300 }, (_, q) => {
    const a = articles[Math.floor(random() * n)] as Article;
    const pool = `${a.title} ${a.body}`.replace(/[.\n]/g, ' ').split(/\s+/).filter(Boolean);
    const picked = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pool[Math.floor(random() * pool.length)] as string);
    // Every fifth query has a typo (two letters swapped), every seventh ends mid-word (typing).
    const first = picked[0];
    if (q % 5 === 0 && first && first.length > 5) picked[0] = `${first.charAt(1)}${first.charAt(0)}${first.slice(2)}`;
    if (q % 7 === 0) picked[picked.length - 1] = (picked.at(-1) ?? '').slice(0, 4);
    return `how do I ${picked.join(' ')}`;
  });
  return { articles, queries };
}

export interface KbTiming {
  articles: number;
  buildMs: number;
  p50Ms: number;
  p95Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Builds the index and times each query (after a warm-up pass), with the clock the platform has. */
export function timeKb(n: number, demoWords: readonly string[], now: () => number): KbTiming {
  // A small index first, so the first size measured is not also paying for the JIT and the segmenter's start-up.
  const warm = makeCorpus(300, demoWords, 1);
  createIndex(warm.articles).search(warm.queries[0] ?? '');
  const { articles, queries } = makeCorpus(n, demoWords);
  const t0 = now();
  const index = createIndex(articles);
  const buildMs = now() - t0;
  for (const q of queries.slice(0, 50)) index.search(q);
  const times = queries.map((q) => {
    const s = now();
    index.search(q);
    return now() - s;
  });
  times.sort((a, b) => a - b);
  return { articles: n, buildMs, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95) };
}
