import { stem } from './stem.ts';
import { STOP_WORDS } from './stop-words.ts';

/** One searchable unit of text, after folding, stop words and stemming. */
export interface Token {
  term: string;
  /** Long enough (≥ 5 characters as typed) to be matched with one typo. */
  fuzzy: boolean;
  /** Offset just past the word in the analysed text, to tell whether it is still being typed. */
  end: number;
  /**
   * Counts towards confidence only for the articles that contain it, instead
   * of being held against every article that does not. True for guessed CJK
   * words (character bigrams: most bigrams of a sentence are not words at
   * all) and for words with digits ("20 minutes", "i-bp1a2b3c"), which are
   * mostly incidental details of the asker's situation.
   */
  guess: boolean;
}

/** Segments a run of CJK text into words; `null` when the runtime has no Intl.Segmenter. */
export type CjkSegmenter = ((run: string) => string[]) | null;

export interface Analyzer {
  tokens(text: string): Token[];
}

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK_RUN = new RegExp(`([${CJK_CLASS}]+)|([^${CJK_CLASS}]+)`, 'gu');
const HAS_CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const CAMEL = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/** The runtime's word segmenter for CJK, or `null` so the analyzer falls back to character bigrams. */
export function defaultCjkSegmenter(): CjkSegmenter {
  const Segmenter = (globalThis as { Intl?: typeof Intl }).Intl?.Segmenter;
  if (typeof Segmenter !== 'function') return null;
  const seg = new Segmenter('zh', { granularity: 'word' });
  return (run) => Array.from(seg.segment(run), (s) => s.segment);
}

/**
 * Turns text into index terms the same way for articles and queries:
 * - width, case and Latin diacritics are folded ("Ｃafé" → "cafe");
 * - `QuotaExceeded` yields `quotaexceeded`, `quota` and `exceeded`, so error
 *   codes match whether pasted or spelled out;
 * - English stop words go, the rest is lightly stemmed;
 * - CJK runs go through the word segmenter when there is one, else become
 *   overlapping character bigrams. Segmenters often split words they do not
 *   know into single characters (重|启); a run of such single characters is
 *   indexed as its bigrams instead (重启), which carry far more meaning.
 */
export function createAnalyzer(segment: CjkSegmenter): Analyzer {
  // Articles repeat the same few thousand words: analyse each spelling once.
  const cache = new Map<string, Omit<Token, 'end'>[]>();
  return {
    tokens(text) {
      const out: Token[] = [];
      const normalized = text.replace(/['’]/g, '').normalize('NFKD').replace(LATIN_DIACRITICS, '').normalize('NFC');
      const word = (w: string, end: number) => {
        let known = cache.get(w);
        if (!known) {
          if (cache.size >= MAX_CACHED_WORDS) cache.clear();
          known = latinTokens(w);
          cache.set(w, known);
        }
        for (const t of known) out.push({ term: t.term, fuzzy: t.fuzzy, guess: t.guess, end });
      };
      for (const m of normalized.matchAll(WORD)) {
        const end = (m.index ?? 0) + m[0].length;
        if (!HAS_CJK.test(m[0])) {
          word(m[0], end);
          continue;
        }
        // "ECS实例": split into its CJK and other runs.
        for (const r of m[0].matchAll(CJK_RUN)) {
          if (r[1]) cjkTokens(r[1].toLowerCase(), segment, end, out);
          else if (r[2]) word(r[2], end);
        }
      }
      return out;
    },
  };
}

const MAX_CACHED_WORDS = 50_000;

function latinTokens(word: string): Omit<Token, 'end'>[] {
  const parts = word.split(CAMEL);
  const variants = parts.length > 1 ? [word, ...parts] : [word];
  const out: Omit<Token, 'end'>[] = [];
  for (const v of variants) {
    const folded = v.toLowerCase();
    if (folded.length < 2 || STOP_WORDS.has(folded)) continue;
    const digits = /\d/.test(folded);
    out.push({ term: stem(folded), fuzzy: folded.length >= 5 && !digits, guess: digits });
  }
  return out;
}

function cjkTokens(run: string, segment: CjkSegmenter, end: number, out: Token[]): void {
  const push = (term: string, guess: boolean) => {
    if (!STOP_WORDS.has(term)) out.push({ term, fuzzy: false, end, guess });
  };
  const bigrams = (chars: string[]) => {
    if (chars.length === 1) push(chars[0] ?? '', false);
    for (let i = 0; i + 1 < chars.length; i++) push(`${chars[i]}${chars[i + 1]}`, true);
  };
  if (!segment) {
    bigrams(Array.from(run));
    return;
  }
  let singles: string[] = [];
  const flush = () => {
    bigrams(singles);
    singles = [];
  };
  for (const word of segment(run)) {
    if (STOP_WORDS.has(word)) {
      flush();
    } else if (Array.from(word).length === 1) {
      singles.push(word);
    } else {
      flush();
      push(word, false);
    }
  }
  flush();
}
