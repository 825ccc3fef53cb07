import { LIMITS, type AttachmentKind, type ErrorCode } from '@helpdock/protocol';

/** Why an upload was refused; the route answers with `status` and this reason. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 413 | 415 | 400,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Sniffed {
  kind: AttachmentKind;
  /** The type served back, decided by the content, never by what the client declared. */
  type: string;
  limit: number;
}

/** Bytes enough to recognise every allowed image format. */
export const SNIFF_BYTES = 16;

const LOG_EXTENSIONS: Record<string, string> = { log: 'text/plain', txt: 'text/plain', json: 'application/json' };

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

function imageType(head: Uint8Array): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

// Text a browser could treat as markup (SVG, HTML, XML) is refused even under a .log name.
const MARKUP = /^(\uFEFF)?\s*<(\?xml|svg|!doctype|html|head|body|script|iframe)\b/i;

/**
 * What the first bytes say the upload is: an allowed image format by its magic
 * bytes, or, for a `.log`, `.txt` or `.json` name, text (checked further while
 * streaming, see `checkText`). Everything else is refused.
 */
export function sniff(head: Uint8Array, name: string): Sniffed {
  const image = imageType(head);
  if (image) return { kind: 'image', type: image, limit: LIMITS.attachmentImageBytes };
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const textType = LOG_EXTENSIONS[extension];
  if (!textType) {
    throw new UploadRefused(415, 'unsupported_type', 'only PNG, JPEG, GIF and WebP images and plain-text logs (.log, .txt, .json) can be attached');
  }
  if (MARKUP.test(new TextDecoder('utf-8', { fatal: false }).decode(head))) {
    throw new UploadRefused(415, 'unsupported_type', 'markup (HTML, SVG, XML) cannot be attached; only plain-text logs');
  }
  return { kind: 'log', type: textType, limit: LIMITS.attachmentLogBytes };
}

/** Text checks over the whole stream: UTF-8 throughout, and no NUL byte (a binary file renamed .log). */
export function textChecker(): { push(chunk: Uint8Array): void; end(): void } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const refuse = () => new UploadRefused(415, 'unsupported_type', 'a log must be plain UTF-8 text; this file looks binary');
  return {
    push(chunk) {
      if (chunk.includes(0)) throw refuse();
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        throw refuse();
      }
    },
    end() {
      try {
        decoder.decode();
      } catch {
        throw refuse();
      }
    },
  };
}

/**
 * The uploader's file name, made safe to store and show: the last path
 * segment, without control or bidi-override characters, at most
 * LIMITS.attachmentName characters (the extension kept). Still rendered as text everywhere.
 */
export function cleanName(raw: string | undefined): string | null {
  if (!raw) return null;
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!base || base === '.' || base === '..') return null;
  if (base.length <= LIMITS.attachmentName) return base;
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(base)?.[0] ?? '';
  return base.slice(0, LIMITS.attachmentName - ext.length) + ext;
}

export const sizeRefusal = (kind: AttachmentKind, limit: number) =>
  new UploadRefused(413, 'too_large', `${kind === 'image' ? 'an image' : 'a log file'} may be at most ${formatBytes(limit)}`);

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
