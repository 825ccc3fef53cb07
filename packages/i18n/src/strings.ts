import { fallbackBundle, loadBundle, type Bundle, type Namespace } from './bundles.ts';
import { resolveLocale, type Locale } from './locales.ts';
import { translator, type Overrides, type Strings } from './launcher-strings.ts';

/**
 * A few strings without i18next: what the launcher needs before the panel (and
 * i18next with it) loads, and the server's e-mails. Same bundles, same overrides, same `{{name}}`
 * interpolation and English fallback (the host's English overrides, and English's
 * bundle where the locale has none); no plurals, no nesting. `more`: a second file of the
 * locale's strings to read as well (the server's e-mails pass later.ts's `loadLaterBundle`).
 */
export async function loadStrings(requested: string | undefined, ns: Namespace, overrides?: Overrides, more?: (locale: Locale) => Promise<Bundle | undefined>): Promise<Strings> {
  const locale = resolveLocale(requested);
  const bundle = await loadBundle(locale, ns);
  const own = { ...bundle };
  const en = locale === 'en' ? {} : { ...(await fallbackBundle(bundle, ns)) };
  if (more) {
    const extra = await more(locale);
    Object.assign(own, extra);
    if (!extra && locale !== 'en') Object.assign(en, await more('en'));
  }
  return translator(locale, { ...en, ...overrides?.['en'], ...own, ...overrides?.[locale] });
}
