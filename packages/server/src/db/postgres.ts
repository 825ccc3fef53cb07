import pg from 'pg';
import type { Db, Queryable } from './db.ts';
import type { Logger } from '../log.ts';

export interface PostgresOptions {
  url: string;
  /** Schema to put first on the search_path (tests use a throwaway one). */
  schema?: string;
  logger: Logger;
}

/** A pooled connection to a real Postgres server. */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const config: pg.PoolConfig = { connectionString: options.url, max: 10 };
  if (options.schema) config.options = `-c search_path=${quoteIdent(options.schema)}`;
  const pool = new pg.Pool(config);
  // An idle client can lose its connection at any time; that must not take the process down.
  pool.on('error', (err) => options.logger.error('postgres pool error', err));
  // Fail fast on a wrong URL instead of on the first request.
  await pool.query('SELECT 1');
  const query: Queryable['query'] = async <T>(sql: string, params: readonly unknown[] = []) =>
    (await pool.query(sql, [...params])).rows as T[];
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => (closing ??= pool.end()),
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
