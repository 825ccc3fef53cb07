import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

// Real images, so a preview that shows has decoded: 1×1 PNGs, one grey, one red.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const RED_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const LOG = '2026-11-22T05:00:00Z ERROR volume vol-42 detached\n2026-11-22T05:00:01Z INFO retrying\n';
// A session token is `v1.<payload>.<signature>`: none may ever sit in a URL.
const TOKEN_IN_URL = /v1\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/;

describeBrowser('attachments between the widget and the agent console', () => {
  let server: DemoServer;
  let browser: Browser;
  let visitor: Page;
  let agent: Page;
  const urls: string[] = [];
  const draft = 'Here is what I tried so far';

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    visitor = await (await browser.newContext()).newPage();
    agent = await (await browser.newContext({ acceptDownloads: true })).newPage();
    for (const page of [visitor, agent]) page.on('request', (r: Request) => urls.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const panel = () => visitor.getByRole('dialog', { name: 'Support chat' });
  const message = () => visitor.getByRole('textbox', { name: 'Message' });
  const decoded = (page: Page, alt: string) => page.getByRole('img', { name: alt }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'));

  async function attach(page: Page, button: ReturnType<Page['getByRole']>, name: string, mimeType: string, buffer: Buffer) {
    const chooser = page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles({ name, mimeType, buffer });
  }

  it('lets the visitor attach a screenshot and a log from the widget, under the strict CSP, keeping the draft', async () => {
    await visitor.goto(`${server.consoleUrl}/index.html`);
    await visitor.getByRole('button', { name: 'Open support chat' }).click();
    await visitor.getByRole('button', { name: 'Talk to a human' }).click();
    await visitor.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    await message().fill(draft);

    const attachButton = visitor.getByRole('button', { name: 'Attach a file' });
    await attachButton.waitFor({ timeout: 10_000 });
    await attach(visitor, attachButton, 'screen shot.png', 'image/png', PNG);
    await expect.poll(() => decoded(visitor, 'screen shot.png'), { timeout: 10_000 }).toBe(true);
    await attach(visitor, attachButton, 'agent.log', 'text/plain', Buffer.from(LOG));
    await expect.poll(() => visitor.getByRole('button', { name: 'Download agent.log' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await panel().innerText()).toMatch(/agent\.log · \d+ kB/);
    // What the visitor was typing is still there, unsent.
    expect(await message().inputValue()).toBe(draft);
  }, 60_000);

  it('says clearly when a file is too large or not allowed, and loses nothing', async () => {
    const attachButton = visitor.getByRole('button', { name: 'Attach a file' });
    await attach(visitor, attachButton, 'huge.log', 'text/plain', Buffer.alloc(2 * 1024 * 1024 + 1, 'a'));
    const alert = panel().getByRole('alert').locator('p').first();
    await expect.poll(() => alert.innerText(), { timeout: 20_000 }).toBe('huge.log is too large. Images can be up to 5 MB, log files up to 2 MB.');
    await visitor.getByRole('button', { name: 'Dismiss' }).click();
    await attach(visitor, attachButton, 'logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'));
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('logo.svg cannot be attached. You can send images (PNG, JPEG, GIF, WebP) and text logs');
    expect(await message().inputValue()).toBe(draft);
    expect(await panel().innerText()).not.toContain('huge.log ·');
  }, 60_000);

  it('shows both files to the agent, who opens the image and downloads the log', async () => {
    await agent.goto(`${server.url}/agent/`);
    await agent.getByLabel('E-mail').fill('ana@demo.helpdock.dev');
    await agent.getByLabel('Password').fill('helpdock-demo');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    const row = agent.getByRole('button', { name: /^#\d+\b/ }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await expect.poll(() => decoded(agent, 'screen shot.png'), { timeout: 10_000 }).toBe(true);
    const downloading = agent.waitForEvent('download');
    await agent.getByRole('button', { name: 'Download agent.log' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('agent.log');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toBe(LOG);
  }, 60_000);

  it('lets the agent send an image back, which the visitor sees', async () => {
    await attach(agent, agent.getByRole('button', { name: 'Attach a file' }), 'fixed-setting.png', 'image/png', RED_PNG);
    await expect.poll(() => decoded(agent, 'fixed-setting.png'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => decoded(visitor, 'fixed-setting.png'), { timeout: 10_000 }).toBe(true);
  }, 60_000);

  it('never put a session token in a URL', () => {
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => TOKEN_IN_URL.test(decodeURIComponent(u)))).toEqual([]);
  });
});
