import type { BotProvider, HelpProvider } from '@helpdock/core';
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
}

const localeOf = (options: KbProviderOptions, context: ContextSnapshot) => options.locale?.() ?? context.locale ?? 'en';

/** Ranked articles from the app's KB, searched in the page. */
export function staticHelpProvider(options: KbProviderOptions): HelpProvider {
  const index = kbIndexes(options.load);
  return {
    async search(query, context) {
      if (!query.trim()) return [];
      return (await index(localeOf(options, context))).search(query, { limit: 5 }).map((hit) => hit.article);
    },
  };
}

/** A FAQ bot over the KB: an answer when sure, suggestions when unsure, "unknown" otherwise. */
export function kbBotProvider(options: KbProviderOptions): BotProvider {
  const index = kbIndexes(options.load);
  const answerAt = options.answerAt ?? 0.6;
  const suggestAbove = options.suggestAbove ?? 0.25;
  return {
    async prepare(context) {
      await index(localeOf(options, context));
    },
    async reply(userText, context) {
      const hits = (await index(localeOf(options, context))).search(userText, { limit: 3 });
      const top = hits[0];
      if (top && top.confidence >= answerAt) {
        return { kind: 'answer', text: plainParagraphs(top.article.body)[0] ?? top.article.title, article: top.article };
      }
      const likely = hits.filter((h) => h.confidence > suggestAbove).map((h) => h.article);
      return likely.length ? { kind: 'suggestions', articles: likely } : { kind: 'unknown' };
    },
  };
}
