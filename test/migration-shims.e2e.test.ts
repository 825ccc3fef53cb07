import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, demoAgent, findTicket } from './helpers/agent.ts';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { identityJwt } from './helpers/identity.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const SECRET = 'demo-identity-secret-for-the-shims-e2e-0123456789';

/**
 * A console page written against Intercom: its settings, Intercom's install
 * snippet (the queue stub) and its own Intercom(...) calls, untouched. The only
 * change is the last two tags: Helpdock's loader and the Intercom shim,
 * instead of the script Intercom's snippet would fetch.
 */
const page = (helpdock: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme console</title></head>
<body>
  <h1>Acme console</h1>
  <button id="help" type="button">Help</button>
  <button id="report" type="button">Report a problem</button>
  <p>Unread support replies: <output id="unread">0</output></p>
  <script>
    window.intercomSettings = { api_base: 'https://api-iam.intercom.io', app_id: 'abc123xyz', name: 'Jane Doe', plan_name: 'pro', seats: 12 };
  </script>
  <script>
    (function(){var w=window;var ic=w.Intercom;if(typeof ic==="function"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;}})();
  </script>
  <script>
    document.getElementById('help').addEventListener('click', function () { Intercom('show'); });
    document.getElementById('report').addEventListener('click', function () { Intercom('showNewMessage', 'Deploy of billing-api failed with ERR-4012'); });
    Intercom('onUnreadCountChange', function (count) { document.getElementById('unread').textContent = String(count); });
  </script>
  <script async src="${helpdock}/widget/loader.js" data-app-id="demo"></script>
  <script async src="${helpdock}/widget/shims/intercom.js"></script>
</body>
</html>`;

/** The same idea for Crisp: its snippet's queue, pushed to before anything has loaded. */
const crispPage = (helpdock: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme billing</title></head>
<body>
  <h1>Acme billing</h1>
  <script>
    window.$crisp = []; window.CRISP_WEBSITE_ID = '00000000-aaaa-bbbb-cccc-000000000000';
    $crisp.push(['set', 'user:nickname', ['Jane Doe']]);
    $crisp.push(['on', 'chat:opened', function () { document.title = 'chat opened'; }]);
    $crisp.push(['do', 'message:send', ['text', 'Where is my November invoice?']]);
  </script>
  <script async src="${helpdock}/widget/loader.js" data-app-id="demo"></script>
  <script async src="${helpdock}/widget/shims/crisp.js"></script>
</body>
</html>`;

/**
 * A page written against Zendesk messaging: Zendesk's snippet is a plain,
 * synchronous `<script id="ze-snippet">` (no queue), and the inline calls after
 * it use `zE` at once. The snippet's src becomes the Zendesk shim; the loader is
 * added (async). The page signs its user in the Zendesk way, with a JWT its
 * backend hands out (here signed with the Helpdock app's identity secret).
 */
const zendeskPage = (helpdock: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme storage</title></head>
<body>
  <h1>Acme storage</h1>
  <button id="help" type="button">Help</button>
  <button id="done" type="button">Done</button>
  <button id="japanese" type="button">日本語</button>
  <p>Unread support replies: <output id="unread">0</output></p>
  <p>Support login: <output id="login">pending</output></p>
  <script async src="${helpdock}/widget/loader.js" data-app-id="demo"></script>
  <script id="ze-snippet" src="${helpdock}/widget/shims/zendesk.js"></script>
  <script>
    zE('messenger', 'loginUser', function (callback) {
      fetch('/zendesk/jwt').then(function (r) { return r.text(); }).then(callback);
    }, function (error) { document.getElementById('login').textContent = error ? 'failed: ' + error.type : 'ok'; });
    zE('messenger:on', 'unreadMessages', function (count) { document.getElementById('unread').textContent = String(count); });
    document.getElementById('help').addEventListener('click', function () { zE('messenger', 'open'); });
    document.getElementById('done').addEventListener('click', function () { zE('messenger', 'close'); });
    document.getElementById('japanese').addEventListener('click', function () { zE('messenger:set', 'locale', 'ja'); });
  </script>
</body>
</html>`;

describeBrowser('pages written against Intercom’s, Crisp’s and Zendesk’s snippets, on Helpdock’s loader and a shim', () => {
  let dir: string;
  let site: StaticServer;
  let server: DemoServer;
  let browser: Browser;
  let tab: Page;
  const warnings: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helpdock-intercom-page-'));
    let helpdockUrl = '';
    writeFileSync(join(dir, 'index.html'), '');
    site = await serveStatic(dir, {
      html: () => page(helpdockUrl),
      handle(req, res) {
        const pages: Record<string, () => [string, string]> = {
          '/crisp': () => ['text/html; charset=utf-8', crispPage(helpdockUrl)],
          '/zendesk': () => ['text/html; charset=utf-8', zendeskPage(helpdockUrl)],
          // The host's backend: the signed-in user's token, as Zendesk's loginUser callback fetches it.
          '/zendesk/jwt': () => ['text/plain; charset=utf-8', identityJwt(SECRET, 'jane-42')],
        };
        const found = pages[req.url ?? ''];
        if (!found) return false;
        const [type, body] = found();
        res.writeHead(200, { 'content-type': type });
        res.end(body);
        return true;
      },
    });
    server = await startDemoServer({ HELPDOCK_DEMO_ORIGINS: site.url, HELPDOCK_DEMO_IDENTITY_SECRET: SECRET });
    helpdockUrl = server.url;
    browser = await launchChromium();
    tab = await (await browser.newContext()).newPage();
    tab.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    await tab.goto(site.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const panel = () => tab.getByRole('dialog', { name: 'Support chat' });
  const intercom = (...args: unknown[]) => tab.evaluate((a) => (window as unknown as { Intercom: (...x: unknown[]) => void }).Intercom(...a), args);

  it('shows the launcher, opens on Intercom("show"), and carries intercomSettings as context', async () => {
    await tab.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
    await tab.getByRole('button', { name: 'Help', exact: true }).click();
    await panel().waitFor();
    const context = await tab.evaluate(() => new Promise<Record<string, unknown>>((r) => (window as unknown as { Helpdock: (...a: unknown[]) => void }).Helpdock('getContext', r)));
    expect(context).toMatchObject({ custom: { name: 'Jane Doe', plan_name: 'pro', seats: 12 } });
    await intercom('hide');
    await panel().waitFor({ state: 'detached' });
  });

  it('prefills with showNewMessage, and onUnreadCountChange fires when an agent replies', async () => {
    await tab.getByRole('button', { name: 'Report a problem' }).click();
    expect(await tab.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('Deploy of billing-api failed with ERR-4012');
    await tab.getByRole('button', { name: 'Send' }).click();
    await tab.getByRole('button', { name: 'Talk to a human' }).click();
    await tab.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    await intercom('hide');
    await panel().waitFor({ state: 'detached' });

    const agent = await demoAgent(server.url);
    try {
      const ticket = await findTicket(agent.socket, 'billing-api failed');
      await ask(agent.socket, 'ticket:claim', { ticketId: ticket.id });
      await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: 'shim-reply', text: 'Rolling back billing-api now' });
      await expect.poll(() => tab.locator('#unread').innerText(), { timeout: 10_000 }).toBe('1');
    } finally {
      agent.socket.close();
    }
    // Opening the chat reads the reply: Intercom's callback hears 0.
    await intercom('show');
    await panel().getByText('Rolling back billing-api now').waitFor();
    await expect.poll(() => tab.locator('#unread').innerText()).toBe('0');
    expect(warnings.filter((w) => w.includes('[helpdock]'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('warns once about what it does not cover, and never throws into the page', async () => {
    const thrown = await tab.evaluate(() => {
      try {
        const w = window as unknown as { Intercom: (...x: unknown[]) => void };
        w.Intercom('startTour', 123);
        w.Intercom('startTour', 123);
        return null;
      } catch (err) {
        return String(err);
      }
    });
    expect(thrown).toBeNull();
    expect(warnings.filter((w) => w.includes('startTour'))).toEqual([
      "[helpdock] Intercom shim: Intercom('startTour') is not covered and was ignored (see docs/migration.md)",
    ]);
  });

  it('runs a Crisp page’s queued $crisp.push commands through shims/crisp.js', async () => {
    const crisp = await (await browser.newContext()).newPage();
    crisp.on('pageerror', (e) => pageErrors.push(e.message));
    await crisp.goto(`${site.url}/crisp`);
    const chat = crisp.getByRole('dialog', { name: 'Support chat' });
    await chat.waitFor({ timeout: 15_000 });
    expect(await crisp.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('Where is my November invoice?');
    await expect.poll(() => crisp.title()).toBe('chat opened');
    const context = await crisp.evaluate(() => new Promise<Record<string, unknown>>((r) => (window as unknown as { Helpdock: (...a: unknown[]) => void }).Helpdock('getContext', r)));
    expect(context).toMatchObject({ custom: { name: 'Jane Doe' } });
    await crisp.evaluate(() => (window as unknown as { $crisp: { push(c: unknown): void } }).$crisp.push(['do', 'chat:close']));
    await chat.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
  describe('a Zendesk messaging page on shims/zendesk.js', () => {
    let zd: Page;
    const zdWarnings: string[] = [];
    const sessionUsers: string[] = [];
    const zdPanel = () => zd.getByRole('dialog', { name: 'Support chat' });
    const zE = (...args: unknown[]) => zd.evaluate((a) => (window as unknown as { zE: (...x: unknown[]) => void }).zE(...a), args);

    beforeAll(async () => {
      zd = await (await browser.newContext()).newPage();
      zd.on('console', (m) => m.type() === 'warning' && zdWarnings.push(m.text()));
      zd.on('pageerror', (e) => pageErrors.push(e.message));
      zd.on('response', async (res) => {
        if (!res.url().endsWith('/api/v1/visitor/session') || res.request().method() !== 'POST') return;
        const body = (await res.json().catch(() => null)) as { userId?: string } | null;
        sessionUsers.push(body?.userId ?? '(anonymous)');
      });
      await zd.goto(`${site.url}/zendesk`);
    });

    it('takes the token from loginUser, and opens and closes on zE("messenger", …)', async () => {
      await zd.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
      await expect.poll(() => zd.locator('#login').innerText(), { timeout: 10_000 }).toBe('ok');
      await zd.getByRole('button', { name: 'Help', exact: true }).click();
      await zdPanel().waitFor();
      await zd.getByRole('button', { name: 'Done', exact: true }).click();
      await zdPanel().waitFor({ state: 'detached' });
    });

    it('talks to an agent as the user loginUser signed in, and hears unreadMessages when the agent replies', async () => {
      await zE('messenger', 'open');
      await zd.getByRole('textbox', { name: 'Message' }).fill('Bucket acme-logs returns 403 since this morning');
      await zd.getByRole('button', { name: 'Send' }).click();
      await zd.getByRole('button', { name: 'Talk to a human' }).click();
      await zd.getByRole('button', { name: 'Send to an agent' }).click();
      await expect.poll(() => zdPanel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
      // The chat's session is the verified user loginUser's JWT names, never an anonymous visitor.
      expect(sessionUsers.length).toBeGreaterThan(0);
      expect(new Set(sessionUsers)).toEqual(new Set(['jane-42']));
      await zE('messenger', 'close');
      await zdPanel().waitFor({ state: 'detached' });

      const agent = await demoAgent(server.url);
      try {
        const ticket = await findTicket(agent.socket, 'acme-logs returns 403');
        await ask(agent.socket, 'ticket:claim', { ticketId: ticket.id });
        await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: 'zendesk-reply', text: 'The bucket policy is fixed, try again' });
        await expect.poll(() => zd.locator('#unread').innerText(), { timeout: 10_000 }).toBe('1');
      } finally {
        agent.socket.close();
      }
      await zE('messenger', 'open');
      await zdPanel().getByText('The bucket policy is fixed, try again').waitFor();
      await expect.poll(() => zd.locator('#unread').innerText()).toBe('0');
      await zE('messenger', 'close');
      await zdPanel().waitFor({ state: 'detached' });
    });

    it('switches the widget to Japanese on zE("messenger:set", "locale", "ja")', async () => {
      await zd.getByRole('button', { name: '日本語' }).click();
      await zd.getByRole('button', { name: 'サポートチャットを開く' }).click();
      await zd.getByRole('dialog', { name: 'サポートチャット' }).waitFor();
      await expect.poll(() => zd.getByRole('textbox', { name: 'メッセージ' }).count()).toBe(1);
      await zE('messenger', 'close');
      await zd.getByRole('dialog', { name: 'サポートチャット' }).waitFor({ state: 'detached' });
      expect(zdWarnings.filter((w) => w.includes('[helpdock]'))).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('warns once about a call it does not cover, and never throws into the page', async () => {
      const thrown = await zd.evaluate(() => {
        try {
          const w = window as unknown as { zE: (...x: unknown[]) => void };
          w.zE('messenger:get', 'conversationFields', () => undefined);
          w.zE('messenger:get', 'conversationFields', () => undefined);
          return null;
        } catch (err) {
          return String(err);
        }
      });
      expect(thrown).toBeNull();
      expect(zdWarnings.filter((w) => w.includes('[helpdock]'))).toEqual([
        "[helpdock] Zendesk shim: zE('messenger:get', 'conversationFields') is not covered and was ignored (see docs/migration.md)",
      ]);
      expect(pageErrors).toEqual([]);
    });
  });
});
