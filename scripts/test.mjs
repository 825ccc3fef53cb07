// The README's test command lands here: build (the end-to-end tests drive the
// built widget, server and agent console), type-check, run every vitest project,
// then print one `N passed, N failed, N skipped` line summed over every test run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const REPORT = '.vitest-report.json';
/** The summary line, also kept in a file so that `.ci/run` can print it last, after pnpm's own messages. */
const SUMMARY = '.test-summary';
function summary(line) {
  console.log(line);
  writeFileSync(SUMMARY, `${line}\n`);
}
const extraArgs = process.argv.slice(2);

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

// Re-use the pnpm that launched us (npx pnpm@… test), else fetch the pinned one.
// pnpm may be a JavaScript file or a native executable.
const execpath = process.env.npm_execpath ?? '';
const pnpm = !execpath.includes('pnpm')
  ? ['npx', ['-y', 'pnpm@12.21.0']]
  : /\.[cm]?js$/.test(execpath)
    ? [process.execPath, [execpath]]
    : [execpath, []];

const steps = [];
if (!process.env.HELPDOCK_SKIP_BUILD) steps.push(['build', pnpm[0], [...pnpm[1], 'run', 'build']]);
steps.push(['typecheck', process.execPath, ['scripts/typecheck.mjs']]);
for (const [label, command, args] of steps) {
  if (!run(label, command, args)) {
    console.error(`\n${label} failed`);
    summary('0 passed, 1 failed');
    process.exit(1);
  }
}

rmSync(REPORT, { force: true });
const vitestOk = run('vitest', process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORT}`,
  ...extraArgs,
]);

if (!existsSync(REPORT)) {
  console.error('vitest wrote no report');
  summary('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const passed = report.numPassedTests ?? 0;
// A file that fails to load has no failed *test* in the count; count it so it cannot hide.
const failedFiles = (report.testResults ?? []).filter((f) => f.status === 'failed');
const brokenFiles = failedFiles.filter((f) => (f.assertionResults ?? []).length === 0).length;
// Tests a failed file never ran (its beforeAll threw: a server that did not start) are failures, not skips.
const unrun = failedFiles.flatMap((f) => f.assertionResults ?? []).filter((t) => t.status === 'pending' || t.status === 'skipped').length;
let failed = (report.numFailedTests ?? 0) + brokenFiles + unrun;
// Errors outside any test (unhandled rejections, a crashed worker) fail the run without failing a test.
if (!vitestOk && failed === 0) {
  console.error('vitest failed outside any test (see the errors above); counted as one failure');
  failed = 1;
}
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) - unrun;
summary(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitestOk && failed === 0 ? 0 : 1);
