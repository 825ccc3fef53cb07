import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ask, demoAgent, findTicket } from './helpers/agent.ts';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { identityJwt } from './helpers/identity.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const SECRET = 'demo-identity-secret-for-the-e2e-test-0123456789';

describeBrowser('identify: switching users on one page', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const tokens: string[] = [];
  const urls: string[] = [];
  const referers: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ HELPDOCK_DEMO_IDENTITY_SECRET: SECRET });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (req) => {
      urls.push(req.url());
      const referer = req.headers()['referer'];
      if (referer) referers.push(referer);
    });
    page.on('response', async (res) => {
      if (!res.url().endsWith('/api/v1/visitor/session') || res.request().method() !== 'POST') return;
      const body = (await res.json().catch(() => null)) as { token?: string } | null;
      if (body?.token) tokens.push(body.token);
    });
    page.on('websocket', (ws) => urls.push(ws.url()));
    await page.goto(`${server.consoleUrl}/index.html`);
    await page.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const identify = (userId: string | null, token?: string) =>
    page.evaluate(([id, t]) => (window as unknown as { Helpdock: (...a: unknown[]) => void }).Helpdock('identify', id ? { id } : null, t ? { token: t } : undefined), [userId, token] as const);
  const panel = () => page.getByRole('dialog', { name: 'Support chat' });

  async function talkToHuman(question: string): Promise<void> {
    await page.getByRole('button', { name: 'Open support chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    // The user sees what the agent will get, then sends it.
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
  }

  it('gives each user their own conversation and shows nothing of the previous one', async () => {
    const agent = await demoAgent(server.url);
    const aliceJwt = identityJwt(SECRET, 'alice');
    await identify('alice', aliceJwt);
    await talkToHuman('Alice cannot see her bucket');
    const aliceTicket = await findTicket(agent.socket, 'Alice cannot see her bucket');
    await ask(agent.socket, 'message:send', { conversationId: aliceTicket.conversationId, clientId: 'to-alice', text: 'Alice, your bucket key is AK-ALICE-123' });
    await expect.poll(() => panel().innerText(), { timeout: 5000 }).toContain('AK-ALICE-123');

    const bobJwt = identityJwt(SECRET, 'bob');
    tokens.push(aliceJwt, bobJwt);
    await identify('bob', bobJwt);
    await page.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 10_000 });
    const shadowText = () => page.evaluate(() => document.getElementById('helpdock-root')?.shadowRoot?.textContent ?? '');
    await expect.poll(shadowText).not.toContain('AK-ALICE-123');
    await talkToHuman('Bob has a billing question');
    const bobView = await panel().innerText();
    expect(bobView).not.toContain('Alice');
    expect(bobView).toMatch(new RegExp(`Ticket #${aliceTicket.number + 1}\\b`));
    // Alice's conversation left this device with her.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('alice')))).toEqual([]);

    await identify(null);
    await page.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Open support chat' }).click();
    await panel().waitFor();
    const anonymous = await shadowText();
    expect(anonymous).not.toContain('Bob has a billing question');
    expect(anonymous).not.toContain('AK-ALICE-123');
    expect(pageErrors).toEqual([]);
  });

  it('never puts a token in a URL, a Referer or localStorage', async () => {
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
    const payload = (token: string) => {
      try {
        return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    for (const token of tokens) {
      for (const url of [...urls, ...referers]) expect(url).not.toContain(token);
      // Only an anonymous visitor's session may be remembered by the browser; verified users' sessions and JWTs never.
      if (token.startsWith('eyJ') || payload(token)['userId'] !== undefined) expect(stored).not.toContain(token);
    }
    expect(urls.some((u) => u.includes('/socket.io/'))).toBe(true);
    expect(server.output()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}|v1\.[A-Za-z0-9_-]{20,}\./);
  });
});
