import { randomBytes } from 'node:crypto';
import { HTTP, type Message, type Ticket } from '@helpdock/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signSession } from '../src/auth/tokens.ts';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, record, settle, transcriptLine, visitorSession } from './support/clients.ts';
import { ACME_ORIGIN, ANA, GLOBEX_ORIGIN, HANK, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterEach(() => disconnectAll());
afterAll(() => server?.dispose());

async function alice() {
  const session = await visitorSession(server.url, 'acme', ACME_ORIGIN);
  const socket = await connectVisitor(server.url, 'acme', session.token, ACME_ORIGIN);
  const ack = await ask(socket, 'handoff', { clientId: 'alice-h', transcript: [transcriptLine('visitor', 'my private question')], context: { url: 'https://console.acme.test/' } });
  return { session, socket, ticket: ack.ticket as Ticket };
}

const reSign = (token: string, patch: Record<string, unknown>, secret = 'a guessed secret') => {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { payload: { ...payload, ...patch }, forged: signSession(secret, { ...payload, ...patch } as never) };
};

describe('isolation with forged ids and tokens', () => {
  it('gives a visitor who guesses conversation ids nothing, and no live messages', async () => {
    const victim = await alice();
    const mallory = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    const socket = await connectVisitor(server.url, 'acme', mallory.token, ACME_ORIGIN);
    const leaked = [...record<Message>(socket, 'message'), ...record<Ticket>(socket, 'ticket')];
    const guesses = [victim.ticket.conversationId, victim.ticket.id, ...Array.from({ length: 100 }, () => `cv_${randomBytes(12).toString('base64url')}`)];
    for (const conversationId of guesses) {
      expect(await ask(socket, 'sync', { conversationId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await ask(socket, 'message:send', { conversationId, clientId: 'x', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await ask(socket, 'current', {})).toMatchObject({ ok: true, ticket: null });
    await ask(victim.socket, 'message:send', { conversationId: victim.ticket.conversationId, clientId: 'secret', text: 'card number' });
    await settle();
    expect(leaked).toEqual([]);
  });

  it('refuses session tokens whose visitor, app or kind was changed, unless signed with the server secret', async () => {
    const victim = await alice();
    const mallory = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    const [head, , sig] = mallory.token.split('.');
    const swapped = Buffer.from(JSON.stringify({ kind: 'visitor', appId: 'acme', visitorId: victim.session.visitorId, exp: 9_999_999_999 })).toString('base64url');
    await expect(connectVisitor(server.url, 'acme', `${head}.${swapped}.${sig}`, ACME_ORIGIN)).rejects.toThrow('unauthorized');
    await expect(connectVisitor(server.url, 'acme', reSign(mallory.token, { visitorId: victim.session.visitorId }).forged, ACME_ORIGIN)).rejects.toThrow('unauthorized');
    // A token for the right visitor but the wrong app, or with an unsigned "none" scheme.
    await expect(connectVisitor(server.url, 'globex', mallory.token, GLOBEX_ORIGIN)).rejects.toThrow('unauthorized');
    await expect(connectVisitor(server.url, 'acme', `v0.${swapped}.`, ACME_ORIGIN)).rejects.toThrow('unauthorized');
    // A session resumed with a forged token is a new visitor.
    const resumed = await visitorSession(server.url, 'acme', ACME_ORIGIN, `${head}.${swapped}.${sig}`);
    expect(resumed.visitorId).not.toBe(victim.session.visitorId);
  });

  it('keeps an agent to its own app, whatever its token claims', async () => {
    const victim = await alice();
    const hank = await agentLogin(server.url, 'globex', HANK.email, HANK.password);
    const ana = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    // Hank's token, re-pointed at Acme, or at Ana's id: not signed by the server.
    for (const patch of [{ appId: 'acme' }, { agentId: ana.agent.id, appId: 'acme' }]) {
      await expect(connectAgent(server.url, reSign(hank.token, patch).forged)).rejects.toThrow('unauthorized');
    }
    const h = await connectAgent(server.url, hank.token);
    const seen = record<Ticket>(h.socket, 'ticket');
    expect((await ask(h.socket, 'queue:list', {})).tickets).toEqual([]);
    for (const event of ['ticket:open', 'ticket:claim']) expect((await ask(h.socket, event, { ticketId: victim.ticket.id })).error.code).toBe('not_found');
    await ask(victim.socket, 'message:send', { conversationId: victim.ticket.conversationId, clientId: 'after', text: 'more' });
    await settle();
    expect(seen).toEqual([]);
  });

  it('refuses an agent token at the visitor door and a visitor token at the agent door', async () => {
    const ana = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    await expect(connectVisitor(server.url, 'acme', ana.token, ACME_ORIGIN)).rejects.toThrow('unauthorized');
    const visitor = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    await expect(connectAgent(server.url, visitor.token)).rejects.toThrow('unauthorized');
  });

  it("does not serve one app's knowledge base to another app's pages", async () => {
    const res = await fetch(`${server.url}${HTTP.kb('globex')}?locale=en`, { headers: { origin: ACME_ORIGIN } });
    expect(res.status).toBe(403);
    const socket = visitorSession(server.url, 'globex', ACME_ORIGIN);
    await expect(socket).rejects.toThrow('403');
  });
});
