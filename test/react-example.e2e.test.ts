import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginHandler } from '../examples/react/server/login.ts';
import { ask, demoAgent, findTicket } from './helpers/agent.ts';
import { launchChromium, pageListeners } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';
import { serveStatic, withServer, type StaticServer } from './helpers/static-server.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLE = join(ROOT, 'examples/react');
const SECRET = 'react-example-identity-secret-0123456789abcdef';

type Watch = { mounts: number; most: number };

describeBrowser('the React example (examples/react): useEffect, StrictMode, sign-in and sign-out', () => {
  let devBuild: string;
  let site: StaticServer;
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let helpdockUrl = '';
  const sockets: WebSocket[] = [];
  const pageErrors: string[] = [];
  const sessions: unknown[] = [];

  beforeAll(async () => {
    // StrictMode mounts effects twice only in React's development build: build the example that way, as `pnpm dev` runs it.
    devBuild = mkdtempSync(join(tmpdir(), 'helpdock-react-example-'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', devBuild, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: EXAMPLE,
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: 'pipe',
    });
    // The example's own backend (POST /api/login) signs users in and hands out their Helpdock tokens.
    site = await serveStatic(devBuild, { html: (html) => withServer(helpdockUrl)(html), handle: loginHandler(SECRET) });
    server = await startDemoServer({ HELPDOCK_DEMO_ORIGINS: site.url, HELPDOCK_DEMO_IDENTITY_SECRET: SECRET });
    helpdockUrl = server.url;
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    cdp = await page.context().newCDPSession(page);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('websocket', (ws) => sockets.push(ws));
    page.on('response', async (res) => {
      if (res.url().endsWith('/api/v1/visitor/session') && res.request().method() === 'POST') sessions.push(await res.json().catch(() => null));
    });
    // Every widget root that ever enters the page, and the most there ever were at once.
    await page.addInitScript(() => {
      const watch: Watch = { mounts: 0, most: 0 };
      (window as unknown as { watch: Watch }).watch = watch;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.id === 'helpdock-root') watch.mounts++;
        watch.most = Math.max(watch.most, document.querySelectorAll('#helpdock-root').length);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.url);
    await page.getByRole('heading', { name: 'Sign in to Orbit' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await site?.close();
    if (devBuild) rmSync(devBuild, { recursive: true, force: true });
  });

  const panel = () => page.getByRole('dialog', { name: 'Support chat' });
  const roots = () => page.evaluate(() => document.querySelectorAll('#helpdock-root').length);
  const launchers = () => page.evaluate(() => document.getElementById('helpdock-root')?.shadowRoot?.querySelectorAll('.hd-launcher').length ?? 0);
  const watch = () => page.evaluate(() => (window as unknown as { watch: Watch }).watch);
  const signIn = async (name: string) => {
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: name });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${name}`).waitFor();
  };

  let baseline: string[] = [];
  let bodyNodes = 0;

  it('comes out of StrictMode’s double mount with exactly one launcher, for the signed-in user', async () => {
    baseline = await pageListeners(cdp);
    bodyNodes = await page.evaluate(() => document.body.querySelectorAll('*').length);
    await signIn('Alice Moreau');
    await page.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
    // Let any second instance that was going to show up do so.
    await page.waitForTimeout(1000);
    expect(await roots()).toBe(1);
    expect(await launchers()).toBe(1);
    const seen = await watch();
    // StrictMode did mount twice (this is React's development build), yet two widgets never stood on the page together.
    expect(seen.mounts).toBeGreaterThan(1);
    expect(seen.most).toBe(1);
    await page.getByRole('button', { name: 'Contact support' }).click();
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('I need help with a deployment: ');
    expect(sockets).toEqual([]);
  });

  it('signing out removes the widget, its socket, its nodes and its listeners', async () => {
    await page.getByRole('textbox', { name: 'Message' }).fill('Alice: the deploy of billing-api hangs at 80%');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    await expect.poll(() => sockets.length, { timeout: 10_000 }).toBe(1);
    // The server verified the token from the example's login: the conversation is Alice's.
    expect(sessions).toEqual([expect.objectContaining({ userId: 'alice' })]);
    const agent = await demoAgent(server.url);
    try {
      const ticket = await findTicket(agent.socket, 'billing-api hangs');
      await ask(agent.socket, 'ticket:claim', { ticketId: ticket.id });
      await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: 'to-alice', text: 'Alice, restarting the deploy runner now' });
      await panel().getByText('Alice, restarting the deploy runner now').waitFor({ timeout: 10_000 });
    } finally {
      agent.socket.close();
    }
    expect(sockets).toHaveLength(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Orbit' }).waitFor();
    await expect.poll(roots).toBe(0);
    await expect.poll(() => sockets[0]!.isClosed(), { timeout: 5000 }).toBe(true);
    expect(await page.evaluate(() => document.body.querySelectorAll('*').length)).toBe(bodyNodes);
    // As in the script-tag test: engine.io-client adds 'offline' and 'pagehide' once, when its module first runs, and keeps them.
    const MODULE_LEVEL = ['window:offline', 'window:pagehide'];
    expect((await pageListeners(cdp)).filter((l) => !MODULE_LEVEL.includes(l))).toEqual(baseline);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('alice')))).toEqual([]);
  });

  it('signing in as someone else starts a fresh conversation', async () => {
    await signIn('Bob Tanaka');
    await page.getByRole('button', { name: 'Open support chat' }).click();
    await panel().waitFor();
    const text = await panel().innerText();
    expect(text).not.toContain('billing-api');
    expect(text).not.toContain('Alice');
    expect(text).not.toMatch(/Ticket #\d+/);
    expect(await roots()).toBe(1);
    expect(await launchers()).toBe(1);
    // No socket came back with Bob: nothing was handed off for him.
    expect(sockets.filter((ws) => !ws.isClosed())).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
