import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
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
  if (!COMPRESSIBLE.test(type)) return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, Object.fromEntries(headers));
  headers.set('Vary', 'Accept-Encoding');
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (!encoding) return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, Object.fromEntries(headers));
  headers.set('Content-Encoding', encoding);
  return c.body(new Uint8Array(compressed(file, typeof body === 'string' ? Buffer.from(body) : bytes, encoding)), 200, Object.fromEntries(headers));
}

// Scripts, styles, HTML, JSON, SVG: what the size budgets count as min+gzip goes over the wire that way too.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/;

function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const offered = new Set((accept ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase()));
  return offered.has('br') ? 'br' : offered.has('gzip') ? 'gzip' : null;
}

// Built files do not change while the server runs: each is compressed once, at the highest level,
// and kept (keyed by its content, so a rebuild under the same name is never served stale).
const cache = new Map<string, Buffer>();

function compressed(file: string, bytes: Buffer, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding}:${file}:${createHash('sha256').update(bytes).digest('base64')}`;
  let out = cache.get(key);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
        : gzipSync(bytes, { level: 9 });
    if (cache.size > 500) cache.clear();
    cache.set(key, out);
  }
  return out;
}
