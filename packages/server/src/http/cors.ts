import type { Context } from 'hono';

/*
 * Visitor endpoints are called from the host page, cross-origin. Browsers only
 * let the page read a response that names its origin, and we only name origins
 * the app allows; the request itself is refused server-side too.
 */

export function allowOrigin(c: Context, origin: string | undefined): void {
  c.header('Vary', 'Origin', { append: true });
  if (origin) c.header('Access-Control-Allow-Origin', origin);
}

export function preflight(origin: string | undefined, allowed: boolean): Response {
  const headers = new Headers({ Vary: 'Origin' });
  if (origin && allowed) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    headers.set('Access-Control-Allow-Headers', 'Content-Type');
    headers.set('Access-Control-Max-Age', '600');
  }
  return new Response(null, { status: 204, headers });
}
