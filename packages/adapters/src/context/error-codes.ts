import { globalPatterns } from './patterns.ts';

/** A pattern that finds error codes in text: group 1 when it has one, else the whole match. */
export type ErrorPattern = RegExp | string;

/**
 * Defaults that fit cloud consoles:
 * - dotted codes: `InvalidInstanceId.NotFound`, `Account.Arrearage`;
 * - HTTP statuses: `HTTP 403`, `HTTP/1.1 503`;
 * - a CamelCase word right before a colon: `QuotaExceeded: …`;
 * - a CamelCase word with an error-ish ending: `AccessDenied`, `ThrottlingException`.
 */
export const DEFAULT_ERROR_PATTERNS: readonly RegExp[] = [
  /\b([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+)\b/g,
  /\b(HTTP(?:\/[\d.]+)? [45]\d\d)\b/g,
  /\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+):/g,
  /\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*(?:Exceeded|NotFound|Denied|Forbidden|Exception|Unavailable|Conflict|Throttled|Throttling|Timeout|Failed|Error))\b/g,
  /\b(E[A-Z]{4,})\b/g,
];

/** How much text of one element is read: a banner is short, a huge one is cut. */
const MAX_TEXT = 2000;
const MAX_CODES = 20;

export function compilePatterns(patterns: readonly ErrorPattern[] | undefined): RegExp[] {
  return globalPatterns(patterns ?? DEFAULT_ERROR_PATTERNS, 'g', 'context: error pattern');
}

/** Error codes in `text`, in order of appearance, each once. `HTTP/1.1 403` is reported as `HTTP 403`. */
export function extractErrorCodes(text: string, patterns: readonly RegExp[]): string[] {
  const slice = text.slice(0, MAX_TEXT);
  const found: Array<{ at: number; end: number; code: string }> = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) && found.length < MAX_CODES * 4) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const code = (m[1] ?? m[0]).trim().replace(/^HTTP\/[\d.]+ /, 'HTTP ').slice(0, 128);
      if (code) found.push({ at: m.index, end: m.index + m[0].length, code });
    }
  }
  // Longest first at the same place; a match inside an earlier one (`NotFound` in `Id.NotFound`) is part of it.
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const codes: string[] = [];
  let coveredTo = -1;
  for (const { at, end, code } of found) {
    if (at < coveredTo) continue;
    coveredTo = end;
    if (!codes.includes(code) && codes.length < MAX_CODES) codes.push(code);
  }
  return codes;
}
