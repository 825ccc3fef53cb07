import type { Queryable } from '../db/db.ts';

export interface AppRow {
  id: string;
  name: string;
  allowedOrigins: string[];
  /** Support settings (business hours, SLA, canned replies…); read with readSettings. */
  settings?: Record<string, unknown>;
  /** Key the host's backend signs its users with; null when the app has no verified users. @default null */
  identitySecret?: string | null;
  /** Every visitor must be a verified user: anonymous sessions are refused. @default false */
  identityRequired?: boolean;
}

interface AppDbRow {
  id: string;
  name: string;
  allowed_origins: string[];
  identity_secret: string | null;
  identity_required: boolean;
}

export async function findApp(q: Queryable, appId: string): Promise<(AppRow & { identitySecret: string | null; identityRequired: boolean }) | null> {
  const rows = await q.query<AppDbRow>('SELECT id, name, allowed_origins, identity_secret, identity_required FROM apps WHERE id = $1', [appId]);
  const row = rows[0];
  return row
    ? { id: row.id, name: row.name, allowedOrigins: row.allowed_origins, identitySecret: row.identity_secret, identityRequired: row.identity_required }
    : null;
}

/** Creates the app or updates its name, origins, settings and identity settings. */
export async function upsertApp(q: Queryable, app: AppRow): Promise<void> {
  await q.query(
    `INSERT INTO apps (id, name, allowed_origins, settings, identity_secret, identity_required) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, allowed_origins = EXCLUDED.allowed_origins, settings = EXCLUDED.settings,
       identity_secret = EXCLUDED.identity_secret, identity_required = EXCLUDED.identity_required`,
    [app.id, app.name, app.allowedOrigins, JSON.stringify(app.settings ?? {}), app.identitySecret ?? null, app.identityRequired ?? false],
  );
}

/**
 * Whether a browser page at `origin` may talk to the app. No Origin header means
 * the caller is not a browser page (curl, a backend), which the origin rule
 * cannot protect against anyway, so it is let through.
 */
export function originAllowed(app: Pick<AppRow, 'allowedOrigins'>, origin: string | undefined | null): boolean {
  if (!origin) return true;
  return app.allowedOrigins.includes('*') || app.allowedOrigins.includes(origin);
}
