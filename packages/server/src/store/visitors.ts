import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

export async function createVisitor(q: Queryable, appId: string): Promise<string> {
  const id = newId('vi');
  await q.query('INSERT INTO visitors (id, app_id) VALUES ($1, $2)', [id, appId]);
  return id;
}

export async function visitorExists(q: Queryable, appId: string, visitorId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM visitors WHERE app_id = $1 AND id = $2', [appId, visitorId]);
  return rows.length > 0;
}

/** Takes the visitor's row lock so that one visitor's handoffs run one at a time. */
export async function lockVisitor(tx: Queryable, appId: string, visitorId: string): Promise<boolean> {
  const rows = await tx.query('SELECT id FROM visitors WHERE app_id = $1 AND id = $2 FOR UPDATE', [appId, visitorId]);
  return rows.length > 0;
}
