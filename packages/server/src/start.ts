import type { Server as HttpServer } from 'node:http';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { smtpMailer } from './mail/mailer.ts';
import { createLimits } from './abuse/limits.ts';
import { localDiskAttachments } from './attachments/store.ts';
import { every } from './periodic.ts';
import { sweepUnsentAttachments } from './attachments/sweep.ts';
import { loadSecret } from './auth/secret.ts';
import { openDb } from './db/open.ts';
import { createConsoleApp } from './http/console-app.ts';
import { createHttpApp } from './http/app.ts';
import { closeHttp, listen, publicUrlFor } from './listen.ts';
import { consoleLogger } from './log.ts';
import type { RunningServer, ServerOptions } from './options.ts';
import { redactUrl } from './redact.ts';
import { defaultAssetDirs } from './paths.ts';
import { attachRealtime } from './realtime/io.ts';
import { provisionApps } from './seed/apps.ts';
import { seedDemo } from './seed/demo.ts';
import { SERVER_VERSION } from './version.ts';

/** Opens the store, starts HTTP + socket.io (and the example console in demo mode). */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger();
  const dirs = { ...defaultAssetDirs(), ...definedOnly(options) };
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? '.helpdock-data');
  // Undone in reverse on close, or on a failed start.
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) {
      await closer().catch((err: unknown) => logger.error('shutdown step failed', err));
    }
  };

  try {
    const db = await openDb({ databaseUrl: options.databaseUrl, databaseSchema: options.databaseSchema, dataDir, logger });
    closers.push(() => db.close());
    logger.info(
      options.databaseUrl
        ? `store: Postgres at ${redactUrl(options.databaseUrl)}${options.databaseSchema ? ` (schema ${options.databaseSchema})` : ''}`
        : `store: PGlite in ${dataDir}`,
    );
    const secret = await loadSecret(db, options.secret);
    if (options.apps?.length) await provisionApps(db, options.apps);

    const limits = createLimits(options.rateLimits);
    const mailer = options.mailer ?? (options.smtpUrl ? smtpMailer(options.smtpUrl, options.mailFrom ?? 'Helpdock <helpdock@localhost>') : null);
    if (mailer) closers.push(async () => mailer.close());
    logger.info(`transcripts by e-mail: ${options.smtpUrl ? `SMTP at ${redactUrl(options.smtpUrl)}` : mailer ? 'custom mailer' : 'off (no SMTP_URL)'}`);
    const trustProxy = options.trustProxy ?? false;
    // The HTTP API revokes sessions; socket.io, created next, cuts the live ones.
    let disconnectVisitor: (appId: string, visitorId: string) => void = () => undefined;
    let redisDown = () => false;
    const attachments = options.attachments ?? localDiskAttachments(join(dataDir, 'attachments'));
    const app = createHttpApp({
      db,
      secret,
      logger,
      version: SERVER_VERSION,
      startedAt: Date.now(),
      limits,
      trustProxy,
      attachments,
      disconnectVisitor: (appId, visitorId) => disconnectVisitor(appId, visitorId),
      redisDown: () => redisDown(),
      mailer: mailer !== null,
      ...dirs,
    });
    // Uploads whose message was never sent are removed once a day old (checked every 15 minutes).
    const keepUnsentMs = (options.unsentAttachmentHours ?? 24) * 3_600_000;
    const stopUnsentSweep = every(options.attachmentSweepMs ?? 15 * 60_000, () =>
      sweepUnsentAttachments(db, attachments, Date.now(), keepUnsentMs, logger).catch((err) =>
        logger.warn(`unsent attachments not swept: ${err instanceof Error ? err.message : String(err)}`),
      ),
    );
    closers.push(async () => stopUnsentSweep());
    const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
    const realtime = await attachRealtime(httpServer, { db, secret, logger, redisUrl: options.redisUrl, slaSweepMs: options.slaSweepMs, limits, trustProxy, mailer });
    disconnectVisitor = realtime.disconnectVisitor;
    redisDown = realtime.redisDown;
    closers.push(async () => {
      // closeHttp first: it owns the grace period for in-flight requests; io.close then drops the sockets.
      await Promise.all([closeHttp(httpServer), realtime.close()]);
    });
    logger.info(`socket.io adapter: ${options.redisUrl ? `Redis at ${redactUrl(options.redisUrl)}` : 'in-memory (single node)'}`);

    const port = await listen(httpServer, options.port ?? 8787, host);
    const url = options.publicUrl ?? publicUrlFor(host, port);
    const running: RunningServer = { url, port, close };

    if (options.demo) {
      const consoleServer = createAdaptorServer({ fetch: createConsoleApp(dirs.consoleDir, () => url).fetch }) as HttpServer;
      const consolePort = await listen(consoleServer, options.consolePort ?? (port === 0 ? 0 : port + 1), host);
      closers.push(() => closeHttp(consoleServer));
      running.consoleUrl = publicUrlFor(host, consolePort);
      const origins = [`http://localhost:${consolePort}`, `http://127.0.0.1:${consolePort}`, ...(options.demoOrigins ?? [])];
      await seedDemo(db, { origins, kbDir: dirs.kbDir, logger, ...(options.demoIdentity ? { identity: options.demoIdentity } : {}) });
    }
    return running;
  } catch (err) {
    await close();
    throw err;
  }
}

function definedOnly(options: ServerOptions): Partial<Record<'widgetDir' | 'agentConsoleDir' | 'consoleDir' | 'kbDir', string>> {
  const out: Partial<Record<'widgetDir' | 'agentConsoleDir' | 'consoleDir' | 'kbDir', string>> = {};
  for (const key of ['widgetDir', 'agentConsoleDir', 'consoleDir', 'kbDir'] as const) {
    const value = options[key];
    if (value) out[key] = resolve(value);
  }
  return out;
}
