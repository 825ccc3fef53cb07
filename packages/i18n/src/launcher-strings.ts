import type { Locale } from './locales.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Strings {
  locale: Locale;
  t: Translate;
}

export type Overrides = Record<string, Record<string, string>> | undefined;

// Its own module, apart from strings.ts: the launcher's bundle takes these few lines, not the locale loaders.
export function translator(locale: Locale, table: Readonly<Record<string, string>>): Strings {
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
export const LAUNCHER_EN: Readonly<Record<string, string>> = {
  'launcher.open': 'Open support chat',
  'launcher.close': 'Close support chat',
  'launcher.unread': '{{count}} unread',
};

/** The launcher's English strings with the host's overrides, at once. */
export function englishWidgetStrings(overrides?: Overrides): Strings {
  return translator('en', { ...LAUNCHER_EN, ...overrides?.['en'] });
}
