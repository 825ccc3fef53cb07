import { HTTP, type AgentLoginResponse } from '@helpdock/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const INSTANCE = 'i-bp1a2b3c4d5e6f7g8h9i';

type Ctx = { product?: string; page?: string; region?: string; resources?: Array<{ type: string; id: string }>; errorCodes?: string[]; plan?: string };

describeBrowser('the widget reads the console it sits in', () => {
  let server: DemoServer;
  let browser: Browser;
  let visitor: Page;
  let agent: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const visitorContext = await browser.newContext();
    // The failure capture's chunk arrives late, as on a slow network: the widget must not read the
    // console before it also records the console's failures (the restart call below comes right after).
    await visitorContext.route(/\/assets\/capture-[^/]+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    visitor = await visitorContext.newPage();
    agent = await context.newPage();
    visitor.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const panel = () => visitor.getByRole('dialog', { name: 'Support chat' });
  const getContext = () =>
    visitor.evaluate(() => new Promise<Ctx>((resolve) => (window as unknown as { Helpdock(...a: unknown[]): void }).Helpdock('getContext', resolve)));

  it('follows SPA navigation: product, page, region and the instance, without a reload', async () => {
    await visitor.goto(`${server.consoleUrl}/index.html`);
    await visitor.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
    await visitor.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await visitor.getByRole('link', { name: INSTANCE }).click();
    await visitor.getByRole('heading', { name: /web-frontend-1/ }).waitFor();
    expect(visitor.url()).toBe(`${server.consoleUrl}/ecs/cn-hangzhou/instances/${INSTANCE}`);
    expect(await visitor.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await expect.poll(getContext).toMatchObject({
      product: 'ecs',
      page: 'instance-detail',
      region: 'cn-hangzhou',
      resources: [{ type: 'instance', id: INSTANCE }],
      plan: 'enterprise',
    });
  });

  it('nudges when an error appears, without taking focus, and opens the article inside the widget', async () => {
    const restart = visitor.getByRole('button', { name: 'Restart' });
    await restart.click();
    await visitor.getByRole('alert').filter({ hasText: 'QuotaExceeded' }).waitFor();
    const nudge = visitor.getByRole('button', { name: 'Seeing QuotaExceeded? Here’s how to fix it' });
    await nudge.waitFor({ timeout: 5000 });
    expect(await restart.evaluate((b) => b === document.activeElement)).toBe(true);

    await nudge.click();
    await panel().getByRole('heading', { name: 'Quota exceeded: raise a resource limit' }).waitFor({ timeout: 5000 });
    await panel().getByRole('button', { name: 'Yes' }).click();
    await panel().getByText('Thanks for your feedback!').waitFor();
    await panel().getByRole('button', { name: '← Back' }).click();
    // The home view says where the user is, and leads with the article for the error.
    await panel().getByText(`You are on: ECS › instance ${INSTANCE.slice(0, 12)}… › cn-hangzhou`).waitFor();
    const forPage = panel().getByRole('region', { name: 'Help for this page' });
    expect(await forPage.getByRole('button').first().innerText()).toBe('Quota exceeded: raise a resource limit');
  });

  it('shows a known incident for this product and region, and the bot answers “is it down?” from it', async () => {
    const login = (await (
      await fetch(`${server.url}${HTTP.agentLogin}`, {
        method: 'POST',
        body: JSON.stringify({ appId: 'demo', email: 'ana@demo.helpdock.dev', password: 'helpdock-demo' }),
      })
    ).json()) as AgentLoginResponse;
    const posted = await fetch(`${server.url}${HTTP.incidents}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ product: 'ecs', region: 'cn-hangzhou', title: 'Instance restarts are delayed', message: 'Restarts may take up to 10 minutes.' }),
    });
    expect(posted.status).toBe(201);
    await panel().getByRole('button', { name: 'Minimize' }).click();
    await visitor.getByRole('button', { name: 'Open support chat' }).click();
    await panel().getByText('Known issue: Instance restarts are delayed').waitFor({ timeout: 5000 });
    await panel().getByRole('textbox', { name: 'Message' }).fill('Is ECS down?');
    await panel().getByRole('button', { name: 'Send' }).click();
    await panel().getByRole('log').getByText(/There is a known issue right now: Instance restarts are delayed/).waitFor({ timeout: 5000 });
  });

  it('runs the console’s check, shows what will be shared, and hands off with the snapshot', async () => {
    await panel().getByRole('button', { name: 'Talk to a human' }).click();
    const review = panel().getByRole('heading', { name: 'This is what the agent will see' });
    await review.waitFor();
    const text = await panel().innerText();
    expect(text).toContain('QuotaExceeded');
    expect(text).toContain('ecs · instance-detail · cn-hangzhou');
    await panel().getByRole('button', { name: 'Run a check' }).click();
    await panel().getByText(/The check found a problem: The console API answers/).waitFor({ timeout: 5000 });
    await panel().getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 5000 }).toMatch(/Ticket #1/);

    await agent.goto(`${server.url}/agent/`);
    await agent.getByLabel('E-mail').fill('ana@demo.helpdock.dev');
    await agent.getByLabel('Password').fill('helpdock-demo');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('button', { name: /^#1\b/ }).click();
    const side = agent.getByRole('complementary');
    await side.getByText('ecs · instance-detail · cn-hangzhou').waitFor({ timeout: 5000 });
    const sideText = await side.innerText();
    expect(sideText).toContain('QuotaExceeded');
    expect(sideText).toContain('enterprise');
    // The console's failed restart call, without its signed query string.
    expect(sideText).toContain(`POST ${server.consoleUrl}/api/ecs/instances/${INSTANCE}/restart → 404`);
    expect(sideText).not.toContain('demo-signature');
    expect(sideText).toMatch(/Check failed: The console API answers/);
    await side.getByRole('button', { name: `Copy instance ${INSTANCE}` }).click();
    await side.getByText('Copied').waitFor();
    expect(await agent.evaluate(() => navigator.clipboard.readText())).toBe(INSTANCE);
    expect(pageErrors).toEqual([]);
  });
});
