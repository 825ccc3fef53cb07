import type { RateLimitOptions } from './abuse/limits.ts';
import type { AttachmentStore } from './attachments/store.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mail/mailer.ts';
import type { AppConfig } from './seed/apps.ts';

export interface ServerOptions {
  /** Port of the API, socket.io, widget and agent console. `0` picks a free one. @default 8787 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** The URL browsers reach this server at; put into the example console's pages. @default `http://localhost:<port>` */
  publicUrl?: string;
  /** Folder of the embedded PGlite store, created on first run. Unused with `databaseUrl`. @default './.helpdock-data' */
  dataDir?: string;
  /** Postgres connection string; when set, Postgres is used instead of PGlite. */
  databaseUrl?: string;
  /** Postgres schema to use (put first on the search_path). @default the server's default search_path */
  databaseSchema?: string;
  /** Redis URL; when set, socket.io rooms span every node through the Redis adapter. */
  redisUrl?: string;
  /** HMAC key for session tokens. @default generated on first run and kept in the store */
  secret?: string;
  /** Apps (and their agents) to create or update at start. @default [] */
  apps?: AppConfig[];
  /** Seed the `demo` app, agents and KB, and serve the example console. @default false */
  demo?: boolean;
  /** Port of the example console (demo only). `0` picks a free one. @default port + 1 (or 0 when port is 0) */
  consolePort?: number;
  /** Verified users for the demo app (see docs/identity.md). @default none */
  demoIdentity?: { secret: string; required?: boolean };
  /** Extra origins allowed for the demo app, besides the example console's. @default [] */
  demoOrigins?: string[];
  /** @default packages/widget/dist of this repository */
  widgetDir?: string;
  /** @default packages/agent-console/dist of this repository */
  agentConsoleDir?: string;
  /** @default examples/console/dist of this repository */
  consoleDir?: string;
  /** Knowledge base seeded into the demo app. @default packages/kb/demo of this repository */
  kbDir?: string;
  /** How often SLA clocks are checked for breaches (and resolved tickets closed after the reopen window). @default 30000 */
  slaSweepMs?: number;
  /** Rate limits per visitor and per address; `false` turns them off (load tests). @default DEFAULT_RATE_LIMITS */
  rateLimits?: RateLimitOptions | false;
  /** Take the client's address from X-Forwarded-For (only behind a proxy that sets it). @default false */
  trustProxy?: boolean;
  /** SMTP server for e-mailed transcripts, e.g. `smtp://user:pass@mail.example.com:587`. Without it (or `mailer`) the widget offers download only. */
  smtpUrl?: string;
  /** Sender of those e-mails. @default `Helpdock <helpdock@localhost>` */
  mailFrom?: string;
  /** Another mail transport instead of SMTP. */
  mailer?: Mailer;
  /** Uploads no message names are removed once this old. @default 24 */
  unsentAttachmentHours?: number;
  /** How often that is checked. @default 900000 (15 minutes) */
  attachmentSweepMs?: number;
  /** Where attachment bytes are kept (see docs/attachments.md). @default files in `<dataDir>/attachments` */
  attachments?: AttachmentStore;
  /** @default console output prefixed with `[helpdock]` */
  logger?: Logger;
}

export interface RunningServer {
  /** Where the server answers, e.g. `http://localhost:8787`. */
  url: string;
  port: number;
  /** The example console (demo only). */
  consoleUrl?: string;
  /** Closes sockets, both listeners and the store; resolves when all are down. */
  close(): Promise<void>;
}
