import { rm } from 'node:fs/promises';
import type { Message } from '@helpdock/protocol';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, visitorSession } from './support/clients.ts';
import { supportConversation } from './support/flow.ts';
import { ACME_ORIGIN, ANA, newDataDir, startTestServer } from './support/server.ts';

let dataDir: string | undefined;
afterEach(() => disconnectAll());
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a server restart', () => {
  it('loses nothing: the visitor resumes with the same token and sees the whole conversation', async () => {
    dataDir = await newDataDir();
    const before = await startTestServer({ dataDir });
    const flow = await supportConversation(before.url);
    disconnectAll();
    await before.close();

    const after = await startTestServer({ dataDir });
    try {
      // The session secret lives in the store, so tokens issued before the restart still hold.
      const session = await visitorSession(after.url, 'acme', ACME_ORIGIN, flow.visitorToken);
      const visitor = await connectVisitor(after.url, 'acme', session.token, ACME_ORIGIN);
      const synced = await ask(visitor, 'sync', { conversationId: flow.ticket.conversationId, afterSeq: 0 });
      expect(synced.ticket).toEqual(flow.ticket);
      expect(synced.messages).toEqual(flow.messages);
      const next = await ask(visitor, 'message:send', { conversationId: flow.ticket.conversationId, clientId: 'after-restart', text: 'still there?' });
      expect(next.message.seq).toBe(Math.max(...flow.messages.map((m: Message) => m.seq)) + 1);

      const login = await agentLogin(after.url, 'acme', ANA.email, ANA.password);
      const agent = await connectAgent(after.url, login.token);
      const queue = await ask(agent.socket, 'queue:list', {});
      expect(queue.tickets.map((t: { id: string }) => t.id)).toEqual([flow.ticket.id]);
    } finally {
      disconnectAll();
      await after.close();
    }
  }, 60_000);
});
