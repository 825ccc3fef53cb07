import type { AttachmentStore } from '../attachments/store.ts';
import type { Db } from '../db/db.ts';
import type { Limits } from '../abuse/limits.ts';
import type { Logger } from '../log.ts';

export interface HttpDeps {
  db: Db;
  secret: string;
  logger: Logger;
  version: string;
  startedAt: number;
  widgetDir: string;
  agentConsoleDir: string;
  limits: Limits;
  /** Where attachment bytes are kept. */
  attachments: AttachmentStore;
  /** Believe X-Forwarded-For for the client's address. */
  trustProxy: boolean;
  /** Disconnects a visitor's live sockets on every node (after a revocation). */
  disconnectVisitor(appId: string, visitorId: string): void;
  /** Whether transcripts can be e-mailed (a mail transport is set up). */
  mailer: boolean;
  /** Whether this node has lost Redis (and so its peers). */
  redisDown(): boolean;
}
