// @vitest-environment node
/// <reference types="node" />
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RefusedError, serverBotProvider } from '../src/index.ts';

const restart = { id: 'restart-instance', locale: 'en', title: 'Restart an instance', tags: ['restart'], products: ['ecs'], body: 'Open the instance page.' };
const page = {
  url: 'https://console.example.com/ecs/instances/i-1',
  locale: 'en',
  product: 'ecs',
  region: 'cn-hangzhou',
  errorCodes: ['QuotaExceeded'],
  browser: 'Chrome 140 · Linux',
  accountId: 'acct-1',
};

// A stand-in for the server's `POST …/bot`, answering whatever the test puts in `next`.
describe('the FAQ bot on the widget’s server, from the page', () => {
  let url = '';
  let next: { status: number; body: unknown } = { status: 200, body: { kind: 'unknown' } };
  const seen: Array<{ url: string; type: string | undefined; body: unknown }> = [];
  const read = (req: IncomingMessage) => new Promise<string>((r) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => r(text));
  });
  const http = createServer(async (req, res) => {
    seen.push({ url: req.url ?? '', type: req.headers['content-type'], body: JSON.parse(await read(req)) });
    res.writeHead(next.status, { 'content-type': 'application/json' }).end(JSON.stringify(next.body));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => http.close(() => r())));

  it('asks with the question, the language and only what steers the search, as a simple request', async () => {
    next = { status: 200, body: { kind: 'answer', text: 'Open the instance page.', article: restart, quickReplies: [{ kind: 'ask', text: 'Resize', articleId: 'resize' }] } };
    const reply = await serverBotProvider({ serverUrl: `${url}/`, appId: 'demo', locale: () => 'ja' }).reply('再起動したい', page, [], { articleId: 'restart-instance' });
    expect(reply).toMatchObject({ kind: 'answer', article: { id: 'restart-instance' }, quickReplies: [{ articleId: 'resize' }] });
    expect(seen.at(-1)).toEqual({
      url: '/api/v1/apps/demo/bot',
      type: 'text/plain;charset=UTF-8',
      // No browser, account, region or failures: the search does not use them.
      body: { text: '再起動したい', locale: 'ja', context: { url: page.url, product: 'ecs', errorCodes: ['QuotaExceeded'] }, articleId: 'restart-instance' },
    });
  });

  it('fails with the server’s reason, telling the developer once what to fix, and on an answer of no known shape', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      next = { status: 403, body: { error: { code: 'origin_not_allowed', message: 'origin https://x.test is not allowed for app "demo"' } } };
      const bot = serverBotProvider({ serverUrl: url, appId: 'demo' });
      await expect(bot.reply('restart', page)).rejects.toMatchObject({ name: 'RefusedError', code: 'origin_not_allowed' });
      await expect(bot.reply('restart again', page)).rejects.toBeInstanceOf(RefusedError);
      expect(warn.mock.calls.filter((c) => String(c[0]).startsWith('[helpdock]'))).toHaveLength(1);
      next = { status: 200, body: { kind: 'answer', text: 'no article' } };
      await expect(bot.reply('restart', page)).rejects.toThrow(/no known shape/);
      next = { status: 502, body: null };
      await expect(bot.reply('restart', page)).rejects.toThrow('HTTP 502');
    } finally {
      warn.mockRestore();
    }
  });

  it('has the server classify a ticket from the questions, answered article ids and little of the page; plans the intake from the page here', async () => {
    next = { status: 200, body: { category: 'compute', tags: ['ecs', 'restart-instance'], priority: 'P1' } };
    const bot = serverBotProvider({ serverUrl: url, appId: 'demo' });
    const plan = await bot.planHandoff!({ texts: ['How do I restart?', 'still broken'], articles: [restart, restart] }, { ...page, plan: 'enterprise', resources: [{ type: 'instance', id: 'i-1' }] });
    expect(seen.at(-1)).toEqual({
      url: '/api/v1/apps/demo/bot/plan',
      type: 'text/plain;charset=UTF-8',
      // Not the URL, region, resources, browser or account: the intake (below) is planned in the page.
      body: { texts: ['How do I restart?', 'still broken'], articleIds: ['restart-instance'], locale: 'en', context: { product: 'ecs', errorCodes: ['QuotaExceeded'], plan: 'enterprise' } },
    });
    expect(plan).toMatchObject({ category: 'compute', tags: ['ecs', 'restart-instance'], priority: 'P1' });
    // What the page states once is known; what it does not say is asked.
    expect(plan.known).toEqual([
      { field: 'resource', value: 'instance i-1', source: 'context' },
      { field: 'region', value: 'cn-hangzhou', source: 'context' },
      { field: 'errorCode', value: 'QuotaExceeded', source: 'context' },
    ]);
    expect(plan.questions.map((q) => q.field)).toEqual(['started']);
  });

  it('classifies the ticket in the page when the server cannot be reached or answers nonsense, and the handoff goes on', async () => {
    const offline = serverBotProvider({ serverUrl: 'http://127.0.0.1:9', appId: 'demo' });
    expect(await offline.planHandoff!({ texts: ['I was charged twice on my invoice'], articles: [] }, page)).toMatchObject({ category: 'billing', priority: 'P2', questions: [{ field: 'started' }] });
    next = { status: 200, body: { category: 42 } };
    const confused = serverBotProvider({ serverUrl: url, appId: 'demo' });
    expect(await confused.planHandoff!({ texts: ['Production is down for all our users'], articles: [] }, page)).toMatchObject({ category: 'compute', priority: 'P1', tags: expect.arrayContaining(['urgent']) });
  });

  it('sends a question in an always-human category to a person, even when the server cannot be reached', async () => {
    next = { status: 200, body: { kind: 'answer', text: 'Each line is one resource.', article: { ...restart, id: 'billing-invoice' } } };
    const bot = serverBotProvider({ serverUrl: url, appId: 'demo', alwaysHuman: ['billing'] });
    expect(await bot.reply('Why is my invoice so high?', page)).toEqual({ kind: 'handoff', reason: 'category', category: 'billing' });
    expect(await bot.reply('How do I restart?', page)).toMatchObject({ kind: 'answer' });
    const offline = serverBotProvider({ serverUrl: 'http://127.0.0.1:9', appId: 'demo', alwaysHuman: ['billing'] });
    expect(await offline.reply('Why is my invoice so high?', page)).toEqual({ kind: 'handoff', reason: 'category', category: 'billing' });
    await expect(offline.reply('How do I restart?', page)).rejects.toThrow();
  });
});
