import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { fallbackBundle, loadBundle, type Namespace } from './bundles.ts';
import { resolveLocale, type Locale } from './locales.ts';

export interface CreateI18nOptions {
  /** Requested locale; resolved to the nearest shipped one. @default 'en' */
  locale?: string | undefined;
  ns: Namespace;
  /** Per-locale string overrides from the host's config, e.g. `{ en: { 'launcher.label': 'Help' } }`. */
  overrides?: Record<string, Record<string, string>> | undefined;
}

// The locales whose shipped strings an instance holds: English may be there as the host's overrides alone.
const shipped = new WeakMap<I18n, Set<string>>();
/** later.ts's: what loads an instance's later strings for a locale, once a view asked for them; every switch then does too. */
export const laterLoaders = new WeakMap<I18n, (locale: Locale) => Promise<void>>();

/**
 * A fresh i18next instance (never the global one) with the active locale loaded,
 * English as its fallback (see resourcesFor). Call `changeLocale` to switch at run time.
 */

export async function createI18n(options: CreateI18nOptions): Promise<I18n> {
  const locale = resolveLocale(options.locale);
  const instance = i18next.createInstance();
  const { resources, loaded } = await resourcesFor(locale, options.ns, options.overrides);
  shipped.set(instance, loaded);
  await instance.init({
    lng: locale,
    fallbackLng: 'en',
    // One namespace, which i18next then makes the default one too (options.defaultNS, read by changeLocale and later.ts).
    ns: options.ns,
    // Strings are rendered as text nodes by Preact, never as HTML: escaping here would double-escape.
    interpolation: { escapeValue: false },
    resources,
    returnNull: false,
    // The host page's console is not ours to advertise in.
    showSupportNotice: false,
  });
  return instance;
}

/** Loads `requested` (and its overrides) into the instance, then switches to it. */
export async function changeLocale(instance: I18n, requested: string, overrides?: CreateI18nOptions['overrides']): Promise<Locale> {
  const locale = resolveLocale(requested);
  const ns = instance.options.defaultNS as Namespace;
  const loaded = shipped.get(instance) ?? new Set<string>();
  shipped.set(instance, loaded);
  const load = async (l: Locale): Promise<Record<string, string> | undefined> => {
    if (loaded.has(l)) return undefined;
    loaded.add(l);
    const bundle = await loadBundle(l, ns);
    // Under what the instance already has for it: the host's overrides win.
    instance.addResourceBundle(l, ns, { ...bundle, ...overrides?.[l] }, true, false);
    return bundle;
  };
  if (!loaded.has(locale)) {
    const bundle = await load(locale);
    // A locale without strings of its own for this namespace reads English's, which a start in another language did not fetch.
    if (!bundle) await load('en');
  }
  await laterLoaders.get(instance)?.(locale);
  await instance.changeLanguage(locale);
  return locale;
}

/** The locale's strings and, as its fallback, the host's English overrides (and English's bundle only where the locale has none). */
async function resourcesFor(locale: Locale, ns: Namespace, overrides: CreateI18nOptions['overrides']): Promise<{ resources: Resource; loaded: Set<string> }> {
  const own = await loadBundle(locale, ns);
  const resources: Resource = { [locale]: { [ns]: { ...own, ...overrides?.[locale] } } };
  const loaded = new Set<string>([locale]);
  if (locale !== 'en') {
    const english = await fallbackBundle(own, ns);
    if (english) loaded.add('en');
    resources['en'] = { [ns]: { ...english, ...overrides?.['en'] } };
  }
  return { resources, loaded };
}
