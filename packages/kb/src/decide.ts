import type { SearchHit } from './types.ts';

/** What a FAQ bot should do with a question's hits. */
export type Decision = { kind: 'answer'; hit: SearchHit } | { kind: 'suggest'; hits: SearchHit[] } | { kind: 'unknown' };

export interface DecideOptions {
  /** Confidence at or above which the top hit is given as the answer. @default 0.6 */
  answerAt?: number;
  /** Confidence above which hits are offered as suggestions. @default 0.25 */
  suggestAbove?: number;
  /** At most this many suggestions. @default 3 */
  maxSuggestions?: number;
}

export const DEFAULT_ANSWER_AT = 0.6;
export const DEFAULT_SUGGEST_ABOVE = 0.25;

/**
 * Answer when sure, offer the top few when unsure, say "I don't know"
 * otherwise. One function, so the widget's bot and the eval command measure
 * exactly the same behaviour.
 */
export function decide(hits: readonly SearchHit[], options: DecideOptions = {}): Decision {
  const answerAt = options.answerAt ?? DEFAULT_ANSWER_AT;
  const suggestAbove = options.suggestAbove ?? DEFAULT_SUGGEST_ABOVE;
  const top = hits[0];
  if (top && top.confidence >= answerAt) return { kind: 'answer', hit: top };
  const likely = hits.filter((h) => h.confidence > suggestAbove).slice(0, options.maxSuggestions ?? 3);
  return likely.length ? { kind: 'suggest', hits: likely } : { kind: 'unknown' };
}

/**
 * The bundle locale to answer a user in: the exact locale, else one of the
 * same language (`zh` → `zh-CN`, `pt` → `pt-BR`), else `fallback`.
 * `null` when none of them is available.
 */
export function pickLocale(available: readonly string[], wanted: string | undefined, fallback = 'en'): string | null {
  const want = (wanted ?? '').toLowerCase();
  const lower = available.map((l) => l.toLowerCase());
  let i = lower.indexOf(want);
  if (i < 0 && want) {
    const lang = want.split('-')[0] ?? '';
    i = lower.findIndex((l) => l === lang || l.startsWith(`${lang}-`));
  }
  if (i < 0) i = lower.indexOf(fallback.toLowerCase());
  return i < 0 ? null : (available[i] ?? null);
}
