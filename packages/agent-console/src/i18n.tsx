import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { LocaleState } from './locale.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider(props: { value: LocaleState; children: ComponentChildren }) {
  return <LocaleContext.Provider value={props.value}>{props.children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('[helpdock] agent console: components must be rendered inside <LocaleProvider>');
  return state;
}

/** The translate function for the current language; reading it subscribes the component to switches. */
export function useT(): Translate {
  const { i18n, locale } = useLocale();
  const lng = locale.value;
  return (key, params) => String(i18n.t(key, { ...params, lng }));
}
