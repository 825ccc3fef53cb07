import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluate, type EvalFigures, type EvalQuery } from './evaluate.ts';
import { loadKbDir } from './node.ts';
import type { SearchContext } from './types.ts';

const USAGE = 'usage: pnpm --filter @helpdock/kb eval -- --kb <dir of articles> --queries <file.jsonl> [--misses]';

/**
 * `eval --kb <dir> --queries <file.jsonl>`: how well the FAQ bot answers a
 * query set. Prints a table per locale, then the figures as JSON on the last
 * line (for scripts). Paths are relative to where the command was typed.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args.kb || !args.queries) {
    console.error(USAGE);
    return 2;
  }
  const base = process.env['INIT_CWD'] ?? process.cwd();
  const { bundles, errors } = await loadKbDir(resolve(base, args.kb));
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  if (Object.keys(bundles).length === 0) {
    console.error(`no articles found in ${args.kb} (expected <dir>/<locale>/<id>.md)`);
    return 1;
  }

  let text: string;
  try {
    text = await readFile(resolve(base, args.queries), 'utf8');
  } catch (err) {
    console.error(`cannot read ${args.queries}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const queries: EvalQuery[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const q = readQuery(line);
    if (typeof q === 'string') console.error(`${args.queries}:${i + 1}: ${q}`);
    else queries.push(q);
  });
  if (queries.length === 0) {
    console.error(`no queries in ${args.queries}`);
    return 1;
  }

  const report = evaluate(bundles, queries);
  if (args.misses) {
    for (const m of report.misses) console.log(`miss [${m.locale}] ${JSON.stringify(m.q)} expected ${m.expect.join('|') || "don't know"}, got ${m.decision}: ${m.got.join(', ') || '-'}`);
    console.log('');
  }
  console.log(row(['locale', 'queries', 'answerable', 'top-1', 'top-3', 'MRR', "don't know", 'on answerable', 'on unanswerable']));
  for (const [locale, f] of Object.entries(report.locales)) console.log(row(cells(locale, f)));
  console.log(row(cells('overall', report.overall)));
  console.log(JSON.stringify({ overall: report.overall, locales: report.locales }));
  return 0;
}

function cells(label: string, f: EvalFigures): string[] {
  return [label, String(f.queries), String(f.answerable), f.top1.toFixed(3), f.top3.toFixed(3), f.mrr.toFixed(3), f.dontKnow.toFixed(3), f.dontKnowAnswerable.toFixed(3), f.dontKnowUnanswerable.toFixed(3)];
}

function row(values: string[]): string {
  return values.map((v, i) => (i === 0 ? v.padEnd(8) : v.padStart(i >= 6 ? 15 : 10))).join(' ');
}

function parseArgs(argv: readonly string[]): { kb?: string; queries?: string; misses: boolean } {
  const out: { kb?: string; queries?: string; misses: boolean } = { misses: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--kb') out.kb = argv[++i] ?? '';
    else if (a === '--queries') out.queries = argv[++i] ?? '';
    else if (a === '--misses') out.misses = true;
  }
  return out;
}

/** A query, or why the line is not one. */
export function readQuery(line: string): EvalQuery | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const o = raw as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || typeof o['q'] !== 'string') return '`q` must be a string';
  if (o['locale'] !== undefined && typeof o['locale'] !== 'string') return '`locale` must be a string';
  const expect = o['expect'] ?? [];
  if (!Array.isArray(expect) || !expect.every((x) => typeof x === 'string')) return '`expect` must be a list of article ids';
  const q: EvalQuery = { q: o['q'], expect: expect as string[] };
  if (typeof o['locale'] === 'string') q.locale = o['locale'];
  if (o['context'] && typeof o['context'] === 'object') q.context = o['context'] as SearchContext;
  return q;
}
