import { createHmac, timingSafeEqual } from 'node:crypto';

/** `iat` in milliseconds (revocation compares against it); `userId` only for verified users. */
export type VisitorSession = { kind: 'visitor'; appId: string; visitorId: string; exp: number; iat?: number; userId?: string };
export type Session = VisitorSession | { kind: 'agent'; appId: string; agentId: string; exp: number };

export const VISITOR_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 30;
export const AGENT_TOKEN_TTL_SECONDS = 60 * 60 * 12;
/** A verified user's session ends with its identity JWT, and after this at the latest. */
export const USER_TOKEN_TTL_SECONDS = 60 * 60 * 12;

const VERSION = 'v1';

/** `v1.<base64url JSON payload>.<base64url HMAC-SHA256>`: stateless, so any node can verify it. */
export function signSession(secret: string, session: Session): string {
  const body = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${VERSION}.${body}.${mac(secret, body)}`;
}

/** The session a token carries, or null when it is forged, malformed or expired. */
export function verifySession(secret: string, token: unknown, nowSeconds = Math.floor(Date.now() / 1000)): Session | null {
  if (typeof token !== 'string' || token.length > 1024) return null;
  const [version, body, signature, ...rest] = token.split('.');
  if (version !== VERSION || !body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const session = asSession(payload);
  return session && session.exp > nowSeconds ? session : null;
}

export function expiresIn(ttlSeconds: number): number {
  return Math.floor(Date.now() / 1000) + ttlSeconds;
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`${VERSION}.${body}`).digest('base64url');
}

function asSession(value: unknown): Session | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['appId'] !== 'string' || typeof v['exp'] !== 'number') return null;
  if (v['kind'] === 'visitor' && typeof v['visitorId'] === 'string') {
    const session: VisitorSession = { kind: 'visitor', appId: v['appId'], visitorId: v['visitorId'], exp: v['exp'] };
    if (typeof v['iat'] === 'number') session.iat = v['iat'];
    if (typeof v['userId'] === 'string') session.userId = v['userId'];
    return session;
  }
  if (v['kind'] === 'agent' && typeof v['agentId'] === 'string') {
    return { kind: 'agent', appId: v['appId'], agentId: v['agentId'], exp: v['exp'] };
  }
  return null;
}
