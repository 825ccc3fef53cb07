import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where attachment bytes live. The server hands `put` a stream that checks type
 * and size as it goes and throws when either is wrong: a store must then keep
 * nothing of it. Keys are attachment ids (`att_…`, URL-safe).
 */
export interface AttachmentStore {
  /** Stores the bytes under `key`, all or nothing. Rejects with the stream's error. */
  put(key: string, data: AsyncIterable<Uint8Array>): Promise<void>;
  /** The bytes, or null when nothing is stored under `key`. */
  open(key: string): Promise<Readable | null>;
  /** Removes the bytes; nothing stored is not an error. */
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9_-]{1,80}$/;

function checkKey(key: string): string {
  // Ids come from the server itself; this only makes a path out of the folder impossible.
  if (!SAFE_KEY.test(key)) throw new Error(`invalid attachment key ${JSON.stringify(key)}`);
  return key;
}

/**
 * One file per attachment in `dir`. A write goes to `<key>.part` and is renamed
 * into place only once complete, so a reader never sees half a file, and a
 * failed or refused upload leaves nothing behind.
 */
export function localDiskAttachments(dir: string): AttachmentStore {
  let ready: Promise<unknown> | null = null;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true }));
  return {
    async put(key, data) {
      await ensureDir();
      const final = join(dir, checkKey(key));
      const part = `${final}.part`;
      const out = createWriteStream(part, { flags: 'wx' });
      try {
        // Opened before any byte is read: a refusal on the first chunk must not race the file's creation.
        await once(out, 'open');
        await pipeline(data, out);
        await rename(part, final);
      } catch (err) {
        out.destroy();
        if (!out.closed) await once(out, 'close').catch(() => undefined);
        await rm(part, { force: true });
        throw err;
      }
    },
    async open(key) {
      const path = join(dir, checkKey(key));
      const found = await stat(path).catch(() => null);
      return found?.isFile() ? createReadStream(path) : null;
    },
    async delete(key) {
      await rm(join(dir, checkKey(key)), { force: true });
    },
  };
}
