import type { BotProvider, BotReply, BotTurn, QuickReply } from '@helpdock/core';
import type { Article } from '@helpdock/kb';
import type { ContextSnapshot } from '@helpdock/protocol';

export interface RemoteBotOptions {
  /** The endpoint that takes `POST { text, locale, context, history }` (see docs/bot-provider.md). */
  url: string;
  /** Answers when the endpoint is slow, down or says something we cannot read. */
  fallback: BotProvider;
  /** How long to wait for an answer. @default 4000 */
  timeoutMs?: number;
  /** Extra request headers, e.g. an API key of the host's own proxy. */
  headers?: Record<string, string>;
  /** @default the page's locale */
  locale?: () => string | undefined;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Called with why a request fell back (for the host's logs). */
  onFallback?: (reason: string) => void;
}

/** The request body the endpoint receives. */
export interface RemoteBotRequest {
  text: string;
  locale: string;
  context: ContextSnapshot;
  history: BotTurn[];
  /** Set when the visitor picked a follow-up button naming this article rather than typing. */
  articleId?: string;
}

const MAX_TEXT = 4000;
const str = (v: unknown, max = MAX_TEXT) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function articleOf(raw: unknown, locale: string, fallbackId: string): Article | null {
  const a = raw as Record<string, unknown> | null;
  const title = str(a?.['title'], 300);
  if (!a || typeof a !== 'object' || !title) return null;
  const id = typeof a['id'] === 'string' && ID.test(a['id']) ? a['id'] : fallbackId;
  return { id, locale, title, tags: [], products: [], body: str(a['body']) ?? title };
}

function quickRepliesOf(raw: unknown): QuickReply[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .map((r): QuickReply | null => (r === 'human' ? { kind: 'human' } : str(r, 200) ? { kind: 'ask', text: str(r, 200) as string } : null))
    .filter((r): r is QuickReply => r !== null)
    .slice(0, 4);
}

/**
 * Reads an endpoint's answer into a bot reply, or `null` when it is not one
 * of the documented shapes. Strings are bounded; nothing is trusted as HTML.
 */
export function readRemoteReply(body: unknown, locale: string): BotReply | null {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object') return null;
  const quickReplies = quickRepliesOf(b['quickReplies']);
  const qr = quickReplies.length ? { quickReplies } : {};
  switch (b['kind']) {
    case 'answer': {
      const text = str(b['text']);
      if (!text) return null;
      const article = articleOf({ id: b['articleId'], title: b['title'] ?? text.split('\n')[0], body: text }, locale, 'remote-answer');
      return article ? { kind: 'answer', text, article, ...qr } : null;
    }
    case 'suggestions': {
      const list = Array.isArray(b['articles']) ? b['articles'] : [];
      const articles = list.slice(0, 5).map((a, i) => articleOf(a, locale, `remote-${i + 1}`)).filter((a): a is Article => a !== null);
      return articles.length ? { kind: 'suggestions', articles, ...qr } : null;
    }
    case 'unknown':
      return { kind: 'unknown', ...qr };
    case 'handoff': {
      const category = str(b['category'], 64);
      return { kind: 'handoff', reason: b['reason'] === 'category' ? 'category' : 'asked', ...(category && /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/.test(category) ? { category } : {}) };
    }
    default:
      return null;
  }
}

/**
 * A bot behind the host's own HTTP endpoint (an LLM, a rules engine), with the
 * local bot behind it: a timeout, a network error, a non-2xx status or an
 * answer that is not one of the documented shapes is answered locally instead.
 * Classification and intake before a ticket stay local.
 */
export function remoteBotProvider(options: RemoteBotOptions): BotProvider {
  const timeoutMs = options.timeoutMs ?? 4000;
  const fallback = options.fallback;
  const fellBack = (reason: string) => {
    try {
      options.onFallback?.(reason);
    } catch {
      // A host's logger must not break the answer.
    }
  };

  async function ask(body: RemoteBotRequest): Promise<BotReply | string> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const res = await doFetch(options.url, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!res.ok) return `HTTP ${res.status}`;
      const reply = readRemoteReply(await res.json(), body.locale);
      return reply ?? 'an answer that is not a documented shape';
    } catch (err) {
      return abort.signal.aborted ? `no answer within ${timeoutMs} ms` : `network error: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      clearTimeout(timer);
    }
  }

  const provider: BotProvider = {
    async reply(text, context, history = [], pick) {
      const locale = options.locale?.() ?? context.locale ?? 'en';
      const result = await ask({ text, locale, context, history, ...(pick?.articleId ? { articleId: pick.articleId } : {}) });
      if (typeof result !== 'string') return result;
      fellBack(result);
      return pick ? fallback.reply(text, context, history, pick) : fallback.reply(text, context, history);
    },
    prepare: (context) => fallback.prepare?.(context) ?? Promise.resolve(),
  };
  if (fallback.planHandoff) provider.planHandoff = fallback.planHandoff.bind(fallback);
  return provider;
}
