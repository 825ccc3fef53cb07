import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { selectTimeline, type ChatMessage, type CoreState, type HelpdockCore } from '@helpdock/core';
import { direction, resolveLocale, type I18n } from '@helpdock/i18n';
import { adoptStyles } from './styles.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What every component reads: the core's state as signals, and a translator that re-renders on locale change. */
export interface UiBinding {
  core: HelpdockCore;
  /** The store's current state object itself, not a copy. */
  state: ReadonlySignal<CoreState>;
  timeline: ReadonlySignal<ChatMessage[]>;
  dir: ReadonlySignal<'ltr' | 'rtl'>;
  lang: ReadonlySignal<string>;
  t: Translate;
  /**
   * What only some views need (see lazyView's `later`): their strings, for every language from then
   * on, and their stylesheet. Fetched once, on the first call of `load`.
   */
  later: { ready(): boolean; load(): Promise<void> };
  dispose(): void;
}

/** `root`: the shadow root the panel renders into, which adopts the later views' stylesheet. */
export function bindCore(core: HelpdockCore, i18n: I18n, root?: ShadowRoot): UiBinding {
  const state = signal(core.store.getState());
  const stop = core.store.subscribe((next) => {
    state.value = next;
  });
  const lang = signal(i18n.language);
  const onLanguage = (lng: string) => {
    lang.value = lng;
  };
  i18n.on('languageChanged', onLanguage);
  let laterReady = false;
  let laterLoading: Promise<void> | null = null;
  let laterStyled = false;
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
  return {
    core,
    state,
    timeline: computed(() => selectTimeline(state.value)),
    dir: computed(() => direction(resolveLocale(lang.value))),
    lang,
    t(key, params) {
      // Reading `lang` subscribes the calling component, so a locale switch re-renders it.
      void lang.value;
      return translate(key, params);
    },
    later: {
      ready: () => laterReady,
      load: () =>
        // Their table of chunks comes with them, off the open chat's path.
        (laterLoading ??= Promise.all([
          import('@helpdock/i18n/later').then((m) => m.loadLaterStrings(i18n)),
          import('./panel/later-styles.ts').then((m) => {
            if (root && !laterStyled) laterStyled = adoptStyles(root, m.LATER_CSS);
          }),
        ]).then(
          () => {
            laterReady = true;
          },
          (err: unknown) => {
            laterLoading = null;
            throw err;
          },
        )),
    },
    dispose() {
      stop();
      i18n.off('languageChanged', onLanguage);
    },
  };
}
