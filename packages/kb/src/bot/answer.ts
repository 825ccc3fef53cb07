import { decide, type DecideOptions } from '../decide.ts';
import { plainParagraphs } from '../markdown-text.ts';
import type { Article, KbIndex, SearchContext } from '../types.ts';
import { asksForHuman } from './human-request.ts';

/** A follow-up button: the article it names, asked by its title. */
export interface FollowUp {
  kind: 'ask';
  text: string;
  articleId: string;
}

/**
 * What the FAQ bot says to one question. The widget's BotReply takes this shape
 * as it is; the server sends it as JSON from `POST …/bot`.
 */
export type BotAnswer =
  | { kind: 'answer'; text: string; article: Article; fallbackLocale?: string; quickReplies?: FollowUp[]; action?: { id: string; label: string } }
  | { kind: 'suggestions'; articles: Article[]; fallbackLocale?: string }
  | { kind: 'unknown' }
  | { kind: 'handoff'; reason: 'asked' };

export interface AnswerOptions extends Pick<DecideOptions, 'answerAt' | 'suggestAbove'> {
  /** The page, for context boosts. */
  context?: SearchContext;
  /** A follow-up button naming this article was picked: that article, whatever words the button showed. */
  articleId?: string;
}

const language = (locale: string) => locale.split('-')[0]?.toLowerCase() ?? '';

/**
 * The parts of a context snapshot search can use. Read tolerantly: context
 * sources add fields over time (product, page, error codes on the page), and a
 * snapshot without them simply boosts nothing.
 */
export function searchContextOf(context: { url: string }): SearchContext {
  const c = context as { url: string } & Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  return {
    url: context.url,
    product: text(c['product']),
    // The protocol's `page` is a page name (`instance-detail`); search matches paths, so only a path-like one goes through.
    page: text(c['page'])?.startsWith('/') ? text(c['page']) : undefined,
    errorCodes: list(c['errorCodes']),
  };
}

/**
 * The FAQ bot's answer from one KB index: the picked article; a handoff when the
 * visitor asks for a person (in any of the widget's languages); the best article
 * when sure, suggestions when unsure, "unknown" otherwise (the decision the eval
 * command measures). `kbLocale` is the index's locale: when it is not the
 * language `wanted`, the answer says so (English standing in).
 */
export function answerFromKb(kb: KbIndex, kbLocale: string, wanted: string, text: string, options: AnswerOptions = {}): BotAnswer {
  const fallback = language(kbLocale) !== language(wanted) ? { fallbackLocale: kbLocale } : {};
  const answer = (article: Article): BotAnswer => {
    const quickReplies = (article.related ?? [])
      .map((id) => kb.get(id))
      .filter((a): a is Article => !!a)
      .slice(0, 3)
      .map((a): FollowUp => ({ kind: 'ask', text: a.title, articleId: a.id }));
    const action = article.action && article.actionLabel ? { action: { id: article.action, label: article.actionLabel } } : {};
    return { kind: 'answer', text: plainParagraphs(article.body)[0] ?? article.title, article, ...fallback, ...(quickReplies.length ? { quickReplies } : {}), ...action };
  };
  const picked = options.articleId ? kb.get(options.articleId) : undefined;
  if (picked) return answer(picked);
  if (asksForHuman(text)) return { kind: 'handoff', reason: 'asked' };
  const decision = decide(kb.search(text, { limit: 5, ...(options.context ? { context: options.context } : {}) }), options);
  if (decision.kind === 'answer') return answer(decision.hit.article);
  if (decision.kind === 'suggest') return { kind: 'suggestions', articles: decision.hits.map((h) => h.article), ...fallback };
  return { kind: 'unknown' };
}
