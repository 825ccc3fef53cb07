import type { ContextSnapshot } from '@helpdock/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHelpdockCore, selectTimeline, type BotProvider, type BotReply, type HandoffPlan, type Ports } from '../src/index.ts';
import { article, FakeAgentServer, manualClock, memoryStorage, sequentialIds, settle, staticContext } from './stubs.ts';

const purge = { ...article('cdn-purge-cache', 'Purge the CDN cache'), products: ['cdn'] };
const restart = { ...article('restart-instance', 'Restart an instance'), products: ['ecs'] };

const plan: HandoffPlan = {
  category: 'compute',
  tags: ['ecs', 'restart-instance'],
  priority: 'P1',
  questions: [
    { field: 'resource', choices: [{ value: 'instance i-1' }, { value: 'instance i-2' }] },
    { field: 'started', choices: [{ value: 'just_now', i18n: true }, { value: 'today', i18n: true }] },
  ],
  known: [{ field: 'region', value: 'cn-hangzhou', source: 'context' }],
};

function bot(replies: Record<string, BotReply>, handoffPlan: HandoffPlan | null = plan): BotProvider {
  return {
    reply: async (text) => replies[text] ?? { kind: 'unknown' },
    ...(handoffPlan ? { planHandoff: async () => handoffPlan } : {}),
  };
}

const answers: Record<string, BotReply> = {
  'restart?': { kind: 'answer', text: 'Choose Restart.', article: restart, quickReplies: [{ kind: 'ask', text: 'resize?' }] },
  'resize?': { kind: 'answer', text: 'Stop, then resize.', article: { ...restart, id: 'resize' } },
  'purge?': { kind: 'answer', text: 'Use Refresh.', article: purge, action: { id: 'cdn.purge', label: 'Purge the CDN cache for this domain' } },
  'human please': { kind: 'handoff', reason: 'asked' },
};

function setup(overrides: Partial<Ports> = {}, context: ContextSnapshot = { url: 'https://console.example.com/ecs', locale: 'en' }) {
  const server = new FakeAgentServer();
  const clock = manualClock();
  const ports: Ports = {
    context: staticContext(context),
    bot: bot(answers),
    agent: () => {
      const ch = server.connect();
      void Promise.resolve().then(() => ch.setStatus('online'));
      return ch;
    },
    ...overrides,
  };
  const core = createHelpdockCore({ appId: 'demo', ports, storage: memoryStorage(), clock, newId: sequentialIds(), actionTimeoutMs: 1000 });
  const last = () => selectTimeline(core.store.getState()).at(-1);
  const lastAnswer = () => [...core.store.getState().messages].reverse().find((m) => m.feedback);
  return { core, server, clock, last, lastAnswer };
}

describe('"Did that solve it?"', () => {
  it('is asked on every answer, with likely follow-ups', async () => {
    const { core, last } = setup();
    core.sendMessage('restart?');
    await settle();
    expect(last()).toMatchObject({ feedback: 'asked', quickReplies: [{ kind: 'ask', text: 'resize?' }] });
  });

  it('thanks the visitor for a yes and does not count it against the bot', async () => {
    const { core, last, lastAnswer } = setup();
    core.sendMessage('restart?');
    await settle();
    core.answerFeedback(lastAnswer()!.id, true);
    expect(lastAnswer()?.feedback).toBe('yes');
    expect(last()?.i18n?.key).toBe('bot.glad');
    expect(core.store.getState().unhelpful).toBe(0);
  });

  it('offers the next step after one "no", and a follow-up button asks it', async () => {
    const { core, last, lastAnswer } = setup();
    core.sendMessage('restart?');
    await settle();
    core.answerFeedback(lastAnswer()!.id, false);
    expect(last()).toMatchObject({ i18n: { key: 'bot.sorry' }, quickReplies: [{ kind: 'ask', text: 'resize?' }] });
    core.quickReply({ kind: 'ask', text: 'resize?' });
    await settle();
    expect(lastAnswer()?.article?.id).toBe('resize');
    expect(core.store.getState().phase).toBe('bot');
  });

  it('hands off to a human after two unhelpful answers, asking only what is missing first', async () => {
    const { core, server, lastAnswer } = setup();
    core.sendMessage('restart?');
    await settle();
    core.answerFeedback(lastAnswer()!.id, false);
    core.sendMessage('resize?');
    await settle();
    core.answerFeedback(lastAnswer()!.id, false);
    await settle();
    const s = core.store.getState();
    expect(s.phase).toBe('intake');
    expect(s.messages.map((m) => m.i18n?.key).filter(Boolean)).toContain('bot.handoff_unhelpful');
    expect(s.intake?.plan.questions[s.intake.index]?.field).toBe('resource');
    expect(server.handoffs).toEqual([]);

    core.answerIntake('instance i-2');
    core.sendMessage('about an hour ago');
    await settle();
    // Nothing leaves the page unseen: what will be shared is shown, and the visitor confirms.
    expect(core.store.getState().reviewingHandoff).toBe(true);
    expect(server.handoffs).toEqual([]);
    core.requestHuman();
    await settle();
    expect(core.store.getState().phase).toBe('queued');
    expect(server.handoffs[0]).toMatchObject({
      category: 'compute',
      priority: 'P1',
      tags: ['ecs', 'restart-instance'],
      intake: [
        { field: 'region', value: 'cn-hangzhou', source: 'context' },
        { field: 'resource', value: 'instance i-2', source: 'choice' },
        { field: 'started', value: 'about an hour ago', source: 'text' },
      ],
    });
    // The agent reads that the answer did not help.
    expect(server.handoffs[0]?.transcript.map((t) => t.text).join('\n')).toMatch(/did not solve it/);
  });

  it('counts "I don\'t know" as unhelpful too', async () => {
    const { core } = setup();
    core.sendMessage('weather?');
    await settle();
    expect(core.store.getState().phase).toBe('bot');
    core.sendMessage('stock price?');
    await settle();
    expect(core.store.getState().phase).toBe('intake');
  });
});

describe('the way to a human', () => {
  it('hands over when the visitor asks for a person in words, questions skippable', async () => {
    const { core, server } = setup();
    core.sendMessage('human please');
    await settle();
    expect(core.store.getState().phase).toBe('intake');
    core.skipIntake();
    core.skipIntake();
    core.requestHuman();
    await settle();
    expect(server.handoffs[0]).toMatchObject({ category: 'compute', intake: [{ field: 'region', value: 'cn-hangzhou' }] });
  });

  it('the "Talk to a human" button never waits for questions: it goes at once with what is known', async () => {
    const { core, server } = setup();
    core.sendMessage('restart?');
    await settle();
    core.requestHuman();
    await settle();
    expect(core.store.getState().phase).toBe('queued');
    expect(server.handoffs[0]).toMatchObject({ category: 'compute', priority: 'P1', intake: [{ field: 'region', source: 'context' }] });
  });

  it('the button in the middle of the questions sends the answers given so far', async () => {
    const { core, server } = setup();
    core.sendMessage('human please');
    await settle();
    core.answerIntake('instance i-1');
    core.requestHuman();
    await settle();
    expect(server.handoffs[0]?.intake).toEqual([
      { field: 'region', value: 'cn-hangzhou', source: 'context' },
      { field: 'resource', value: 'instance i-1', source: 'choice' },
    ]);
  });

  it('still reaches a human when classification fails', async () => {
    const failing: BotProvider = { reply: async () => ({ kind: 'handoff', reason: 'asked' }), planHandoff: async () => Promise.reject(new Error('boom')) };
    const { core, server } = setup({ bot: failing });
    core.sendMessage('agent!');
    await settle();
    expect(core.store.getState().reviewingHandoff).toBe(true);
    core.requestHuman();
    await settle();
    expect(core.store.getState().phase).toBe('queued');
    expect(server.handoffs[0]?.category).toBeUndefined();
  });
});

describe('actions offered by articles', () => {
  // Running an action loads its code on first use; here it is loaded ahead, so each step settles in microtasks.
  beforeAll(() => import('../src/action-run.ts'));
  async function offered(handler?: (ctx: ContextSnapshot) => unknown) {
    const t = setup();
    if (handler) expect(t.core.registerAction('cdn.purge', handler)).toBe(true);
    t.core.sendMessage('purge?');
    await settle();
    const id = t.lastAnswer()!.id;
    return { ...t, id };
  }

  it('runs only after the visitor confirms, says the outcome, and puts it in a later ticket', async () => {
    const calls: string[] = [];
    const { core, server, id, last } = await offered((ctx) => {
      calls.push(ctx.url);
      return { ok: true, message: '3 URLs purged' };
    });
    core.offerAction(id);
    expect(calls).toEqual([]);
    expect(core.store.getState().messages.find((m) => m.id === id)?.action?.status).toBe('confirm');
    core.cancelAction(id);
    expect(calls).toEqual([]);
    core.offerAction(id);
    core.confirmAction(id);
    await settle();
    expect(calls).toEqual(['https://console.example.com/ecs']);
    expect(last()).toMatchObject({ i18n: { key: 'action.done', params: { text: '3 URLs purged' } } });
    core.requestHuman();
    await settle();
    expect(server.handoffs[0]?.actions).toEqual([{ action: 'cdn.purge', ok: true, text: '3 URLs purged', at: expect.any(String) }]);
  });

  it('says plainly when the action fails, throws, or is not available here', async () => {
    const thrown = await offered(() => {
      throw new Error('quota exceeded');
    });
    thrown.core.offerAction(thrown.id);
    thrown.core.confirmAction(thrown.id);
    await settle();
    expect(thrown.last()).toMatchObject({ i18n: { key: 'action.failed', params: { text: 'quota exceeded' } } });

    const rejected = await offered(() => Promise.reject(new Error('denied')));
    rejected.core.offerAction(rejected.id);
    rejected.core.confirmAction(rejected.id);
    await settle();
    expect(rejected.last()?.i18n?.key).toBe('action.failed');

    const unknown = await offered();
    unknown.core.offerAction(unknown.id);
    unknown.core.confirmAction(unknown.id);
    await settle();
    expect(unknown.last()?.i18n).toEqual({ key: 'action.unknown', params: { label: 'Purge the CDN cache for this domain' } });
    expect(unknown.core.store.getState().actionOutcomes[0]).toMatchObject({ action: 'cdn.purge', ok: false });
  });

  it('gives up on a handler that never answers', async () => {
    const { core, clock, id, last } = await offered(() => new Promise(() => undefined));
    core.offerAction(id);
    core.confirmAction(id);
    await settle();
    expect(core.store.getState().messages.find((m) => m.id === id)?.action?.status).toBe('running');
    clock.tick();
    await settle();
    expect(last()?.i18n?.key).toBe('action.timeout');
  });

  it('refuses a malformed name or a handler that is not a function', () => {
    const { core } = setup();
    expect(core.registerAction('bad name!', () => undefined)).toBe(false);
    expect(core.registerAction('cdn.purge', 'nope' as never)).toBe(false);
  });
});
