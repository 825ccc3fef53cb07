// Type-checks every workspace package with its own tsconfig, so that packages
// without the DOM lib (protocol, kb, core, i18n, server) fail to compile if they touch it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'examples'];
const projects = roots.flatMap((r) => (existsSync(r) ? readdirSync(r).map((d) => join(r, d)) : [])).concat(['test', 'scripts', 'bench']);
let failed = 0;
for (const dir of projects) {
  if (!existsSync(join(dir, 'tsconfig.json'))) continue;
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', dir], { stdio: 'inherit' });
    console.log(`typecheck ${dir}: ok`);
  } catch {
    failed++;
    console.error(`typecheck ${dir}: FAILED`);
  }
}
process.exit(failed ? 1 : 0);
