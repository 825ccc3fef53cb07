import { memoryStorage, randomId, socketAgentChannel, systemClock } from '@helpdock/adapters';
import { createHelpdockCore, type ChatMessage, type HelpdockCore } from '@helpdock/core';

/**
 * The widget's real core and socket channel, run in Node: the same outbox,
 * resend and resync-by-seq logic a browser runs, without the UI.
 */
export function visitorCore(serverUrl: string, appId: string): HelpdockCore {
  const storage = memoryStorage();
  return createHelpdockCore({
    appId,
    storage,
    clock: systemClock(),
    newId: randomId,
    retryDelayMs: 300,
    ports: {
      context: { snapshot: () => ({ url: 'https://console.acme.test/faults' }), subscribe: () => () => undefined },
      bot: { reply: async () => ({ kind: 'unknown' }) },
      agent: () =>
        socketAgentChannel({
          serverUrl,
          appId,
          storage,
          timeoutMs: 3000,
          socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 },
        }),
    },
  });
}

/** Resolves once `test` holds for the core's state. */
export function until(core: HelpdockCore, test: (s: ReturnType<HelpdockCore['store']['getState']>) => boolean, ms = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test(core.store.getState())) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`core state did not get there in ${ms} ms: ${JSON.stringify({ connection: core.store.getState().connection, outbox: core.store.getState().outbox.length, error: core.store.getState().error })}`));
    }, ms);
    const off = core.store.subscribe((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

export const serverMessages = (messages: readonly ChatMessage[]) => messages.filter((m) => m.seq !== undefined);
