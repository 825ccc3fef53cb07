import type { i18n as I18n } from 'i18next';
import type { Bundle } from './bundles.ts';
import { laterLoaders } from './create.ts';
import { resolveLocale, type Locale } from './locales.ts';

/**
 * The widget's strings that only some views show, one file per locale (`widget-later.json`): an
 * article, the intake questions, rating and reopening, availability, past tickets, "Run a check",
 * the transcript's words. This module (their table of chunks) loads with the first of those views,
 * so neither it nor the strings weigh on the open chat.
 */
const loaders = import.meta.glob<Bundle>('./locales/*/widget-later.json', { import: 'default' });

export async function loadLaterBundle(locale: Locale): Promise<Bundle | undefined> {
  const load = loaders[`./locales/${locale}/widget-later.json`];
  return load ? load() : undefined;
}

/**
 * Those strings, under what the instance already has (the host's overrides win), in its language
 * and from now on in every language it is switched to. A failed fetch is tried again on the next call.
 */
export async function loadLaterStrings(instance: I18n): Promise<void> {
  if (instance.options.defaultNS !== 'widget') return;
  let load = laterLoaders.get(instance);
  if (!load) {
    const loaded = new Set<Locale>();
    const loadFor = async (l: Locale): Promise<void> => {
      if (loaded.has(l)) return;
      loaded.add(l);
      let bundle: Bundle | undefined;
      try {
        bundle = await loadLaterBundle(l);
      } catch (err) {
        loaded.delete(l);
        throw err;
      }
      instance.addResourceBundle(l, 'widget', bundle ?? {}, true, false);
      // Every shipped locale has its own; a locale without one would read English's.
      if (!bundle && l !== 'en') await loadFor('en');
    };
    laterLoaders.set(instance, (load = loadFor));
  }
  await load(resolveLocale(instance.language));
}
