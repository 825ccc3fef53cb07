import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { openDb } from '../src/db/open.ts';
import { silentLogger } from '../src/log.ts';
import { newDataDir } from './support/server.ts';

let root: string | undefined;
let db: Db | undefined;
afterAll(async () => {
  await db?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('storage', () => {
  it('creates the data folder and applies each migration once, recording it', async () => {
    root = await newDataDir();
    db = await openDb({ dataDir: join(root, 'nested', 'data'), logger: silentLogger });
    expect(await migrate(db, migrations)).toEqual([]);
    const recorded = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
  }, 30_000);

  it('rolls a failed transaction back completely', async () => {
    if (!db) throw new Error('no db');
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO apps (id, name) VALUES ('rollback-me', 'x')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query(`SELECT 1 FROM apps WHERE id = 'rollback-me'`)).toEqual([]);
  });

  it('keeps rows of different apps from pointing at each other', async () => {
    if (!db) throw new Error('no db');
    await db.query(`INSERT INTO apps (id, name) VALUES ('a1', 'A'), ('a2', 'B')`);
    await db.query(`INSERT INTO visitors (id, app_id) VALUES ('vi_a1', 'a1')`);
    await expect(db.query(`INSERT INTO conversations (id, app_id, visitor_id) VALUES ('cv_x', 'a2', 'vi_a1')`)).rejects.toThrow();
  });
});
