import type { Logger } from '../log.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface OpenDbOptions {
  /** Postgres URL; when absent the embedded PGlite store in `dataDir` is used. */
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
  dataDir: string;
  logger: Logger;
}

/** Opens the configured store and brings its schema up to date. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres({ url: options.databaseUrl, logger: options.logger, ...(options.databaseSchema ? { schema: options.databaseSchema } : {}) })
    : await openPglite(options.dataDir);
  try {
    const applied = await migrate(db, migrations);
    if (applied.length > 0) options.logger.info(`applied migrations ${applied.join(', ')}`);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
