import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, pageListeners } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

type HelpdockWindow = Window & { Helpdock: (...args: unknown[]) => unknown; seen: string[] };

describeBrowser('the script tag’s Helpdock() API in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const warnings: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // This page boots the widget itself, from its own code: take the app id off the tag.
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) if (n instanceof HTMLScriptElement && n.src.endsWith('/widget/loader.js')) n.removeAttribute('data-app-id');
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.consoleUrl}/blank.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('queues calls made before the widget loads, boots on request, and reports events to the page', async () => {
    const cdp = await page.context().newCDPSession(page);
    await page.waitForFunction(() => document.readyState === 'complete');
    const before = await pageListeners(cdp);
    await page.evaluate(() => {
      const w = window as unknown as HelpdockWindow;
      w.seen = [];
      for (const e of ['ready', 'open', 'close']) w.Helpdock('on', e, () => w.seen.push(e));
      w.Helpdock('boot', { appId: 'demo' });
      w.Helpdock('showNewMessage', 'How do I restart my instance?');
    });
    await page.getByRole('dialog', { name: 'Support chat' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('How do I restart my instance?');
    await page.evaluate(() => (window as unknown as HelpdockWindow).Helpdock('close'));
    await expect.poll(() => page.evaluate(() => (window as unknown as HelpdockWindow).seen)).toEqual(['ready', 'open', 'close']);

    // A handoff opens the socket that shutdown must close.
    await page.getByRole('button', { name: 'Open support chat' }).click();
    const socket = page.waitForEvent('websocket');
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    // The visitor reviews what will be shared, then sends it.
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    const ws = await socket;
    await page.getByText(/Ticket #\d+/).waitFor({ timeout: 10_000 });

    await page.evaluate(() => (window as unknown as HelpdockWindow).Helpdock('shutdown'));
    await expect.poll(() => page.evaluate(() => document.getElementById('helpdock-root'))).toBeNull();
    await expect.poll(() => ws.isClosed(), { timeout: 5000 }).toBe(true);
    // Every listener the widget added on window and document is gone again, except two that
    // engine.io-client (inside socket.io-client) adds once when its module is first evaluated, and
    // never removes: 'offline' and 'pagehide' dispatchers over its own, now empty, lists of sockets.
    const MODULE_LEVEL = ['window:offline', 'window:pagehide'];
    expect((await pageListeners(cdp)).filter((l) => !MODULE_LEVEL.includes(l))).toEqual(before);
    expect(pageErrors).toEqual([]);
  });

  it('answers misuse with one clear warning each, and no exception', async () => {
    warnings.length = 0;
    const thrown = await page.evaluate(() => {
      const w = window as unknown as HelpdockWindow;
      try {
        w.Helpdock('frobnicate');
        w.Helpdock('frobnicate');
        w.Helpdock('setLocale', 'xx');
        return null;
      } catch (err) {
        return String(err);
      }
    });
    expect(thrown).toBeNull();
    expect(warnings).toEqual(['[helpdock] unknown command "frobnicate"', '[helpdock] setLocale: unknown locale "xx"']);
  });

  it('boots in the page’s language and downloads no English strings alongside', async () => {
    const zh = await (await browser.newContext()).newPage();
    const scripts: string[] = [];
    zh.on('response', (r) => void (r.url().endsWith('.js') ? r.text().then((t) => scripts.push(t), () => undefined) : undefined));
    await zh.addInitScript(() => ((window as unknown as { helpdockSettings: unknown }).helpdockSettings = { locale: 'zh-CN' }));
    await zh.goto(`${server.consoleUrl}/index.html`);
    await zh.getByRole('button', { name: '打开客服聊天' }).click({ timeout: 15_000 });
    await zh.getByRole('dialog', { name: '客服聊天' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => scripts.some((t) => t.includes('部分消息加载失败。'))).toBe(true);
    // "Some messages could not be loaded." lives only in English's own strings chunk.
    expect(scripts.some((t) => t.includes('Some messages could not be loaded.'))).toBe(false);
    await zh.context().close();
  });

  it('falls back to long-polling where a proxy lets no WebSocket through, and the chat goes on', async () => {
    const context = await browser.newContext();
    // Every WebSocket the page opens is closed at once, as such a proxy would.
    await context.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    const blocked = await context.newPage();
    const polls: string[] = [];
    blocked.on('request', (r) => r.url().includes('transport=polling') && polls.push(r.url()));
    await blocked.goto(`${server.consoleUrl}/index.html`);
    await blocked.getByRole('button', { name: 'Open support chat' }).click({ timeout: 15_000 });
    await blocked.getByRole('button', { name: 'Talk to a human' }).click();
    await blocked.getByRole('button', { name: 'Send to an agent' }).click();
    await blocked.getByText(/Ticket #\d+/).waitFor({ timeout: 20_000 });
    await blocked.getByRole('textbox', { name: 'Message' }).fill('sent over long-polling');
    await blocked.getByRole('textbox', { name: 'Message' }).press('Enter');
    await blocked.getByRole('log', { name: 'Conversation' }).getByText('sent over long-polling').waitFor();
    await expect.poll(() => blocked.locator('#helpdock-root').evaluate((host) => host.shadowRoot?.querySelectorAll('.hd-msg--pending').length), { timeout: 10_000 }).toBe(0);
    expect(polls.length).toBeGreaterThan(0);
    await context.close();
  });
});
