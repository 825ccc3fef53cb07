/// <reference path="../../../../types/socket.io-json-parser.d.ts" />
import type { Server as HttpServer } from 'node:http';
import { every } from '../periodic.ts';
import type { Mailer } from '../mail/mailer.ts';
import { NAMESPACES } from '@helpdock/protocol';
import { Server } from 'socket.io';
import * as jsonParser from 'socket.io-json-parser';
import type { Limits } from '../abuse/limits.ts';
import { sweepSla } from '../chat/sla-sweep.ts';
import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { agentNamespace } from './agent-namespace.ts';
import { createDrain } from './drain.ts';
import { publisher } from './publish.ts';
import { connectRedisAdapter } from './redis.ts';
import { visitorRoom } from './rooms.ts';
import { visitorNamespace } from './visitor-namespace.ts';

export interface RealtimeOptions {
  db: Db;
  secret: string;
  logger: Logger;
  redisUrl?: string | undefined;
  /** How often SLA clocks are checked for breaches. @default 30000 */
  slaSweepMs?: number | undefined;
  limits: Limits;
  trustProxy: boolean;
  mailer?: Mailer | null | undefined;
}

export interface Realtime {
  io: Server;
  /** Whether this node has lost Redis. */
  redisDown(): boolean;
  /** Disconnects every socket of a visitor, on every node. */
  disconnectVisitor(appId: string, visitorId: string): void;
  /** Also closes the HTTP server. */
  close(): Promise<void>;
}

/** socket.io on the same HTTP server as the API, with both namespaces. */
export async function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): Promise<Realtime> {
  const redis = options.redisUrl ? await connectRedisAdapter(options.redisUrl, options.logger) : null;
  const io = new Server(httpServer, {
    serveClient: false,
    // Each packet one JSON text (socket.io-json-parser): every client passes the same parser, see docs/protocol.md.
    parser: jsonParser,
    // The transport answers any origin; each namespace checks the origin against its app.
    cors: { origin: true },
    // A handoff may carry LIMITS.transcriptMessages lines of LIMITS.messageText characters (up to 3 bytes each in UTF-8).
    maxHttpBufferSize: 3 * 1024 * 1024,
    ...(redis ? { adapter: redis.adapter } : {}),
    // No connectionStateRecovery on purpose: it would skip the handshake checks
    // (revocation, expiry, identity) on a reconnect, and clients resync by seq anyway.
  });
  // Once closing starts, the store and the Redis clients are on their way down: late work publishes nothing.
  let stopping = false;
  const publish = publisher(io);
  const drain = createDrain(io);
  const deps = {
    db: options.db,
    secret: options.secret,
    logger: options.logger,
    publish: (events: Parameters<typeof publish>[0]) => {
      if (!stopping) publish(events);
    },
    stopping: () => stopping,
    limits: options.limits,
    trustProxy: options.trustProxy,
    mailer: options.mailer ?? null,
  };
  visitorNamespace(io, deps);
  agentNamespace(io, deps);
  const stopSweep = every(options.slaSweepMs ?? 30_000, () =>
    sweepSla(options.db, Date.now()).then(deps.publish, (err: unknown) => options.logger.error('SLA sweep failed', err)),
  );
  // Broadcasts from and to other nodes may have been lost while Redis was away. Every client
  // resyncs after a reconnect (by seq; agents reopen their tickets), so a reconnect repairs it.
  redis?.onRecovered(() => {
    for (const name of [NAMESPACES.visitor, NAMESPACES.agent]) io.of(name).local.disconnectSockets(false);
  });
  return {
    io,
    redisDown: () => redis?.down() ?? false,
    disconnectVisitor(appId, visitorId) {
      io.of(NAMESPACES.visitor).in(visitorRoom(appId, visitorId)).disconnectSockets(true);
    },
    async close() {
      // Drains first: events in flight finish, publish and are answered; new ones are refused with
      // `unavailable`. Then nothing more is published, every socket is let go (clients reconnect, to
      // another node behind a balancer, and resync), the engine closes and then the HTTP server.
      stopSweep();
      await drain.drain(5000);
      stopping = true;
      await io.close();
      await redis?.close();
    },
  };
}
