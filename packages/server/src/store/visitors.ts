import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

export async function createVisitor(q: Queryable, appId: string): Promise<string> {
  const id = newId('vi');
  await q.query('INSERT INTO visitors (id, app_id) VALUES ($1, $2)', [id, appId]);
  return id;
}

/** The visitor row of a verified user, created on their first visit. */
export async function userVisitor(q: Queryable, appId: string, userId: string): Promise<{ visitorId: string; validAfterMs: number | null }> {
  await q.query(
    `INSERT INTO visitors (id, app_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (app_id, user_id) WHERE user_id IS NOT NULL DO NOTHING`,
    [newId('vi'), appId, userId],
  );
  const rows = await q.query<{ id: string; valid_after_ms: number | null }>(
    `SELECT id, (extract(epoch FROM sessions_valid_after) * 1000)::float8 AS valid_after_ms FROM visitors WHERE app_id = $1 AND user_id = $2`,
    [appId, userId],
  );
  const row = rows[0];
  if (!row) throw new Error(`visitor of user could not be stored in app ${appId}`);
  return { visitorId: row.id, validAfterMs: row.valid_after_ms === null ? null : Number(row.valid_after_ms) };
}

/**
 * Whether a session issued at `issuedAtMs` still stands: the visitor exists and
 * was not revoked after it was issued.
 */
export async function sessionStands(q: Queryable, appId: string, visitorId: string, issuedAtMs: number): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM visitors WHERE app_id = $1 AND id = $2
       AND (sessions_valid_after IS NULL OR sessions_valid_after < to_timestamp($3::float8 / 1000))`,
    [appId, visitorId, issuedAtMs],
  );
  return rows.length > 0;
}

/** Refuses every session of the user issued until now; returns the user's visitor id. */
export async function revokeUserSessions(q: Queryable, appId: string, userId: string): Promise<string> {
  const { visitorId } = await userVisitor(q, appId, userId);
  await q.query('UPDATE visitors SET sessions_valid_after = clock_timestamp() WHERE app_id = $1 AND id = $2', [appId, visitorId]);
  return visitorId;
}

/** Takes the visitor's row lock so that one visitor's handoffs run one at a time. */
export async function lockVisitor(tx: Queryable, appId: string, visitorId: string): Promise<boolean> {
  const rows = await tx.query('SELECT id FROM visitors WHERE app_id = $1 AND id = $2 FOR UPDATE', [appId, visitorId]);
  return rows.length > 0;
}
