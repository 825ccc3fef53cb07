import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP } from '@helpdock/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './support/clients.ts';
import { ACME_ORIGIN, ANA, startTestServer, type TestServer } from './support/server.ts';

type ErrorBody = { error: { code: string } };

let server: TestServer;
let assets: string;

beforeAll(async () => {
  assets = await mkdtemp(join(tmpdir(), 'helpdock-assets-'));
  await mkdir(join(assets, 'widget', 'assets'), { recursive: true });
  await writeFile(join(assets, 'widget', 'loader.js'), 'console.log("loader")');
  await writeFile(join(assets, 'widget', 'assets', 'chat-abc123.js'), 'export {}');
  await mkdir(join(assets, 'agent'), { recursive: true });
  await writeFile(join(assets, 'agent', 'index.html'), '<!doctype html><title>Agent console</title>');
  await writeFile(join(assets, 'secret.txt'), 'outside the served folder');
  server = await startTestServer({
    widgetDir: join(assets, 'widget'),
    agentConsoleDir: join(assets, 'agent'),
  });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
  await rm(assets, { recursive: true, force: true });
});

describe('HTTP API', () => {
  it('answers the health check', async () => {
    const res = await fetch(`${server.url}${HTTP.health}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'pglite', version: expect.any(String) });
  });

  it('gives a visitor a session, and the same visitor back for its old token', async () => {
    const first = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'acme' }, { origin: ACME_ORIGIN });
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe(ACME_ORIGIN);
    const again = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'acme', token: first.body.token }, { origin: ACME_ORIGIN });
    expect(again.body.visitorId).toBe(first.body.visitorId);
    const forged = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'acme', token: `${first.body.token}x` }, { origin: ACME_ORIGIN });
    expect(forged.body.visitorId).not.toBe(first.body.visitorId);
  });

  it('says unknown_app for an app that does not exist', async () => {
    const res = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'no-such-app' }, { origin: ACME_ORIGIN });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_app');
  });

  it('refuses a page on an origin the app does not allow, and lets that page read why', async () => {
    const res = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'acme' }, { origin: 'https://evil.test' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
    expect(res.body).not.toHaveProperty('token');
    // Readable by the refused page, so the widget can tell its developer what to fix.
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.test');
    const preflight = await fetch(`${server.url}${HTTP.visitorSession}`, { method: 'OPTIONS', headers: { origin: 'https://evil.test' } });
    expect(preflight.status).toBe(204);
    const kb = await fetch(`${server.url}${HTTP.kb('acme')}?locale=en`, { headers: { origin: 'https://evil.test' } });
    expect(kb.status).toBe(403);
    expect(((await kb.json()) as ErrorBody).error.code).toBe('origin_not_allowed');
  });

  it('explains which field of a bad body is wrong', async () => {
    const res = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'Not Valid!' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_event', issues: [expect.objectContaining({ path: 'appId' })] });
    const notJson = await fetch(`${server.url}${HTTP.agentLogin}`, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.code).toBe('invalid_event');
  });

  it('refuses a body over 64 KB', async () => {
    const res = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'acme', email: ANA.email, password: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
  });

  it('logs an agent in with the right password and refuses a wrong one', async () => {
    const ok = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'acme', email: ANA.email, password: ANA.password });
    expect(ok.status).toBe(200);
    expect(ok.body.agent).toMatchObject({ name: 'Ana Silva', email: ANA.email, appId: 'acme' });
    expect(ok.body.agent).not.toHaveProperty('passwordHash');
    const wrong = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'acme', email: ANA.email, password: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
    const stranger = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'acme', email: 'nobody@acme.test', password: 'guess' });
    expect(stranger.status).toBe(401);
    const otherApp = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'globex', email: ANA.email, password: ANA.password });
    expect(otherApp.status).toBe(401);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_found');
  });
});

describe('static files', () => {
  it('sends / to the agent console', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/agent/');
  });

  it('serves the agent console with a fallback to index.html for its routes', async () => {
    for (const path of ['/agent/', '/agent/tickets/42']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('Agent console');
    }
    expect((await fetch(`${server.url}/agent/missing.js`)).status).toBe(404);
  });

  it('serves the widget to any origin, entry files briefly cached and hashed chunks forever', async () => {
    const loader = await fetch(`${server.url}/widget/loader.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toMatch(/javascript/);
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    const chunk = await fetch(`${server.url}/widget/assets/chat-abc123.js`);
    expect(chunk.headers.get('cache-control')).toContain('immutable');
  });

  it('sends scripts compressed (brotli, else gzip) to browsers that accept it, the same bytes once decoded', async () => {
    const source = `export const strings = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `launcher label ${i}`))};\n`;
    await writeFile(join(assets, 'widget', 'assets', 'big-def456.js'), source);
    const url = `${server.url}/widget/assets/big-def456.js`;
    // fetch() would decode on its own: read the raw bytes over http instead.
    const raw = (encoding: string) =>
      new Promise<{ headers: import('node:http').IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(source);
    expect(br.body.length).toBeLessThan(source.length / 3);
    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(source);
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(source);
  });

  it('never serves a file outside the built folder', async () => {
    for (const path of ['/widget/../secret.txt', '/widget/%2e%2e/secret.txt', '/widget/..%2fsecret.txt', '/widget/%00']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('outside the served folder');
    }
  });

  it('says to run the build when a package is not built', async () => {
    const bare = await startTestServer({ widgetDir: join(assets, 'nope'), agentConsoleDir: join(assets, 'nope') });
    try {
      const res = await fetch(`${bare.url}/agent/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/not built yet.*pnpm build/);
      expect(await (await fetch(`${bare.url}/widget/loader.js`)).text()).toMatch(/not built yet/);
    } finally {
      await bare.dispose();
    }
  }, 60_000);
});
