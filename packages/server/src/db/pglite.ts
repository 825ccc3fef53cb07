import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';

/** Embedded Postgres (WASM) persisted in a local folder, created on first run. */
export async function openPglite(dataDir: string): Promise<Db> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const pg = await PGlite.create(dir);
  const wrap = (runner: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await runner.query<T>(sql, [...params]);
      return result.rows;
    },
  });
  const db = wrap(pg);
  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    query: db.query,
    // PGlite serialises transactions with its own lock, so one connection is safe to share.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => (closing ??= pg.closed ? Promise.resolve() : pg.close()),
  };
}
