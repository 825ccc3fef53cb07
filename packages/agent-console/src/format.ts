import { formatRelative } from '@helpdock/i18n/time';
import type { Author } from '@helpdock/protocol';
import type { ClientError } from './errors.ts';

/** An i18n key with its parameters: what state holds instead of translated text. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

/** How long ago something happened, coarse enough for a queue ("3 min. ago", "3 分钟前"), through Intl. */
export function formatAge(iso: string, now: number, locale: string): string {
  const created = Date.parse(iso);
  return formatRelative(Math.min(0, (Number.isNaN(created) ? now : created) - now), locale);
}

/** Who wrote a line, for everyone but agents (who are shown by name). */
export function authorKey(author: Author): string {
  return `author.${author}`;
}

// Codes whose server message carries something the agent can act on (which field, who holds it).
const DETAILED: ReadonlySet<ClientError['code']> = new Set(['invalid_event', 'conflict', 'too_large', 'unsupported_type', 'internal']);

/** Wording for an error by its code, with the server's reason when it adds something. */
export function errorPhrase(error: ClientError): { key: string; detail: string | null } {
  return { key: `error.${error.code}`, detail: DETAILED.has(error.code) && error.message ? error.message : null };
}

/** Local date and time for a timestamp, in the console's language. */
export function formatTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** A file size in the console's language, e.g. "1.2 MB". */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1048576 ? [bytes / 1048576, 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
