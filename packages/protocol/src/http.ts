import type { Agent, Incident } from './model.ts';

/** HTTP API paths, relative to the server's origin. */
export const HTTP = {
  health: '/healthz',
  visitorSession: '/api/v1/visitor/session',
  agentLogin: '/api/v1/agent/login',
  /** `GET /api/v1/apps/:appId/kb?locale=en` → KbBundle (see @helpdock/kb). */
  kb: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/kb`,
  /** `GET …/kb/search?q=&locale=&product=&page=&errorCode=&limit=` → KbSearchResponse (see @helpdock/kb). */
  kbSearch: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/kb/search`,
  /** `POST …/kb/feedback` with an ArticleFeedback body → `{ ok: true }`. */
  kbFeedback: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/kb/feedback`,
  /** `GET …/status` → StatusResponse: the app's active incidents. */
  status: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/status`,
  /** Agent-authenticated (`Authorization: Bearer <agent token>`): `GET` lists, `POST` an IncidentInput opens one. */
  incidents: '/api/v1/agent/incidents',
  /** `POST`: marks the incident resolved. */
  resolveIncident: (incidentId: string) => `/api/v1/agent/incidents/${encodeURIComponent(incidentId)}/resolve`,
  /** `POST`, from the host's backend with `Authorization: Bearer <identity secret>`: ends every session of a user. */
  revokeUser: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/users/revoke`,
} as const;

export interface StatusResponse {
  incidents: Incident[];
}

export interface IncidentResponse {
  incident: Incident;
}

export interface VisitorSessionResponse {
  token: string;
  visitorId: string;
  /** Set when the session belongs to a verified user of the host. */
  userId?: string;
  /** When the session token stops working (ISO); an identified session ends with its identity token. */
  expiresAt?: string;
}

export interface AgentLoginResponse {
  token: string;
  agent: Agent;
}

export interface HealthResponse {
  /** False (with HTTP 503) while something the node needs is down: see `problems`. */
  ok: boolean;
  /** What is down: `store` (the database), `redis` (other nodes do not hear this one). */
  problems?: ('store' | 'redis')[];
  version: string;
  store: 'pglite' | 'postgres';
  uptimeSeconds: number;
}
