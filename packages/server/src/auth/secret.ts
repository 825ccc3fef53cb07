import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';

/**
 * The HMAC key for session tokens: the configured one, else the one generated on
 * first run and kept in the store (so every node on one database shares it).
 */
export async function loadSecret(db: Queryable, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query(`INSERT INTO settings (key, value) VALUES ('session_secret', $1) ON CONFLICT (key) DO NOTHING`, [
    randomBytes(32).toString('base64url'),
  ]);
  const rows = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'session_secret'`);
  const secret = rows[0]?.value;
  if (!secret) throw new Error('session secret could not be stored');
  return secret;
}
