import { AppIdSchema, ArticleFeedbackSchema, BotQuestionSchema, HandoffPlanQuestionSchema, LIMITS, LocaleSchema, validate, type ContextSnapshot, type Validated } from '@helpdock/protocol';
import type { Context, Hono } from 'hono';
import { findApp, originAllowed, type AppRow } from '../store/apps.ts';
import { loadBundle, recordFeedback } from '../store/kb.ts';
import { readBody } from './body.ts';
import { allowOrigin, preflight } from './cors.ts';
import type { HttpDeps } from './deps.ts';
import { httpError, httpRefusal } from './errors.ts';
import { clientIp } from './ip.ts';
import { createKbSearch } from './kb-search.ts';

/** The app a visitor request names, when it exists and the page's origin may use it; otherwise the refusal. */
async function visitorApp(c: Context, deps: HttpDeps): Promise<{ app: AppRow } | { response: Response }> {
  const origin = c.req.header('origin');
  allowOrigin(c, origin);
  const appId = validate(AppIdSchema, c.req.param('appId'));
  if (!appId.ok) return { response: httpRefusal(c, 400, appId.error) };
  const app = await findApp(deps.db, appId.value);
  if (!app) return { response: httpError(c, 404, 'unknown_app', `no app "${appId.value}" on this server`) };
  if (!originAllowed(app, origin)) return { response: httpError(c, 403, 'origin_not_allowed', `origin ${origin} is not allowed for app "${appId.value}"`) };
  return { app };
}

const param = (c: Context, name: string, max: number) => (c.req.query(name) ?? '').slice(0, max).trim();

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

  const kb = createKbSearch(deps.db);
  app.options('/api/v1/apps/:appId/kb/search', (c) => preflight(c.req.header('origin')));
  app.get('/api/v1/apps/:appId/kb/search', async (c) => {
    const found = await visitorApp(c, deps);
    if ('response' in found) return found.response;
    const locale = validate(LocaleSchema, c.req.query('locale') ?? 'en');
    if (!locale.ok) return httpRefusal(c, 400, locale.error);
    const context: ContextSnapshot = { url: param(c, 'url', LIMITS.url) };
    for (const k of ['product', 'page', 'region'] as const) {
      const v = param(c, k, LIMITS.contextName);
      if (v) context[k] = v;
    }
    const codes = c.req.queries('errorCode')?.map((e) => e.slice(0, LIMITS.contextName)).slice(0, LIMITS.contextList);
    if (codes?.length) context.errorCodes = codes;
    const limit = Number(c.req.query('limit') ?? 5);
    const ids = c.req.queries('id')?.slice(0, 20);
    c.header('Cache-Control', 'no-store');
    return c.json(
      await kb.search(found.app.id, { q: param(c, 'q', 500), locale: locale.value, limit: Number.isFinite(limit) ? limit : 5, context, ...(ids ? { ids } : {}) }),
    );
  });

  // The FAQ bot's two requests from the page, each validated, rate-limited per address together,
  // and neither stored nor logged.
  const botRoute = <T>(path: string, check: (input: unknown) => Validated<T>, respond: (appId: string, value: T) => Promise<unknown>) => {
    app.options(path, (c) => preflight(c.req.header('origin')));
    app.post(path, async (c) => {
      const found = await visitorApp(c, deps);
      if ('response' in found) return found.response;
      const limited = deps.limits.take('bot:ip', clientIp(c, deps.trustProxy));
      if (limited) return httpError(c, 429, 'rate_limited', limited);
      const body = await readBody(c, check);
      if ('response' in body) return body.response;
      c.header('Cache-Control', 'no-store');
      return c.json(await respond(found.app.id, body.value));
    });
  };
  // A question: the server answers from the app's KB, so the page downloads neither the articles nor the search index.
  botRoute('/api/v1/apps/:appId/bot', (input) => validate(BotQuestionSchema, input), kb.answer);
  // Before a ticket: its category, tags and priority, from the same words and the same KB, so the page does not carry the word lists.
  botRoute('/api/v1/apps/:appId/bot/plan', (input) => validate(HandoffPlanQuestionSchema, input), kb.plan);

  app.options('/api/v1/apps/:appId/kb/feedback', (c) => preflight(c.req.header('origin')));
  app.post('/api/v1/apps/:appId/kb/feedback', async (c) => {
    const found = await visitorApp(c, deps);
    if ('response' in found) return found.response;
    const body = await readBody(c, (input) => validate(ArticleFeedbackSchema, input));
    if ('response' in body) return body.response;
    if (!(await recordFeedback(deps.db, found.app.id, body.value))) return httpError(c, 404, 'not_found', `no article "${body.value.articleId}"`);
    kb.invalidate(found.app.id);
    return c.json({ ok: true });
  });
}
