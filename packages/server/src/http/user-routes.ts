import { timingSafeEqual } from 'node:crypto';
import { AppIdSchema, RevokeUserRequestSchema, validate } from '@helpdock/protocol';
import type { Hono } from 'hono';
import { findApp } from '../store/apps.ts';
import { revokeUserSessions } from '../store/visitors.ts';
import { readBody } from './body.ts';
import type { HttpDeps } from './deps.ts';
import { httpError, httpRefusal } from './errors.ts';

/**
 * `POST /api/v1/apps/:appId/users/revoke` `{ userId }`, called by the host's
 * backend with `Authorization: Bearer <identity secret>` (e.g. on sign-out
 * everywhere, or a compromised account). Every session of the user issued until
 * now stops working at once on every node, and so does every identity JWT whose
 * `iat` is not later than now. Never meant for browsers: no CORS headers.
 */
export function userRoutes(app: Hono, deps: HttpDeps): void {
  app.post('/api/v1/apps/:appId/users/revoke', async (c) => {
    const appId = validate(AppIdSchema, c.req.param('appId'));
    if (!appId.ok) return httpRefusal(c, 400, appId.error);
    const appRow = await findApp(deps.db, appId.value);
    if (!appRow) return httpError(c, 404, 'unknown_app', `no app "${appId.value}" on this server`);
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!appRow.identitySecret || !sameSecret(given, appRow.identitySecret)) {
      return httpError(c, 401, 'unauthorized', 'Authorization must be "Bearer <the app\'s identity secret>"');
    }
    const body = await readBody(c, (input) => validate(RevokeUserRequestSchema, input));
    if ('response' in body) return body.response;
    const visitorId = await revokeUserSessions(deps.db, appRow.id, body.value.userId);
    deps.disconnectVisitor(appRow.id, visitorId);
    return c.json({ ok: true, revokedAt: new Date().toISOString() });
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
