import type { BotProvider, HelpProvider, QuickReply } from '@helpdock/core';
import { articleForErrorCode, decide, rankForContext, type Article, type KbIndex, type SearchContext } from '@helpdock/kb';
import { categoryOfText, classify } from './bot/classify.ts';
import { asksForHuman } from './bot/human-request.ts';
import { planIntake } from './bot/intake.ts';
import type { ContextSnapshot } from '@helpdock/protocol';
import { kbIndexes, type KbLoader } from './kb-source.ts';
import { plainParagraphs } from './markdown-text.ts';

export interface KbProviderOptions {
  load: KbLoader;
  /** The KB locale; defaults to the page's. */
  locale?: () => string | undefined;
  /** Confidence at or above which the top article is given as the answer. @default 0.6 */
  answerAt?: number;
  /** Confidence above which articles are offered as suggestions. @default 0.25 */
  suggestAbove?: number;
  /** Categories the bot never answers: a question about one goes straight to a person. @default [] */
  alwaysHuman?: readonly string[];
}

// Likely follow-ups: the articles the answer names as related, asked by their titles.
function followUps(kb: KbIndex, article: Article): QuickReply[] {
  return (article.related ?? [])
    .map((id) => kb.get(id))
    .filter((a): a is Article => !!a)
    .slice(0, 3)
    .map((a) => ({ kind: 'ask', text: a.title }));
}

const localeOf = (options: KbProviderOptions, context: ContextSnapshot) => options.locale?.() ?? context.locale ?? 'en';

const language = (locale: string) => locale.split('-')[0]?.toLowerCase() ?? '';

/**
 * The parts of a context snapshot search can use. Read tolerantly: context
 * sources add fields over time (product, page, error codes on the page), and a
 * snapshot without them simply boosts nothing.
 */
export function searchContextOf(context: ContextSnapshot): SearchContext {
  const c = context as ContextSnapshot & Record<string, unknown>;
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

/** Ranked articles from the app's KB, searched in the page. */
export function staticHelpProvider(options: KbProviderOptions): HelpProvider {
  const index = kbIndexes(options.load);
  const bundles = new Map<string, ReturnType<KbLoader>>();
  const bundle = (locale: string) => {
    let b = bundles.get(locale);
    if (!b) {
      b = options.load(locale);
      bundles.set(locale, b);
      b.catch(() => bundles.delete(locale));
    }
    return b;
  };
  return {
    async search(query, context) {
      if (!query.trim()) return [];
      return (await index(localeOf(options, context))).search(query, { limit: 5, context: searchContextOf(context) }).map((hit) => hit.article);
    },
    async forContext(context) {
      const kb = await bundle(localeOf(options, context));
      return rankForContext(kb.articles, context, kb.popular ? { popular: kb.popular } : {}).map((hit) => hit.article);
    },
    async forErrorCode(code, context) {
      return articleForErrorCode((await bundle(localeOf(options, context))).articles, code) ?? null;
    },
    async article(id, context) {
      return (await index(localeOf(options, context))).get(id) ?? null;
    },
  };
}

/**
 * A FAQ bot over the KB: an answer when sure, suggestions when unsure,
 * "unknown" otherwise (the same decision the eval command measures). When the
 * KB has nothing in the user's language the English articles answer, and the
 * reply says so.
 */
export function kbBotProvider(options: KbProviderOptions): BotProvider {
  const index = kbIndexes(options.load);
  const decideOptions = {
    ...(options.answerAt !== undefined ? { answerAt: options.answerAt } : {}),
    ...(options.suggestAbove !== undefined ? { suggestAbove: options.suggestAbove } : {}),
  };
  return {
    async prepare(context) {
      await index(localeOf(options, context));
    },
    async reply(userText, context) {
      if (asksForHuman(userText)) return { kind: 'handoff', reason: 'asked' };
      const category = categoryOfText(userText);
      if (category && options.alwaysHuman?.includes(category)) return { kind: 'handoff', reason: 'category', category };
      const wanted = localeOf(options, context);
      const kb = await index(wanted);
      const decision = decide(kb.search(userText, { limit: 5, context: searchContextOf(context) }), decideOptions);
      const fallback = language(kb.locale) !== language(wanted) ? { fallbackLocale: kb.locale } : {};
      if (decision.kind === 'answer') {
        const { article } = decision.hit;
        const quickReplies = followUps(kb, article);
        const action = article.action && article.actionLabel ? { action: { id: article.action, label: article.actionLabel } } : {};
        return { kind: 'answer', text: plainParagraphs(article.body)[0] ?? article.title, article, ...fallback, ...(quickReplies.length ? { quickReplies } : {}), ...action };
      }
      if (decision.kind === 'suggest') return { kind: 'suggestions', articles: decision.hits.map((h) => h.article), ...fallback };
      return { kind: 'unknown' };
    },
    async planHandoff(conversation, context) {
      const { category, tags, priority } = classify({ texts: conversation.texts, articles: conversation.articles, context });
      return { category, tags, priority, ...planIntake(category, context) };
    },
  };
}
