import { AppIdSchema, LocaleSchema, validate } from '@helpdock/protocol';
import type { Hono } from 'hono';
import { findApp, originAllowed } from '../store/apps.ts';
import { loadBundle } from '../store/kb.ts';
import { allowOrigin, preflight } from './cors.ts';
import type { HttpDeps } from './deps.ts';
import { httpError, httpRefusal } from './errors.ts';

/** `GET /api/v1/apps/:appId/kb?locale=`: the app's articles for the closest locale it has. */
export function kbRoutes(app: Hono, deps: HttpDeps): void {
  app.options('/api/v1/apps/:appId/kb', (c) => preflight(c.req.header('origin')));

  app.get('/api/v1/apps/:appId/kb', async (c) => {
    const origin = c.req.header('origin');
    allowOrigin(c, origin);
    const appId = validate(AppIdSchema, c.req.param('appId'));
    if (!appId.ok) return httpRefusal(c, 400, appId.error);
    const locale = validate(LocaleSchema, c.req.query('locale') ?? 'en');
    if (!locale.ok) return httpRefusal(c, 400, locale.error);
    const appRow = await findApp(deps.db, appId.value);
    if (!appRow) return httpError(c, 404, 'unknown_app', `no app "${appId.value}" on this server`);
    if (!originAllowed(appRow, origin)) return httpError(c, 403, 'origin_not_allowed', `origin ${origin} is not allowed for app "${appId.value}"`);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(await loadBundle(deps.db, appId.value, locale.value));
  });
}
