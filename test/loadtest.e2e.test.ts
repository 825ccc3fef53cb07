import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['loadtest/loadtest.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

/* A tiny run of `pnpm loadtest` against the built server: the tool works, counts right and stops by itself. The real figures are manual runs (docs/scaling.md). */
describe('pnpm loadtest (smoke)', () => {
  it('drives visitors and agents through one node and reports latency, losses, memory and sockets', () => {
    const result = run('--visitors', '12', '--agents', '3', '--rate', '30', '--duration', '2', '--warmup', '0', '--json');
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { results: Record<string, any>[] };
    const [r] = summary.results;
    expect(r).toMatchObject({ lost: 0, duplicated: 0, refused: 0, connected: { visitors: 12, agents: 3 } });
    expect(r!['sent']).toBeGreaterThanOrEqual(50);
    expect(r!['latencyMs'].p50).toBeGreaterThan(0);
    expect(r!['latencyMs'].p99).toBeGreaterThanOrEqual(r!['latencyMs'].p50);
    expect(r!['peakRssMb'][0]).toBeGreaterThan(10);
  }, 150_000);

  it('refuses sizes beyond its bounds', () => {
    const result = run('--visitors', '1000000');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--visitors must be an integer from 1 to 20000');
  });
});
