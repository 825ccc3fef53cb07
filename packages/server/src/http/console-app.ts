import { Hono } from 'hono';
import { staticDir } from './static.ts';

/**
 * The example host page (a fake cloud console) on its own origin, as a real
 * customer site would be. Its HTML names the server as `%HELPDOCK_URL%`.
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
    }),
  );
  return app;
}
