import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { loadBundle, type Namespace } from './bundles.ts';
import { resolveLocale, type Locale } from './locales.ts';

export interface CreateI18nOptions {
  /** Requested locale; resolved to the nearest shipped one. @default 'en' */
  locale?: string | undefined;
  ns: Namespace;
  /** Per-locale string overrides from the host's config, e.g. `{ en: { 'launcher.label': 'Help' } }`. */
  overrides?: Record<string, Record<string, string>> | undefined;
}

/**
 * A fresh i18next instance (never the global one) with the active locale and
 * English as fallback loaded. Call `changeLocale` to switch at run time.
 */
export async function createI18n(options: CreateI18nOptions): Promise<I18n> {
  const locale = resolveLocale(options.locale);
  const instance = i18next.createInstance();
  await instance.init({
    lng: locale,
    fallbackLng: 'en',
    ns: [options.ns],
    defaultNS: options.ns,
    // Strings are rendered as text nodes by Preact, never as HTML: escaping here would double-escape.
    interpolation: { escapeValue: false },
    resources: await resourcesFor(locale, options.ns, options.overrides),
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
  if (!instance.hasResourceBundle(locale, ns)) {
    const bundle = await loadBundle(locale, ns);
    instance.addResourceBundle(locale, ns, { ...bundle, ...overrides?.[locale] }, true, true);
  }
  await instance.changeLanguage(locale);
  return locale;
}

async function resourcesFor(locale: Locale, ns: Namespace, overrides: CreateI18nOptions['overrides']): Promise<Resource> {
  const locales: Locale[] = locale === 'en' ? ['en'] : [locale, 'en'];
  const resources: Resource = {};
  for (const l of locales) {
    resources[l] = { [ns]: { ...(await loadBundle(l, ns)), ...overrides?.[l] } };
  }
  return resources;
}
