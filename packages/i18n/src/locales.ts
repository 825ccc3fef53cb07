/** The locales Helpdock ships, in BCP 47 form. */
export const LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'fr', 'de', 'es', 'pt-BR', 'ru', 'ar', 'hi', 'id', 'th', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

const RTL: ReadonlySet<string> = new Set(['ar']);

/** Writing direction of a shipped locale. */
export function direction(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/**
 * Best shipped locale for a requested tag: exact match, then the same language
 * with its usual region or script (zh-Hant → zh-TW, pt → pt-BR), then English.
 */
export function resolveLocale(requested: string | null | undefined): Locale {
  if (!requested) return 'en';
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(requested).maximize();
  } catch {
    return 'en';
  }
  const exact = LOCALES.find((l) => l.toLowerCase() === requested.toLowerCase());
  if (exact) return exact;
  if (tag.language === 'zh') return tag.script === 'Hant' ? 'zh-TW' : 'zh-CN';
  if (tag.language === 'pt') return 'pt-BR';
  return LOCALES.find((l) => l === tag.language) ?? 'en';
}
