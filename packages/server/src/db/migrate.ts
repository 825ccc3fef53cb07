import type { Db } from './db.ts';
import type { Migration } from './migrations/index.ts';

// Any constant works; it only has to be the same for every node migrating this database.
const MIGRATION_LOCK = 72_410_001;

/**
 * Applies the pending migrations in order, each in its own transaction, and records
 * it in schema_migrations. Nodes starting together on one Postgres take turns on an
 * advisory lock, so each migration runs exactly once.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** Our migrations hold no function bodies or string literals with ';', so a plain split is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
