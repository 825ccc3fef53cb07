import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './ports.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'packages/server/dist/cli.js');

export interface NodeProcess {
  url: string;
  port: number;
  pid(): number | undefined;
  output(): string;
  /** Sends the signal and waits for the exit. SIGKILL is the crash; SIGTERM the graceful stop. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts the same node again (same port and settings). */
  start(): Promise<void>;
}

/** One server process from the built CLI, on its own port, with the given environment. */
export async function startNode(env: Record<string, string>, port?: number): Promise<NodeProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run the build first (pnpm build)`);
  const p = port ?? (await freePort());
  const url = `http://127.0.0.1:${p}`;
  let child: ChildProcess | undefined;
  let log = '';

  const start = async () => {
    child = spawn(process.execPath, [CLI], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env, PORT: String(p), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`node exited with ${child.exitCode}:\n${log}`);
      try {
        if ((await fetch(`${url}/healthz`)).status < 500) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`node did not answer in 30 s:\n${log}`);
  };

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return proc?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  await start();
  return { url, port: p, pid: () => child?.pid, output: () => log, kill, start };
}
