/** "2 hr, 5 min", "4 分", "3 дн.": coarse on purpose, read at a glance, in the widget's language through Intl. */
export { formatDuration as duration } from '@helpdock/i18n/time';

/** Up to two initials for an avatar: "Ana Silva" → "AS", "李伟" → "李伟". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return `${Array.from(words[0] ?? '')[0] ?? ''}${Array.from(words.at(-1) ?? '')[0] ?? ''}`.toUpperCase();
  return Array.from(words[0] ?? '?').slice(0, 2).join('').toUpperCase();
}
