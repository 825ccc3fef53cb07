import type { BotProvider } from '@helpdock/core';

/**
 * Classification's word lists and the intake plan, a chunk of their own: loaded
 * on the way to a person, or ahead when every question is checked against them.
 */
export function lazyHandoff(): { load: () => Promise<typeof import('./handoff.ts')>; planHandoff: NonNullable<BotProvider['planHandoff']> } {
  let handoff: Promise<typeof import('./handoff.ts')> | null = null;
  const load = () => {
    handoff ??= import('./handoff.ts');
    handoff.catch(() => (handoff = null));
    return handoff;
  };
  return {
    load,
    async planHandoff(conversation, context) {
      const { classify, planIntake } = await load();
      const { category, tags, priority } = classify({ texts: conversation.texts, articles: conversation.articles, context });
      return { category, tags, priority, ...planIntake(category, context) };
    },
  };
}
