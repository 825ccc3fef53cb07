/**
 * Masks secrets and personal data before anything leaves the page: access keys,
 * tokens, JWTs, passwords and e-mail addresses, plus whatever patterns the host adds.
 * Runs on context, captured failures, diagnostics and the user's own messages.
 */
import { globalPatterns } from './patterns.ts';

export type RedactPattern = RegExp | string;

interface Rule {
  re: RegExp;
  /** Without one the whole match is masked; `$1` keeps a leading label (`password=`) and masks only the value. */
  replace?: string;
}

const MASK = '[redacted]';

const DEFAULT_RULES: readonly Rule[] = [
  // JWTs: three base64url parts, the first a JSON header.
  { re: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g },
  // Cloud access key ids: AWS (AKIA/ASIA…), Alibaba Cloud (LTAI…), Google API keys.
  { re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\bLTAI[A-Za-z0-9]{12,30}\b|\bAIza[A-Za-z0-9_-]{35}\b/g },
  // Bearer / Basic credentials in text or headers.
  { re: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]{8,}=*/gi, replace: `$1 ${MASK}` },
  // key=value and key: value for secret-looking names, in prose, JSON and query strings.
  {
    re: /((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key(?:[_-]?(?:id|secret))?|secret[_-]?key|signature|session[_-]?id|auth)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    replace: `$1${MASK}`,
  },
  // E-mail addresses (Unicode local parts and domains too).
  { re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  // Private keys pasted whole.
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g },
];

export type Redactor = (text: string) => string;

/** Builds a redactor from the defaults plus the host's patterns (each match is masked whole). */
export function createRedactor(extra: readonly RedactPattern[] = []): Redactor {
  const rules: Rule[] = [...DEFAULT_RULES, ...globalPatterns(extra, 'gu', 'redact: pattern').map((re) => ({ re }))];
  return (text) => {
    if (typeof text !== 'string' || text === '') return text;
    let out = text;
    for (const { re, replace } of rules) {
      re.lastIndex = 0;
      out = out.replace(re, replace ?? MASK);
    }
    return out;
  };
}

/** A deep copy of `value` with every string passed through `redact`; keys stay as they are. */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}

/** A URL with its query string and fragment dropped: they often carry tokens. */
export function stripQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
