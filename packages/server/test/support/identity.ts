import { createHmac } from 'node:crypto';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** What a host's backend computes: an HS256 JWT (or any header/claims a test wants to forge). */
export function signJwt(secret: string, claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const signed = `${part(header)}.${part(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function userJwt(secret: string, userId: string, { ttl = 3600, iat = nowSeconds() }: { ttl?: number; iat?: number } = {}): string {
  return signJwt(secret, { sub: userId, iat, exp: iat + ttl });
}

export const hmacOf = (secret: string, userId: string) => createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
