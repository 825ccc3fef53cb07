import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/db.ts';
import { agentExists, insertAgentIfMissing, updateAgentSkills, type AgentSkills } from '../store/agents.ts';
import { upsertApp } from '../store/apps.ts';

export interface AppConfig {
  /** Lowercase letters, digits, '-' and '_' (the protocol's AppIdSchema). */
  id: string;
  /** @default the id */
  name?: string;
  /** Origins whose pages may embed this app's widget, e.g. `https://console.example.com`; `*` allows any. */
  allowedOrigins: string[];
  /** Agents created when missing; an existing agent keeps its password, its skills are updated. @default [] */
  agents?: ({ email: string; name: string; password: string } & Partial<AgentSkills>)[];
  /**
   * Support settings: `businessHours` ({ timeZone, days, open, close }, null = 24/7), `sla` per priority,
   * `reopenWindowHours`, `planPriority`, `planTier`, `teams`, `cannedReplies`. See routing/settings.ts. @default {}
   */
  settings?: Record<string, unknown>;
  /**
   * Verified users: the secret the host's backend signs user ids (HMAC) or JWTs
   * (HS256) with, and whether anonymous visitors are refused. @default none: anonymous only
   */
  identity?: { secret: string; required?: boolean };
}

/** Idempotent: apps are created or updated, agents are added once. */
export async function provisionApps(db: Db, apps: readonly AppConfig[]): Promise<void> {
  for (const app of apps) {
    await upsertApp(db, {
      id: app.id,
      name: app.name ?? app.id,
      allowedOrigins: app.allowedOrigins,
      settings: app.settings ?? {},
      identitySecret: app.identity?.secret ?? null,
      identityRequired: app.identity?.required ?? false,
    });
    for (const agent of app.agents ?? []) {
      // Hashing is deliberately slow, so skip it for agents that already exist.
      if (!(await agentExists(db, app.id, agent.email))) {
        await insertAgentIfMissing(db, app.id, { email: agent.email, name: agent.name, passwordHash: await hashPassword(agent.password) });
      }
      await updateAgentSkills(db, app.id, agent.email, agent);
    }
  }
}
