// @vitest-environment node
/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotProvider } from '@helpdock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteBotProvider } from '../src/index.ts';

const context = { url: 'https://console.example.com/cdn', locale: 'ja' };
const local: BotProvider = {
  reply: async () => ({ kind: 'unknown' }),
  planHandoff: async () => ({ category: 'network', tags: [], priority: 'P2', questions: [], known: [] }),
};

describe('a remote bot over HTTP, with the local bot behind it', () => {
  let url = '';
  let respond: (body: Record<string, unknown>, res: ServerResponse) => void = () => undefined;
  const received: Array<Record<string, unknown>> = [];
  const http = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ ...body, method: req.method, type: req.headers['content-type'], key: req.headers['x-api-key'] });
      respond(body, res);
    });
  });
  const json = (res: ServerResponse, value: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

  beforeAll(async () => {
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/bot`;
  });
  afterAll(() => new Promise<void>((r) => http.close(() => r())));

  const fallbacks: string[] = [];
  const bot = (timeoutMs = 500) => remoteBotProvider({ url, fallback: local, timeoutMs, headers: { 'x-api-key': 'k1' }, onFallback: (r) => fallbacks.push(r) });

  it('posts the question, locale, context and history, and shows the answer', async () => {
    respond = (_b, res) => json(res, { kind: 'answer', title: 'Purge the cache', text: 'Use Refresh → Purge.', articleId: 'cdn-purge', quickReplies: ['How long does it take?', 'human'] });
    const reply = await bot().reply('キャッシュを消したい', context, [{ author: 'visitor', text: 'hello' }]);
    expect(received.at(-1)).toEqual({
      method: 'POST',
      type: 'application/json',
      key: 'k1',
      text: 'キャッシュを消したい',
      locale: 'ja',
      context,
      history: [{ author: 'visitor', text: 'hello' }],
    });
    expect(reply).toMatchObject({
      kind: 'answer',
      text: 'Use Refresh → Purge.',
      article: { id: 'cdn-purge', title: 'Purge the cache', locale: 'ja' },
      quickReplies: [{ kind: 'ask', text: 'How long does it take?' }, { kind: 'human' }],
    });
  });

  it('reads suggestions, "don\'t know" and handoff answers', async () => {
    respond = (_b, res) => json(res, { kind: 'suggestions', articles: [{ id: 'a1', title: 'One' }, { title: 'Two', body: 'Body' }, { nope: 1 }] });
    expect(await bot().reply('q', context)).toMatchObject({ kind: 'suggestions', articles: [{ id: 'a1', title: 'One' }, { id: 'remote-2', title: 'Two', body: 'Body' }] });
    respond = (_b, res) => json(res, { kind: 'unknown' });
    expect(await bot().reply('q', context)).toEqual({ kind: 'unknown' });
    respond = (_b, res) => json(res, { kind: 'handoff', reason: 'category', category: 'billing' });
    expect(await bot().reply('q', context)).toEqual({ kind: 'handoff', reason: 'category', category: 'billing' });
  });

  it('falls back to the local bot on an error status, a wrong shape, bad JSON or a timeout', async () => {
    fallbacks.length = 0;
    respond = (_b, res) => json(res, { error: 'x' }, 500);
    expect(await bot().reply('q', context)).toEqual({ kind: 'unknown' });
    respond = (_b, res) => json(res, { kind: 'answer' });
    expect(await bot().reply('q', context)).toEqual({ kind: 'unknown' });
    respond = (_b, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{not json');
    expect(await bot().reply('q', context)).toEqual({ kind: 'unknown' });
    respond = (_b, res) => setTimeout(() => json(res, { kind: 'unknown', quickReplies: ['late'] }), 400);
    expect(await bot(100).reply('q', context)).toEqual({ kind: 'unknown' });
    expect(fallbacks).toEqual(['HTTP 500', 'an answer that is not a documented shape', expect.stringMatching(/^network error|shape/), 'no answer within 100 ms']);
  });

  it('falls back when the endpoint is down, and keeps classification local', async () => {
    const down = remoteBotProvider({ url: 'http://127.0.0.1:9/bot', fallback: local, timeoutMs: 500 });
    expect(await down.reply('q', context)).toEqual({ kind: 'unknown' });
    expect(await down.planHandoff?.({ texts: [], articles: [] }, context)).toMatchObject({ category: 'network' });
  });
});
