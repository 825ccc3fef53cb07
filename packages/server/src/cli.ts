import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { copyStore } from './db/copy.ts';
import { openDb } from './db/open.ts';
import { redactUrl } from './redact.ts';
import { consoleLogger } from './log.ts';
import type { ServerOptions } from './options.ts';
import { DEMO_AGENTS, DEMO_PASSWORD } from './seed/demo.ts';
import { startServer } from './start.ts';

/*
 * `node packages/server/dist/cli.js [--demo]`, or `… cli.js migrate-to-postgres` (see below)
 * Env: PORT (8787), HOST (127.0.0.1), CONSOLE_PORT (PORT+1), PUBLIC_URL, DATABASE_URL, REDIS_URL,
 * HELPDOCK_DATA_DIR, HELPDOCK_SECRET, HELPDOCK_DEMO=1, HELPDOCK_DEMO_ORIGINS (comma-separated),
 * HELPDOCK_WIDGET_DIR, HELPDOCK_AGENT_CONSOLE_DIR, HELPDOCK_CONSOLE_DIR, HELPDOCK_KB_DIR,
 * HELPDOCK_APPS_FILE (JSON list of apps), HELPDOCK_DEMO_IDENTITY_SECRET, HELPDOCK_DEMO_IDENTITY_REQUIRED=1,
 * HELPDOCK_DATABASE_SCHEMA, HELPDOCK_TRUST_PROXY=1, HELPDOCK_RATE_LIMITS=off, SMTP_URL, HELPDOCK_MAIL_FROM.
 */

function appsFile(path: string | undefined): ServerOptions['apps'] {
  if (!path) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`HELPDOCK_APPS_FILE ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`HELPDOCK_APPS_FILE ${path}: must hold a JSON list of apps`);
  return parsed as ServerOptions['apps'];
}

function port(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${value}"`);
  return n;
}

function optionsFromEnv(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerOptions {
  const options: ServerOptions = { demo: argv.includes('--demo') || env['HELPDOCK_DEMO'] === '1' };
  const set = <K extends keyof ServerOptions>(key: K, value: ServerOptions[K] | undefined) => {
    if (value !== undefined && value !== '') options[key] = value;
  };
  set('port', port('PORT', env['PORT']));
  set('consolePort', port('CONSOLE_PORT', env['CONSOLE_PORT']));
  set('host', env['HOST']);
  set('publicUrl', env['PUBLIC_URL']);
  set('databaseUrl', env['DATABASE_URL']);
  set('redisUrl', env['REDIS_URL']);
  set('dataDir', env['HELPDOCK_DATA_DIR']);
  set('secret', env['HELPDOCK_SECRET']);
  set('widgetDir', env['HELPDOCK_WIDGET_DIR']);
  set('agentConsoleDir', env['HELPDOCK_AGENT_CONSOLE_DIR']);
  set('consoleDir', env['HELPDOCK_CONSOLE_DIR']);
  set('kbDir', env['HELPDOCK_KB_DIR']);
  set('databaseSchema', env['HELPDOCK_DATABASE_SCHEMA']);
  set('apps', appsFile(env['HELPDOCK_APPS_FILE']));
  set('smtpUrl', env['SMTP_URL']);
  set('mailFrom', env['HELPDOCK_MAIL_FROM']);
  if (env['HELPDOCK_TRUST_PROXY'] === '1') options.trustProxy = true;
  if (env['HELPDOCK_RATE_LIMITS'] === 'off') options.rateLimits = false;
  const demoSecret = env['HELPDOCK_DEMO_IDENTITY_SECRET'];
  if (demoSecret) options.demoIdentity = { secret: demoSecret, required: env['HELPDOCK_DEMO_IDENTITY_REQUIRED'] === '1' };
  const extra = env['HELPDOCK_DEMO_ORIGINS']?.split(',').map((o) => o.trim()).filter(Boolean);
  if (extra?.length) options.demoOrigins = extra;
  return options;
}

/**
 * `cli.js migrate-to-postgres`: copies the embedded store in HELPDOCK_DATA_DIR
 * into the empty Postgres in DATABASE_URL (HELPDOCK_DATABASE_SCHEMA optional).
 * Stop the server first; the data folder is only read.
 */
async function migrateToPostgres(env: NodeJS.ProcessEnv): Promise<void> {
  const logger = consoleLogger();
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('set DATABASE_URL to the Postgres to copy into');
  const dataDir = resolve(env['HELPDOCK_DATA_DIR'] || '.helpdock-data');
  if (!existsSync(dataDir)) throw new Error(`no embedded store at ${dataDir} (set HELPDOCK_DATA_DIR)`);
  const source = await openDb({ dataDir, logger });
  try {
    const target = await openDb({ databaseUrl, databaseSchema: env['HELPDOCK_DATABASE_SCHEMA'] || undefined, dataDir, logger });
    try {
      const report = await copyStore(source, target);
      const lines = Object.entries(report.tables).map(([table, n]) => `  ${table.padEnd(14)} ${n}`);
      console.log(`copied ${dataDir} into ${redactUrl(databaseUrl)}:\n${lines.join('\n')}`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'migrate-to-postgres') return migrateToPostgres(process.env).then(() => process.exit(0));
  const logger = consoleLogger();
  let options: ServerOptions;
  try {
    options = optionsFromEnv(process.env, process.argv.slice(2));
  } catch (err) {
    logger.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const server = await startServer({ ...options, logger });

  const lines = [`server:        ${server.url}`, `agent console: ${server.url}/agent/`];
  if (server.consoleUrl) {
    lines.push(`example console (a host page with the widget): ${server.consoleUrl}`);
    lines.push(`demo agent login: ${DEMO_AGENTS[0].email} / ${DEMO_PASSWORD} (or ${DEMO_AGENTS[1].email})`);
  }
  console.log(`\nHelpdock is running\n  ${lines.join('\n  ')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    // A stuck close must not keep the process alive forever; PGlite has had its chance to flush by then.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  consoleLogger().error('could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
