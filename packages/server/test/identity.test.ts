import { HTTP, type Message, type Ticket } from '@helpdock/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signSession } from '../src/auth/tokens.ts';
import { ask, connectVisitor, disconnectAll, postJson, settle, transcriptLine, visitorSession } from './support/clients.ts';
import { hmacOf, nowSeconds, signJwt, userJwt } from './support/identity.ts';
import { ACME_IDENTITY_SECRET, ACME_ORIGIN, startTestServer, VAULT_IDENTITY_SECRET, VAULT_ORIGIN, type TestServer } from './support/server.ts';

const SECRET = 'server-session-secret-for-identity-tests';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ secret: SECRET });
}, 60_000);
afterEach(() => disconnectAll());
afterAll(async () => {
  await server?.dispose();
  // No token of any kind may ever reach a log line.
  for (const line of server?.logs ?? []) expect(line).not.toMatch(/v1\.[A-Za-z0-9_-]{20,}\.|eyJ[A-Za-z0-9_-]{10,}|[0-9a-f]{64}/);
});

const session = (appId: string, origin: string, body: Record<string, unknown>) =>
  postJson(`${server.url}${HTTP.visitorSession}`, { appId, ...body }, { origin });

const identified = (appId: string, origin: string, userId: string, token: string) => session(appId, origin, { identity: { userId, token } });

async function handoff(socket: Socket, clientId: string, text: string): Promise<{ ticket: Ticket; messages: Message[] }> {
  const res = await ask(socket, 'handoff', { clientId, transcript: [transcriptLine('visitor', text)], context: { url: 'https://console.acme.test/' } });
  expect(res.ok).toBe(true);
  return res;
}

const revoke = (appId: string, userId: string, secret: string) =>
  postJson(`${server.url}${HTTP.revokeUser(appId)}`, { userId }, { authorization: `Bearer ${secret}` });

describe('identify with an HMAC of the user id', () => {
  it('gives a verified user the same visitor on every device', async () => {
    const first = await identified('acme', ACME_ORIGIN, 'user-1', hmacOf(ACME_IDENTITY_SECRET, 'user-1'));
    const second = await identified('acme', ACME_ORIGIN, 'user-1', hmacOf(ACME_IDENTITY_SECRET, 'user-1').toUpperCase());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ userId: 'user-1', visitorId: expect.any(String), expiresAt: expect.any(String) });
    expect(second.body.visitorId).toBe(first.body.visitorId);
  });

  it('refuses a bad, foreign or missing hash, saying why', async () => {
    const cases: [string, string][] = [
      ['user-1', hmacOf(ACME_IDENTITY_SECRET, 'user-2')], // another user's hash
      ['user-1', hmacOf(VAULT_IDENTITY_SECRET, 'user-1')], // another app's secret
      ['user-1', hmacOf('guessed', 'user-1')],
      ['user-1', 'not-a-hash'],
      ['user-1', `${hmacOf(ACME_IDENTITY_SECRET, 'user-1').slice(0, -1)}0`],
    ];
    for (const [userId, token] of cases) {
      const res = await identified('acme', ACME_ORIGIN, userId, token);
      expect(res.status, token).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'unauthorized', message: expect.any(String) });
      expect(res.body).not.toHaveProperty('token');
    }
    expect((await session('acme', ACME_ORIGIN, { identity: { userId: 'user-1' } })).body.error.code).toBe('invalid_event');
    // An app without an identity secret verifies nobody.
    const globex = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'globex', identity: { userId: 'u', token: hmacOf('', 'u') } }, { origin: 'https://portal.globex.test' });
    expect(globex.status).toBe(401);
  });
});

describe('identify with a JWT', () => {
  it('accepts an HS256 JWT for the user, and the session ends when the JWT does', async () => {
    const exp = nowSeconds() + 120;
    const res = await identified('acme', ACME_ORIGIN, 'jwt-user', signJwt(ACME_IDENTITY_SECRET, { sub: 'jwt-user', iat: nowSeconds(), exp }));
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.expiresAt)).toBe(exp * 1000);
  });

  it('refuses expired, unsigned, foreign, misaddressed and exp-less JWTs', async () => {
    const now = nowSeconds();
    const cases: Record<string, string> = {
      expired: signJwt(ACME_IDENTITY_SECRET, { sub: 'u', iat: now - 7200, exp: now - 1 }),
      'alg none': `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u', exp: now + 60 })).toString('base64url')}.`,
      'alg HS512 header': signJwt(ACME_IDENTITY_SECRET, { sub: 'u', exp: now + 60 }, { alg: 'HS512' }),
      'another app’s secret': userJwt(VAULT_IDENTITY_SECRET, 'u'),
      'another user': userJwt(ACME_IDENTITY_SECRET, 'someone-else'),
      'no exp': signJwt(ACME_IDENTITY_SECRET, { sub: 'u', iat: now }),
      'issued in the future': signJwt(ACME_IDENTITY_SECRET, { sub: 'u', iat: now + 3600, exp: now + 7200 }),
      'tampered claims': (() => {
        const [h, , sig] = userJwt(ACME_IDENTITY_SECRET, 'u').split('.');
        return `${h}.${Buffer.from(JSON.stringify({ sub: 'u', exp: now + 999_999 })).toString('base64url')}.${sig}`;
      })(),
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await identified('acme', ACME_ORIGIN, 'u', token);
      expect(res.status, name).toBe(401);
      expect(res.body.error.code, name).toBe('unauthorized');
    }
  });

  it('cuts a live socket once its session has expired, and refuses it on reconnect', async () => {
    const now = nowSeconds();
    const res = await identified('acme', ACME_ORIGIN, 'short-lived', signJwt(ACME_IDENTITY_SECRET, { sub: 'short-lived', iat: now, exp: now + 2 }));
    const socket = await connectVisitor(server.url, 'acme', res.body.token, ACME_ORIGIN);
    expect((await ask(socket, 'current', {})).ok).toBe(true);
    await new Promise((r) => setTimeout(r, (now + 2) * 1000 - Date.now() + 100));
    const disconnected = new Promise((r) => socket.once('disconnect', r));
    expect(await ask(socket, 'current', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await disconnected;
    await expect(connectVisitor(server.url, 'acme', res.body.token, ACME_ORIGIN)).rejects.toThrow('unauthorized');
  });
});

describe('an app that requires verified users', () => {
  it('blocks anonymous visitors at the HTTP API and the socket, and lets verified users in', async () => {
    const anonymous = await session('vault', VAULT_ORIGIN, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toContain('verified users');
    // Even a validly signed anonymous session (e.g. issued before the app required identity) is refused.
    const old = signSession(SECRET, { kind: 'visitor', appId: 'vault', visitorId: 'vi_whatever', iat: Date.now(), exp: nowSeconds() + 60 });
    await expect(connectVisitor(server.url, 'vault', old, VAULT_ORIGIN)).rejects.toThrow('unauthorized');
    const bad = await identified('vault', VAULT_ORIGIN, 'alice', hmacOf(ACME_IDENTITY_SECRET, 'alice'));
    expect(bad.status).toBe(401);

    const ok = await identified('vault', VAULT_ORIGIN, 'alice', userJwt(VAULT_IDENTITY_SECRET, 'alice'));
    expect(ok.status).toBe(200);
    const socket = await connectVisitor(server.url, 'vault', ok.body.token, VAULT_ORIGIN);
    const { ticket } = await handoff(socket, 'vault-h1', 'I need help');
    expect(ticket.appId).toBe('vault');
  });
});

describe('switching users on one page', () => {
  it('never gives the next user the previous user’s conversation, nor an anonymous visitor a user’s', async () => {
    const alice = await identified('acme', ACME_ORIGIN, 'alice', userJwt(ACME_IDENTITY_SECRET, 'alice'));
    const aliceSocket = await connectVisitor(server.url, 'acme', alice.body.token, ACME_ORIGIN);
    const { ticket } = await handoff(aliceSocket, 'alice-h1', 'alice’s private problem');
    aliceSocket.disconnect();

    // Bob signs in on the same page, which still holds Alice's token: it must not matter.
    const bob = await session('acme', ACME_ORIGIN, { token: alice.body.token, identity: { userId: 'bob', token: userJwt(ACME_IDENTITY_SECRET, 'bob') } });
    expect(bob.body.visitorId).not.toBe(alice.body.visitorId);
    const bobSocket = await connectVisitor(server.url, 'acme', bob.body.token, ACME_ORIGIN);
    expect(await ask(bobSocket, 'current', {})).toMatchObject({ ok: true, ticket: null, messages: [] });
    expect(await ask(bobSocket, 'sync', { conversationId: ticket.conversationId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Signed out: an anonymous session, offered Alice's token to "resume", is a new visitor.
    const anonymous = await session('acme', ACME_ORIGIN, { token: alice.body.token });
    expect(anonymous.body.visitorId).not.toBe(alice.body.visitorId);
    expect(anonymous.body).not.toHaveProperty('userId');

    // Alice on another device gets her conversation back.
    const again = await identified('acme', ACME_ORIGIN, 'alice', hmacOf(ACME_IDENTITY_SECRET, 'alice'));
    const elsewhere = await connectVisitor(server.url, 'acme', again.body.token, ACME_ORIGIN);
    expect((await ask(elsewhere, 'current', {})).ticket.id).toBe(ticket.id);
  });
});

describe('revoking a user', () => {
  it('cuts every live session at once and lets no old token back in, through a reconnect or a new session', async () => {
    const issuedAt = nowSeconds() - 5;
    const jwt = userJwt(ACME_IDENTITY_SECRET, 'mallet', { iat: issuedAt });
    const res = await identified('acme', ACME_ORIGIN, 'mallet', jwt);
    const tabs = await Promise.all([1, 2].map(() => connectVisitor(server.url, 'acme', res.body.token, ACME_ORIGIN)));
    const cut = tabs.map((tab) => new Promise<string>((r) => tab.once('disconnect', r)));

    expect((await revoke('acme', 'mallet', 'wrong-secret')).status).toBe(401);
    expect((await revoke('acme', 'mallet', VAULT_IDENTITY_SECRET)).status).toBe(401);
    expect((await postJson(`${server.url}${HTTP.revokeUser('acme')}`, { userId: 'mallet' })).status).toBe(401);
    expect(tabs.every((t) => t.connected)).toBe(true);

    const done = await revoke('acme', 'mallet', ACME_IDENTITY_SECRET);
    expect(done.status).toBe(200);
    expect(await Promise.all(cut)).toEqual(['io server disconnect', 'io server disconnect']);

    // The socket's own reconnect runs the full handshake again (no connection-state recovery).
    tabs[0]!.connect();
    await expect(new Promise((resolve, reject) => {
      tabs[0]!.once('connect', () => resolve('reconnected'));
      tabs[0]!.once('connect_error', reject);
    })).rejects.toThrow('unauthorized');
    await expect(connectVisitor(server.url, 'acme', res.body.token, ACME_ORIGIN)).rejects.toThrow('unauthorized');
    // The old session token can't even be resumed as an anonymous visitor.
    const resumed = await session('acme', ACME_ORIGIN, { token: res.body.token });
    expect(resumed.body.visitorId).not.toBe(res.body.visitorId);
    // The JWT issued before the revocation is refused; one issued after it works.
    expect((await identified('acme', ACME_ORIGIN, 'mallet', jwt)).status).toBe(401);
    const fresh = await identified('acme', ACME_ORIGIN, 'mallet', userJwt(ACME_IDENTITY_SECRET, 'mallet', { iat: nowSeconds() + 1 }));
    expect(fresh.status).toBe(200);
    expect(fresh.body.visitorId).toBe(res.body.visitorId);
    await connectVisitor(server.url, 'acme', fresh.body.token, ACME_ORIGIN);
    await settle();
  });

  it('ends the sessions of an HMAC-verified user too', async () => {
    const res = await identified('acme', ACME_ORIGIN, 'hmac-user', hmacOf(ACME_IDENTITY_SECRET, 'hmac-user'));
    const tab = await connectVisitor(server.url, 'acme', res.body.token, ACME_ORIGIN);
    const cut = new Promise((r) => tab.once('disconnect', r));
    expect((await revoke('acme', 'hmac-user', ACME_IDENTITY_SECRET)).status).toBe(200);
    await cut;
    await expect(connectVisitor(server.url, 'acme', res.body.token, ACME_ORIGIN)).rejects.toThrow('unauthorized');
  });
});

describe('anonymous visitors of an app with optional identity', () => {
  it('still get sessions, and resume with their token', async () => {
    const first = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    const again = await visitorSession(server.url, 'acme', ACME_ORIGIN, first.token);
    expect(again.visitorId).toBe(first.visitorId);
  });
});
