import { AgentLoginRequestSchema, HTTP, validate, type AgentLoginResponse } from '@helpdock/protocol';
import type { Hono } from 'hono';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords.ts';
import { AGENT_TOKEN_TTL_SECONDS, expiresIn, signSession } from '../auth/tokens.ts';
import { findAgentForLogin } from '../store/agents.ts';
import { findApp } from '../store/apps.ts';
import { readBody } from './body.ts';
import type { HttpDeps } from './deps.ts';
import { httpError } from './errors.ts';

/** `POST /api/v1/agent/login`: e-mail and password → an agent session token. */
export function agentRoutes(app: Hono, deps: HttpDeps): void {
  app.post(HTTP.agentLogin, async (c) => {
    const body = await readBody(c, (input) => validate(AgentLoginRequestSchema, input));
    if ('response' in body) return body.response;
    const { appId, email, password } = body.value;
    if (!(await findApp(deps.db, appId))) return httpError(c, 404, 'unknown_app', `no app "${appId}" on this server`);
    const found = await findAgentForLogin(deps.db, appId, email);
    const ok = found ? await verifyPassword(password, found.passwordHash) : await burnPasswordCheck(password);
    if (!found || !ok) return httpError(c, 401, 'unauthorized', 'wrong e-mail or password');
    const response: AgentLoginResponse = {
      agent: found.agent,
      token: signSession(deps.secret, { kind: 'agent', appId, agentId: found.agent.id, exp: expiresIn(AGENT_TOKEN_TTL_SECONDS) }),
    };
    return c.json(response);
  });
}
