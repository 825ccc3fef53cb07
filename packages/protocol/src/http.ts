import type { Agent, Attachment, Incident } from './model.ts';

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
  /** `POST …/bot` with a BotQuestion body → the FAQ bot's answer (BotAnswer, see @helpdock/kb). */
  bot: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/bot`,
  /** `POST …/bot/plan` with a HandoffPlanQuestion body → `{ category, tags, priority }` (Classification, see @helpdock/kb). */
  botPlan: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/bot/plan`,
  /** `GET …/status` → StatusResponse: the app's active incidents. */
  status: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/status`,
  /** Agent-authenticated (`Authorization: Bearer <agent token>`): `GET` lists, `POST` an IncidentInput opens one. */
  incidents: '/api/v1/agent/incidents',
  /** `POST`: marks the incident resolved. */
  resolveIncident: (incidentId: string) => `/api/v1/agent/incidents/${encodeURIComponent(incidentId)}/resolve`,
  /** `POST`, from the host's backend with `Authorization: Bearer <identity secret>`: ends every session of a user. */
  revokeUser: (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/users/revoke`,
  /**
   * `POST` the file's bytes as the body, with `?name=<file name>`, and
   * `Authorization: Bearer <visitor session token or agent token>` → 201 AttachmentResponse.
   * 413 `too_large`, 415 `unsupported_type`, 429 `rate_limited`; 404 for a conversation that is not the caller's.
   */
  attachments: (conversationId: string) => `/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`,
  /** `GET` with the same Authorization header → the bytes; 404 for anyone but the conversation's visitor and its app's agents. */
  attachment: (attachmentId: string) => `/api/v1/attachments/${encodeURIComponent(attachmentId)}`,
} as const;

export interface AttachmentResponse {
  attachment: Attachment;
}

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
  /** What this server offers beyond the chat itself. */
  features?: { transcriptEmail: boolean };
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
