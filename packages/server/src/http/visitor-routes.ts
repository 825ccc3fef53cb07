import { HTTP, validate, VisitorSessionRequestSchema, type VisitorSessionResponse } from '@helpdock/protocol';
import type { Context, Hono } from 'hono';
import { verifyIdentity } from '../auth/identity.ts';
import { expiresIn, signSession, USER_TOKEN_TTL_SECONDS, verifySession, VISITOR_TOKEN_TTL_SECONDS, type VisitorSession } from '../auth/tokens.ts';
import { findApp, originAllowed } from '../store/apps.ts';
import { createVisitor, sessionStands, userVisitor } from '../store/visitors.ts';
import { readBody } from './body.ts';
import { allowOrigin, preflight } from './cors.ts';
import type { HttpDeps } from './deps.ts';
import { httpError } from './errors.ts';
import { clientIp } from './ip.ts';

/**
 * `POST /api/v1/visitor/session`: a signed session. Anonymous visitors resume
 * when their old token still holds; a verified user (`identity`) always gets
 * their own visitor, whatever token the page held before.
 */
export function visitorRoutes(app: Hono, deps: HttpDeps): void {
  app.options(HTTP.visitorSession, (c) => preflight(c.req.header('origin')));

  app.post(HTTP.visitorSession, async (c) => {
    const origin = c.req.header('origin');
    allowOrigin(c, origin);
    const limited = deps.limits.take('session:ip', clientIp(c, deps.trustProxy));
    if (limited) return httpError(c, 429, 'rate_limited', limited);
    const body = await readBody(c, (input) => validate(VisitorSessionRequestSchema, input));
    if ('response' in body) return body.response;
    const { appId, token, identity } = body.value;
    const appRow = await findApp(deps.db, appId);
    if (!appRow) return httpError(c, 404, 'unknown_app', `no app "${appId}" on this server`);
    if (!originAllowed(appRow, origin)) return httpError(c, 403, 'origin_not_allowed', `origin ${origin} is not allowed for app "${appId}"`);

    if (identity) {
      if (!appRow.identitySecret) return httpError(c, 401, 'unauthorized', `app "${appId}" has no identity secret: users cannot be verified`);
      const verified = verifyIdentity(appRow.identitySecret, identity);
      if (!verified.ok) return httpError(c, 401, 'unauthorized', verified.reason);
      const user = await userVisitor(deps.db, appId, verified.userId);
      if (user.validAfterMs !== null && (verified.issuedAtMs ?? 0) <= user.validAfterMs) {
        return httpError(c, 401, 'unauthorized', 'the sessions of this user were revoked after this identity token was issued');
      }
      const now = Date.now();
      const exp = Math.min(verified.expiresAt ?? Infinity, expiresIn(USER_TOKEN_TTL_SECONDS));
      return issue(c, deps, { kind: 'visitor', appId, visitorId: user.visitorId, userId: verified.userId, iat: now, exp: Math.floor(exp) });
    }
    if (appRow.identityRequired) return httpError(c, 401, 'unauthorized', `app "${appId}" only serves verified users: call identify with a token from your backend`);

    const earlier = token ? verifySession(deps.secret, token) : null;
    const resumable =
      earlier?.kind === 'visitor' &&
      earlier.appId === appId &&
      earlier.userId === undefined &&
      (await sessionStands(deps.db, appId, earlier.visitorId, earlier.iat ?? 0));
    const visitorId = resumable ? earlier.visitorId : await createVisitor(deps.db, appId);
    return issue(c, deps, { kind: 'visitor', appId, visitorId, iat: Date.now(), exp: expiresIn(VISITOR_TOKEN_TTL_SECONDS) });
  });
}

function issue(c: Context, deps: HttpDeps, session: VisitorSession): Response {
  const response: VisitorSessionResponse = {
    visitorId: session.visitorId,
    token: signSession(deps.secret, session),
    expiresAt: new Date(session.exp * 1000).toISOString(),
    features: { transcriptEmail: deps.mailer },
  };
  if (session.userId !== undefined) response.userId = session.userId;
  return c.json(response);
}
