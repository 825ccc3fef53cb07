import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KbBundle, KbSearchResponse } from '@helpdock/kb';
import { HTTP, type ContextSnapshot, type Incident, type Ticket } from '@helpdock/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentLogin, ask, connectVisitor, disconnectAll, postJson, transcriptLine, visitorSession } from './support/clients.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let consoleDir: string;
let origin: string;
let agentToken: string;

beforeAll(async () => {
  consoleDir = await mkdtemp(join(tmpdir(), 'helpdock-console-'));
  await writeFile(join(consoleDir, 'index.html'), '<p>console</p>');
  server = await startTestServer({ demo: true, consolePort: 0, consoleDir, apps: [] });
  origin = server.consoleUrl as string;
  agentToken = (await agentLogin(server.url, 'demo', 'ana@demo.helpdock.dev', 'helpdock-demo')).token;
}, 60_000);
afterAll(async () => {
  disconnectAll();
  await server?.dispose();
  await rm(consoleDir, { recursive: true, force: true });
});

const get = async <T>(path: string, headers: Record<string, string> = { origin }) => {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as T };
};
const asAgent = { authorization: `Bearer ${'x'}` };

describe('knowledge base for the context', () => {
  it('ships each article’s pages and error codes in the bundle', async () => {
    const { body } = await get<KbBundle>(`${HTTP.kb('demo')}?locale=en`);
    const quota = body.articles.find((a) => a.id === 'account-quota-exceeded');
    expect(quota).toMatchObject({ errorCodes: ['QuotaExceeded'], pages: ['/account/quotas'] });
  });

  it('searches the whole KB with a query, and ranks by context without one', async () => {
    const q = await get<KbSearchResponse>(`${HTTP.kbSearch('demo')}?locale=en&q=purge+cdn+cache`);
    expect(q.body.articles[0]?.id).toBe('cdn-purge-cache');
    const ctx = await get<KbSearchResponse>(
      `${HTTP.kbSearch('demo')}?locale=en&url=${encodeURIComponent('https://c.example/ecs/cn-hangzhou/instances/i-1')}&product=ecs&region=cn-hangzhou&errorCode=QuotaExceeded`,
    );
    expect(ctx.body.articles[0]?.id).toBe('account-quota-exceeded');
    expect(ctx.body.articles.slice(1).every((a) => a.products.includes('ecs'))).toBe(true);
  });

  it('returns articles by id, in the order asked, skipping unknown ones', async () => {
    const res = await get<KbSearchResponse>(`${HTTP.kbSearch('demo')}?locale=en&id=cdn-purge-cache&id=nope&id=ecs-restart-instance`);
    expect(res.body.articles.map((a) => a.id)).toEqual(['cdn-purge-cache', 'ecs-restart-instance']);
  });

  it('refuses a search from a page the app does not allow', async () => {
    const res = await get<{ error: { code: string } }>(`${HTTP.kbSearch('demo')}?q=cdn`, { origin: 'https://evil.test' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
  });

  it('records "Was this helpful?" and ranks helpful articles as popular', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await postJson(`${server.url}${HTTP.kbFeedback('demo')}`, { articleId: 'vpc-subnet-basics', locale: 'en', helpful: true }, { origin });
      expect(res.status).toBe(200);
    }
    expect((await postJson(`${server.url}${HTTP.kbFeedback('demo')}`, { articleId: 'no-such-article', locale: 'en', helpful: true }, { origin })).status).toBe(404);
    expect((await postJson(`${server.url}${HTTP.kbFeedback('demo')}`, { articleId: 'vpc-subnet-basics', helpful: 'yes' }, { origin })).status).toBe(400);
    const { body } = await get<KbBundle>(`${HTTP.kb('demo')}?locale=en`);
    expect(body.popular).toEqual(['vpc-subnet-basics']);
    const blank = await get<KbSearchResponse>(`${HTTP.kbSearch('demo')}?locale=en&url=about:blank`);
    expect(blank.body.articles.map((a) => a.id)).toEqual(['vpc-subnet-basics']);
  });
});

describe('the FAQ bot on the server', () => {
  const bot = (body: unknown, headers: Record<string, string> = { origin }) => postJson(`${server.url}${HTTP.bot('demo')}`, body, headers);
  const page = { url: 'https://console.example/ecs/instances/i-1', product: 'ecs' };

  it('answers with the matching article, its first paragraph as text and its related articles as follow-ups', async () => {
    const res = await bot({ text: 'How do I restart my instance?', locale: 'en', context: page });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ kind: 'answer', article: { id: 'ecs-restart-instance', locale: 'en' }, text: expect.stringMatching(/^Restarting \(rebooting\)/) });
    expect(res.body.quickReplies.map((q: { articleId: string }) => q.articleId)).toEqual(['ecs-instance-stuck-stopping', 'ecs-ssh-connection-refused']);
    expect(res.body).not.toHaveProperty('fallbackLocale');
  });

  it('answers in the visitor’s language, and says so when English has to stand in', async () => {
    const ja = await bot({ text: 'サーバーを再起動したい', locale: 'ja', context: page });
    expect(ja.body).toMatchObject({ kind: 'answer', article: { id: 'ecs-restart-instance', locale: 'ja' } });
    const fr = await bot({ text: 'restart instance', locale: 'fr', context: page });
    expect(fr.body).toMatchObject({ kind: 'answer', article: { locale: 'en' }, fallbackLocale: 'en' });
  });

  it('answers a picked follow-up with that article, hands off when asked for a person, and says when it does not know', async () => {
    const picked = await bot({ text: 'whatever the button said', locale: 'ja', context: page, articleId: 'ecs-ssh-connection-refused' });
    expect(picked.body).toMatchObject({ kind: 'answer', article: { id: 'ecs-ssh-connection-refused', locale: 'ja' } });
    expect((await bot({ text: '转人工', locale: 'zh-CN', context: page })).body).toEqual({ kind: 'handoff', reason: 'asked' });
    expect((await bot({ text: 'what is the airspeed velocity of an unladen swallow', locale: 'en', context: page })).body).toEqual({ kind: 'unknown' });
  });

  it('refuses a bad question with the field that is wrong, and a page the app does not allow', async () => {
    const empty = await bot({ text: '   ', locale: 'en', context: page });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'invalid_event', issues: [expect.objectContaining({ path: 'text' })] });
    const noContext = await bot({ text: 'restart', locale: 'en' });
    expect(noContext.body.error.issues[0].path).toBe('context');
    expect((await bot({ text: 'x'.repeat(5000), locale: 'en', context: page })).status).toBe(400);
    expect((await bot({ text: 'restart', locale: 'en', context: page, articleId: '../etc' })).body.error.issues[0].path).toBe('articleId');
    const foreign = await bot({ text: 'restart', locale: 'en', context: page }, { origin: 'https://evil.test' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('origin_not_allowed');
    expect((await postJson(`${server.url}${HTTP.bot('nope')}`, { text: 'restart', locale: 'en', context: page }, { origin })).status).toBe(404);
  });
});

describe('the ticket plan on the server', () => {
  const plan = (body: unknown, headers: Record<string, string> = { origin }) => postJson(`${server.url}${HTTP.botPlan('demo')}`, body, headers);

  it('classifies from the words first, then the articles the bot answered with, then the page', async () => {
    const words = await plan({ texts: ['How do I download my invoice?'], locale: 'en', context: { product: 'ecs', plan: 'free' } });
    expect(words.status).toBe(200);
    expect(words.headers.get('cache-control')).toBe('no-store');
    // "How do I" on a free plan: the lowest priority.
    expect(words.body).toEqual({ category: 'billing', tags: ['ecs'], priority: 'P3' });
    // No telling words: the answered article's product (read from the KB, an unknown id ignored) says compute.
    const answered = await plan({ texts: ['it still does not work'], articleIds: ['ecs-restart-instance', 'no-such-article'], locale: 'en', context: {} });
    expect(answered.body).toEqual({ category: 'compute', tags: ['ecs', 'ecs-restart-instance'], priority: 'P2' });
    // An outage on an enterprise plan: P0, tagged urgent, with the page's error codes.
    const outage = await plan({ texts: ['Production is down for all our users'], locale: 'en', context: { product: 'ecs', errorCodes: ['HTTP 503'], plan: 'enterprise' } });
    expect(outage.body).toEqual({ category: 'compute', tags: ['ecs', 'HTTP 503', 'urgent'], priority: 'P0' });
  });

  it('refuses a bad plan request with the field that is wrong, and a page the app does not allow', async () => {
    expect((await plan({ texts: 'restart', locale: 'en', context: {} })).body.error.issues[0].path).toBe('texts');
    expect((await plan({ texts: Array.from({ length: 51 }, () => 'restart'), locale: 'en', context: {} })).status).toBe(400);
    expect((await plan({ texts: ['restart'], articleIds: ['../etc'], locale: 'en', context: {} })).body.error.issues[0].path).toMatch(/^articleIds/);
    expect((await plan({ texts: ['restart'], locale: 'en' })).body.error.issues[0].path).toBe('context');
    const foreign = await plan({ texts: ['restart'], locale: 'en', context: {} }, { origin: 'https://evil.test' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('origin_not_allowed');
  });
});

describe('service status', () => {
  it('only lets a signed-in agent post incidents', async () => {
    const anonymous = await postJson(`${server.url}${HTTP.incidents}`, { product: 'ecs', title: 'x' });
    expect(anonymous.status).toBe(401);
    const forged = await postJson(`${server.url}${HTTP.incidents}`, { product: 'ecs', title: 'x' }, asAgent);
    expect(forged.status).toBe(401);
  });

  it('shows an active incident to pages in its product and region, until resolved', async () => {
    const auth = { authorization: `Bearer ${agentToken}` };
    const posted = await postJson(`${server.url}${HTTP.incidents}`, { product: 'ECS', region: 'cn-hangzhou', title: 'Instances slow to start', message: 'We are on it.' }, auth);
    expect(posted.status).toBe(201);
    const incident = posted.body.incident as Incident;
    expect(incident).toMatchObject({ product: 'ecs', region: 'cn-hangzhou', status: 'active', severity: 'major' });
    expect((await postJson(`${server.url}${HTTP.incidents}`, { product: 'ecs', title: '' }, auth)).status).toBe(400);

    const here = await get<{ incidents: Incident[] }>(`${HTTP.status('demo')}?product=ecs&region=cn-hangzhou`);
    expect(here.body.incidents.map((i) => i.id)).toEqual([incident.id]);
    expect((await get<{ incidents: Incident[] }>(`${HTTP.status('demo')}?product=ecs&region=eu-west-1`)).body.incidents).toEqual([]);
    expect((await get<{ incidents: Incident[] }>(`${HTTP.status('demo')}?product=oss`)).body.incidents).toEqual([]);

    const resolved = await postJson(`${server.url}${HTTP.resolveIncident(incident.id)}`, {}, auth);
    expect(resolved.body.incident.status).toBe('resolved');
    expect((await get<{ incidents: Incident[] }>(`${HTTP.status('demo')}?product=ecs`)).body.incidents).toEqual([]);
  });
});

describe('context into the ticket', () => {
  it('keeps the whole snapshot the page sent at handoff', async () => {
    const session = await visitorSession(server.url, 'demo', origin);
    const socket = await connectVisitor(server.url, 'demo', session.token, origin);
    const context: ContextSnapshot = {
      url: 'https://c.example/ecs/cn-hangzhou/instances/i-1',
      product: 'ecs',
      page: 'instance-detail',
      region: 'cn-hangzhou',
      resources: [{ type: 'instance', id: 'i-1' }],
      errorCodes: ['QuotaExceeded'],
      failures: [{ kind: 'request', method: 'POST', url: 'https://api.example/restart', status: 403, at: new Date().toISOString() }],
      browser: 'Chrome 126 · Linux',
      plan: 'enterprise',
      custom: { sla: 'gold' },
      diagnostics: { ok: false, summary: '1 check failed', checks: [{ name: 'quota', ok: false, detail: '64/64 vCPU' }], ranAt: new Date().toISOString() },
    };
    const ack = await ask<{ ok: true; ticket: Ticket }>(socket, 'handoff', { clientId: 'ctx-1', transcript: [transcriptLine('visitor', 'help')], context });
    expect(ack.ok).toBe(true);
    expect(ack.ticket.context).toEqual(context);
  });
});
