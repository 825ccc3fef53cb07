import type { KbBundle } from '@helpdock/kb';
import { describe, expect, it } from 'vitest';
import { kbBotProvider } from '../src/index.ts';

const bundle: KbBundle = {
  version: 1,
  locale: 'en',
  articles: [
    { id: 'cdn-purge-cache', locale: 'en', title: 'Purge the CDN cache', tags: ['purge', 'cache'], products: ['cdn'], body: 'Use Refresh to purge cached files.', related: ['cdn-stale-content'], action: 'cdn.purge', actionLabel: 'Purge the CDN cache for this domain' },
    { id: 'cdn-stale-content', locale: 'en', title: 'Visitors still see old content', tags: ['stale', 'old'], products: ['cdn'], body: 'Check the cache time.' },
    { id: 'billing-invoice', locale: 'en', title: 'Understand your invoice', tags: ['invoice', 'bill'], products: ['billing'], body: 'Each line is one resource.' },
  ],
};
const context = { url: 'https://console.example.com/cdn', locale: 'en' };
const bot = (alwaysHuman: string[] = []) => kbBotProvider({ load: async () => bundle, alwaysHuman });

describe('the knowledge-base bot in a conversation', () => {
  it('offers related articles as follow-ups and the article\'s action as a button', async () => {
    expect(await bot().reply('How do I purge the CDN cache?', context)).toMatchObject({
      kind: 'answer',
      article: { id: 'cdn-purge-cache' },
      quickReplies: [{ kind: 'ask', text: 'Visitors still see old content', articleId: 'cdn-stale-content' }],
      action: { id: 'cdn.purge', label: 'Purge the CDN cache for this domain' },
    });
  });

  it('answers a picked follow-up with its article in the current language, even when its title was in another', async () => {
    const ja: KbBundle = {
      version: 1,
      locale: 'ja',
      articles: [{ id: 'cdn-stale-content', locale: 'ja', title: '古いコンテンツが表示される', tags: [], products: ['cdn'], body: 'キャッシュ時間を確認します。' }],
    };
    const byLocale = kbBotProvider({ load: async (locale) => (locale === 'ja' ? ja : bundle) });
    // The button was made while the widget spoke Japanese; the visitor has since switched to English.
    const picked = await byLocale.reply('古いコンテンツが表示される', context, [], { articleId: 'cdn-stale-content' });
    expect(picked).toMatchObject({ kind: 'answer', article: { id: 'cdn-stale-content', title: 'Visitors still see old content' } });
    // Typed, the same words find nothing in the English KB.
    expect((await byLocale.reply('古いコンテンツが表示される', context)).kind).not.toBe('answer');
  });

  it('hands off when asked for a person, whatever the language', async () => {
    expect(await bot().reply('转人工', context)).toEqual({ kind: 'handoff', reason: 'asked' });
    expect(await bot().reply('Quero falar com um atendente', context)).toEqual({ kind: 'handoff', reason: 'asked' });
  });

  it('sends a category that always needs a human straight to one, when configured', async () => {
    expect((await bot().reply('Why is my invoice so high?', context)).kind).not.toBe('handoff');
    expect(await bot(['billing']).reply('Why is my invoice so high?', context)).toEqual({ kind: 'handoff', reason: 'category', category: 'billing' });
  });

  it('plans the handoff: category from the conversation, priority from the words and plan, questions for what is missing', async () => {
    const plan = await bot().planHandoff!(
      { texts: ['The site is down for all users after I purged the cache'], articles: [bundle.articles[0]!] },
      { ...context, plan: 'enterprise', region: 'eu-west-1' } as typeof context,
    );
    expect(plan).toMatchObject({ category: 'network', priority: 'P0', known: [{ field: 'region', value: 'eu-west-1', source: 'context' }] });
    expect(plan.tags).toContain('cdn-purge-cache');
    expect(plan.questions.map((q) => q.field)).toEqual(['resource', 'errorCode', 'started']);
  });
});
