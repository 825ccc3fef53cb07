import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The example's stand-in for the host app's own backend: `POST /api/login`
 * signs a user in and hands back, with the session, the token Helpdock checks
 * (an HS256 JWT keyed with the Helpdock app's identity secret, docs/identity.md).
 * The secret stays here, on the server; the page only ever sees the token.
 */

export const USERS = {
  alice: { id: 'alice', name: 'Alice Moreau' },
  bob: { id: 'bob', name: 'Bob Tanaka' },
} as const;

export type UserId = keyof typeof USERS;

export function identityJwt(secret: string, userId: string, ttlSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: userId, iat: now, exp: now + ttlSeconds })}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** A Node request handler for `POST /api/login` with `{ "user": "alice" }`; returns false for every other request. */
export function loginHandler(secret: string | undefined) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.url !== '/api/login') return false;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST') {
      reply(405, { error: 'POST { "user": "alice" }' });
      return true;
    }
    if (!secret) {
      reply(500, { error: 'set HELPDOCK_DEMO_IDENTITY_SECRET to the demo app’s identity secret' });
      return true;
    }
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let userId: unknown;
      try {
        userId = (JSON.parse(raw) as { user?: unknown }).user;
      } catch {
        return reply(400, { error: 'the body must be JSON: { "user": "alice" }' });
      }
      const user = typeof userId === 'string' && Object.hasOwn(USERS, userId) ? USERS[userId as UserId] : null;
      if (!user) return reply(401, { error: `no user ${JSON.stringify(userId)}` });
      reply(200, { user, helpdockToken: identityJwt(secret, user.id) });
    });
    return true;
  };
}
