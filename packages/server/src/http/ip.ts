import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The caller's address for rate limits. `X-Forwarded-For` is only believed
 * behind a proxy the operator vouches for (HELPDOCK_TRUST_PROXY=1); otherwise
 * anyone could pick their own bucket.
 */
export function requestIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
    const first = header?.split(',')[0]?.trim();
    if (first) return first;
  }
  return socketAddress ?? 'unknown';
}

export function clientIp(c: Context, trustProxy: boolean): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return requestIp(incoming?.socket.remoteAddress, c.req.header('x-forwarded-for'), trustProxy);
}
