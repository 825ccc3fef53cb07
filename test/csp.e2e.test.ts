import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ask, demoAgent, findTicket } from './helpers/agent.ts';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

/** Runs before any page script: every CSP violation, wherever it happens (shadow roots included). */
const CSP_TRAP = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI), true);
`;

describeBrowser('the whole widget under a strict Content-Security-Policy', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.addInitScript(CSP_TRAP);
    page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && consoleErrors.push(m.text()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

  it('serves the example console with the documented policy: no unsafe-inline, no unsafe-eval', async () => {
    const res = await fetch(`${server.consoleUrl}/index.html`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const origin = server.url.replace('127.0.0.1', 'localhost');
    expect(csp.split('; ')).toEqual([
      "default-src 'self'",
      `script-src 'self' ${origin}`,
      "style-src 'self'",
      `connect-src 'self' ${origin} ${origin.replace('http', 'ws')}`,
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]);
    expect(csp).not.toMatch(/unsafe/);
  });

  it('runs launcher, bot, handoff, live agent replies and a language switch with zero violations', async () => {
    await page.goto(`${server.consoleUrl}/index.html`);
    await page.getByRole('button', { name: 'Open support chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('How do I restart my instance?');
    await page.getByRole('button', { name: 'Send' }).click();
    const panel = page.getByRole('dialog', { name: 'Support chat' });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/restart/i);
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    // The user sees what the agent will get, then sends it.
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    const agent = await demoAgent(server.url);
    const ticket = await findTicket(agent.socket, 'restart my instance');
    await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: 'csp-reply', text: 'Hello under CSP' });
    await expect.poll(() => panel.innerText(), { timeout: 5000 }).toContain('Hello under CSP');
    await page.getByRole('textbox', { name: 'Message' }).fill('thanks');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.evaluate(() => (window as unknown as { Helpdock: (...a: unknown[]) => void }).Helpdock('setLocale', 'zh-CN'));
    await expect.poll(() => page.getByRole('button', { name: /./ }).allInnerTexts(), { timeout: 5000 }).toEqual(expect.arrayContaining([expect.stringMatching(/[\u4e00-\u9fff]/)]));
    agent.socket.disconnect();
    // Styles really applied (adopted stylesheets are allowed by style-src 'self').
    const styled = await page.evaluate(() => getComputedStyle(document.getElementById('helpdock-root')!.shadowRoot!.querySelector('button')!).cursor);
    expect(styled).toBe('pointer');
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('would notice a violation (the listener works)', async () => {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
  });
});
