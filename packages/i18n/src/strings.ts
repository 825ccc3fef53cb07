import { loadBundle, type Bundle, type Namespace } from './bundles.ts';
import { resolveLocale, type Locale } from './locales.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Strings {
  locale: Locale;
  t: Translate;
}

type Overrides = Record<string, Record<string, string>> | undefined;

function translator(locale: Locale, table: Bundle): Strings {
  return {
    locale,
    t: (key, params) => {
      const text = table[key] ?? key;
      return params ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
    },
  };
}

/**
 * The launcher's own words in English, inside the launcher's bundle so that it
 * never waits on a fetch (they are only its accessible name; `loadStrings`
 * swaps in the page's language a moment later). A test holds them equal to
 * locales/en/widget.json, which stays the one place to change them.
 */
export const LAUNCHER_EN: Readonly<Bundle> = {
  'launcher.open': 'Open support chat',
  'launcher.close': 'Close support chat',
  'launcher.unread': '{{count}} unread',
};

/** The launcher's English strings with the host's overrides, at once. */
export function englishWidgetStrings(overrides?: Overrides): Strings {
  return translator('en', { ...LAUNCHER_EN, ...overrides?.['en'] });
}

/**
 * A few strings without i18next: what the launcher needs before the panel (and
 * i18next with it) loads. Same bundles, same overrides, same `{{name}}`
 * interpolation and English fallback; no plurals, no nesting.
 */
export async function loadStrings(requested: string | undefined, ns: Namespace, overrides?: Overrides): Promise<Strings> {
  const locale = resolveLocale(requested);
  const [own, en] = await Promise.all([loadBundle(locale, ns), locale === 'en' ? undefined : loadBundle('en', ns)]);
  return translator(locale, { ...en, ...overrides?.['en'], ...own, ...overrides?.[locale] });
}
