/*
 * Durations and relative times in the reader's language, through Intl only:
 * no "min" or "ago" assembled by hand, so every locale gets its own words,
 * plurals and digits.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Parts = { days?: number; hours?: number; minutes?: number; seconds?: number };

// Intl.DurationFormat is recent (Chromium 129, Node 23); older engines get the same parts as unit numbers joined as a list.
interface DurationFormatLike {
  format(d: Parts): string;
}
type DurationFormatCtor = new (locale: string, options: { style: 'short' | 'narrow' | 'long'; secondsDisplay?: 'always' | 'auto' }) => DurationFormatLike;

/** Coarse on purpose, it is read at a glance: "30 sec", "4 min", "2 hr, 5 min", "3 days". */
export function durationParts(ms: number): Parts {
  const s = Math.max(0, Math.round(ms / SECOND));
  if (s < 60) return { seconds: s };
  const m = Math.floor(s / 60);
  if (m < 60) return { minutes: m };
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? { hours: h, minutes: m % 60 } : { hours: h };
  return { days: Math.floor(h / 24) };
}

const UNITS = [
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
] as const;

/** A span of time as the locale writes it, with DurationFormat where the engine has it. */
export function formatDuration(ms: number, locale: string, options: { native?: boolean } = {}): string {
  const parts = durationParts(ms);
  const Native = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  // DurationFormat leaves out zero units, which would make "0 sec" an empty string.
  if (Native && options.native !== false) return new Native(locale, { style: 'short', secondsDisplay: parts.seconds === undefined ? 'auto' : 'always' }).format(parts);
  const pieces: string[] = [];
  for (const [field, unit] of UNITS) {
    const n = parts[field];
    if (n !== undefined) pieces.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
  }
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(pieces);
}

/** How long ago (negative) or from now (positive) `deltaMs` is: "2 min. ago", "in 3 hours", "now". */
export function formatRelative(deltaMs: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const abs = Math.abs(deltaMs);
  const sign = deltaMs < 0 ? -1 : 1;
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(sign * Math.floor(abs / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(sign * Math.floor(abs / HOUR), 'hour');
  return rtf.format(sign * Math.floor(abs / DAY), 'day');
}
