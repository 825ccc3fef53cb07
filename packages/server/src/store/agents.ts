import type { Agent } from '@helpdock/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

interface AgentRow {
  id: string;
  app_id: string;
  name: string;
  email: string;
  password_hash: string;
}

const toAgent = (row: AgentRow): Agent => ({ id: row.id, appId: row.app_id, name: row.name, email: row.email });

export async function findAgent(q: Queryable, appId: string, agentId: string): Promise<Agent | null> {
  const rows = await q.query<AgentRow>('SELECT * FROM agents WHERE app_id = $1 AND id = $2', [appId, agentId]);
  return rows[0] ? toAgent(rows[0]) : null;
}

export async function findAgentForLogin(q: Queryable, appId: string, email: string): Promise<{ agent: Agent; passwordHash: string } | null> {
  const rows = await q.query<AgentRow>('SELECT * FROM agents WHERE app_id = $1 AND lower(email) = lower($2)', [appId, email]);
  const row = rows[0];
  return row ? { agent: toAgent(row), passwordHash: row.password_hash } : null;
}

/** Creates the agent unless one with this e-mail exists in the app; returns whether it was created. */
export async function insertAgentIfMissing(
  q: Queryable,
  appId: string,
  agent: { email: string; name: string; passwordHash: string },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO agents (id, app_id, email, name, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (app_id, email) DO NOTHING RETURNING id`,
    [newId('ag'), appId, agent.email.toLowerCase(), agent.name, agent.passwordHash],
  );
  return rows.length > 0;
}

export async function agentExists(q: Queryable, appId: string, email: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM agents WHERE app_id = $1 AND email = $2', [appId, email.toLowerCase()]);
  return rows.length > 0;
}

/** Routing skills of an agent; empty lists mean "any". */
export interface AgentSkills {
  tier: 'L1' | 'L2' | 'L3';
  team: string | null;
  languages: string[];
  categories: string[];
  capacity: number;
}

export async function updateAgentSkills(q: Queryable, appId: string, email: string, skills: Partial<AgentSkills>): Promise<void> {
  await q.query(
    `UPDATE agents SET tier = $3, team = $4, languages = $5, categories = $6, capacity = $7 WHERE app_id = $1 AND email = $2`,
    [appId, email.toLowerCase(), skills.tier ?? 'L1', skills.team ?? null, skills.languages ?? [], skills.categories ?? [], skills.capacity ?? 3],
  );
}
