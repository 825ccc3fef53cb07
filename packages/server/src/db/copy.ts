import type { Db, Queryable } from './db.ts';

/** Every table, parents before children, so foreign keys hold at each insert. */
const TABLES = ['settings', 'apps', 'agents', 'visitors', 'conversations', 'messages', 'tickets', 'kb_articles'] as const;
const BATCH = 500;

export interface CopyReport {
  /** Rows copied per table. */
  tables: Record<string, number>;
}

interface Column {
  name: string;
  type: string;
}

async function columnsOf(q: Queryable, table: string): Promise<Column[]> {
  const rows = await q.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Copies every row of an up-to-date store into another, empty one, in one
 * transaction on the target: all of it lands, or none. Both must be on the same
 * migration (opening them with `openDb` sees to that). Refuses a target that
 * already holds apps, so it can never merge two installations by accident.
 */
export async function copyStore(source: Db, target: Db): Promise<CopyReport> {
  const [from, to] = await Promise.all([
    source.query<{ version: number }>('SELECT max(version) AS version FROM schema_migrations'),
    target.query<{ version: number }>('SELECT max(version) AS version FROM schema_migrations'),
  ]);
  if (Number(from[0]?.version) !== Number(to[0]?.version)) throw new Error(`schema versions differ: source ${from[0]?.version}, target ${to[0]?.version}`);
  const existing = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM apps');
  if ((existing[0]?.n ?? 0) > 0) throw new Error('the target database already holds apps: copy into an empty database (or schema) only');

  const report: CopyReport = { tables: {} };
  await target.transaction(async (tx) => {
    // Settings come along (the session secret among them), replacing what the target generated on first open.
    await tx.query('DELETE FROM settings');
    for (const table of TABLES) {
      const columns = await columnsOf(tx, table);
      const names = columns.map((c) => quote(c.name)).join(', ');
      const rows = await source.query<Record<string, unknown>>(`SELECT ${names} FROM ${quote(table)}`);
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const params: unknown[] = [];
        const tuples = batch.map((row) => {
          const slots = columns.map((c) => {
            const value = row[c.name];
            // jsonb goes over as text: a JS array would otherwise be sent as a Postgres array.
            params.push(c.type === 'jsonb' && value !== null ? JSON.stringify(value) : value);
            return `$${params.length}${c.type === 'jsonb' ? '::jsonb' : ''}`;
          });
          return `(${slots.join(', ')})`;
        });
        await tx.query(`INSERT INTO ${quote(table)} (${names}) VALUES ${tuples.join(', ')}`, params);
      }
      report.tables[table] = rows.length;
    }
    // Counts must match, table by table, before anything is committed.
    for (const table of TABLES) {
      const counted = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
      if (counted[0]?.n !== report.tables[table]) throw new Error(`${table}: copied ${report.tables[table]} rows but the target holds ${counted[0]?.n}`);
    }
  });
  return report;
}
