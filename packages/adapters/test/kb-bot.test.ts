// @vitest-environment node
/// <reference types="node" />
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KbBundle } from '@helpdock/kb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchKbBundle, kbBotProvider, plainParagraphs, RefusedError, staticHelpProvider } from '../src/index.ts';

const article = (id: string, title: string, tags: string[], body: string) => ({ id, locale: 'en', title, tags, products: ['ecs'], body });
const bundle: KbBundle = {
  version: 1,
  locale: 'en',
  articles: [
    article('restart-instance', 'Restart an instance', ['restart', 'reboot'], 'Open the **instance** page.\n\nChoose [Restart](/x) and confirm.'),
    article('resize-instance', 'Change the instance type', ['resize', 'upgrade'], 'Stop the instance, then choose a larger type.'),
    article('purge-cdn', 'Purge the CDN cache', ['cdn', 'cache', 'purge'], 'Use Refresh to purge cached files from edge nodes.'),
  ],
};
const context = { url: 'https://console.example.com/ecs', locale: 'en' };

describe('the knowledge-base bot, over a bundle fetched from the server', () => {
  let url = '';
  const requests: string[] = [];
  const http = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(bundle));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => http.close(() => r())));

  const bot = () => kbBotProvider({ load: fetchKbBundle({ serverUrl: url, appId: 'demo' }) });

  it('answers with the matching article when it is sure', async () => {
    const reply = await bot().reply('How do I restart my instance?', context);
    expect(reply).toMatchObject({ kind: 'answer', text: 'Open the instance page.', article: { id: 'restart-instance' } });
    expect(requests.at(-1)).toBe('/api/v1/apps/demo/kb?locale=en');
  });

  it('offers likely articles when it is unsure', async () => {
    const reply = await bot().reply('stop larger', context);
    expect(reply.kind).toBe('suggestions');
    expect(reply.kind === 'suggestions' && reply.articles[0]?.id).toBe('resize-instance');
  });

  it('says it does not know when nothing matches', async () => {
    expect(await bot().reply('what about the weather in Paris', context)).toEqual({ kind: 'unknown' });
  });

  it('fetches the bundle once per locale', async () => {
    const b = bot();
    const before = requests.length;
    await b.reply('restart', context);
    await b.reply('purge cache', context);
    await b.reply('restart', { ...context, locale: 'zh-CN' });
    expect(requests.slice(before)).toEqual(['/api/v1/apps/demo/kb?locale=en', '/api/v1/apps/demo/kb?locale=zh-CN']);
  });

  it('loads the knowledge base when asked to prepare, so the first answer does not wait for it', async () => {
    const b = bot();
    const before = requests.length;
    await b.prepare?.({ ...context, locale: 'ja' });
    await b.reply('restart', { ...context, locale: 'ja' });
    expect(requests.slice(before)).toEqual(['/api/v1/apps/demo/kb?locale=ja']);
  });

  it('searches help articles for a query', async () => {
    const help = staticHelpProvider({ load: async () => bundle });
    expect((await help.search('purge cdn cache', context)).map((a) => a.id)).toEqual(['purge-cdn']);
  });
});

describe('plainParagraphs', () => {
  it('turns Markdown into plain text paragraphs, keeping link text and dropping markup', () => {
    expect(plainParagraphs('## Steps\n\n1. Open **Account → Quotas**.\n2. See [docs](https://x).\n\n<b>not html</b>')).toEqual([
      'Steps',
      'Open Account → Quotas.\nSee docs.',
      '<b>not html</b>',
    ]);
  });
});

describe('a knowledge base the server refuses', () => {
  let url = '';
  const http = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'unknown_app', message: 'no app "nope" on this server' } }));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => http.close(() => r())));

  it('fails with the server’s reason and tells the developer once what to fix', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const bot = kbBotProvider({ load: fetchKbBundle({ serverUrl: url, appId: 'nope' }) });
      await expect(bot.reply('restart', context)).rejects.toMatchObject({ name: 'RefusedError', code: 'unknown_app' });
      await expect(bot.reply('restart again', context)).rejects.toBeInstanceOf(RefusedError);
      const ours = warn.mock.calls.filter((c) => String(c[0]).startsWith('[helpdock]'));
      expect(ours).toEqual([['[helpdock] the server refused this page: no app "nope" on this server (unknown_app)']]);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('the knowledge-base bot over the demo knowledge base', () => {
  let bundles: Record<string, KbBundle> = {};
  beforeAll(async () => {
    const { demoKbDir, loadKbDir } = await import('@helpdock/kb/node');
    bundles = (await loadKbDir(demoKbDir)).bundles;
  });
  // Like the server: the closest locale it has, else English.
  const load = async (locale: string) => bundles[locale] ?? bundles[locale.split('-')[0] ?? ''] ?? (bundles['en'] as KbBundle);

  it('answers a Japanese question with the Japanese article', async () => {
    const reply = await kbBotProvider({ load }).reply('サーバーを再起動したい', { ...context, locale: 'ja' });
    expect(reply).toMatchObject({ kind: 'answer', article: { id: 'ecs-restart-instance', locale: 'ja' } });
    expect(reply).not.toHaveProperty('fallbackLocale');
  });

  it('answers from the English article in a language the KB lacks, and says so', async () => {
    const reply = await kbBotProvider({ load }).reply('purge cdn cache', { ...context, locale: 'fr' });
    expect(reply).toMatchObject({ kind: 'answer', article: { id: 'cdn-purge-cache', locale: 'en' }, fallbackLocale: 'en' });
  });

  it('explains the error code shown on the page when asked "what does this error mean?"', async () => {
    const page = { ...context, errorCodes: ['QuotaExceeded'] } as typeof context;
    const reply = await kbBotProvider({ load }).reply('What does this error mean?', page);
    expect(reply).toMatchObject({ kind: 'answer', article: { id: 'account-quota-exceeded' } });
  });
});
