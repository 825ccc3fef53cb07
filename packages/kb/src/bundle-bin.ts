import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoKbDir, loadKbDir } from './node.ts';

/**
 * `bundle --kb <dir> --out <dir>`: writes one KbBundle JSON file per locale
 * (`<out>/<locale>.json`), the format a server or CDN ships to the page.
 * Broken articles are reported with file and line and left out; the rest ship.
 * `--demo` bundles the demo KB into `bundles/` beside this file (what `pnpm build` does).
 */
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const demo = argv.includes('--demo');
const kb = demo ? demoKbDir : arg('--kb');
const out = demo ? fileURLToPath(new URL(/* @vite-ignore */ './bundles', import.meta.url)) : arg('--out');
if (!kb || !out) {
  console.error('usage: bundle --kb <dir of articles> --out <dir>');
  process.exitCode = 2;
} else {
  const base = process.env['INIT_CWD'] ?? process.cwd();
  const { bundles, errors } = await loadKbDir(resolve(base, kb));
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  await mkdir(resolve(base, out), { recursive: true });
  for (const [locale, bundle] of Object.entries(bundles)) {
    await writeFile(join(resolve(base, out), `${locale}.json`), JSON.stringify(bundle));
  }
  console.log(`${Object.values(bundles).reduce((n, b) => n + b.articles.length, 0)} articles in ${Object.keys(bundles).length} locales → ${out}`);
  if (errors.length) process.exitCode = 1;
}
