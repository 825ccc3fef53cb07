import { createIndex, type KbBundle, type KbIndex } from '@helpdock/kb';
import { HTTP } from '@helpdock/protocol';
import { RefusedError, refusalOf, reportSetupProblem } from './refusal.ts';

export type KbLoader = (locale: string) => Promise<KbBundle>;

export interface FetchKbOptions {
  serverUrl: string;
  appId: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Loads the app's KB bundle for a locale from the server (`GET /api/v1/apps/:appId/kb?locale=`). */
export function fetchKbBundle(options: FetchKbOptions): KbLoader {
  return async (locale) => {
    const doFetch = options.fetch ?? globalThis.fetch;
    const url = `${options.serverUrl.replace(/\/$/, '')}${HTTP.kb(options.appId)}?locale=${encodeURIComponent(locale)}`;
    const res = await doFetch(url, { credentials: 'omit' });
    if (!res.ok) {
      const refusal = await refusalOf(res);
      if (!refusal) throw new Error(`[helpdock] knowledge base: HTTP ${res.status}`);
      reportSetupProblem(refusal);
      throw new RefusedError(refusal);
    }
    const bundle = (await res.json()) as KbBundle;
    if (bundle?.version !== 1 || !Array.isArray(bundle.articles)) throw new Error('[helpdock] knowledge base: unexpected bundle');
    return bundle;
  };
}

/** An index plus the locale of the bundle it was built from, which may be a fallback (English) for the one asked. */
export type LocalizedIndex = KbIndex & { readonly locale: string };

/** One index per locale, built on first use; a failed load is retried on the next question. */
export function kbIndexes(load: KbLoader): (locale: string) => Promise<LocalizedIndex> {
  const cache = new Map<string, Promise<LocalizedIndex>>();
  return (locale) => {
    let index = cache.get(locale);
    if (!index) {
      index = load(locale).then((bundle) => ({ ...createIndex(bundle.articles), locale: bundle.locale || locale }));
      cache.set(locale, index);
      index.catch(() => cache.delete(locale));
    }
    return index;
  };
}
