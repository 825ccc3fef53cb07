import { Hono } from 'hono';
import { staticDir } from './static.ts';

/**
 * The Content-Security-Policy a host page needs for the widget, and no more:
 * no inline script or style, no eval. The widget's own origin is the only
 * addition — its scripts, its API and its socket (ws: or wss:). The widget's
 * styles are constructed stylesheets adopted by its shadow root, which
 * `style-src 'self'` does not block.
 */
export function hostCsp(serverUrl: string): string {
  const server = new URL(serverUrl).origin;
  const socket = server.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    `script-src 'self' ${server}`,
    "style-src 'self'",
    `connect-src 'self' ${server} ${socket}`,
    // Attachment previews are blob: URLs of bytes fetched with the visitor's session in a header.
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The example host page (a fake cloud console) on its own origin, as a real
 * customer site would be, served under the strict CSP above. Its HTML names the
 * server as `%HELPDOCK_URL%`.
 */
export function createConsoleApp(consoleDir: string, serverUrl: () => string): Hono {
  const app = new Hono();
  app.get(
    '/*',
    staticDir({
      dir: consoleDir,
      prefix: '/',
      spa: true,
      missing: 'The example console is not built yet. Run `pnpm build` in the Helpdock repository, then reload.',
      cacheControl: (path) => (path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
      html: (text) => text.replaceAll('%HELPDOCK_URL%', serverUrl()),
      headers: () => ({ 'Content-Security-Policy': hostCsp(serverUrl()), 'Referrer-Policy': 'strict-origin-when-cross-origin' }),
    }),
  );
  return app;
}
