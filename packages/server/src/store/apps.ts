import type { Queryable } from '../db/db.ts';

export interface AppRow {
  id: string;
  name: string;
  allowedOrigins: string[];
  /** Support settings (business hours, SLA, canned replies…); read with readSettings. */
  settings?: Record<string, unknown>;
}

export async function findApp(q: Queryable, appId: string): Promise<AppRow | null> {
  const rows = await q.query<{ id: string; name: string; allowed_origins: string[] }>(
    'SELECT id, name, allowed_origins FROM apps WHERE id = $1',
    [appId],
  );
  const row = rows[0];
  return row ? { id: row.id, name: row.name, allowedOrigins: row.allowed_origins } : null;
}

/** Creates the app or updates its name and origins. */
export async function upsertApp(q: Queryable, app: AppRow): Promise<void> {
  await q.query(
    `INSERT INTO apps (id, name, allowed_origins, settings) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, allowed_origins = EXCLUDED.allowed_origins, settings = EXCLUDED.settings`,
    [app.id, app.name, app.allowedOrigins, JSON.stringify(app.settings ?? {})],
  );
}

/**
 * Whether a browser page at `origin` may talk to the app. No Origin header means
 * the caller is not a browser page (curl, a backend), which the origin rule
 * cannot protect against anyway, so it is let through.
 */
export function originAllowed(app: AppRow, origin: string | undefined | null): boolean {
  if (!origin) return true;
  return app.allowedOrigins.includes('*') || app.allowedOrigins.includes(origin);
}

