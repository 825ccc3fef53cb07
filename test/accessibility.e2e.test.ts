import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
/** Screenshots of every state checked here; git-ignored. `HELPDOCK_GALLERY_DIR` moves it. */
const GALLERY = process.env.HELPDOCK_GALLERY_DIR ?? resolve(import.meta.dirname, '../gallery');

type Violation = { id: string; impact: string; nodes: Array<{ target: unknown; failureSummary: string }> };
type HelpdockWindow = Window & { Helpdock(...args: unknown[]): void; axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> } };

/** axe-core's WCAG 2.2 AA rules over `include` (the widget's host element reaches into its shadow root); readable failures. */
async function axe(page: Page, include: string | null): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(
    ([sel, tags]) => (window as unknown as HelpdockWindow).axe.run(sel ? { include: [sel] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => r.violations),
    [include, TAGS] as const,
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${n.failureSummary}`));
}

describeBrowser('accessible in every state, in English and Arabic, themed by config', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    // axe-core and the host-CSS probe are injected inline; the console's strict CSP is tested in csp.e2e.test.ts.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    page = await context.newPage();
    mkdirSync(GALLERY, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const root = () => page.locator('#helpdock-root .hd-root');
  const call = (...args: unknown[]) => page.evaluate((a) => (window as unknown as HelpdockWindow).Helpdock(...a), args);
  const setLocale = async (locale: string) => {
    await call('setLocale', locale);
    await expect.poll(() => root().getAttribute('lang'), { timeout: 5000 }).toBe(locale);
  };

  /**
   * The state as it is, checked with axe in English and Arabic, light and dark, and
   * photographed in those and in Chinese and Japanese; back to English and light after.
   */
  async function check(state: string): Promise<void> {
    for (const mode of ['light', 'dark'] as const) {
      await call('update', { theme: { mode } });
      for (const locale of ['en', 'ar', 'zh-CN', 'ja']) {
        await setLocale(locale);
        expect(await root().getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        if (locale === 'en' || locale === 'ar') {
          await page.waitForTimeout(200); // the panel's entrance animation, so axe measures final colours
          expect(await axe(page, '#helpdock-root'), `${state} in ${locale}, ${mode}`).toEqual([]);
        }
        await page.screenshot({ path: join(GALLERY, `${state}.${locale}.${mode}.desktop.png`) });
      }
    }
    await call('update', { theme: {} });
    await setLocale('en');
  }

  it('closed, home with articles, article, bot chat: no violations', async () => {
    await page.goto(`${server.consoleUrl}/index.html`);
    await page.getByRole('button', { name: 'Open support chat' }).waitFor({ timeout: 15_000 });
    await check('closed');
    // An instance page, so the home view has help for the page.
    await page.getByRole('link', { name: 'i-bp1a2b3c4d5e6f7g8h9i' }).click();
    await page.getByRole('heading', { name: /web-frontend-1/ }).waitFor();
    await page.getByRole('button', { name: 'Open support chat' }).click();
    await page.locator('.hd-home-article').first().waitFor({ timeout: 10_000 });
    await check('home');
    await page.locator('.hd-home-article').first().click();
    await page.locator('.hd-article-heading').waitFor();
    await check('article');
    await page.locator('.hd-article-view .hd-link-button').first().click();
    await page.getByRole('textbox', { name: 'Message' }).fill('How do I restart my instance?');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await page.locator('.hd-msg--bot .hd-article-title').first().waitFor({ timeout: 10_000 });
    await check('bot-chat');
  });

  it('switches language at run time without losing the draft, loading only that language', async () => {
    page.removeAllListeners('response');
    const bodies: string[] = [];
    page.on('response', (r) => void (r.url().endsWith('.js') ? r.text().then((t) => bodies.push(t), () => undefined) : undefined));
    await page.getByRole('textbox', { name: 'Message' }).fill('half-written question');
    await setLocale('ko');
    expect(await page.getByRole('textbox', { name: '메시지' }).inputValue()).toBe('half-written question');
    await page.getByRole('button', { name: '지원 채팅 닫기' }).waitFor();
    await expect.poll(() => bodies.some((b) => b.includes('지원 채팅 열기'))).toBe(true);
    // Korean came as its own chunk; languages nobody asked for never load.
    expect(bodies.some((b) => b.includes('Открыть чат поддержки') || b.includes('เปิดแชทฝ่ายช่วยเหลือ'))).toBe(false);
    await setLocale('en');
    await page.getByRole('textbox', { name: 'Message' }).fill('');
  });

  it('ticket tracker with nobody online, offline, then rating: no violations', async () => {
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    await page.getByRole('button', { name: 'Send to an agent' }).waitFor();
    await check('handoff-review');
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => page.locator('.hd-panel').innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    await page.locator('.hd-email').waitFor({ timeout: 10_000 });
    await check('ticket');
    await context.setOffline(true);
    await page.getByText('Reconnecting…').waitFor({ timeout: 10_000 });
    await check('offline');
    await context.setOffline(false);
    await page.getByText('Reconnecting…').waitFor({ state: 'detached', timeout: 20_000 });

    const number = /Ticket #(\d+)/.exec(await page.locator('.hd-panel').innerText())?.[1];
    const agent = await (await browser.newContext({ bypassCSP: true })).newPage();
    await agent.goto(`${server.url}/agent/`);
    expect(await axe(agent, null), 'agent console login').toEqual([]);
    await agent.getByLabel('E-mail').fill('ana@demo.helpdock.dev');
    await agent.getByLabel('Password').fill('helpdock-demo');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('button', { name: new RegExp(`^#${number}\\b`) }).click();
    await agent.getByLabel('Resolution').waitFor();
    expect(await axe(agent, null), 'agent console ticket view').toEqual([]);
    await agent.getByLabel('Resolution').fill('Restarted it');
    await agent.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByRole('button', { name: 'Send rating' }).waitFor({ timeout: 10_000 });
    await check('rating');
  });

  it('works from the keyboard alone: Tab to the launcher, Enter opens, Escape closes and gives focus back', async () => {
    const fresh = await browser.newContext({ bypassCSP: true });
    const page = await fresh.newPage();
    await page.goto(`${server.consoleUrl}/index.html`);
    const launcher = page.locator('.hd-launcher');
    await launcher.waitFor({ timeout: 15_000 });
    // Tab from the top of the page reaches the launcher (it is last in the page's order).
    await page.locator('body').focus();
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'helpdock-root')); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.hd-panel').waitFor();
    await expect.poll(() => page.evaluate(() => document.getElementById('helpdock-root')?.shadowRoot?.activeElement?.id)).toBe('hd-input');
    // Focus is drawn: a visible outline on the focused control.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.getElementById('helpdock-root')?.shadowRoot?.activeElement;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(outline).not.toBe('none');
    await page.keyboard.press('Escape');
    await page.locator('.hd-panel').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.getElementById('helpdock-root')?.shadowRoot?.activeElement?.className)).toContain('hd-launcher');
    await fresh.close();
  });

  it('restyles live with update({ theme }), keeps text readable on a light brand, and keeps host CSS out and ours in', async () => {
    await page.addStyleTag({ content: '* { color: #f0f !important; font-family: serif !important } button { background: lime !important } #helpdock-root { --hd-brand: #f00; --hd-bg: #000 }' });
    await call('close');
    await call('update', { theme: { brand: '#ffd400', position: 'bottom-left', offsetX: 40, launcherLabel: 'Help' } });
    const launcher = page.locator('.hd-launcher');
    await expect.poll(() => launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 212, 0)');
    const style = await launcher.evaluate((b) => ({ color: getComputedStyle(b).color, font: getComputedStyle(b).fontFamily, left: b.getBoundingClientRect().left }));
    expect(style.color).toBe('rgb(17, 20, 24)');
    expect(style.font).not.toMatch(/^serif/);
    expect(style.left).toBe(40);
    expect(await launcher.innerText()).toContain('Help');
    // Our class names mean nothing to the host page.
    const hostButton = await page.evaluate(() => {
      const b = document.createElement('button');
      b.className = 'hd-launcher hd-panel';
      document.body.append(b);
      const s = getComputedStyle(b);
      const out = { radius: s.borderRadius, position: s.position };
      b.remove();
      return out;
    });
    expect(hostButton).toEqual({ radius: '0px', position: 'static' });
    await page.screenshot({ path: join(GALLERY, 'themed.en.light.desktop.png') });
  });

  it('fills a phone screen with 16 px inputs, honours reduced motion, and survives 200 % zoom', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true, reducedMotion: 'reduce', bypassCSP: true });
    const p = await phone.newPage();
    await p.goto(`${server.consoleUrl}/index.html`);
    // Opened by keyboard: the example console's own layout overflows a phone's width, and that is the host's business.
    await p.getByRole('button', { name: 'Open support chat' }).focus();
    await p.keyboard.press('Enter');
    await p.locator('.hd-panel').waitFor();
    const box = await p.locator('.hd-panel').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 667 });
    expect(await p.locator('.hd-input').first().evaluate((i) => getComputedStyle(i).fontSize)).toBe('16px');
    expect(await p.locator('.hd-panel').evaluate((e) => getComputedStyle(e).animationName)).toBe('none');
    expect(await p.locator('.hd-log').first().evaluate((e) => getComputedStyle(e).overscrollBehaviorY)).toBe('contain');
    for (const locale of ['en', 'ar', 'zh-CN', 'ja']) {
      await p.evaluate((l) => (window as unknown as HelpdockWindow).Helpdock('setLocale', l), locale);
      await expect.poll(() => p.locator('#helpdock-root .hd-root').getAttribute('lang')).toBe(locale);
      await p.screenshot({ path: join(GALLERY, `home.${locale}.light.mobile.png`) });
    }
    await p.evaluate(() => (window as unknown as HelpdockWindow).Helpdock('setLocale', 'en'));
    await phone.close();
    // 200 % zoom of a 1280 × 800 window is a 640 × 400 CSS-pixel viewport: the composer and close button stay reachable.
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, bypassCSP: true });
    const z = await zoomed.newPage();
    await z.goto(`${server.consoleUrl}/index.html`);
    await z.getByRole('button', { name: 'Open support chat' }).focus();
    await z.keyboard.press('Enter');
    await z.locator('.hd-panel').waitFor();
    for (const sel of ['.hd-input', '.hd-send', '.hd-header .hd-icon-button']) {
      const b = await z.locator(sel).first().boundingBox();
      expect(b, sel).not.toBeNull();
      expect(b!.y + b!.height, sel).toBeLessThanOrEqual(400);
      expect(b!.x + b!.width, sel).toBeLessThanOrEqual(640);
    }
    await zoomed.close();
  });
});
