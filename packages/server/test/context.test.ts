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
