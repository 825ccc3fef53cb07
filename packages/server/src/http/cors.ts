import type { Context } from 'hono';

/*
 * Visitor endpoints are called from host pages, cross-origin. Whether a page
 * may use an app is decided on the request itself (the app's allowed origins),
 * and a refusal names the page's origin too: the widget can then tell its host
 * *why* ("origin not allowed", "unknown app") instead of seeing a bare network
 * failure. No cookies are used, so a readable refusal exposes nothing else.
 */

export function allowOrigin(c: Context, origin: string | undefined): void {
  c.header('Vary', 'Origin', { append: true });
  if (origin) c.header('Access-Control-Allow-Origin', origin);
}

/** Preflights carry no app id, so they are answered for every origin; the request that follows is checked. */
export function preflight(origin: string | undefined): Response {
  const headers = new Headers({ Vary: 'Origin' });
  if (origin) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    headers.set('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    headers.set('Access-Control-Max-Age', '600');
  }
  return new Response(null, { status: 204, headers });
}
