import type { BotProvider, HelpProvider } from '@helpdock/core';
import { lazyHandoff } from './bot/lazy-handoff.ts';
import { answerFromKb, articleForErrorCode, asksForHuman, rankForContext, searchContextOf } from '@helpdock/kb';
import type { ContextSnapshot } from '@helpdock/protocol';
import { kbIndexes, type KbLoader } from './kb-source.ts';

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

const localeOf = (options: KbProviderOptions, context: ContextSnapshot) => options.locale?.() ?? context.locale ?? 'en';

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
  const { load: loadHandoff, planHandoff } = lazyHandoff();
  const alwaysHuman = options.alwaysHuman?.length ? options.alwaysHuman : null;
  return {
    async prepare(context) {
      if (alwaysHuman) void loadHandoff().catch(() => undefined);
      await index(localeOf(options, context));
    },
    async reply(userText, context, _history, pick) {
      const wanted = localeOf(options, context);
      const kb = await index(wanted);
      // A follow-up button names its article: that article, in this language, whatever words the button showed.
      if (!pick?.articleId) {
        const category = alwaysHuman ? (await loadHandoff()).categoryOfText(userText) : null;
        if (category && alwaysHuman?.includes(category) && !asksForHuman(userText)) return { kind: 'handoff', reason: 'category', category };
      }
      return answerFromKb(kb, kb.locale, wanted, userText, { ...decideOptions, context: searchContextOf(context), ...(pick?.articleId ? { articleId: pick.articleId } : {}) });
    },
    planHandoff,
  };
}
