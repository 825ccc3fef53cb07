import type { Incident, IncidentInput } from '@helpdock/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import { iso } from './time.ts';

interface IncidentRow {
  id: string;
  app_id: string;
  product: string;
  region: string | null;
  title: string;
  message: string | null;
  severity: Incident['severity'];
  status: Incident['status'];
  started_at: unknown;
  resolved_at: unknown;
}

const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  appId: r.app_id,
  product: r.product,
  region: r.region,
  title: r.title,
  message: r.message,
  severity: r.severity,
  status: r.status,
  startedAt: iso(r.started_at),
  resolvedAt: r.resolved_at ? iso(r.resolved_at) : null,
});

export async function insertIncident(q: Queryable, appId: string, agentId: string, input: IncidentInput): Promise<Incident> {
  const rows = await q.query<IncidentRow>(
    `INSERT INTO incidents (id, app_id, product, region, title, message, severity, status, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8) RETURNING *`,
    [newId('inc'), appId, input.product.toLowerCase(), input.region ?? null, input.title, input.message ?? null, input.severity, agentId],
  );
  return toIncident(rows[0] as IncidentRow);
}

export async function resolveIncident(q: Queryable, appId: string, incidentId: string): Promise<Incident | null> {
  const rows = await q.query<IncidentRow>(
    `UPDATE incidents SET status = 'resolved', resolved_at = COALESCE(resolved_at, now()) WHERE app_id = $1 AND id = $2 RETURNING *`,
    [appId, incidentId],
  );
  return rows[0] ? toIncident(rows[0]) : null;
}

/** The app's active incidents, newest first; narrowed to a product (and region, or all regions) when given. */
export async function activeIncidents(q: Queryable, appId: string, filter: { product?: string | undefined; region?: string | undefined } = {}): Promise<Incident[]> {
  const rows = await q.query<IncidentRow>(
    `SELECT * FROM incidents WHERE app_id = $1 AND status = 'active'
       AND ($2::text IS NULL OR product = lower($2))
       AND ($3::text IS NULL OR region IS NULL OR region = $3)
     ORDER BY started_at DESC LIMIT 50`,
    [appId, filter.product ?? null, filter.region ?? null],
  );
  return rows.map(toIncident);
}
