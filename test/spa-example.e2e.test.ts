import { resolve } from 'node:path';
import type { Browser, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ask, demoAgent, findTicket } from './helpers/agent.ts';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';
import { serveStatic, withServer, type StaticServer } from './helpers/static-server.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const SPA = resolve(import.meta.dirname, '../examples/spa/dist');

type Ctx = { product?: string; page?: string; resources?: Array<{ type: string; id: string }> };
type SpaWindow = Window & { helpdock: { getContext(cb: (c: Ctx) => void): void }; spaMarker?: string };

describeBrowser('the SPA example (examples/spa): the npm widget across client-side routes', () => {
  let site: StaticServer;
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let helpdockUrl = '';
  const sockets: WebSocket[] = [];
  const pageErrors: string[] = [];
  const documents: string[] = [];

  beforeAll(async () => {
    // The app's origin must be on the demo app's allowed list, so the site comes up first.
    site = await serveStatic(SPA, { html: (html) => withServer(helpdockUrl)(html) });
    server = await startDemoServer({ HELPDOCK_DEMO_ORIGINS: site.url });
    helpdockUrl = server.url;
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('websocket', (ws) => sockets.push(ws));
    page.on('request', (req) => req.resourceType() === 'document' && documents.push(req.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await site?.close();
  });

  const panel = () => page.getByRole('dialog', { name: 'Support chat' });
  const getContext = () => page.evaluate(() => new Promise<Ctx>((r) => (window as unknown as SpaWindow).helpdock.getContext(r)));
  const roots = () => page.evaluate(() => document.querySelectorAll('#helpdock-root').length);
  const launchers = () => page.evaluate(() => document.getElementById('helpdock-root')?.shadowRoot?.querySelectorAll('.hd-launcher').length ?? 0);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();

  it('follows every client-side route change in getContext and the chat’s context line', async () => {
    await page.goto(`${site.url}/`);
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/instances');
    await page.evaluate(() => ((window as unknown as SpaWindow).spaMarker = 'the same document'));
    await page.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
    await expect.poll(getContext).toMatchObject({ product: 'ecs', page: 'instance-list', plan: 'pro', accountId: 'acct-5521' });

    await page.getByRole('button', { name: 'Open support chat' }).click();
    await panel().getByText('You are on: ECS › instance-list').waitFor();

    await page.getByRole('link', { name: 'i-8kz2' }).click();
    await page.getByRole('heading', { name: 'Instance i-8kz2' }).waitFor();
    await panel().getByText('You are on: ECS › instance i-8kz2').waitFor();
    expect(await getContext()).toMatchObject({ product: 'ecs', page: 'instance-detail', resources: [{ type: 'instance', id: 'i-8kz2' }] });

    await nav('Billing');
    await panel().getByText('You are on: BILLING › invoices').waitFor();
    expect(await getContext()).toMatchObject({ product: 'billing', page: 'invoices', plan: 'pro' });
    expect((await getContext()).resources ?? []).toEqual([]);
    await expect.poll(() => page.locator('#helpdock-sees').innerText()).toBe('billing / invoices');

    // Back and Forward are navigations too.
    await page.goBack();
    await panel().getByText('You are on: ECS › instance i-8kz2').waitFor();
    await page.goForward();
    await panel().getByText('You are on: BILLING › invoices').waitFor();

    expect(await page.evaluate(() => (window as unknown as SpaWindow).spaMarker)).toBe('the same document');
    expect(documents).toEqual([`${site.url}/`]);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the open chat, its conversation and the draft across navigation, with one launcher and one socket', async () => {
    const question = 'My instance i-3fq9 will not start after resizing';
    await nav('Instances');
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    await expect.poll(() => sockets.length, { timeout: 10_000 }).toBe(1);

    const draft = 'One more thing about i-3fq9:';
    await page.getByRole('textbox', { name: 'Message' }).fill(draft);
    await page.getByRole('link', { name: 'i-3fq9' }).click();
    await panel().getByText('You are on: ECS › instance i-3fq9').waitFor();
    await nav('Billing');
    await page.getByRole('heading', { name: 'Billing' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Instance i-3fq9' }).waitFor();

    await expect(panel().isVisible()).resolves.toBe(true);
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe(draft);
    await panel().getByText(question).waitFor();
    expect(await roots()).toBe(1);
    expect(await launchers()).toBe(1);

    // The live channel is the one opened at handoff, still up: an agent's reply arrives after all that navigation.
    const agent = await demoAgent(server.url);
    try {
      const ticket = await findTicket(agent.socket, question);
      await ask(agent.socket, 'ticket:claim', { ticketId: ticket.id });
      await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: 'spa-reply', text: 'Looking at i-3fq9 now' });
      await panel().getByText('Looking at i-3fq9 now').waitFor({ timeout: 10_000 });
    } finally {
      agent.socket.close();
    }
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.isClosed()).toBe(false);
    expect(documents).toEqual([`${site.url}/`]);
    expect(pageErrors).toEqual([]);
  });
});
