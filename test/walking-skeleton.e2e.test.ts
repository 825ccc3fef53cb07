import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { openPanel } from './helpers/widget.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

describeBrowser('script tag → bot → human agent, on the embedded database', () => {
  let server: DemoServer;
  let browser: Browser;
  let visitor: Page;
  let agent: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    visitor = await (await browser.newContext()).newPage();
    agent = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const launcher = () => visitor.getByRole('button', { name: 'Open support chat' });
  const conversation = () => visitor.getByRole('log', { name: 'Conversation' });

  // After a reload the panel may come back open by itself (its state is restored) once its code has loaded.
  const openChat = () => openPanel(visitor);

  it('shows a launcher on the example console without touching the host page', async () => {
    const errors: string[] = [];
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.goto(`${server.consoleUrl}/index.html`);
    const before = await visitor.evaluate(() => getComputedStyle(document.body).cssText + document.styleSheets.length);
    await launcher().waitFor({ state: 'visible', timeout: 15_000 });

    const host = await visitor.evaluate(() => {
      const root = document.getElementById('helpdock-root');
      return { hasShadow: !!root?.shadowRoot, mode: root?.shadowRoot?.mode, inBody: root?.parentElement === document.body };
    });
    expect(host).toEqual({ hasShadow: true, mode: 'open', inBody: true });
    expect(await visitor.evaluate(() => typeof (window as unknown as { Helpdock?: unknown }).Helpdock)).toBe('function');
    // Our styles live in the shadow root: the host's stylesheets and body styles are unchanged.
    expect(await visitor.evaluate(() => getComputedStyle(document.body).cssText + document.styleSheets.length)).toBe(before);
    expect(errors).toEqual([]);
  });

  it('answers a question from the knowledge base with the matching article', async () => {
    await openChat();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('How do I restart my instance?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    // The bot's answer comes after the question and names an article about restarting: not an echo.
    const afterQuestion = async () => (await conversation().innerText()).split('How do I restart my instance?')[1] ?? '';
    await expect.poll(afterQuestion, { timeout: 5000 }).toMatch(/restart/i);
  });

  it('hands off to a human: the ticket shows up in the agent console at once', async () => {
    await visitor.getByRole('button', { name: 'Talk to a human' }).click();
    await visitor.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => conversation().locator('..').innerText(), { timeout: 5000 }).toMatch(/Ticket #1/);

    await agent.goto(`${server.url}/agent/`);
    await agent.getByLabel('E-mail').fill('ana@demo.helpdock.dev');
    await agent.getByLabel('Password').fill('helpdock-demo');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    const row = agent.getByRole('button', { name: /^#1\b/ });
    await row.waitFor({ timeout: 5000 });
    await row.click();
    // The ticket carries the bot transcript and the page the visitor was on.
    await expect.poll(() => agent.locator('body').innerText()).toContain('How do I restart my instance?');
    expect(await agent.locator('body').innerText()).toContain(`${server.consoleUrl}/index.html`);
  });

  it('delivers the agent’s reply to the widget within a second, with who handles the ticket', async () => {
    await agent.getByRole('button', { name: 'Claim' }).click();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Hi, I am Ana. Let me look at your instance.');
    const sentAt = Date.now();
    await agent.getByRole('button', { name: 'Send' }).click();
    await conversation().getByText('Hi, I am Ana. Let me look at your instance.').waitFor({ timeout: 1000 });
    expect(Date.now() - sentAt).toBeLessThan(1000);
    const panel = await conversation().locator('..').innerText();
    expect(panel).toMatch(/Ticket #1/);
    expect(panel).toContain('Ana Silva');
  });

  it('keeps the conversation and ticket across a page reload', async () => {
    await visitor.reload();
    await openChat();
    await expect.poll(() => conversation().innerText(), { timeout: 5000 }).toContain('Hi, I am Ana.');
    const text = await conversation().innerText();
    expect(text).toContain('How do I restart my instance?');
    expect(text.match(/Hi, I am Ana\./g)).toHaveLength(1);
    expect(await conversation().locator('..').innerText()).toContain('Ana Silva');
  });

  it('keeps everything across a server restart, and the chat goes on', async () => {
    await server.restart();
    await visitor.reload();
    await openChat();
    await expect.poll(() => conversation().innerText(), { timeout: 10_000 }).toContain('Hi, I am Ana.');

    await visitor.getByRole('textbox', { name: 'Message' }).fill('Still there after the restart?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => agent.locator('body').innerText(), { timeout: 15_000 }).toContain('Still there after the restart?');
    const visitorText = await conversation().innerText();
    expect(visitorText.match(/Still there after the restart\?/g)).toHaveLength(1);
    expect(visitorText.match(/Hi, I am Ana\./g)).toHaveLength(1);
  });
});
