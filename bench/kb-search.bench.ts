// FAQ search: index build time and per-query p50/p95 over 1,000 and 10,000 synthetic
// articles, in Node and in Chromium. Budget (DESIGN.md): p95 ≤ 2 ms per query at 10,000.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { demoKbDir, loadKbDir } from '../packages/kb/src/node.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { chromiumPath } from '../test/helpers/services.ts';
import { timeKb, type KbTiming } from './lib/kb-corpus.ts';
import { row, type BenchResult, type BenchRow } from './lib/report.ts';

const SIZES = [1000, 10_000];
const P95_BUDGET_MS = 2;

async function demoWords(): Promise<string[]> {
  const kb = await loadKbDir(demoKbDir);
  const en = kb.bundles['en']?.articles ?? [];
  const counts = new Map<string, number>();
  for (const a of en) for (const w of `${a.title} ${a.body}`.toLowerCase().match(/[a-z]{3,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1]).map(([w]) => w);
}

async function inChromium(words: string[]): Promise<KbTiming[] | null> {
  if (!chromiumPath()) return null;
  const out = await build({
    logLevel: 'error',
    configFile: false,
    build: { write: false, minify: true, lib: { entry: fileURLToPath(new URL('./kb-search.browser.ts', import.meta.url)), formats: ['iife'], name: 'kbBench' } },
  });
  const output = (Array.isArray(out) ? out[0] : out) as { output: Array<{ type: string; code?: string }> };
  const code = output.output.find((o) => o.type === 'chunk')?.code ?? '';
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>kb bench</title>');
    await page.addScriptTag({ content: code });
    const results: KbTiming[] = [];
    for (const n of SIZES) results.push(await page.evaluate(([size, w]) => (globalThis as unknown as { helpdockKbBench: (n: number, w: string[]) => KbTiming }).helpdockKbBench(size, w), [n, words] as const));
    return results;
  } finally {
    await browser.close();
  }
}

function rows(where: string, timings: KbTiming[]): BenchRow[] {
  return timings.flatMap((t) => [
    row({ metric: `${where}: build ${t.articles} articles`, value: t.buildMs, unit: 'ms' }),
    row({ metric: `${where}: query p50, ${t.articles} articles`, value: t.p50Ms, unit: 'ms' }),
    row({ metric: `${where}: query p95, ${t.articles} articles`, value: t.p95Ms, unit: 'ms', ...(t.articles === 10_000 ? { budget: P95_BUDGET_MS } : {}) }),
  ]);
}

export async function run(): Promise<BenchResult> {
  const words = await demoWords();
  const node = SIZES.map((n) => timeKb(n, words, () => performance.now()));
  const chromium = await inChromium(words);
  return {
    name: 'kb-search',
    rows: [...rows('Node', node), ...(chromium ? rows('Chromium', chromium) : [])],
    notes: [
      '300 queries per size (2–5 words from a random article, a fifth with a typo, a seventh cut mid-word), timed one by one after a warm-up of 50',
      chromium ? 'Chromium: the same code bundled with vite, headless' : 'Chromium not found: browser figures skipped',
    ],
  };
}
