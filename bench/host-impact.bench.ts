// What the widget costs the page that embeds it, measured in headless Chromium on
// the example console and on a blank page, each with and without the script tag.
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { gzipSize, STAGES, WIDGET_DIST } from '../scripts/widget-stages.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../test/helpers/demo-server.ts';
import { median, row, type BenchResult, type BenchRow } from './lib/report.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Long tasks and blocking time are counted from navigation start to this point. */
const WINDOW_MS = 4000;
const CHAT_MESSAGES = 200;
const KB = 1024;

type Host = 'console' | 'blank';

interface LoadRun {
  launcherMs: number | null;
  /** When each widget file finished downloading, ms after navigation start. */
  fetchedMs: Record<string, number>;
  loadEventMs: number;
  longTasks: number;
  tbtMs: number;
  heapBytes: number;
}

// Runs in the page before any of its scripts: long tasks, and the frame in which the launcher first appears.
const PROBE = `
window.__hd = { longTasks: [], launcherAt: null, clickAt: null, panelAt: null };
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__hd.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {}
const findLauncher = () => document.getElementById('helpdock-root')?.shadowRoot?.querySelector('.hd-launcher');
const watch = new MutationObserver(() => {
  if (window.__hd.launcherAt !== null || !findLauncher()) return;
  window.__hd.launcherAt = -1;
  watch.disconnect();
  requestAnimationFrame(() => (window.__hd.launcherAt = performance.now()));
});
watch.observe(document, { childList: true, subtree: true });
addEventListener('click', () => {
  if (window.__hd.clickAt !== null) return;
  window.__hd.clickAt = performance.now();
  const poll = () => {
    const root = document.getElementById('helpdock-root')?.shadowRoot;
    if (root?.activeElement?.tagName === 'TEXTAREA') window.__hd.panelAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}, true);
`;

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  return context;
}

const pageUrl = (server: DemoServer, host: Host) => `${server.consoleUrl}/${host === 'blank' ? 'blank' : 'index'}.html`;

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function loadOnce(browser: Browser, server: DemoServer, host: Host, withWidget: boolean): Promise<LoadRun> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    if (!withWidget) {
      // The same page, its script tag blocked inside the browser (no interception round trip): only the widget's own work differs.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setBlockedURLs', { urls: ['*/widget/loader.js'] });
    }
    await page.goto(pageUrl(server, host), { waitUntil: 'load' });
    await page.waitForFunction((ms) => performance.now() >= ms, WINDOW_MS, { timeout: WINDOW_MS + 5000 });
    const probe = await page.evaluate(() => {
      const hd = (window as unknown as { __hd: { longTasks: Array<{ start: number; duration: number }>; launcherAt: number | null } }).__hd;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.name.includes('/widget/'))
        .map((e) => [e.name.slice(e.name.indexOf('/widget/') + 8), Math.round(e.responseEnd)] as const);
      return { longTasks: hd.longTasks, launcherAt: hd.launcherAt, loadEventMs: nav?.loadEventEnd ?? 0, fetched: Object.fromEntries(fetched) };
    });
    const tasks = probe.longTasks.filter((t) => t.start <= WINDOW_MS);
    if (withWidget && (probe.launcherAt === null || probe.launcherAt < 0)) throw new Error(`${host}: no launcher within ${WINDOW_MS} ms`);
    return {
      launcherMs: withWidget ? probe.launcherAt : null,
      fetchedMs: probe.fetched,
      loadEventMs: probe.loadEventMs,
      longTasks: tasks.length,
      tbtMs: tasks.reduce((n, t) => n + Math.max(0, t.duration - 50), 0),
      heapBytes: await heapAfterGc(page),
    };
  } finally {
    await context.close();
  }
}

/** The widget files the page has fetched so far (or by `by`, in ms since navigation), as resource timing lists them. */
async function widgetFiles(page: Page, by = Infinity): Promise<string[]> {
  return page.evaluate((until) =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.responseEnd <= until)
      .map((e) => e.name)
      .filter((url) => url.includes('/widget/') && url.endsWith('.js'))
      .map((url) => url.slice(url.indexOf('/widget/') + 8)),
    by,
  );
}

const stageOf = (files: string[]) => ({ files, gzip: files.reduce((n, f) => n + gzipSize(join(WIDGET_DIST, f)), 0) });

/**
 * One visit that goes all the way: launcher, open, a question for the bot, a
 * human. Which files the page fetched at each point comes from the page itself;
 * their min+gzip size from the built files (the demo server does not compress).
 */
async function stageBytes(browser: Browser, server: DemoServer) {
  const context = await newContext(browser);
  const kb: Array<Promise<number>> = [];
  context.on('request', (request) => {
    // The knowledge base the bot searches is data, fetched once; counted apart from code.
    if (request.url().startsWith(server.url) && /\/kb\b/.test(request.url())) {
      kb.push(fetch(request.url()).then(async (r) => gzipSync(Buffer.from(await r.arrayBuffer()), { level: 9 }).length));
    }
  });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl(server, 'blank'));
    const launcher = page.getByRole('button', { name: 'Open support chat' });
    await launcher.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    // What the page had downloaded by the frame the launcher first showed in (the core follows it on purpose).
    const atLauncher = await widgetFiles(page, await page.evaluate(() => (window as unknown as { __hd: { launcherAt: number } }).__hd.launcherAt));
    await launcher.click();
    await page.getByRole('textbox', { name: 'Message' }).fill('How do I restart my instance?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await page.getByText(/Ticket #\d+/).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    const kbData = (await Promise.all(kb)).reduce((a, b) => a + b, 0);
    return { loader: stageOf(['loader.js']), launcher: stageOf(atLauncher), openChat: stageOf(await widgetFiles(page)), kbData };
  } finally {
    await context.close();
  }
}

function chatHistory(count: number): string {
  const at = Date.now() - count * 60_000;
  const messages = Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    clientId: `m${i}`,
    author: i % 2 ? 'bot' : 'visitor',
    text: i % 2 ? `Answer ${i}: open the instance page, choose Restart, and confirm. The instance is back in about a minute.` : `Question ${i}: how do I restart my instance?`,
    createdAt: new Date(at + i * 60_000).toISOString(),
  }));
  return JSON.stringify({ version: 1, open: false, phase: 'bot', messages, outbox: [], ticket: null, lastSeq: 0, handoffClientId: null });
}

/** A visitor with 200 messages opens the chat: time from click to a focused composer, and the heap once all are shown. */
async function openLongChat(browser: Browser, server: DemoServer): Promise<{ clickToPanelMs: number; heapBytes: number }> {
  const context = await newContext(browser);
  await context.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    ['helpdock:conversation:demo', chatHistory(CHAT_MESSAGES)],
  );
  try {
    const page = await context.newPage();
    await page.goto(pageUrl(server, 'blank'));
    const launcher = page.getByRole('button', { name: /^Open support chat/ });
    await launcher.waitFor({ timeout: 10_000 });
    await launcher.click();
    await page.waitForFunction(() => (window as unknown as { __hd: { panelAt: number | null } }).__hd.panelAt !== null, undefined, { timeout: 10_000 });
    await page.waitForFunction(
      (n) => (document.getElementById('helpdock-root')?.shadowRoot?.querySelectorAll('.hd-log .hd-msg').length ?? 0) >= n,
      CHAT_MESSAGES,
    );
    const { clickAt, panelAt } = await page.evaluate(() => (window as unknown as { __hd: { clickAt: number; panelAt: number } }).__hd);
    return { clickToPanelMs: panelAt - clickAt, heapBytes: await heapAfterGc(page) };
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchResult> {
  const server = await startDemoServer();
  const browser = await launchChromium();
  try {
    const loads: Record<string, LoadRun[]> = {};
    // Interleaved, so that a slow spell of the machine hits every variant alike.
    for (let i = 0; i < RUNS; i++) {
      for (const host of ['blank', 'console'] as const) {
        for (const withWidget of [false, true]) (loads[`${host}:${withWidget}`] ??= []).push(await loadOnce(browser, server, host, withWidget));
      }
    }
    const chats: Array<{ clickToPanelMs: number; heapBytes: number }> = [];
    for (let i = 0; i < RUNS; i++) chats.push(await openLongChat(browser, server));
    const bytes = await stageBytes(browser, server);

    const m = (key: string, pick: (r: LoadRun) => number | null) => median(loads[key]!.map((r) => pick(r) ?? NaN));
    const rows: BenchRow[] = [
      row({ metric: 'loader (min+gzip)', value: bytes.loader.gzip / KB, unit: 'KB', budget: STAGES.loader.budgetKb }),
      row({ metric: 'launcher stage (min+gzip)', value: bytes.launcher.gzip / KB, unit: 'KB', budget: STAGES.launcher.budgetKb }),
      row({ metric: 'open chat, bot + agent (min+gzip)', value: bytes.openChat.gzip / KB, unit: 'KB', budget: STAGES.openChat.budgetKb }),
      row({ metric: 'navigation → launcher visible, blank page', value: m('blank:true', (r) => r.launcherMs), unit: 'ms', budget: 150 }),
      row({ metric: '  of which: loader.js downloaded, blank page', value: m('blank:true', (r) => r.fetchedMs['loader.js'] ?? NaN), unit: 'ms' }),
      row({ metric: '  of which: widget.js downloaded, blank page', value: m('blank:true', (r) => r.fetchedMs['widget.js'] ?? NaN), unit: 'ms' }),
      row({ metric: 'navigation → launcher visible, console', value: m('console:true', (r) => r.launcherMs), unit: 'ms' }),
    ];
    for (const host of ['blank', 'console'] as const) {
      const w = `${host}:true`;
      const wo = `${host}:false`;
      rows.push(
        row({ metric: `load event, ${host}`, value: m(w, (r) => r.loadEventMs), baseline: m(wo, (r) => r.loadEventMs), unit: 'ms' }),
        row({ metric: `long tasks, ${host}`, value: m(w, (r) => r.longTasks), baseline: m(wo, (r) => r.longTasks), unit: 'count', budget: 0, budgetOn: 'added' }),
        row({ metric: `total blocking time, ${host}`, value: m(w, (r) => r.tbtMs), baseline: m(wo, (r) => r.tbtMs), unit: 'ms', budget: 10, budgetOn: 'added' }),
        row({ metric: `JS heap after load, ${host}`, value: m(w, (r) => r.heapBytes) / KB / KB, baseline: m(wo, (r) => r.heapBytes) / KB / KB, unit: 'MB', budget: 1, budgetOn: 'added' }),
      );
    }
    rows.push(
      row({
        metric: `JS heap, open chat of ${CHAT_MESSAGES} messages, blank`,
        value: median(chats.map((c) => c.heapBytes)) / KB / KB,
        baseline: m('blank:false', (r) => r.heapBytes) / KB / KB,
        unit: 'MB',
        budget: 4,
        budgetOn: 'added',
      }),
      row({ metric: `click → interactive panel (first open, ${CHAT_MESSAGES} messages)`, value: median(chats.map((c) => c.clickToPanelMs)), unit: 'ms' }),
    );
    return {
      name: 'host-impact',
      rows,
      notes: [
        `${RUNS} runs per variant, medians; "without" is the same page with its script tag blocked; long tasks and blocking time counted over the first ${WINDOW_MS} ms`,
        `launcher stage fetched: ${bytes.launcher.files.join(', ')}`,
        `open chat fetched: ${bytes.openChat.files.join(', ')}; plus ${(bytes.kbData / KB).toFixed(2)} KB gzip of knowledge-base data`,
      ],
      runs: { loads, chats, bytes },
    };
  } finally {
    await browser.close();
    await server.dispose();
  }
}
