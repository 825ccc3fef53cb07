// `pnpm bench`: builds (unless HELPDOCK_SKIP_BUILD is set: benchmarks drive the built widget and server), then runs bench/run.mjs.
import { spawnSync } from 'node:child_process';

const execpath = process.env.npm_execpath ?? '';
const pnpm = !execpath.includes('pnpm') ? ['npx', ['-y', 'pnpm@12.21.0']] : /\.[cm]?js$/.test(execpath) ? [process.execPath, [execpath]] : [execpath, []];
if (!process.env.HELPDOCK_SKIP_BUILD) {
  const build = spawnSync(pnpm[0], [...pnpm[1], 'run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const bench = spawnSync(process.execPath, ['bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(bench.status ?? 1);
