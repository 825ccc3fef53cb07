import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '@helpdock/protocol';
import { createHelpdockCore, receiptOf, selectUnread, type Ports } from '../src/index.ts';
import { FakeAgentServer, instantBot, manualClock, memoryStorage, sequentialIds, settle, staticContext } from './stubs.ts';

function setup(storage = memoryStorage(), server = new FakeAgentServer()) {
  const ports: Ports = {
    context: staticContext(),
    bot: instantBot({}),
    agent: () => {
      const ch = server.connect();
      void Promise.resolve().then(() => ch.setStatus('online'));
      return ch;
    },
  };
  const core = createHelpdockCore({ appId: 'demo', ports, storage, clock: manualClock(), newId: sequentialIds(`u${Math.random().toString(36).slice(2, 6)}`) });
  return { core, server, storage };
}

async function handedOff() {
  const env = setup();
  env.core.requestHuman();
  await settle();
  return env;
}

describe('unread replies and receipts', () => {
  it('counts agent replies while the chat is closed, and clears them when it opens', async () => {
    const { core, server } = await handedOff();
    server.agentSays('Hello, I am looking into it');
    server.agentSays('Found it');
    await settle();
    expect(selectUnread(core.store.getState())).toBe(2);
    core.open();
    await settle();
    expect(selectUnread(core.store.getState())).toBe(0);
    expect(server.receipts.at(-1)).toMatchObject({ kind: 'read', seq: server.messages.length });
  });

  it('does not count replies as read while the page is hidden, even with the chat open', async () => {
    const { core, server } = await handedOff();
    core.open();
    core.setPageVisible(false);
    server.agentSays('Are you there?');
    await settle();
    expect(selectUnread(core.store.getState())).toBe(1);
    core.setPageVisible(true);
    expect(selectUnread(core.store.getState())).toBe(0);
  });

  it('tells the agent a reply was delivered as soon as it arrives, read or not', async () => {
    const { server } = await handedOff();
    const m = server.agentSays('Hi');
    await settle();
    expect(server.receipts).toContainEqual({ conversationId: 'c1', kind: 'delivered', seq: m.seq });
    expect(server.receipts.some((r) => r.kind === 'read')).toBe(false);
  });

  it('clears the badge when another tab of the visitor read the replies', async () => {
    const server = new FakeAgentServer();
    const storage = memoryStorage();
    const first = setup(storage, server);
    first.core.requestHuman();
    await settle();
    const second = setup(storage, server);
    await settle();
    server.agentSays('One');
    await settle();
    expect(selectUnread(first.core.store.getState())).toBe(1);
    expect(selectUnread(second.core.store.getState())).toBe(1);
    second.core.open();
    await settle();
    expect(selectUnread(first.core.store.getState())).toBe(0);
    // And the same through the tabs' own broadcast, without the server.
    server.agentSays('Two');
    await settle();
    first.core.adoptReadMark(99);
    expect(selectUnread(first.core.store.getState())).toBe(0);
  });

  it('shows the visitor whether the agent received and read their last message', async () => {
    const { core, server } = await handedOff();
    core.sendMessage('My instance is stuck');
    await settle();
    const mine = () => core.store.getState().messages.find((m) => m.text === 'My instance is stuck')!;
    expect(receiptOf(mine(), core.store.getState())).toBe('sent');
    server.agentReceipt('delivered', mine().seq!);
    await settle();
    expect(receiptOf(mine(), core.store.getState())).toBe('delivered');
    server.agentReceipt('read', mine().seq!);
    await settle();
    expect(receiptOf(mine(), core.store.getState())).toBe('read');
  });

  it('keeps what was read across a reload', async () => {
    const storage = memoryStorage();
    const server = new FakeAgentServer();
    const before = setup(storage, server);
    before.core.requestHuman();
    await settle();
    server.agentSays('Hi');
    await settle();
    before.core.open();
    before.core.close();
    before.core.destroy();
    const after = setup(storage, server);
    await settle();
    expect(selectUnread(after.core.store.getState())).toBe(0);
  });
});

describe('past tickets', () => {
  const past = (id: string, n: number): Ticket => ({
    id,
    number: n,
    appId: 'demo',
    conversationId: `conv-${id}`,
    status: 'closed',
    priority: 'P2',
    subject: `Old problem ${n}`,
    assignee: null,
    resolution: 'Fixed',
    context: { url: 'https://console.example.com/', locale: 'en' },
    transcript: [],
    createdAt: '2024-12-01T00:00:00.000Z',
    updatedAt: '2024-12-01T00:00:00.000Z',
  });

  it('lists every ticket of the visitor and opens a past one read-only with its messages', async () => {
    const { core, server } = await handedOff();
    server.pastTickets.push({
      ticket: past('old', 7),
      messages: [{ id: 'pm1', conversationId: 'conv-old', clientId: 'x1', seq: 1, author: 'agent', authorName: 'Li Wei', text: 'That was the quota', createdAt: '2024-12-01T00:01:00.000Z' }],
    });
    core.showTickets();
    expect(core.store.getState().view).toBe('tickets');
    // The list's code loads on first use: not within a few microtasks.
    await vi.waitFor(() => expect(core.store.getState().tickets?.map((t) => t.number)).toEqual([1, 7]));
    expect(await core.showTicket('old')).toBe(true);
    const state = core.store.getState();
    expect(state.pastTicket?.ticket.number).toBe(7);
    expect(state.pastTicket?.messages.map((m) => m.text)).toEqual(['That was the quota']);
    // The live conversation is untouched.
    expect(state.ticket?.id).toBe('t1');
    core.closeTickets();
    expect(core.store.getState().pastTicket).toBeNull();
  });

  it('refuses a ticket id that is not this visitor\'s', async () => {
    const { core } = await handedOff();
    expect(await core.showTicket('someone-elses')).toBe(false);
    expect(core.store.getState().pastTicket).toBeNull();
  });
});
