import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type AppConfig, type Logger, type RunningServer, type ServerOptions } from '../../src/index.ts';

export const ACME_ORIGIN = 'https://console.acme.test';
export const GLOBEX_ORIGIN = 'https://portal.globex.test';
export const ANA = { email: 'ana@acme.test', name: 'Ana Silva', password: 'correct horse battery' };
export const HANK = { email: 'hank@globex.test', name: 'Hank Scorpio', password: 'globex-pass' };

export const ACME_IDENTITY_SECRET = 'acme-identity-secret-0123456789abcdef';
export const VAULT_ORIGIN = 'https://vault.initech.test';
export const VAULT_IDENTITY_SECRET = 'vault-identity-secret-fedcba9876543210';

export const TEST_APPS: AppConfig[] = [
  // Verified users optional: anonymous visitors welcome too.
  { id: 'acme', name: 'Acme Cloud', allowedOrigins: [ACME_ORIGIN], agents: [ANA], identity: { secret: ACME_IDENTITY_SECRET } },
  { id: 'globex', name: 'Globex', allowedOrigins: [GLOBEX_ORIGIN], agents: [HANK] },
  // Verified users only.
  { id: 'vault', name: 'Initech Vault', allowedOrigins: [VAULT_ORIGIN], identity: { secret: VAULT_IDENTITY_SECRET, required: true } },
];

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Every line the server logged, for asserting on errors. */
  logs: string[];
  /** Closes the server and removes its data folder. */
  dispose(): Promise<void>;
}

export function captureLogger(logs: string[]): Logger {
  const line = (level: string) => (message: string, ...details: unknown[]) => logs.push(`${level} ${message} ${details.map(String).join(' ')}`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'helpdock-server-test-'));
}

/**
 * A real server on a random loopback port, PGlite in a fresh temp folder unless told otherwise.
 * Rate limits are off unless a test asks for them (`rateLimits: {}` gives the defaults):
 * most tests send bursts on purpose.
 */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await newDataDir());
  const logs: string[] = [];
  const server = await startServer({ port: 0, host: '127.0.0.1', apps: TEST_APPS, logger: captureLogger(logs), rateLimits: false, ...options, dataDir });
  return {
    ...server,
    dataDir,
    logs,
    async dispose() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
