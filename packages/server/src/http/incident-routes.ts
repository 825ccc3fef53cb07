import { HTTP, IdSchema, IncidentInputSchema, validate, type IncidentResponse, type StatusResponse } from '@helpdock/protocol';
import type { Context, Hono } from 'hono';
import { verifySession } from '../auth/tokens.ts';
import { findAgent } from '../store/agents.ts';
import { findApp, originAllowed } from '../store/apps.ts';
import { activeIncidents, insertIncident, resolveIncident } from '../store/incidents.ts';
import { readBody } from './body.ts';
import { allowOrigin, preflight } from './cors.ts';
import type { HttpDeps } from './deps.ts';
import { httpError } from './errors.ts';

/** The signed-in agent behind `Authorization: Bearer <token>`, or the refusal. */
async function agentOf(c: Context, deps: HttpDeps): Promise<{ appId: string; agentId: string } | { response: Response }> {
  const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  const session = token ? verifySession(deps.secret, token) : null;
  if (session?.kind !== 'agent' || !(await findAgent(deps.db, session.appId, session.agentId))) {
    return { response: httpError(c, 401, 'unauthorized', 'an agent token is required (Authorization: Bearer …)') };
  }
  return { appId: session.appId, agentId: session.agentId };
}

/**
 * Service status. Agents post and resolve incidents (agent console or any HTTP
 * client with an agent token); host pages read the active ones for their app.
 */
export function incidentRoutes(app: Hono, deps: HttpDeps): void {
  app.get(HTTP.incidents, async (c) => {
    const agent = await agentOf(c, deps);
    if ('response' in agent) return agent.response;
    return c.json({ incidents: await activeIncidents(deps.db, agent.appId) } satisfies StatusResponse);
  });

  app.post(HTTP.incidents, async (c) => {
    const agent = await agentOf(c, deps);
    if ('response' in agent) return agent.response;
    const body = await readBody(c, (input) => validate(IncidentInputSchema, input));
    if ('response' in body) return body.response;
    const incident = await insertIncident(deps.db, agent.appId, agent.agentId, body.value);
    deps.logger.info(`incident ${incident.id} opened for ${incident.product}${incident.region ? `/${incident.region}` : ''} in app ${agent.appId}`);
    return c.json({ incident } satisfies IncidentResponse, 201);
  });

  app.post('/api/v1/agent/incidents/:incidentId/resolve', async (c) => {
    const agent = await agentOf(c, deps);
    if ('response' in agent) return agent.response;
    const id = validate(IdSchema, c.req.param('incidentId'));
    const incident = id.ok ? await resolveIncident(deps.db, agent.appId, id.value) : null;
    if (!incident) return httpError(c, 404, 'not_found', 'no such incident');
    return c.json({ incident } satisfies IncidentResponse);
  });

  app.options('/api/v1/apps/:appId/status', (c) => preflight(c.req.header('origin')));
  app.get('/api/v1/apps/:appId/status', async (c) => {
    const origin = c.req.header('origin');
    allowOrigin(c, origin);
    const appRow = await findApp(deps.db, c.req.param('appId'));
    if (!appRow) return httpError(c, 404, 'unknown_app', `no app "${c.req.param('appId')}" on this server`);
    if (!originAllowed(appRow, origin)) return httpError(c, 403, 'origin_not_allowed', `origin ${origin} is not allowed for app "${appRow.id}"`);
    const product = c.req.query('product')?.slice(0, 64) || undefined;
    const region = c.req.query('region')?.slice(0, 64) || undefined;
    c.header('Cache-Control', 'no-store');
    return c.json({ incidents: await activeIncidents(deps.db, appRow.id, { product, region }) } satisfies StatusResponse);
  });
}
