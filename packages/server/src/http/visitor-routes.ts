import { HTTP, validate, VisitorSessionRequestSchema, type VisitorSessionResponse } from '@helpdock/protocol';
import type { Hono } from 'hono';
import { expiresIn, signSession, verifySession, VISITOR_TOKEN_TTL_SECONDS } from '../auth/tokens.ts';
import { findApp, originAllowed } from '../store/apps.ts';
import { createVisitor, visitorExists } from '../store/visitors.ts';
import { readBody } from './body.ts';
import { allowOrigin, preflight } from './cors.ts';
import type { HttpDeps } from './deps.ts';
import { httpError } from './errors.ts';

/** `POST /api/v1/visitor/session`: a signed anonymous session, resumed when the old token still holds. */
export function visitorRoutes(app: Hono, deps: HttpDeps): void {
  app.options(HTTP.visitorSession, (c) => preflight(c.req.header('origin')));

  app.post(HTTP.visitorSession, async (c) => {
    const origin = c.req.header('origin');
    allowOrigin(c, origin);
    const body = await readBody(c, (input) => validate(VisitorSessionRequestSchema, input));
    if ('response' in body) return body.response;
    const { appId, token } = body.value;
    const appRow = await findApp(deps.db, appId);
    if (!appRow) return httpError(c, 404, 'unknown_app', `no app "${appId}" on this server`);
    if (!originAllowed(appRow, origin)) return httpError(c, 403, 'origin_not_allowed', `origin ${origin} is not allowed for app "${appId}"`);

    const earlier = token ? verifySession(deps.secret, token) : null;
    const resumable = earlier?.kind === 'visitor' && earlier.appId === appId && (await visitorExists(deps.db, appId, earlier.visitorId));
    const visitorId = resumable ? earlier.visitorId : await createVisitor(deps.db, appId);
    const response: VisitorSessionResponse = {
      visitorId,
      token: signSession(deps.secret, { kind: 'visitor', appId, visitorId, exp: expiresIn(VISITOR_TOKEN_TTL_SECONDS) }),
    };
    return c.json(response);
  });
}
