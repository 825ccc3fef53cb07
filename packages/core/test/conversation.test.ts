import { describe, expect, it } from 'vitest';
import { createHelpdockCore, selectTimeline, type HelpdockCore, type Ports, type Storage } from '../src/index.ts';
import { article, brokenStorage, controlledBot, FakeAgentServer, instantBot, manualClock, memoryStorage, sequentialIds, settle, staticContext } from './stubs.ts';

const restart = article('restart-instance', 'Restart an instance', 'Open the instance page.\n\nChoose Restart.');

function setup(overrides: Partial<Ports> = {}, storage: Storage = memoryStorage(), server = new FakeAgentServer()) {
  const clock = manualClock();
  const channels: ReturnType<FakeAgentServer['connect']>[] = [];
  const ports: Ports = {
    context: staticContext(),
    bot: instantBot({ 'How do I restart?': { kind: 'answer', text: 'Open the instance page.', article: restart } }),
    agent: () => {
      const ch = server.connect();
      channels.push(ch);
      // Connects on the next turn, as a real socket would.
      void Promise.resolve().then(() => ch.setStatus('online'));
      return ch;
    },
    ...overrides,
  };
  const core = createHelpdockCore({ appId: 'demo', ports, storage, clock, newId: sequentialIds(`n${Math.random().toString(36).slice(2, 6)}`) });
  const texts = () => selectTimeline(core.store.getState()).map((m) => m.text || m.i18n?.key);
  return { core, server, storage, clock, channels, texts };
}

async function handedOff(core: HelpdockCore) {
  core.requestHuman();
  await settle();
  expect(core.store.getState().phase).toBe('queued');
}

describe('the bot', () => {
  it('marks an answer that comes from another language, so the user is told why it is in English', async () => {
    const { core } = setup({ bot: instantBot({ 'redémarrer': { kind: 'answer', text: 'Open the instance page.', article: restart, fallbackLocale: 'en' } }) });
    core.sendMessage('redémarrer');
    await settle();
    expect(core.store.getState().messages.at(-1)).toMatchObject({ author: 'bot', article: { id: 'restart-instance' }, fallbackLocale: 'en' });
  });

  it('answers a question with the matching article', async () => {
    const { core, texts } = setup();
    core.sendMessage('How do I restart?');
    expect(core.store.getState().botPending).toBe(true);
    await settle();
    const [question, answer] = selectTimeline(core.store.getState());
    expect(question).toMatchObject({ author: 'visitor', text: 'How do I restart?' });
    expect(answer).toMatchObject({ author: 'bot', article: { title: 'Restart an instance' } });
    expect(texts()).toEqual(['How do I restart?', 'Open the instance page.']);
    expect(core.store.getState().phase).toBe('bot');
  });

  it('gets ready to answer as soon as the chat opens, once', async () => {
    const prepared: string[] = [];
    const { core } = setup({ bot: { reply: async () => ({ kind: 'unknown' }), prepare: async (ctx) => void prepared.push(ctx.url) } });
    expect(prepared).toEqual([]);
    core.open();
    core.close();
    core.toggle();
    expect(prepared).toEqual(['https://console.example.com/ecs/i-123']);
  });

  it('says it does not know, as a translatable key, when nothing matches', async () => {
    const { core } = setup();
    core.sendMessage('Something odd');
    await settle();
    expect(core.store.getState().messages[1]?.i18n).toEqual({ key: 'bot.unknown' });
  });

  it('drops a slow answer to an older question once a newer one was asked', async () => {
    const slow = controlledBot();
    const { core, texts } = setup({ bot: slow.bot });
    core.sendMessage('first');
    core.sendMessage('second');
    slow.answer('second', { kind: 'answer', text: 'answer to second', article: restart });
    await settle();
    slow.answer('first', { kind: 'answer', text: 'answer to first', article: restart });
    await settle();
    expect(texts()).toEqual(['first', 'second', 'answer to second']);
    expect(core.store.getState().botPending).toBe(false);
  });

  it('shows a bot failure as state and keeps the conversation going', async () => {
    const { core } = setup({ bot: { reply: () => Promise.reject(new Error('network')) } });
    core.sendMessage('hello');
    await settle();
    expect(core.store.getState().error).toEqual({ kind: 'bot_failed' });
    expect(core.store.getState().messages).toHaveLength(1);
  });
  it('refuses a message over the size limit without cutting it or losing the draft', async () => {
    const { core, texts } = setup();
    const long = 'x'.repeat(4001);
    core.setDraft(long);
    core.sendMessage(long);
    await settle();
    expect(core.store.getState().error).toEqual({ kind: 'too_long', length: 4001, limit: 4000 });
    expect(core.store.getState().draft).toBe(long);
    expect(texts()).toEqual([]);
    core.sendMessage('x'.repeat(4000));
    await settle();
    expect(core.store.getState().error).toBeNull();
    expect(texts()[0]).toHaveLength(4000);
  });

  it('keeps the reason a provider gives for failing, for the UI to word', async () => {
    const refused = Object.assign(new Error('no app "x"'), { code: 'unknown_app' });
    const { core } = setup({ bot: { reply: () => Promise.reject(refused) } });
    core.sendMessage('hello');
    await settle();
    expect(core.store.getState().error).toEqual({ kind: 'bot_failed', reason: 'unknown_app' });
  });
});

describe('talking to a human', () => {
  it('hands off with the bot transcript and the page the visitor is on', async () => {
    const { core, server } = setup();
    core.sendMessage('How do I restart?');
    await settle();
    await handedOff(core);
    const [req] = server.handoffs;
    expect(req?.transcript.map((t) => [t.author, t.articleId])).toEqual([
      ['visitor', undefined],
      ['bot', 'restart-instance'],
    ]);
    expect(req?.transcript[0]?.text).toBe('How do I restart?');
    expect(req?.context.url).toBe('https://console.example.com/ecs/i-123');
    expect(req?.subject).toBe('How do I restart?');
    expect(core.store.getState().ticket?.number).toBe(1);
  });

  it('can be asked for before saying anything, and while the bot is still thinking', async () => {
    const slow = controlledBot();
    const { core, server } = setup({ bot: slow.bot });
    core.sendMessage('first');
    await handedOff(core);
    slow.answer('first', { kind: 'unknown' });
    await settle();
    expect(server.handoffs).toHaveLength(1);
    // The late bot answer does not appear after the handoff.
    expect(core.store.getState().messages.map((m) => m.author)).toEqual(['visitor']);
  });

  it('reports a failed handoff as state, and the retry does not open a second ticket', async () => {
    const { core, server } = setup();
    server.loseAcks = 1;
    core.requestHuman();
    await settle();
    expect(core.store.getState().error).toEqual({ kind: 'handoff_failed', reason: 'timeout' });
    expect(core.store.getState().handoffPending).toBe(false);
    core.requestHuman();
    await settle();
    expect(core.store.getState().error).toBeNull();
    expect(core.store.getState().ticket?.number).toBe(1);
    expect(new Set(server.handoffs.map((h) => h.clientId)).size).toBe(1);
  });

  it('shows the agent taking the ticket and their reply', async () => {
    const { core, server, texts } = setup();
    await handedOff(core);
    server.claim('Ana Silva');
    server.agentSays('Hi, I am Ana.');
    await settle();
    expect(core.store.getState().phase).toBe('agent');
    expect(core.store.getState().ticket?.assignee?.name).toBe('Ana Silva');
    expect(texts()).toEqual(['Hi, I am Ana.']);
  });
});

describe('messages to the agent', () => {
  it('are resent until acknowledged, and stored and shown once', async () => {
    const { core, server, clock, texts } = setup();
    await handedOff(core);
    server.loseAcks = 2;
    core.sendMessage('Are you there?');
    await settle();
    // Not acknowledged yet: shown as pending, kept in the outbox.
    expect(selectTimeline(core.store.getState()).map((m) => [m.text, m.pending])).toEqual([['Are you there?', true]]);
    expect(core.store.getState().outbox).toHaveLength(1);
    clock.tick();
    await settle();
    clock.tick();
    await settle();
    expect(core.store.getState().outbox).toEqual([]);
    expect(server.messages.filter((m) => m.text === 'Are you there?')).toHaveLength(1);
    expect(texts()).toEqual(['Are you there?']);
    expect(selectTimeline(core.store.getState())[0]?.seq).toBe(1);
  });

  it('wait while the connection is down and go out once it is back', async () => {
    const { core, server, channels, texts } = setup();
    await handedOff(core);
    const ch = channels[0]!;
    ch.setStatus('offline');
    core.sendMessage('sent while offline');
    server.agentSays('agent while visitor offline');
    await settle();
    expect(server.messages.map((m) => m.text)).toEqual(['agent while visitor offline']);
    ch.setStatus('online');
    await settle();
    expect(server.messages.map((m) => m.text)).toEqual(['agent while visitor offline', 'sent while offline']);
    // Missed agent message fetched by sync, visitor's message acked: each shown once, in order.
    expect(texts()).toEqual(['agent while visitor offline', 'sent while offline']);
  });

  it('are shown once when the server echoes them back as well as acknowledging them', async () => {
    const { core, server, channels, texts } = setup();
    await handedOff(core);
    core.sendMessage('echo me');
    await settle();
    channels[0]!.push(server.messages[0]!);
    await settle();
    expect(texts()).toEqual(['echo me']);
  });
  it('fetch a reply that never arrived live, once a later message shows the hole, and keep reconnects from skipping it', async () => {
    const { core, server, channels, texts } = setup();
    await handedOff(core);
    // The agent's reply is stored, but the node it would reach the visitor through goes away before forwarding it.
    server.store({ clientId: 'lost-in-flight', author: 'agent', authorName: 'Ana Silva', text: 'reply lost in flight' });
    core.sendMessage('anyone there?');
    await settle();
    // The ack came back as seq 2 with seq 1 never seen: the core asked for what lies in between.
    expect(channels[0]!.syncs.at(-1)).toBe(0);
    expect(texts()).toEqual(['reply lost in flight', 'anyone there?']);
    expect(core.store.getState().lastSeq).toBe(2);
    channels[0]!.setStatus('offline');
    channels[0]!.setStatus('online');
    await settle();
    expect(channels[0]!.syncs.at(-1)).toBe(2);
    expect(texts()).toEqual(['reply lost in flight', 'anyone there?']);
  });
});

describe('catching up', () => {
  it('tries a sync that failed for a passing reason again without alarming the visitor, and says so only when it keeps failing', async () => {
    const { core, server, channels, clock, texts } = setup();
    await handedOff(core);
    server.agentSays('missed while away');
    server.failSyncs = 2;
    channels[0]!.setStatus('offline');
    channels[0]!.setStatus('online');
    await settle();
    expect(core.store.getState().error).toBeNull();
    clock.tick();
    await settle();
    expect(core.store.getState().error).toBeNull();
    clock.tick();
    await settle();
    expect(texts()).toEqual(['missed while away']);
    expect(core.store.getState().error).toBeNull();

    // Three failures in a row while connected: the visitor is told, and it is still tried again.
    server.agentSays('missed again');
    server.failSyncs = 3;
    channels[0]!.setStatus('offline');
    channels[0]!.setStatus('online');
    for (let i = 0; i < 2; i++) {
      await settle();
      clock.tick();
    }
    await settle();
    expect(core.store.getState().error).toMatchObject({ kind: 'sync_failed', reason: 'timeout' });
    clock.tick();
    await settle();
    expect(texts()).toEqual(['missed while away', 'missed again']);
    expect(core.store.getState().error).toBeNull();
  });

  it('leaves a sync cut short by the connection dropping to the reconnect, with no error shown', async () => {
    const { core, server, channels, texts } = setup();
    await handedOff(core);
    server.agentSays('sent during the drop');
    const ch = channels[0]!;
    ch.setStatus('offline');
    // The reconnect's sync is under way when the connection drops again, and fails.
    server.failSyncs = 1;
    ch.setStatus('online');
    ch.setStatus('offline');
    await settle();
    expect(core.store.getState().error).toBeNull();
    expect(core.store.getState().connection).toBe('offline');
    ch.setStatus('online');
    await settle();
    expect(texts()).toEqual(['sent during the drop']);
  });
});

describe('after a reload', () => {
  it('the conversation, ticket and unsent messages come back, and missed messages are fetched', async () => {
    const storage = memoryStorage();
    const server = new FakeAgentServer();
    const first = setup({}, storage, server);
    first.core.sendMessage('How do I restart?');
    await settle();
    await handedOff(first.core);
    server.agentSays('Hi, I am Ana.');
    await settle();
    first.channels[0]!.setStatus('offline');
    first.core.sendMessage('typed just before reload');
    first.core.destroy();
    server.agentSays('Are you still there?');

    const second = setup({}, storage, server);
    expect(second.core.store.getState().ticket?.number).toBe(1);
    await settle();
    // Two transcript messages and the agent's reply were seen before the reload.
    expect(second.channels[0]?.syncs).toEqual([3]);
    expect(second.texts()).toEqual(['How do I restart?', 'Open the instance page.', 'Hi, I am Ana.', 'Are you still there?', 'typed just before reload']);
    expect(server.messages.filter((m) => m.text === 'typed just before reload')).toHaveLength(1);
    expect(second.core.store.getState().outbox).toEqual([]);
  });

  it('starts clean when storage is unavailable, and still works', async () => {
    const { core, texts } = setup({}, brokenStorage());
    core.sendMessage('How do I restart?');
    await settle();
    expect(texts()).toHaveLength(2);
  });

  it('ignores a stored conversation it cannot read', async () => {
    const storage = memoryStorage();
    storage.set('conversation:demo', '{not json');
    const { core } = setup({}, storage);
    expect(core.store.getState().phase).toBe('idle');
  });
});

describe('the panel', () => {
  it('opens, closes and toggles, and keeps that across a reload', () => {
    const storage = memoryStorage();
    const { core } = setup({}, storage);
    core.toggle();
    expect(core.store.getState().open).toBe(true);
    core.close();
    expect(core.store.getState().open).toBe(false);
    core.open();
    core.destroy();
    expect(setup({}, storage).core.store.getState().open).toBe(true);
  });
});

describe('attachments', () => {
  it('uploads a picked file and sends it as a message of its own, leaving the draft as it was', async () => {
    const { core, server } = setup();
    await handedOff(core);
    core.setDraft('still typing this');
    await core.attachFile({ name: 'screen.png', size: 2048 });
    await settle();
    expect(server.messages.at(-1)).toMatchObject({ author: 'visitor', text: '', attachments: [{ id: 'att_1', name: 'screen.png', size: 2048 }] });
    expect(selectTimeline(core.store.getState()).at(-1)).toMatchObject({ author: 'visitor', attachments: [{ name: 'screen.png' }] });
    expect(selectTimeline(core.store.getState()).at(-1)?.pending).toBeUndefined();
    expect(core.store.getState()).toMatchObject({ draft: 'still typing this', uploads: [], error: null });
    expect(await core.attachmentUrl('att_1')).toBe('blob:test/att_1');
    expect(await core.attachmentUrl('att_404')).toBeNull();
  });

  it('says why a file was refused, with its name and the limits, and sends nothing', async () => {
    const { core, server } = setup();
    await handedOff(core);
    core.setDraft('my draft');
    server.refuseUploads = { code: 'too_large', message: 'a log file may be at most 2 MB' };
    const before = server.messages.length;
    await core.attachFile({ name: 'huge.log', size: 3_000_000 });
    await settle();
    expect(core.store.getState().error).toEqual({ kind: 'upload_failed', reason: 'too_large', name: 'huge.log', image: 5, log: 2 });
    expect(server.messages).toHaveLength(before);
    expect(core.store.getState().draft).toBe('my draft');
    // The next try clears the refusal.
    server.refuseUploads = null;
    await core.attachFile({ name: 'small.log', size: 10 });
    expect(core.store.getState().error).toBeNull();
  });

  it('offers no upload before there is a conversation with a person', async () => {
    const { core, server } = setup();
    await core.attachFile({ name: 'early.png', size: 10 });
    expect(server.uploads.size).toBe(0);
    expect(core.store.getState().uploads).toBeUndefined();
  });
});
