import type { Translate } from '../../binding.ts';

/** "2 h 5 min", "4 min", "30 s": coarse on purpose, it is read at a glance. */
export function duration(ms: number, t: Translate): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return t('time.seconds', { count: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('time.minutes', { count: m });
  const h = Math.floor(m / 60);
  if (h < 48) return t('time.hoursMinutes', { hours: h, minutes: m % 60 });
  return t('time.days', { count: Math.floor(h / 24) });
}

/** Up to two initials for an avatar: "Ana Silva" → "AS", "李伟" → "李伟". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return `${Array.from(words[0] ?? '')[0] ?? ''}${Array.from(words.at(-1) ?? '')[0] ?? ''}`.toUpperCase();
  return Array.from(words[0] ?? '?').slice(0, 2).join('').toUpperCase();
}
