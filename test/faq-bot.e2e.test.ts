import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

// The widget speaks Japanese once switched: its controls are found by their Japanese names.
const jaStrings = JSON.parse(readFileSync(new URL('../packages/i18n/src/locales/ja/widget.json', import.meta.url), 'utf8')) as Record<string, string>;
function ja(key: string): string {
  const text = jaStrings[key];
  if (!text) throw new Error(`no Japanese string for ${key}`);
  return text;
}

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const INSTANCE = 'i-bp1a2b3c4d5e6f7g8h9i';

describeBrowser('the FAQ bot on the demo console', () => {
  let server: DemoServer;
  let browser: Browser;
  let visitor: Page;
  let agent: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    visitor = await (await browser.newContext()).newPage();
    agent = await (await browser.newContext()).newPage();
    visitor.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const panel = () => visitor.getByRole('dialog', { name: 'Support chat' });
  const log = () => panel().getByRole('log', { name: 'Conversation' });
  async function ask(text: string) {
    await panel().getByRole('textbox', { name: 'Message' }).fill(text);
    await panel().getByRole('button', { name: 'Send' }).click();
  }

  it('answers a Japanese question with the Japanese article', async () => {
    await visitor.goto(`${server.consoleUrl}/index.html`);
    await visitor.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
    await visitor.getByRole('link', { name: INSTANCE }).click();
    await visitor.getByRole('heading', { name: /web-frontend-1/ }).waitFor();
    await visitor.evaluate(() => (window as unknown as { Helpdock(...a: unknown[]): void }).Helpdock('setLocale', 'ja'));
    await visitor.getByRole('button', { name: ja('launcher.open') }).click();
    const jaPanel = visitor.getByRole('dialog', { name: ja('panel.label') });
    await jaPanel.getByRole('textbox', { name: ja('composer.label') }).fill('サーバーを再起動したい');
    await jaPanel.getByRole('button', { name: ja('composer.send') }).click();
    await jaPanel.getByRole('log', { name: ja('log.label') }).getByText('ECS インスタンスを再起動する').waitFor({ timeout: 10_000 });
    // Back to English for the rest of the conversation: the Japanese answers stay as they were.
    await visitor.evaluate(() => (window as unknown as { Helpdock(...a: unknown[]): void }).Helpdock('setLocale', 'en'));
    await panel().waitFor({ timeout: 10_000 });
  });

  it('after two answers that did not help, hands over, asking only what the page does not say', async () => {
    await log().getByRole('group', { name: 'Did that solve it?' }).last().getByRole('button', { name: 'No' }).click();
    // The next step offered: the answer's related articles, as buttons.
    await log().getByRole('group', { name: 'Suggested replies' }).getByRole('button', { name: 'SSH で接続できない（接続拒否・タイムアウト）' }).click();
    // The widget is back in English, so the article opens in the KB's English version.
    await log().locator('.hd-article-title', { hasText: /SSH/ }).last().waitFor({ timeout: 10_000 });
    await log().getByRole('group', { name: 'Did that solve it?' }).last().getByRole('button', { name: 'No' }).click();
    // Region and the instance come from the page; the error code and when it started are asked.
    await panel().getByText(`Already known from this page: Resource: instance ${INSTANCE} · Region: cn-hangzhou`).waitFor({ timeout: 10_000 });
    await panel().getByText('Did you see an error code?').waitFor();
    await ask('IncorrectInstanceStatus');
    await panel().getByText('When did it start?').waitFor();
    await panel().getByRole('button', { name: 'Earlier today' }).click();
    await panel().getByRole('heading', { name: 'This is what the agent will see' }).waitFor();
    await panel().getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #1/);
  });

  it('the agent sees the category, the priority and the intake answers', async () => {
    await agent.goto(`${server.url}/agent/`);
    await agent.getByLabel('E-mail').fill('ana@demo.helpdock.dev');
    await agent.getByLabel('Password').fill('helpdock-demo');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('button', { name: /^#1\b/ }).click();
    const header = agent.locator('.ticket-header');
    await expect.poll(() => header.innerText(), { timeout: 5000 }).toMatch(/compute/);
    // Neither an outage nor a "how do I": P2, and the console's enterprise plan raises it one step.
    expect(await header.innerText()).toMatch(/Priority\s+P1/);
    const bot = agent.getByRole('region', { name: 'From the bot' });
    await bot.waitFor();
    const text = await bot.innerText();
    expect(text).toContain('cn-hangzhou (from the page)');
    expect(text).toContain(`instance ${INSTANCE} (from the page)`);
    expect(text).toContain('IncorrectInstanceStatus (typed)');
    expect(text).toContain('Earlier today (chosen)');
    expect(pageErrors).toEqual([]);
  });
});
