import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';

export interface StaticDirOptions {
  /** Absolute folder to serve. */
  dir: string;
  /** URL prefix it is mounted at, ending in '/', e.g. `/widget/`. */
  prefix: string;
  /** Plain-text answer when the folder does not exist (the package was not built). */
  missing: string;
  /** Extension-less paths that match no file get `index.html` (client-side routing). */
  spa?: boolean;
  cacheControl: (relativePath: string) => string;
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Rewrites every served .html file. */
  html?: (text: string) => string;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Serves a built folder: never outside it, and with a clear message when it's absent. */
export function staticDir(options: StaticDirOptions) {
  const root = resolve(options.dir);
  return async (c: Context): Promise<Response> => {
    const dirExists = await stat(root).then((s) => s.isDirectory(), () => false);
    if (!dirExists) return c.text(options.missing, 404);

    let relative: string;
    try {
      // The raw pathname, decoded exactly once.
      relative = decodeURIComponent(new URL(c.req.url).pathname).slice(options.prefix.length);
    } catch {
      return c.text('Not found', 404);
    }
    if (relative.includes('\0')) return c.text('Not found', 404);
    const candidate = resolve(root, `.${sep}${relative}`);
    if (candidate !== root && !candidate.startsWith(root + sep)) return c.text('Not found', 404);

    const tries = [candidate, join(candidate, 'index.html')];
    if (!extname(relative)) tries.push(`${candidate}.html`);
    if (options.spa && !extname(relative)) tries.push(join(root, 'index.html'));
    for (const file of tries) {
      if (file !== root && (await isFile(file))) return send(c, file, file.slice(root.length + 1).split(sep).join('/'), options);
    }
    return c.text('Not found', 404);
  };
}

async function send(c: Context, file: string, relative: string, options: StaticDirOptions): Promise<Response> {
  const type = getMimeType(file) ?? 'application/octet-stream';
  const headers = new Headers({
    'Content-Type': type,
    'Cache-Control': options.cacheControl(relative),
    'X-Content-Type-Options': 'nosniff',
    ...(typeof options.headers === 'function' ? options.headers() : options.headers),
  });
  const bytes = await readFile(file);
  const body = options.html && type.startsWith('text/html') ? options.html(bytes.toString('utf8')) : bytes;
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, Object.fromEntries(headers));
}
