import { effect } from '@preact/signals';
import { render } from 'preact';
import { createI18n } from '@helpdock/i18n';
import { serverUrl } from './api.ts';
import { createConsoleApp } from './console.ts';
import { LocaleProvider } from './i18n.tsx';
import { createLocaleState, initialLocale } from './locale.ts';
import { tabStorage } from './session.ts';
import { App } from './views/App.tsx';

function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Starts the console in `root`; resolves to a function that tears it down again. */
export async function mountConsole(root: HTMLElement): Promise<() => void> {
  const prefs = localStore();
  const locale = initialLocale(prefs, navigator.languages ?? [navigator.language]);
  const localeState = createLocaleState(await createI18n({ ns: 'agent', locale }), locale, prefs);
  const app = createConsoleApp({ server: serverUrl(location), storage: tabStorage() });
  const stopLang = effect(() => {
    document.documentElement.lang = localeState.locale.value;
    document.title = localeState.i18n.t('app.title', { lng: localeState.locale.value });
  });
  render(
    <LocaleProvider value={localeState}>
      <App app={app} />
    </LocaleProvider>,
    root,
  );
  return () => {
    render(null, root);
    stopLang();
    app.destroy();
  };
}
