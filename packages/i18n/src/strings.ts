import { fallbackBundle, loadBundle, type Namespace } from './bundles.ts';
import { resolveLocale } from './locales.ts';
import { translator, type Overrides, type Strings } from './launcher-strings.ts';

/**
 * A few strings without i18next: what the launcher needs before the panel (and
 * i18next with it) loads. Same bundles, same overrides, same `{{name}}`
 * interpolation and English fallback (the host's English overrides, and English's
 * bundle where the locale has none); no plurals, no nesting.
 */
export async function loadStrings(requested: string | undefined, ns: Namespace, overrides?: Overrides): Promise<Strings> {
  const locale = resolveLocale(requested);
  const own = await loadBundle(locale, ns);
  const en = locale === 'en' ? undefined : await fallbackBundle(own, ns);
  return translator(locale, { ...en, ...overrides?.['en'], ...own, ...overrides?.[locale] });
}
