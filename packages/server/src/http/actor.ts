import type { Context } from 'hono';
import { verifySession } from '../auth/tokens.ts';
import { findAgent } from '../store/agents.ts';
import { findApp, originAllowed } from '../store/apps.ts';
import { sessionStands } from '../store/visitors.ts';
import type { HttpDeps } from './deps.ts';

export type HttpActor = { kind: 'visitor'; appId: string; visitorId: string } | { kind: 'agent'; appId: string; agentId: string };

/**
 * Who is calling, from `Authorization: Bearer <token>` (never from the URL): a
 * visitor whose session still stands, from a page its app allows, or a signed-in
 * agent. Null for anything else; the caller answers 401.
 */
export async function actorOf(c: Context, deps: HttpDeps): Promise<HttpActor | null> {
  const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  const session = token ? verifySession(deps.secret, token) : null;
  if (!session) return null;
  if (session.kind === 'agent') {
    return (await findAgent(deps.db, session.appId, session.agentId)) ? { kind: 'agent', appId: session.appId, agentId: session.agentId } : null;
  }
  const app = await findApp(deps.db, session.appId);
  if (!app || !originAllowed(app, c.req.header('origin'))) return null;
  if (app.identityRequired && session.userId === undefined) return null;
  if (!(await sessionStands(deps.db, app.id, session.visitorId, session.iat ?? 0))) return null;
  return { kind: 'visitor', appId: app.id, visitorId: session.visitorId };
}
