import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>`: the origin the demo app must allow. */
  url: string;
  close(): Promise<void>;
}

export interface StaticOptions {
  /** Rewrites index.html on its way out, e.g. to point the app at this test's Helpdock server. */
  html?: (text: string) => string;
  /** Pages that are not files, e.g. `/api/…` of the host's own backend; return true when handled. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/**
 * A built single-page app as a static host serves it: files as they are,
 * and index.html for every other path (client-side routes survive a reload).
 * Bound to loopback, on a free port.
 */
export async function serveStatic(dir: string, options: StaticOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: run the build first (pnpm build)`);
  const server = createServer((req, res) => {
    if (options.handle?.(req, res)) return;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    const isFile = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    const served = isFile ? file : join(root, 'index.html');
    const type = TYPES[extname(served)] ?? 'application/octet-stream';
    let body: Buffer | string = readFileSync(served);
    if (served.endsWith('.html') && options.html) body = options.html(body.toString('utf8'));
    res.writeHead(isFile || !extname(path) ? 200 : 404, { 'content-type': type, 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Points an example's `<meta name="helpdock-server">` at a test's Helpdock server. */
export const withServer = (serverUrl: string) => (html: string) => html.replace(/(<meta name="helpdock-server" content=")[^"]*(")/, `$1${serverUrl}$2`);
