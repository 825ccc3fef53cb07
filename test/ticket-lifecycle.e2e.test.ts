import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { openPanel } from './helpers/widget.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

describeBrowser('the ticket lifecycle in the browser: routing, escalation, SLA, rating, reopening, delivery', () => {
  let server: DemoServer;
  let browser: Browser;
  let ana: Page;
  let li: Page;
  let zhVisitor: Page;
  let visitorContext: BrowserContext;
  let visitor: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    [ana, li, zhVisitor] = await Promise.all([0, 1, 2].map(async () => (await browser.newContext()).newPage())) as [Page, Page, Page];
    visitorContext = await browser.newContext();
    visitor = await visitorContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const panel = (page: Page) => page.getByRole('dialog', { name: 'Support chat' });
  const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
  const count = async (page: Page, text: string) => (await log(page).innerText()).split(text).length - 1;

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/agent/`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('helpdock-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.presence select').selectOption('online');
    await expect.poll(() => page.locator('.presence .dot--online').count()).toBe(1);
  }

  async function handOff(page: Page, lang: string): Promise<void> {
    await page.goto(`${server.consoleUrl}/index.html`);
    await page.getByRole('button', { name: 'Open support chat' }).click();
    // The widget takes the page's language when its core loads, just after the launcher shows: wait for
    // the panel, so the core has loaded while the page was still English.
    await panel(page).waitFor({ timeout: 15_000 });
    // The page's language at handoff is what the ticket is routed by (the widget's own strings stay English).
    await page.evaluate((l) => (document.documentElement.lang = l), lang);
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    // The visitor reviews what will be shared, then sends it.
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel(page).innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  }

  it('routes a Chinese-speaking visitor to the agent who speaks Chinese, and shows who and how long', async () => {
    await signIn(ana, 'ana@demo.helpdock.dev');
    await signIn(li, 'li@demo.helpdock.dev');
    await handOff(zhVisitor, 'zh-CN');
    await expect.poll(() => panel(zhVisitor).innerText(), { timeout: 10_000 }).toContain('Li Wei (Support) is handling your request');
    const text = await panel(zhVisitor).innerText();
    // The example console tells Helpdock the customer is on the enterprise plan, which the demo app answers as P1.
    expect(text).toMatch(/First reply\s+within (59 min|1 hr)/);
    expect(text).toMatch(/Open for \d+ sec/);
  });

  it('runs the SLA clock while the visitor waits', async () => {
    const clock = () => zhVisitor.locator('.hd-sla-value').first().innerText();
    const first = await clock();
    // The resolution clock reads minutes; the open-for counter reads seconds and moves on its own.
    const openFor = async () => Number(/Open for (\d+) sec/.exec(await panel(zhVisitor).innerText())?.[1] ?? -1);
    const before = await openFor();
    await expect.poll(openFor, { timeout: 5000 }).toBeGreaterThan(before);
    expect(first).toMatch(/^within /);
  });

  it('escalates from Ana (L1) to Li (L2), and the visitor sees it happen', async () => {
    await handOff(visitor, 'en');
    await expect.poll(() => panel(visitor).innerText(), { timeout: 10_000 }).toContain('Ana Silva (Support)');
    const ticketNumber = /Ticket #(\d+)/.exec(await panel(visitor).innerText())?.[1];
    await ana.getByRole('button', { name: new RegExp(`^#${ticketNumber}\\b`) }).click();
    await ana.getByRole('button', { name: 'Escalate from L1' }).click();
    await log(visitor).getByText('Escalated to L2 support').waitFor({ timeout: 5000 });
    await expect.poll(() => panel(visitor).innerText(), { timeout: 5000 }).toContain('Li Wei (Support) is handling your request');
    await li.getByRole('button', { name: new RegExp(`^#${ticketNumber}\\b`) }).click();
  });

  it('delivers three messages sent while offline exactly once on both sides', async () => {
    await visitorContext.setOffline(true);
    // The widget notices the cut (socket.io's heartbeat or the browser's offline event) before we write.
    await panel(visitor).getByText('Reconnecting…').waitFor({ timeout: 5000 });
    for (const n of [1, 2, 3]) await send(visitor, `offline message ${n}`);
    await settle(500);
    expect(await li.locator('.log').innerText()).not.toContain('offline message 1');
    await visitorContext.setOffline(false);
    for (const n of [1, 2, 3]) {
      await expect.poll(() => li.locator('.log').innerText(), { timeout: 20_000 }).toContain(`offline message ${n}`);
    }
    await expect.poll(() => visitor.locator('.hd-msg--pending').count(), { timeout: 20_000 }).toBe(0);
    for (const n of [1, 2, 3]) {
      expect(await count(visitor, `offline message ${n}`)).toBe(1);
      expect((await li.locator('.log').innerText()).split(`offline message ${n}`).length - 1).toBe(1);
    }
    // And in the order they were written.
    const order = await log(visitor).innerText();
    expect(order.indexOf('offline message 1')).toBeLessThan(order.indexOf('offline message 2'));
    expect(order.indexOf('offline message 2')).toBeLessThan(order.indexOf('offline message 3'));
  });

  it('keeps two tabs of the same visitor in sync', async () => {
    const second = await visitorContext.newPage();
    await second.goto(`${server.consoleUrl}/index.html`);
    // The panel may come back open (its state is shared through storage).
    await openPanel(second);
    await expect.poll(() => log(second).innerText(), { timeout: 10_000 }).toContain('offline message 3');
    await li.getByRole('textbox', { name: 'Reply' }).fill('Both tabs see this');
    await li.getByRole('button', { name: 'Send' }).click();
    await log(visitor).getByText('Both tabs see this').waitFor({ timeout: 5000 });
    await log(second).getByText('Both tabs see this').waitFor({ timeout: 5000 });
    expect(await count(visitor, 'Both tabs see this')).toBe(1);
    expect(await count(second, 'Both tabs see this')).toBe(1);

    // Both tabs closed: a reply shows as unread on both launchers and in both titles.
    for (const page of [visitor, second]) await panel(page).getByRole('button', { name: 'Minimize' }).click();
    await li.getByRole('textbox', { name: 'Reply' }).fill('Are you still there?');
    await li.getByRole('button', { name: 'Send' }).click();
    for (const page of [visitor, second]) {
      await page.getByRole('button', { name: 'Open support chat, 1 unread' }).waitFor({ timeout: 5000 });
      await expect.poll(() => page.title(), { timeout: 5000 }).toMatch(/^\(1\) /);
    }
    // Reading it in one tab clears it in the other.
    await second.getByRole('button', { name: 'Open support chat, 1 unread' }).click();
    await visitor.getByRole('button', { name: 'Open support chat', exact: true }).waitFor({ timeout: 5000 });
    await expect.poll(() => visitor.title(), { timeout: 5000 }).not.toMatch(/^\(\d+\) /);
    expect(await visitor.locator('#helpdock-root').evaluate((host) => host.shadowRoot?.querySelectorAll('.hd-badge:not([hidden])').length)).toBe(0);
    // And the agent sees that the visitor has read it.
    await li.getByText('Seen by the visitor').waitFor({ timeout: 5000 });
    await second.close();
    await visitor.getByRole('button', { name: 'Open support chat', exact: true }).click();
  });

  it('delivers messages written while the server was down exactly once on both sides after it restarts', async () => {
    await server.stop();
    await panel(visitor).getByText('Reconnecting…').waitFor({ timeout: 10_000 });
    // Written while nothing answers: they wait in the outbox (persisted), shown as sending.
    for (const n of [1, 2]) await send(visitor, `written while down ${n}`);
    await expect.poll(() => visitor.locator('.hd-msg--pending').count()).toBe(2);
    await server.restart();
    for (const n of [1, 2]) {
      await expect.poll(() => li.locator('.log').innerText(), { timeout: 30_000 }).toContain(`written while down ${n}`);
    }
    await expect.poll(() => visitor.locator('.hd-msg--pending').count(), { timeout: 30_000 }).toBe(0);
    await li.getByRole('textbox', { name: 'Reply' }).fill('Back after the restart');
    await li.getByRole('button', { name: 'Send' }).click();
    await log(visitor).getByText('Back after the restart').waitFor({ timeout: 10_000 });
    // A reload fetches everything again from the server: still once each.
    await visitor.reload();
    await log(visitor).getByText('Back after the restart').waitFor({ timeout: 15_000 });
    await li.reload();
    // The console keeps its sign-in across a reload, not the presence (away until chosen) nor the open ticket.
    await li.locator('.presence select').selectOption('online');
    const ticketNumber = /Ticket #(\d+)/.exec(await panel(visitor).innerText())?.[1];
    await li.getByRole('button', { name: new RegExp(`^#${ticketNumber}\\b`) }).click({ timeout: 15_000 });
    await li.locator('.log').getByText('Back after the restart').waitFor({ timeout: 15_000 });
    for (const text of ['written while down 1', 'written while down 2', 'Back after the restart', 'offline message 3']) {
      expect(await count(visitor, text)).toBe(1);
      expect((await li.locator('.log').innerText()).split(text).length - 1).toBe(1);
    }
    const order = await li.locator('.log').innerText();
    expect(order.indexOf('written while down 1')).toBeLessThan(order.indexOf('written while down 2'));
    expect(order.indexOf('written while down 2')).toBeLessThan(order.indexOf('Back after the restart'));
  });

  it('gives the agent canned replies, articles for the ticket and its category; the visitor sees receipts', async () => {
    await li.getByRole('combobox', { name: 'Canned reply' }).selectOption('more-info');
    await expect.poll(() => li.getByRole('textbox', { name: 'Reply' }).inputValue()).toContain('Could you tell me the instance ID');
    await li.getByRole('textbox', { name: 'Reply' }).fill('');
    await li.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('restart instance');
    await li.getByRole('button', { name: 'Search', exact: true }).click();
    // The ticket's own suggestions stay listed until the search answers: wait for the article searched for.
    const quote = li.getByRole('button', { name: /^Quote “Restart[^”]*” in the reply$/ }).first();
    await quote.waitFor({ timeout: 10_000 });
    const title = /^Quote “(.*)” in the reply$/.exec((await quote.getAttribute('aria-label')) ?? '')?.[1] ?? '';
    await quote.click();
    await expect.poll(() => li.getByRole('textbox', { name: 'Reply' }).inputValue()).toContain(title);
    await li.getByRole('button', { name: 'Send' }).click();
    await log(visitor).getByText(title, { exact: false }).first().waitFor({ timeout: 5000 });

    await li.getByRole('textbox', { name: 'Category' }).fill('compute');
    await li.getByRole('button', { name: 'Set category' }).click();
    await expect.poll(() => li.getByRole('textbox', { name: 'Category' }).inputValue()).toBe('compute');
    await expect.poll(() => panel(visitor).locator('.hd-timeline').textContent(), { timeout: 5000 }).toContain('Category changed');

    // The visitor's last message is marked as seen once the agent's console shows it.
    await send(visitor, 'Thanks, reading it now');
    await li.locator('.log').getByText('Thanks, reading it now').waitFor({ timeout: 5000 });
    await panel(visitor).getByText('Seen').waitFor({ timeout: 5000 });
    // Both reload: no new receipt comes, yet each side shows the marks it had, from the server.
    await visitor.reload();
    await log(visitor).getByText('Thanks, reading it now').waitFor({ timeout: 15_000 });
    await panel(visitor).getByText('Seen').waitFor({ timeout: 5000 });
    await li.reload();
    await li.locator('.presence select').selectOption('online');
    const ticketNumber = /Ticket #(\d+)/.exec(await panel(visitor).innerText())?.[1];
    await li.getByRole('button', { name: new RegExp(`^#${ticketNumber}\\b`) }).click({ timeout: 15_000 });
    await li.locator('.log').getByText('Thanks, reading it now').waitFor({ timeout: 15_000 });
    await li.getByText('Seen by the visitor').waitFor({ timeout: 5000 });
  });

  it('resolve → rate → reopen, back to the same agent', async () => {
    await li.getByLabel('Resolution').fill('Restarted the instance from the console');
    await li.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => panel(visitor).innerText(), { timeout: 5000 }).toContain('Resolution: Restarted the instance from the console');
    // The stars are labels around visually hidden radio buttons named "n out of 5".
    await panel(visitor).locator('label.hd-star').nth(3).click();
    expect(await panel(visitor).getByRole('radio', { name: '4 out of 5' }).isChecked()).toBe(true);
    await panel(visitor).getByPlaceholder('Anything to add? (optional)').fill('Quick and friendly');
    await panel(visitor).getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => panel(visitor).innerText(), { timeout: 5000 }).toContain('Thanks for rating us 4/5.');
    await expect.poll(() => li.locator('body').innerText(), { timeout: 5000 }).toContain('4/5 — Quick and friendly');

    await panel(visitor).getByRole('button', { name: 'Reopen this ticket' }).click();
    await expect.poll(() => panel(visitor).innerText(), { timeout: 5000 }).toContain('Li Wei (Support) is handling your request');
    await send(visitor, 'It broke again');
    await expect.poll(() => li.locator('.log').innerText(), { timeout: 5000 }).toContain('It broke again');
    expect(await count(visitor, 'It broke again')).toBe(1);
  });

  it('lists the visitor\'s tickets, opens a past one read-only, and downloads a transcript as text', async () => {
    await li.getByLabel('Resolution').fill('Fixed for good');
    await li.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => panel(visitor).innerText(), { timeout: 5000 }).toContain('Resolution: Fixed for good');
    const number = /Ticket #(\d+)/.exec(await panel(visitor).innerText())?.[1];
    // Writing again after the end starts a new ticket; the old one stays readable.
    await send(visitor, 'A new question');
    await panel(visitor).getByRole('button', { name: 'Talk to a human' }).click();
    await panel(visitor).getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(async () => /Ticket #(\d+)/.exec(await panel(visitor).innerText())?.[1], { timeout: 10_000 }).not.toBe(number);
    await panel(visitor).getByRole('button', { name: 'Your tickets' }).click();
    await panel(visitor).getByRole('button', { name: new RegExp(`^Ticket #${number}\\b`) }).click();
    const past = panel(visitor).getByRole('log', { name: `Conversation of ticket #${number}` });
    await past.getByText('It broke again').waitFor({ timeout: 5000 });
    expect((await past.innerText()).split('written while down 1').length - 1).toBe(1);
    const [download] = await Promise.all([visitor.waitForEvent('download'), panel(visitor).getByRole('button', { name: 'Download transcript' }).click()]);
    expect(download.suggestedFilename()).toBe(`ticket-${number}.txt`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain(`Ticket #${number}`);
    expect(text).toMatch(/\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\] You:\nIt broke again/);
    expect(text).toMatch(/\] Li Wei \(Agent\):\nBack after the restart/);
    expect(text.split('written while down 2').length - 1).toBe(1);
    // Back to the live conversation, which is untouched.
    await panel(visitor).getByRole('button', { name: '← All tickets' }).click();
    await panel(visitor).getByRole('button', { name: '← Back to the conversation' }).click();
    await log(visitor).getByText('A new question').waitFor({ timeout: 5000 });
  });
});
