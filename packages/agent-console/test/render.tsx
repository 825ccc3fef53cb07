import type { ComponentChildren } from 'preact';
import { render } from '@testing-library/preact';
import { createI18n } from '@helpdock/i18n';
import { LocaleProvider } from '../src/i18n.tsx';
import { createLocaleState, type ConsoleLocale, type LocaleState } from '../src/locale.ts';

/** Renders inside the real i18n setup, as the console does; `rerender` keeps it. */
export async function renderWithI18n(ui: ComponentChildren, locale: ConsoleLocale = 'en') {
  const localeState: LocaleState = createLocaleState(await createI18n({ ns: 'agent', locale }), locale, null);
  const wrap = (children: ComponentChildren) => <LocaleProvider value={localeState}>{children}</LocaleProvider>;
  const result = render(wrap(ui));
  return { ...result, localeState, rerender: (next: ComponentChildren) => result.rerender(wrap(next)) };
}
