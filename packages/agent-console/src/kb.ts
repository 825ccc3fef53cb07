import { HTTP, type Ticket } from '@helpdock/protocol';
import type { Result } from './errors.ts';

/** What the console shows of an article: enough to pick one and quote it to the visitor. */
export interface ArticleHit {
  id: string;
  title: string;
  body: string;
}

/**
 * Articles for the ticket: without a query, those matching where the visitor
 * was (error codes, page, product); with one, a search of the whole knowledge
 * base, in the visitor's language. Never throws.
 */
export async function suggestArticles(server: string, ticket: Ticket, query = '', fetchImpl: typeof fetch = globalThis.fetch): Promise<Result<{ articles: ArticleHit[] }>> {
  const { context } = ticket;
  const params = new URLSearchParams({ locale: context.locale ?? ticket.language ?? 'en', limit: '5' });
  if (query.trim()) params.set('q', query.trim());
  else {
    params.set('url', context.url);
    for (const k of ['product', 'page', 'region'] as const) if (context[k]) params.set(k, context[k]);
    for (const code of context.errorCodes ?? []) params.append('errorCode', code);
  }
  try {
    const res = await fetchImpl(`${server}${HTTP.kbSearch(ticket.appId)}?${params.toString()}`);
    if (!res.ok) return { ok: false, error: { code: res.status === 404 ? 'not_found' : 'internal', message: `HTTP ${res.status}` } };
    const body = (await res.json()) as { articles?: ArticleHit[] };
    const articles = Array.isArray(body.articles) ? body.articles.filter((a) => typeof a?.id === 'string' && typeof a.title === 'string') : [];
    return { ok: true, articles: articles.map((a) => ({ id: a.id, title: a.title, body: typeof a.body === 'string' ? a.body : '' })) };
  } catch (err) {
    return { ok: false, error: { code: 'network', message: err instanceof Error ? err.message : String(err) } };
  }
}

/** A short quote of an article for a reply: its title and first paragraph, Markdown markers dropped. */
export function quoteArticle(article: ArticleHit): string {
  const first = article.body.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#')) ?? '';
  const plain = first.replace(/[*_`>#]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return plain ? `${article.title}: ${plain}` : article.title;
}
