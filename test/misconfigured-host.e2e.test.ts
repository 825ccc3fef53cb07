import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

describeBrowser('a host page with an app id the server does not know', () => {
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
    // The host's own typo, made before the loader reads its tag.
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof HTMLScriptElement && n.src.endsWith('/widget/loader.js')) n.dataset['appId'] = 'no-such-app';
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.consoleUrl}/index.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('tells the user chat is not set up here, and the developer why, without breaking the page', async () => {
    await page.getByRole('button', { name: 'Open support chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('How do I restart my instance?');
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Support chat is not set up for this site yet' });
    await alert.waitFor({ timeout: 5000 });

    await page.getByRole('button', { name: 'Talk to a human' }).click();
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    expect(warnings.filter((w) => w.startsWith('[helpdock]'))).toEqual([
      '[helpdock] the server refused this page: no app "no-such-app" on this server (unknown_app)',
    ]);
    expect(pageErrors).toEqual([]);
    // The host page still works.
    await page.getByRole('link', { name: 'i-bp1a2b3c4d5e6f7g8h9i' }).click();
    await page.getByRole('heading', { name: /web-frontend-1/ }).waitFor();
  });
});
