import { tabSync } from '@helpdock/adapters';
import { createHelpdockCore, type AgentChannel, type CoreState, type HelpdockCore } from '@helpdock/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchAttention } from '../src/attention.ts';

type Ticket = NonNullable<CoreState['ticket']>;
type Message = Parameters<Parameters<AgentChannel['onMessage']>[0]>[0];

const ticket: Ticket = {
  id: 't1', number: 3, appId: 'demo', conversationId: 'c1', status: 'in_progress', priority: 'P2', subject: 'Help',
  assignee: { id: 'a1', name: 'Ana' }, resolution: null, context: { url: 'https://console.example.com/' }, transcript: [],
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
};

/** One tab: a core on a channel that delivers whatever the test says the agent wrote. */
function tab() {
  const listeners = new Set<(m: Message) => void>();
  const channel: AgentChannel = {
    handoff: async () => ({ ok: true, ticket, messages: [] }),
    send: async () => ({ ok: false, error: { code: 'timeout', message: '' } }),
    sync: async () => ({ ok: true, ticket, messages: [] }),
    onMessage: (l) => (listeners.add(l), () => void listeners.delete(l)),
    onTicket: () => () => undefined,
    onStatus: (l) => (l('online'), () => undefined),
    close: () => undefined,
  };
  const core = createHelpdockCore({
    appId: 'demo',
    storage: { get: () => null, set: () => undefined, remove: () => undefined },
    clock: { now: () => Date.now(), schedule: () => () => undefined },
    newId: () => Math.random().toString(36).slice(2),
    ports: { context: { snapshot: () => ({ url: 'https://console.example.com/' }), subscribe: () => () => undefined }, bot: { reply: async () => ({ kind: 'unknown' }) }, agent: () => channel },
  });
  const say = (seq: number) => {
    for (const l of listeners) l({ id: `m${seq}`, conversationId: 'c1', seq, clientId: `a${seq}`, author: 'agent', text: `reply ${seq}`, createdAt: ticket.createdAt });
  };
  return { core, say };
}

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.title = '';
});

function watch(core: HelpdockCore, titleUnread = true) {
  const tabs = tabSync('demo');
  const stop = watchAttention({ core, tabs, titleUnread, sound: false, doc: document });
  stops.push(() => {
    stop();
    tabs.close();
    core.destroy();
  });
}

describe('unread replies in the page title and across tabs', () => {
  it('puts the count in front of the host page title and takes it away once read', async () => {
    document.title = 'Instances · Console';
    const { core, say } = tab();
    watch(core);
    core.requestHuman();
    await vi.waitFor(() => expect(core.store.getState().ticket).not.toBeNull());
    say(1);
    say(2);
    expect(document.title).toBe('(2) Instances · Console');
    // The host retitles the page meanwhile: its new title is kept.
    document.title = 'Buckets · Console';
    say(3);
    expect(document.title).toBe('(3) Buckets · Console');
    core.open();
    expect(document.title).toBe('Buckets · Console');
  });

  it('leaves the title alone when the host turns it off', async () => {
    document.title = 'Console';
    const { core, say } = tab();
    watch(core, false);
    core.requestHuman();
    await vi.waitFor(() => expect(core.store.getState().ticket).not.toBeNull());
    say(1);
    expect(document.title).toBe('Console');
  });

  it('clears the unread count in every tab when one of them reads the replies', async () => {
    const a = tab();
    const b = tab();
    watch(a.core);
    watch(b.core);
    for (const t of [a, b]) {
      t.core.requestHuman();
      await vi.waitFor(() => expect(t.core.store.getState().ticket).not.toBeNull());
      t.say(1);
    }
    expect(b.core.store.getState().readSeq).toBe(0);
    a.core.open();
    await vi.waitFor(() => expect(b.core.store.getState().readSeq).toBe(1));
  });
});
