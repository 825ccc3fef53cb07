// `pnpm bench`: runs every bench/*.bench.ts (or .mjs) in name order, or only the
// ones whose name contains an argument (`pnpm bench host`). Each file exports
// `run()` returning a BenchResult (bench/lib/report.ts); this prints its table and
// writes it to bench/results/<name>.json, tagged with the commit, so results
// can be compared across commits with git. Exits 1 when a budget is missed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport } from 'vite';

const here = import.meta.dirname;
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.ts matches ${filters.join(' ')}`);
  process.exit(1);
}

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim()) commit += '+dirty';
} catch {
  // Not a git checkout: results are still written, without a commit.
}

const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v ?? ''));
let missed = 0;
mkdirSync(join(here, 'results'), { recursive: true });
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const { module } = await runnerImport(join(here, file));
  const result = await module.run();
  const rows = result.rows.map((r) => ({
    metric: r.metric,
    [result.columns?.[0] ?? 'value']: fmt(r.value),
    ...(r.baseline !== undefined ? { without: fmt(r.baseline), added: fmt(r.value - r.baseline), ratio: r.baseline ? fmt(r.value / r.baseline) : '' } : {}),
    unit: r.unit,
    budget: r.budget === undefined ? '' : `≤ ${fmt(r.budget)}`,
    ok: r.budget === undefined ? '' : r.ok ? 'yes' : 'NO',
  }));
  console.table(rows);
  for (const note of result.notes ?? []) console.log(`  · ${note}`);
  missed += result.rows.filter((r) => r.budget !== undefined && !r.ok).length;
  const out = join(here, 'results', `${result.name}.json`);
  writeFileSync(out, `${JSON.stringify({ commit, date: new Date().toISOString(), ...result }, null, 2)}\n`);
  console.log(`  → ${out.slice(here.length - 'bench'.length)}`);
}
console.log(missed ? `\n${missed} budget(s) missed` : '\nevery budget met');
process.exit(missed ? 1 : 0);
