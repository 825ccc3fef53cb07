import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, readQuery } from '../src/eval-cli.ts';
import { evaluate, type EvalQuery } from '../src/evaluate.ts';
import { demoKbDir, loadKbDir } from '../src/node.ts';

const evalDir = new URL('../eval/', import.meta.url);

async function queriesOf(name: string): Promise<EvalQuery[]> {
  const text = await readFile(new URL(name, evalDir), 'utf8');
  return text.split('\n').filter((l) => l.trim()).map((l) => readQuery(l) as EvalQuery);
}

describe('the FAQ bot on the shipped query sets', () => {
  it.each(['demo-queries.jsonl', 'demo-holdout.jsonl'])('meets the bar on %s', async (name) => {
    const { bundles } = await loadKbDir(demoKbDir);
    const queries = await queriesOf(name);
    const { overall, locales } = evaluate(bundles, queries);
    expect(Object.keys(locales).sort()).toEqual(['en', 'ja', 'ko', 'zh-CN']);
    expect(overall.top1).toBeGreaterThanOrEqual(0.85);
    expect(overall.top3).toBeGreaterThanOrEqual(0.95);
    // "Don't know" on most questions the KB cannot answer, hardly ever on ones it can.
    expect(overall.dontKnowUnanswerable).toBeGreaterThanOrEqual(0.75);
    expect(overall.dontKnowAnswerable).toBeLessThanOrEqual(0.1);
  });

  it('ships at least 150 queries over all four languages, unanswerable and context-only ones included', async () => {
    const all = [...(await queriesOf('demo-queries.jsonl')), ...(await queriesOf('demo-holdout.jsonl'))];
    expect(all.length).toBeGreaterThanOrEqual(150);
    for (const locale of ['en', 'zh-CN', 'ja', 'ko']) expect(all.filter((q) => q.locale === locale).length).toBeGreaterThanOrEqual(25);
    expect(all.filter((q) => (q.expect ?? []).length === 0).length).toBeGreaterThanOrEqual(12);
    expect(all.filter((q) => q.context).length).toBeGreaterThanOrEqual(4);
  });
});

describe('the eval command', () => {
  let dir = '';
  afterEach(async () => {
    vi.restoreAllMocks();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints a table per locale and the figures as JSON on its last line, skipping bad query lines with their line number', async () => {
    dir = await mkdtemp(join(tmpdir(), 'helpdock-eval-'));
    const file = join(dir, 'q.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ q: 'purge the cdn cache', locale: 'en', expect: ['cdn-purge-cache'] }),
        'not json',
        JSON.stringify({ q: 'CDN キャッシュ削除', locale: 'ja', expect: ['cdn-purge-cache'] }),
        JSON.stringify({ q: 'quelle heure est-il', locale: 'fr', expect: [] }),
      ].join('\n'),
    );
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
    expect(await main(['--', '--kb', demoKbDir, '--queries', file])).toBe(0);
    expect(err).toEqual([`${file}:2: not valid JSON`]);
    const last = JSON.parse(out.at(-1) ?? '');
    expect(last.overall).toMatchObject({ queries: 3, answerable: 2, top1: 1, top3: 1, mrr: 1, dontKnowUnanswerable: 1 });
    // French has no articles: the English ones answer, and the figures are still reported under French.
    expect(Object.keys(last.locales)).toEqual(['en', 'fr', 'ja']);
    expect(out.some((l) => l.startsWith('overall'))).toBe(true);
  });

  it('says how to use it when an argument is missing', async () => {
    const err: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
    expect(await main(['--kb', demoKbDir])).toBe(2);
    expect(err[0]).toMatch(/--queries <file.jsonl>/);
  });
});
