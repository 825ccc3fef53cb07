import type { HelpProvider, StatusProvider } from '@helpdock/core';
import type { Article, KbSearchResponse } from '@helpdock/kb';
import { HTTP, type ContextSnapshot, type StatusResponse } from '@helpdock/protocol';

export interface RemoteHelpOptions {
  serverUrl: string;
  appId: string;
  /** The KB locale; defaults to the context's. */
  locale?: () => string | undefined;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

function contextParams(context: ContextSnapshot, params: URLSearchParams): void {
  params.set('url', context.url);
  for (const k of ['product', 'page', 'region'] as const) {
    const v = context[k];
    if (v) params.set(k, v);
  }
  for (const code of context.errorCodes ?? []) params.append('errorCode', code);
}

const lower = (s: string) => s.toLowerCase();

/**
 * Help from the server's KB search over HTTP, for knowledge bases too big to ship
 * to the page: the home view's articles, searches, articles by id, and feedback.
 */
export function remoteHelpProvider(options: RemoteHelpOptions): HelpProvider {
  const base = options.serverUrl.replace(/\/$/, '');
  const doFetch = (input: string, init?: RequestInit) => (options.fetch ?? globalThis.fetch)(input, { credentials: 'omit', ...init });

  async function query(context: ContextSnapshot, fill: (params: URLSearchParams) => void): Promise<Article[]> {
    const params = new URLSearchParams({ locale: options.locale?.() ?? context.locale ?? 'en' });
    fill(params);
    const res = await doFetch(`${base}${HTTP.kbSearch(options.appId)}?${params}`);
    if (!res.ok) throw new Error(`[helpdock] KB search: HTTP ${res.status}`);
    const body = (await res.json()) as KbSearchResponse;
    return Array.isArray(body?.articles) ? body.articles : [];
  }

  return {
    search: (q, context) => (q.trim() ? query(context, (p) => p.set('q', q)) : Promise.resolve([])),
    forContext: (context) => query(context, (p) => contextParams(context, p)),
    async forErrorCode(code, context) {
      const [top] = await query(context, (p) => {
        p.set('url', context.url);
        p.append('errorCode', code);
        p.set('limit', '1');
      });
      if (!top) return null;
      // Only an article that names the code (an HTTP status: carries it as a tag) explains it.
      const http = /^HTTP (\d{3})$/.exec(code)?.[1];
      return top.errorCodes?.some((c) => lower(c) === lower(code)) || (http !== undefined && top.tags.includes(http)) ? top : null;
    },
    async article(id, context) {
      const [found] = await query(context, (p) => p.set('id', id));
      return found ?? null;
    },
    async feedback(articleId, articleLocale, helpful) {
      // text/plain: a simple request, no preflight.
      await doFetch(`${base}${HTTP.kbFeedback(options.appId)}`, { method: 'POST', body: JSON.stringify({ articleId, locale: articleLocale, helpful }) });
    },
  };
}

/** The app's active incidents from the server's status endpoint. */
export function remoteStatusProvider(options: Omit<RemoteHelpOptions, 'locale'>): StatusProvider {
  const base = options.serverUrl.replace(/\/$/, '');
  return {
    async incidents(context) {
      if (!context.product) return [];
      const params = new URLSearchParams({ product: context.product });
      if (context.region) params.set('region', context.region);
      const res = await (options.fetch ?? globalThis.fetch)(`${base}${HTTP.status(options.appId)}?${params}`, { credentials: 'omit' });
      if (!res.ok) throw new Error(`[helpdock] status: HTTP ${res.status}`);
      const body = (await res.json()) as StatusResponse;
      return Array.isArray(body?.incidents) ? body.incidents : [];
    },
  };
}
