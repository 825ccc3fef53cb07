import { foldScript, hangulStem } from './fold-script.ts';
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
   * of being held against every article that does not. True for guessed words
   * in unspaced scripts (character bigrams: most bigrams of a sentence are not
   * words at all) and for words with digits ("20 minutes", "i-bp1a2b3c"),
   * which are mostly incidental details of the asker's situation.
   */
  guess: boolean;
}

export type WordToken = Omit<Token, 'end'>;

/** Segments a run of unspaced text (Chinese, Japanese, Thai, …) into words; `null` when the runtime has no Intl.Segmenter. */
export type CjkSegmenter = ((run: string) => string[]) | null;

export interface Analyzer {
  tokens(text: string): Token[];
  /** The raw words of `text`, in order (indexing: no offsets, no match objects). */
  words(text: string): string[];
  /** The terms one raw word from `words` yields; cached, so do not mutate. */
  termsOf(word: string): readonly WordToken[];
}

// Scripts written without spaces between words; Hangul has spaces but glues particles to words.
const UNSPACED_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const HANGUL_CLASS = '\\p{Script=Hangul}';
const INNER_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const SCRIPT_RUN = new RegExp(`([${UNSPACED_CLASS}\\p{M}]+)|([${HANGUL_CLASS}]+)|([^${UNSPACED_CLASS}${HANGUL_CLASS}]+)`, 'gu');
const NEEDS_SPLIT = new RegExp(`[${UNSPACED_CLASS}${HANGUL_CLASS}]`, 'u');
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const CAMEL = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’]/g;

/** The runtime's word segmenter (ICU's dictionaries cover Chinese, Japanese, Thai, Lao, Khmer and Burmese), or `null`. */
export function defaultCjkSegmenter(): CjkSegmenter {
  const Segmenter = (globalThis as { Intl?: typeof Intl }).Intl?.Segmenter;
  if (typeof Segmenter !== 'function') return null;
  const seg = new Segmenter('zh', { granularity: 'word' });
  return (run) => Array.from(seg.segment(run), (s) => s.segment);
}

/**
 * Turns text into index terms the same way for articles and queries:
 * - width, case and Latin diacritics are folded ("Ｃafé" → "cafe"); Arabic
 *   vowel marks and letter variants, Cyrillic ё, and Devanagari nukta forms
 *   are folded too (see fold-script.ts);
 * - `QuotaExceeded` yields `quotaexceeded`, `quota` and `exceeded`, so error
 *   codes match whether pasted or spelled out;
 * - stop words go, the rest is lightly stemmed (English, Russian);
 * - unspaced runs (Chinese, Japanese, Thai, …) go through the word segmenter
 *   when there is one, else become overlapping character bigrams. Segmenters
 *   often split words they do not know into single characters (重|启); a run
 *   of such single characters is indexed as its bigrams instead (重启);
 * - Korean words lose their trailing particle or verb ending (서버를 → 서버)
 *   and add their character bigrams as guesses, so compounds still meet.
 *
 * Everything is computed once per distinct spelling of a word and cached:
 * articles repeat the same few thousand words, so indexing mostly hits the cache.
 */
export function createAnalyzer(segment: CjkSegmenter): Analyzer {
  const cache = new Map<string, readonly WordToken[]>();
  const analyse = (raw: string): readonly WordToken[] => {
    let known = cache.get(raw);
    if (!known) {
      if (raw === '') return NONE;
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      known = wordTokens(raw, segment);
      cache.set(raw, known);
    }
    return known;
  };
  return {
    tokens(text) {
      const out: Token[] = [];
      scanWords(text, (start, end) => {
        for (const t of analyse(text.slice(start, end))) out.push({ term: t.term, fuzzy: t.fuzzy, guess: t.guess, end });
      });
      return out;
    },
    words(text) {
      const out: string[] = [];
      scanWords(text, (start, end) => out.push(text.slice(start, end)));
      return out;
    },
    termsOf: analyse,
  };
}

const MAX_CACHED_WORDS = 50_000;
const NONE: readonly WordToken[] = [];

/**
 * Calls `fn` with the bounds of each run of word characters. A hand-written
 * scan, because Unicode-property regexes cost ~100 ns a character and indexing
 * reads megabytes. ASCII is classified exactly; beyond it only common spaces
 * and punctuation split, and anything else that is not a letter, digit or
 * mark is dropped later by wordTokens (INNER_WORD), so the terms are the same.
 */
function scanWords(text: string, fn: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word =
      c < 128
        ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39
        : !((c >= 0x80 && c <= 0xbf) || (c >= 0x2000 && c <= 0x206f && c !== 0x2019) || (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || c === 0xff5e || c === 0xfeff);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      fn(start, i);
      start = -1;
    }
  }
  if (start >= 0) fn(start, text.length);
}

function wordTokens(raw: string, segment: CjkSegmenter): WordToken[] {
  if (ASCII_WORD.test(raw)) return latinTokens(raw);
  const out: WordToken[] = [];
  const folded = foldScript(raw.replace(APOSTROPHES, '').normalize('NFKD').replace(LATIN_DIACRITICS, '').normalize('NFC'));
  for (const w of folded.matchAll(INNER_WORD)) {
    if (!NEEDS_SPLIT.test(w[0])) {
      out.push(...latinTokens(w[0]));
      continue;
    }
    // "ECS实例": split into its unspaced, Hangul and other runs.
    for (const r of w[0].matchAll(SCRIPT_RUN)) {
      if (r[1]) unspacedTokens(r[1].toLowerCase(), segment, out);
      else if (r[2]) hangulTokens(r[2], out);
      else if (r[3]) out.push(...latinTokens(r[3]));
    }
  }
  return out;
}

function latinTokens(word: string): WordToken[] {
  const parts = word.split(CAMEL);
  const variants = parts.length > 1 ? [word, ...parts] : [word];
  const out: WordToken[] = [];
  for (const v of variants) {
    const folded = v.toLowerCase();
    if (folded.length < 2 || STOP_WORDS.has(folded)) continue;
    const digits = /\d/.test(folded);
    out.push({ term: stem(folded), fuzzy: folded.length >= 5 && !digits, guess: digits });
  }
  return out;
}

function hangulTokens(word: string, out: WordToken[]): void {
  const base = hangulStem(word);
  if (!base || STOP_WORDS.has(base)) return;
  out.push({ term: base, fuzzy: false, guess: false });
  const chars = Array.from(base);
  if (chars.length < 3) return;
  for (let i = 0; i + 1 < chars.length; i++) out.push({ term: `${chars[i]}${chars[i + 1]}`, fuzzy: false, guess: true });
}

function unspacedTokens(run: string, segment: CjkSegmenter, out: WordToken[]): void {
  const push = (term: string, guess: boolean) => {
    if (!STOP_WORDS.has(term)) out.push({ term, fuzzy: false, guess });
  };
  const bigrams = (chars: string[]) => {
    if (chars.length === 1) push(chars[0] ?? '', false);
    for (let i = 0; i + 1 < chars.length; i++) push(`${chars[i]}${chars[i + 1]}`, true);
  };
  if (!segment) {
    bigrams(graphemes(run));
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
    } else if (graphemes(word).length === 1) {
      singles.push(word);
    } else {
      flush();
      push(word, false);
    }
  }
  flush();
}

/** Characters with their combining marks attached (Thai vowels and tones are marks). */
function graphemes(s: string): string[] {
  return s.match(/\P{M}\p{M}*/gu) ?? [];
}
