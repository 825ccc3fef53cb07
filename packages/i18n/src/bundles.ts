import type { Locale } from './locales.ts';

export type Namespace = 'widget' | 'agent';
export type Bundle = Record<string, string>;

// One lazily loaded chunk per locale and namespace: only the active locale ships to the page.
// Shared by i18next (create.ts) and the launcher's small translator (strings.ts), so both fetch the same chunk.
// The widget's later strings (widget-later.json) have their own table, in later.ts, off the open chat's path.
const loaders = import.meta.glob<Bundle>(['./locales/*/*.json', '!./locales/*/widget-later.json'], { import: 'default' });

export async function loadBundle(locale: Locale, ns: Namespace): Promise<Bundle | undefined> {
  const load = loaders[`./locales/${locale}/${ns}.json`];
  return load ? load() : undefined;
}

/**
 * The English strings a locale falls back to. Every shipped widget locale has every key (the
 * completeness test fails the build otherwise), so a page in Chinese does not download English as
 * well: only a locale without a bundle of its own for `ns` falls back to English's whole bundle.
 */
export async function fallbackBundle(own: Bundle | undefined, ns: Namespace): Promise<Bundle | undefined> {
  return own ? undefined : loadBundle('en', ns);
}
