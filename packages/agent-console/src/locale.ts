import { signal, type ReadonlySignal } from '@preact/signals';
import { changeLocale, type I18n } from '@helpdock/i18n';

/** The languages the console ships in. */
export const CONSOLE_LOCALES = ['en', 'zh-CN'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

const KEY = 'helpdock.agent.locale';

/** The saved choice, else the browser's language when it is Chinese, else English. */
export function initialLocale(storage: Storage | null, languages: readonly string[]): ConsoleLocale {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(KEY) ?? null;
  } catch {
    saved = null;
  }
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return languages.some((l) => /^zh(-|$)/i.test(l) && !/-(TW|HK|MO|Hant)/i.test(l)) ? 'zh-CN' : 'en';
}

export interface LocaleState {
  i18n: I18n;
  locale: ReadonlySignal<ConsoleLocale>;
  setLocale(locale: ConsoleLocale): Promise<void>;
}

/** Ties an i18next instance to a signal, so components re-render on a language switch. */
export function createLocaleState(i18n: I18n, initial: ConsoleLocale, storage: Storage | null): LocaleState {
  const locale = signal(initial);
  return {
    i18n,
    locale,
    async setLocale(next) {
      await changeLocale(i18n, next);
      locale.value = next;
      try {
        storage?.setItem(KEY, next);
      } catch {
        // The choice then lasts until reload.
      }
    },
  };
}
