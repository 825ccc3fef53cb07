// @vitest-environment node
import { createHelpdockCore, selectTimeline, type HelpdockCore } from '@helpdock/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage, randomId, socketAgentChannel, systemClock } from '../src/index.ts';
import { startVisitorServer, type VisitorServer } from './visitor-server.ts';

const fast = { reconnectionDelay: 50, reconnectionDelayMax: 100 };

describe('the socket.io agent channel, with the core, against a real socket.io server', () => {
  let server: VisitorServer;
  const cores: HelpdockCore[] = [];

  beforeEach(async () => {
    server = await startVisitorServer();
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) core.destroy();
    await server.close();
  });

  function visitor(storage = memoryStorage(), socketOptions: Record<string, unknown> = fast) {
    const core = createHelpdockCore({
      appId: 'demo',
      storage,
      clock: systemClock(),
      newId: randomId,
      retryDelayMs: 100,
      ports: {
        context: { snapshot: () => ({ url: 'http://127.0.0.1/console', locale: 'en' }), subscribe: () => () => undefined },
        bot: { reply: async () => ({ kind: 'unknown' }) },
        agent: () => socketAgentChannel({ serverUrl: server.url, appId: 'demo', storage, timeoutMs: 2000, socketOptions }),
      },
    });
    cores.push(core);
    const texts = () => selectTimeline(core.store.getState()).map((m) => m.text || m.i18n?.key);
    return { core, storage, texts };
  }

  it('hands off with the transcript and shows the agent’s reply live', async () => {
    const { core, texts } = visitor();
    core.sendMessage('My instance will not start');
    await vi.waitFor(() => expect(texts()).toHaveLength(2));
    core.requestHuman();
    await vi.waitFor(() => expect(core.store.getState().ticket?.number).toBe(1));
    expect(server.ticket?.transcript.map((t) => t.text)).toEqual(['My instance will not start', '(no answer found)']);
    server.agentSays('Hi, I am Ana.');
    await vi.waitFor(() => expect(texts()).toEqual(['My instance will not start', 'bot.unknown', 'Hi, I am Ana.']));
    expect(core.store.getState().connection).toBe('online');
  });

  it.each(['before-store', 'after-store'] as const)('delivers a message once when the connection drops while sending it (%s)', async (when) => {
    const { core, texts } = visitor();
    core.requestHuman();
    await vi.waitFor(() => expect(core.store.getState().phase).toBe('queued'));
    const seen = new Set<string | null>();
    core.store.subscribe((s) => seen.add(s.connection));
    server.dropNextSend(when);
    core.sendMessage('Are you there?');
    await vi.waitFor(() => expect(core.store.getState().outbox).toEqual([]), { timeout: 5000 });
    expect(seen).toContain('offline');
    expect(server.messages.filter((m) => m.text === 'Are you there?')).toHaveLength(1);
    expect(texts()).toEqual(['Are you there?']);
    await vi.waitFor(() => expect(core.store.getState().connection).toBe('online'));
  });

  it('connects by WebSocket, with no long-polling requests first', async () => {
    const { core } = visitor();
    core.requestHuman();
    await vi.waitFor(() => expect(core.store.getState().connection).toBe('online'));
    expect(server.transports).toEqual(['websocket']);
  });

  it('falls back to long-polling where WebSockets do not get through, and the chat works both ways', async () => {
    await server.close();
    server = await startVisitorServer({ transports: ['polling'] });
    // No transports given: the channel's own choice (WebSocket, then the fallback) is what is tested.
    const { core, texts } = visitor(memoryStorage(), { reconnectionDelay: 50, reconnectionDelayMax: 100 });
    core.requestHuman();
    await vi.waitFor(() => expect(core.store.getState().ticket?.number).toBe(1), { timeout: 5000 });
    expect(server.transports).toEqual(['polling']);
    core.sendMessage('over long-polling');
    await vi.waitFor(() => expect(core.store.getState().outbox).toEqual([]));
    server.agentSays('heard you');
    await vi.waitFor(() => expect(texts()).toEqual(['over long-polling', 'heard you']));
    expect(server.messages.filter((m) => m.text === 'over long-polling')).toHaveLength(1);
  });

  it('catches up on messages sent while the connection was down', async () => {
    const { core, texts } = visitor();
    core.requestHuman();
    await vi.waitFor(() => expect(core.store.getState().connection).toBe('online'));
    await vi.waitFor(() => expect(core.store.getState().phase).toBe('queued'));
    server.cutConnections();
    // Said while this visitor's socket is gone: no push reaches it.
    server.agentSays('Sorry for the wait.');
    await vi.waitFor(() => expect(texts()).toEqual(['Sorry for the wait.']), { timeout: 5000 });
  });

  it('resumes the same visitor and conversation after a reload', async () => {
    const storage = memoryStorage();
    const first = visitor(storage);
    first.core.requestHuman();
    await vi.waitFor(() => expect(first.core.store.getState().phase).toBe('queued'));
    server.agentSays('Hello from Ana.');
    await vi.waitFor(() => expect(first.texts()).toEqual(['Hello from Ana.']));
    first.core.destroy();

    server.agentSays('Still there?');
    const second = visitor(storage);
    await vi.waitFor(() => expect(second.texts()).toEqual(['Hello from Ana.', 'Still there?']));
    expect(server.sessions).toBe(2);
    expect(storage.get('visitor-token:demo')).toBe('tok-1');
  });

  it('reports a handoff as failed, not thrown, when the server cannot be reached', async () => {
    const storage = memoryStorage();
    const channel = socketAgentChannel({ serverUrl: 'http://127.0.0.1:9', appId: 'demo', storage, timeoutMs: 300 });
    const res = await channel.handoff({ clientId: 'h1', transcript: [], context: { url: 'http://x' } });
    channel.close();
    expect(res).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});
