import { HTTP, type HealthResponse } from '@helpdock/protocol';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { agentRoutes } from './agent-routes.ts';
import { attachmentRoutes, isUpload } from './attachment-routes.ts';
import { MAX_JSON_BODY_BYTES } from './body.ts';
import type { HttpDeps } from './deps.ts';
import { isStoreUnavailable, UNAVAILABLE_MESSAGE } from '../db/unavailable.ts';
import type { Db } from '../db/db.ts';
import { httpError } from './errors.ts';
import { incidentRoutes } from './incident-routes.ts';
import { kbRoutes } from './kb-routes.ts';
import { staticDir } from './static.ts';
import { userRoutes } from './user-routes.ts';
import { visitorRoutes } from './visitor-routes.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The server's HTTP surface: API, health, and the built widget and agent console. */
export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (isStoreUnavailable(err)) {
      deps.logger.warn(`${c.req.method} ${c.req.path}: database unavailable (${err.message})`);
      return httpError(c, 503, 'unavailable', UNAVAILABLE_MESSAGE);
    }
    deps.logger.error(`${c.req.method} ${c.req.path} failed`, err);
    return httpError(c, 500, 'internal', 'internal error');
  });

  // What a load balancer polls: 503 while this node cannot serve (its database or Redis is down).
  app.get(HTTP.health, async (c) => {
    const problems: NonNullable<HealthResponse['problems']> = [];
    if (!(await storeAnswers(deps.db))) problems.push('store');
    if (deps.redisDown()) problems.push('redis');
    const health: HealthResponse = {
      ok: problems.length === 0,
      version: deps.version,
      store: deps.db.kind,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    };
    if (problems.length > 0) health.problems = problems;
    return c.json(health, problems.length === 0 ? 200 : 503);
  });

  const jsonLimit = bodyLimit({ maxSize: MAX_JSON_BODY_BYTES, onError: (c) => httpError(c, 413, 'too_large', `the body must be at most ${MAX_JSON_BODY_BYTES} bytes`) });
  // Uploads check their own limits, per kind, while they stream.
  app.use('/api/*', (c, next) => (isUpload(c.req.path) ? next() : jsonLimit(c, next)));
  visitorRoutes(app, deps);
  agentRoutes(app, deps);
  attachmentRoutes(app, deps);
  kbRoutes(app, deps);
  incidentRoutes(app, deps);
  userRoutes(app, deps);
  app.all('/api/*', (c) => httpError(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));

  app.get('/', (c) => c.redirect('/agent/'));
  app.get('/agent', (c) => c.redirect('/agent/'));
  app.get(
    '/agent/*',
    staticDir({
      dir: deps.agentConsoleDir,
      prefix: '/agent/',
      spa: true,
      missing: 'The agent console is not built yet. Run `pnpm build` in the Helpdock repository, then reload.',
      cacheControl: (path) => (path.startsWith('assets/') ? IMMUTABLE : 'no-cache'),
    }),
  );
  app.get(
    '/widget/*',
    staticDir({
      dir: deps.widgetDir,
      prefix: '/widget/',
      missing: 'The widget is not built yet. Run `pnpm build` in the Helpdock repository, then reload.',
      // Entry files keep their names so host pages never change; only hashed chunks are immutable.
      cacheControl: (path) => (path.startsWith('assets/') ? IMMUTABLE : 'public, max-age=300'),
      // Host pages on any origin import the widget as an ES module, which is a CORS fetch.
      headers: { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' },
    }),
  );
  return app;
}

async function storeAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 2000)));
  try {
    return await Promise.race([db.query('SELECT 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
