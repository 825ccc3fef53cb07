import type { Article } from '@helpdock/kb';
import type { ContextSnapshot, Incident } from '@helpdock/protocol';
import { describe, expect, it } from 'vitest';
import { createHelpdockCore, selectTimeline, type ContextSource, type HelpProvider, type Ports } from '../src/index.ts';
import { article, FakeAgentServer, instantBot, manualClock, memoryStorage, sequentialIds, settle } from './stubs.ts';

const quota = { ...article('quota', 'Raise a quota'), errorCodes: ['QuotaExceeded'] };
const restart = { ...article('restart', 'Restart an instance'), products: ['ecs'] };
const kb: Article[] = [quota, restart];

function movingContext(initial: ContextSnapshot) {
  let current = initial;
  const listeners = new Set<(c: ContextSnapshot) => void>();
  const source: ContextSource = {
    snapshot: () => current,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  return {
    source,
    move(next: Partial<ContextSnapshot>) {
      current = { ...current, ...next };
      for (const l of listeners) l(current);
    },
  };
}

function setup(options: { nudges?: boolean; session?: ReturnType<typeof memoryStorage>; incidents?: Incident[] } = {}) {
  const context = movingContext({ url: 'https://c.example/ecs/cn-hangzhou/instances/i-1', product: 'ecs', region: 'cn-hangzhou' });
  const feedback: Array<[string, boolean]> = [];
  const help: HelpProvider = {
    search: async (q) => kb.filter((a) => a.title.toLowerCase().includes(q.toLowerCase())),
    forContext: async (c) => (c.errorCodes?.includes('QuotaExceeded') ? [quota, restart] : [restart]),
    forErrorCode: async (code) => kb.find((a) => a.errorCodes?.includes(code)) ?? null,
    article: async (id) => kb.find((a) => a.id === id) ?? null,
    feedback: async (id, _locale, helpful) => void feedback.push([id, helpful]),
  };
  const server = new FakeAgentServer();
  const ports: Ports = {
    context: context.source,
    bot: instantBot({}),
    help,
    status: { incidents: async () => options.incidents ?? [] },
    agent: () => {
      const ch = server.connect();
      void Promise.resolve().then(() => ch.setStatus('online'));
      return ch;
    },
  };
  const session = options.session ?? memoryStorage();
  const core = createHelpdockCore({
    appId: 'demo',
    ports,
    storage: memoryStorage(),
    session,
    clock: manualClock(),
    newId: sequentialIds(),
    nudges: options.nudges ?? true,
    redact: (t) => t.replace(/\S+@\S+/g, '[redacted]'),
  });
  return { core, context, server, feedback, session, state: () => core.store.getState() };
}

describe('contextual help', () => {
  it('shows the articles for where the user is when the panel opens, and follows navigation', async () => {
    const { core, context, state } = setup();
    core.open();
    await settle();
    expect(state().contextHelp.map((a) => a.id)).toEqual(['restart']);
    context.move({ errorCodes: ['QuotaExceeded'] });
    await settle();
    expect(state().contextHelp.map((a) => a.id)).toEqual(['quota', 'restart']);
  });

  it('nudges once per error code per session, and never while the panel is open', async () => {
    const { core, context, state, session } = setup();
    context.move({ errorCodes: ['QuotaExceeded'] });
    await settle();
    expect(state().nudge).toMatchObject({ code: 'QuotaExceeded', article: { id: 'quota' } });
    core.dismissNudge();
    context.move({ errorCodes: [] });
    context.move({ errorCodes: ['QuotaExceeded'] });
    await settle();
    expect(state().nudge).toBeNull();

    // A reload in the same browser session remembers it too.
    const again = setup({ session });
    again.context.move({ errorCodes: ['QuotaExceeded'] });
    await settle();
    expect(again.state().nudge).toBeNull();
  });

  it('does not nudge when the host turned nudges off', async () => {
    const { context, state } = setup({ nudges: false });
    context.move({ errorCodes: ['QuotaExceeded'] });
    await settle();
    expect(state().nudge).toBeNull();
  });

  it('opens articles by id for the host, keeps suggestions across navigation, and records feedback', async () => {
    const { core, context, state, feedback } = setup();
    expect(await core.showArticle('quota')).toBe(true);
    expect(state()).toMatchObject({ open: true, article: { id: 'quota' } });
    expect(await core.showArticle('nope')).toBe(false);
    await core.suggest(['restart', 'nope']);
    context.move({ url: 'https://c.example/oss/cn-hangzhou/buckets', product: 'oss' });
    await settle();
    expect(state().suggestions.map((a) => a.id)).toEqual(['restart']);
    core.rateArticle(quota, true);
    core.rateArticle(quota, true);
    await settle();
    expect(feedback).toEqual([['quota', true]]);
    expect(state().feedback).toEqual({ quota: true });
  });
});

describe('service status', () => {
  const incident: Incident = {
    id: 'inc_1',
    appId: 'demo',
    product: 'ecs',
    region: 'cn-hangzhou',
    title: 'Instances slow to start',
    message: 'Engineers are on it.',
    severity: 'major',
    status: 'active',
    startedAt: '2025-01-01T00:00:00.000Z',
    resolvedAt: null,
  };

  it('knows the incident for the user’s product and region, and the bot answers “is it down?” from it', async () => {
    const { core, state } = setup({ incidents: [incident, { ...incident, id: 'inc_2', region: 'eu-1' }] });
    core.open();
    await settle();
    expect(state().incidents.map((i) => i.id)).toEqual(['inc_1']);
    core.sendMessage('is ECS down?');
    await settle();
    const answer = selectTimeline(state()).at(-1);
    expect(answer).toMatchObject({ author: 'bot', i18n: { key: 'bot.incident', params: { title: 'Instances slow to start' } } });
  });
});

describe('diagnostics and handoff', () => {
  it('runs the host’s check, bounds and redacts the report, and attaches it to the ticket', async () => {
    const { core, server, state } = setup();
    core.setDiagnostics(async () => ({
      summary: 'Quota check for ana@example.com',
      checks: [{ name: 'API', ok: true }, ...Array.from({ length: 30 }, (_, i) => ({ name: `c${i}`, ok: false, detail: 'x'.repeat(900) }))],
    }));
    expect(state().diagnostics.available).toBe(true);
    await core.runDiagnostics();
    const report = state().diagnostics.report;
    expect(report).toMatchObject({ ok: false, summary: 'Quota check for [redacted]' });
    expect(report?.checks).toHaveLength(20);
    expect(report?.checks[1]?.detail).toHaveLength(500);

    core.reviewHandoff();
    expect(state().reviewingHandoff).toBe(true);
    core.requestHuman();
    await settle();
    expect(state().reviewingHandoff).toBe(false);
    expect(server.handoffs[0]?.context).toMatchObject({ product: 'ecs', diagnostics: { summary: 'Quota check for [redacted]' } });
  });

  it('reports a check that throws as failed, without breaking anything', async () => {
    const { core, state } = setup();
    core.setDiagnostics(() => {
      throw new Error('token=abc leaked? no');
    });
    await core.runDiagnostics();
    expect(state().diagnostics).toMatchObject({ status: 'failed', report: { ok: false } });
  });

  it('masks secrets in the user’s own messages before they are shown or sent', async () => {
    const { core, state } = setup();
    core.sendMessage('my login is ana@example.com');
    await settle();
    expect(selectTimeline(state())[0]?.text).toBe('my login is [redacted]');
  });
});
