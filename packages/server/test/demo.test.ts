import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KbBundle } from '@helpdock/kb';
import { HTTP } from '@helpdock/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './support/clients.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let consoleDir: string;

beforeAll(async () => {
  consoleDir = await mkdtemp(join(tmpdir(), 'helpdock-console-'));
  await writeFile(join(consoleDir, 'index.html'), '<script async src="%HELPDOCK_URL%/widget/loader.js" data-app-id="demo"></script>');
  await writeFile(join(consoleDir, 'instance.html'), '<p>instance %HELPDOCK_URL%</p>');
  server = await startTestServer({ demo: true, consolePort: 0, consoleDir, apps: [] });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
  await rm(consoleDir, { recursive: true, force: true });
});

describe('demo mode', () => {
  it('serves the example console with the server URL filled in', async () => {
    expect(server.consoleUrl).toBeDefined();
    const html = await (await fetch(`${server.consoleUrl}/`)).text();
    expect(html).toContain(`src="${server.url}/widget/loader.js"`);
    expect(await (await fetch(`${server.consoleUrl}/instance`)).text()).toBe(`<p>instance ${server.url}</p>`);
  });

  it('lets the example console origin open a visitor session', async () => {
    const origin = server.consoleUrl as string;
    const res = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'demo' }, { origin });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('lets both demo agents log in', async () => {
    for (const [email, name] of [
      ['ana@demo.helpdock.dev', 'Ana Silva'],
      ['li@demo.helpdock.dev', 'Li Wei'],
    ]) {
      const res = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'demo', email, password: 'helpdock-demo' });
      expect(res.status).toBe(200);
      expect(res.body.agent.name).toBe(name);
    }
  });

  it('serves the demo knowledge base per locale, falling back to English', async () => {
    const get = async (locale: string) => (await (await fetch(`${server.url}${HTTP.kb('demo')}?locale=${locale}`)).json()) as KbBundle;
    const en = await get('en');
    expect(en).toMatchObject({ version: 1, locale: 'en' });
    expect(en.articles.length).toBeGreaterThan(0);
    expect(en.articles[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), title: expect.any(String), body: expect.any(String), tags: expect.any(Array), products: expect.any(Array) }),
    );
    expect((await get('fr')).locale).toBe('en');
    expect((await get('en-GB')).locale).toBe('en');
    const zh = await get('zh-CN');
    expect(zh.locale).toBe('zh-CN');
    expect((await get('zh')).locale).toBe('zh-CN');
    expect((await fetch(`${server.url}${HTTP.kb('nope')}`)).status).toBe(404);
    expect((await fetch(`${server.url}${HTTP.kb('demo')}?locale=<script>`)).status).toBe(400);
  });

  it('seeds again on restart without duplicating anything', async () => {
    await server.close();
    server = await startTestServer({ demo: true, consolePort: 0, consoleDir, apps: [], dataDir: server.dataDir });
    const res = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'demo', email: 'ana@demo.helpdock.dev', password: 'helpdock-demo' });
    expect(res.status).toBe(200);
    const en = (await (await fetch(`${server.url}${HTTP.kb('demo')}?locale=en`)).json()) as KbBundle;
    expect(new Set(en.articles.map((a) => a.id)).size).toBe(en.articles.length);
  }, 60_000);
});
