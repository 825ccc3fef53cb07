import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from '@helpdock/protocol';

/*
 * A host vouches for its signed-in user with a token its own backend computes
 * from the app's identity secret (never shipped to the browser):
 * - a JWT, HS256, with `sub` = the user id and `exp` (recommended: it expires, and
 *   its `iat` lets a revocation refuse every token issued before it);
 * - or the hex HMAC-SHA256 of the user id (never expires; revoking a user ends
 *   their sessions, but the same hash keeps working until the secret is rotated).
 */

export type VerifiedIdentity = {
  ok: true;
  userId: string;
  /** Seconds since the epoch; JWTs only. */
  expiresAt?: number;
  /** Milliseconds since the epoch; JWTs with `iat` only. */
  issuedAtMs?: number;
};
export type IdentityRefusal = { ok: false; reason: string };

/** Clock skew tolerated between the host's backend and this server. */
const SKEW_SECONDS = 60;

/** The hex HMAC-SHA256 of the user id: what a host's backend computes for the HMAC flavour. */
export function userHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

export function verifyIdentity(secret: string, identity: Identity, nowSeconds = Date.now() / 1000): VerifiedIdentity | IdentityRefusal {
  const { userId, token } = identity;
  if (token.split('.').length === 3) return verifyJwt(secret, userId, token, nowSeconds);
  if (!/^[0-9a-f]{64}$/i.test(token)) return { ok: false, reason: 'the identity token is neither a JWT nor a hex HMAC-SHA256' };
  return safeEqual(userHash(secret, userId), token.toLowerCase()) ? { ok: true, userId } : { ok: false, reason: 'the user hash does not match the user id' };
}

function verifyJwt(secret: string, userId: string, token: string, now: number): VerifiedIdentity | IdentityRefusal {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const head = parseJson(header);
  // Only HS256: "none" and public-key algorithms must never be accepted with a shared secret.
  if (head?.['alg'] !== 'HS256') return { ok: false, reason: 'the identity JWT must be signed with HS256' };
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  if (!safeEqual(expected, signature)) return { ok: false, reason: 'the identity JWT signature does not match' };
  const claims = parseJson(payload);
  if (!claims) return { ok: false, reason: 'the identity JWT payload is not JSON' };
  if (claims['sub'] !== userId) return { ok: false, reason: 'the identity JWT is for another user' };
  const exp = claims['exp'];
  if (typeof exp !== 'number') return { ok: false, reason: 'the identity JWT has no exp' };
  // No skew here: the session we issue ends at exp, on our own clock.
  if (exp <= now) return { ok: false, reason: 'the identity JWT has expired' };
  const nbf = claims['nbf'];
  if (typeof nbf === 'number' && nbf - SKEW_SECONDS > now) return { ok: false, reason: 'the identity JWT is not valid yet' };
  const iat = claims['iat'];
  if (iat !== undefined && (typeof iat !== 'number' || iat - SKEW_SECONDS > now)) return { ok: false, reason: 'the identity JWT iat is in the future' };
  const verified: VerifiedIdentity = { ok: true, userId, expiresAt: exp };
  if (typeof iat === 'number') verified.issuedAtMs = iat * 1000;
  return verified;
}

function parseJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
