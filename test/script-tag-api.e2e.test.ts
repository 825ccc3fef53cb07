import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

type HelpdockWindow = Window & { Helpdock: (...args: unknown[]) => unknown; seen: string[] };

/** Event listeners on window and document, as DevTools lists them. */
async function listeners(cdp: CDPSession): Promise<string[]> {
  const out: string[] = [];
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    out.push(...found.map((l) => `${expression}:${l.type}`));
  }
  return out.sort();
}

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
    const before = await listeners(cdp);
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
    expect((await listeners(cdp)).filter((l) => !MODULE_LEVEL.includes(l))).toEqual(before);
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
});
