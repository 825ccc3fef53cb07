import type { Agent } from './model.ts';

/** HTTP API paths, relative to the server's origin. */
export const HTTP = {
  health: '/healthz',
  visitorSession: '/api/v1/visitor/session',
  agentLogin: '/api/v1/agent/login',
  /** `GET /api/v1/apps/:appId/kb?locale=en` → KbBundle (see @helpdock/kb). */
  kb: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/kb`,
} as const;

export interface VisitorSessionResponse {
  token: string;
  visitorId: string;
}

export interface AgentLoginResponse {
  token: string;
  agent: Agent;
}

export interface HealthResponse {
  ok: true;
  version: string;
  store: 'pglite' | 'postgres';
  uptimeSeconds: number;
}
