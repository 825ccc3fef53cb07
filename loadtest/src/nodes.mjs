import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'packages/server/dist/cli.js');
const ECHO = join(import.meta.dirname, 'echo-server.mjs');

export const APP_ID = 'load';
export const AGENT_PASSWORD = 'loadtest-agent-password';
export const agentEmail = (i) => `agent${i}@load.test`;

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function spawnServer(command, args, env, port) {
  const child = spawn(process.execPath, [command, ...args], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    log: () => log,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          r();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Starts what is measured, on 127.0.0.1 only: K Helpdock nodes from the built
 * CLI (one: embedded store in a temp folder; more: Postgres + Redis from the
 * environment, in a private schema), or the bare echo server.
 */
export async function startTargets(opts) {
  const cleanups = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  try {
    if (opts.echo) {
      const node = await spawnServer(ECHO, [], {}, await freePort());
      cleanups.push(node.stop);
      return { nodes: [node], store: 'none (echo)', cleanup };
    }
    if (!existsSync(CLI)) throw new Error('packages/server/dist/cli.js is missing: run `pnpm build` first');
    const dir = mkdtempSync(join(tmpdir(), 'helpdock-load-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const apps = join(dir, 'apps.json');
    const agents = Array.from({ length: opts.agents }, (_, i) => ({ email: agentEmail(i), name: `Agent ${i}`, password: AGENT_PASSWORD }));
    writeFileSync(apps, JSON.stringify([{ id: APP_ID, allowedOrigins: ['*'], agents }]));
    // The point is throughput, so the per-visitor and per-address limits (one address here) are off.
    const env = { HELPDOCK_APPS_FILE: apps, HELPDOCK_RATE_LIMITS: 'off', DATABASE_URL: '', REDIS_URL: '', HELPDOCK_SECRET: randomBytes(24).toString('hex') };
    let store = 'PGlite (embedded)';
    if (opts.nodes > 1 || opts.postgres) {
      const { DATABASE_URL: db, REDIS_URL: redis } = process.env;
      if (!db) throw new Error('--nodes > 1 and --postgres need DATABASE_URL');
      if (opts.nodes > 1 && !redis) throw new Error('--nodes > 1 needs REDIS_URL');
      const schema = `hd_load_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: db });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      cleanups.push(async () => {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      });
      Object.assign(env, { DATABASE_URL: db, HELPDOCK_DATABASE_SCHEMA: schema });
      if (opts.nodes > 1) env.REDIS_URL = redis;
      store = opts.nodes > 1 ? 'Postgres + Redis' : 'Postgres';
    } else {
      env.HELPDOCK_DATA_DIR = join(dir, 'data');
    }
    const nodes = [];
    // One after the other: the first applies the migrations.
    for (let i = 0; i < opts.nodes; i++) {
      const node = await spawnServer(CLI, [], env, await freePort());
      cleanups.push(node.stop);
      nodes.push(node);
    }
    return { nodes, store, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
