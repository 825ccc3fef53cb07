import { IdSchema, LIMITS, validate, type Attachment, type AttachmentResponse, type ErrorCode, type Ticket } from '@helpdock/protocol';
import type { Context, Hono } from 'hono';
import { Readable } from 'node:stream';
import { cleanName, formatBytes, sizeRefusal, sniff, SNIFF_BYTES, textChecker, UploadRefused, type Sniffed } from '../attachments/sniff.ts';
import { isClosed } from '../chat/outcome.ts';
import { newId } from '../ids.ts';
import { insertAttachment, readableAttachment } from '../store/attachments.ts';
import { visitorOwnsConversation } from '../store/conversations.ts';
import { findTicketByConversation } from '../store/tickets.ts';
import { actorOf, type HttpActor } from './actor.ts';
import { allowOrigin, preflight } from './cors.ts';
import type { HttpDeps } from './deps.ts';
import { httpError } from './errors.ts';
import { clientIp } from './ip.ts';

// The route patterns of HTTP.attachments and HTTP.attachment.
const UPLOAD = '/api/v1/conversations/:conversationId/attachments';
const DOWNLOAD = '/api/v1/attachments/:attachmentId';
const LARGEST = Math.max(LIMITS.attachmentImageBytes, LIMITS.attachmentLogBytes);
// After a refusal the rest of the body is read and dropped (so the client gets to read the 413), up to this much; past it the connection is cut.
const DRAIN_BYTES = 8 * 1024 * 1024;

/** Whether a request is an upload: the JSON body limit does not apply to it (it has its own). */
export const isUpload = (path: string) => /^\/api\/v1\/conversations\/[^/]+\/attachments$/.test(path);

/** The conversation's ticket, when the caller may upload to it: its own visitor, or an agent of its app. */
async function ticketFor(deps: HttpDeps, actor: HttpActor, conversationId: string): Promise<Ticket | null> {
  if (actor.kind === 'visitor' && !(await visitorOwnsConversation(deps.db, actor.appId, actor.visitorId, conversationId))) return null;
  return findTicketByConversation(deps.db, actor.appId, conversationId);
}

/**
 * Uploads and downloads of attachments. The caller is known only from the
 * Authorization header; a conversation or attachment that is not the caller's
 * is answered exactly like one that does not exist (404), so ids can't be probed.
 */
export function attachmentRoutes(app: Hono, deps: HttpDeps): void {
  app.options(UPLOAD, (c) => preflight(c.req.header('origin')));
  app.options(DOWNLOAD, (c) => preflight(c.req.header('origin')));

  app.post(UPLOAD, async (c) => {
    allowOrigin(c, c.req.header('origin'));
    const body = c.req.raw.body;
    const reader = body?.getReader();
    let done = false;
    const refuse = async (status: 400 | 401 | 404 | 409 | 413 | 415 | 429, code: ErrorCode, message: string) => {
      if (reader && !done) await drain(reader);
      return httpError(c, status, code, message);
    };

    const actor = await actorOf(c, deps);
    if (!actor) return refuse(401, 'unauthorized', 'a visitor session or agent token is required (Authorization: Bearer …)');
    const limited =
      actor.kind === 'visitor'
        ? (deps.limits.take('upload:visitor', `${actor.appId}/${actor.visitorId}`) ?? deps.limits.take('upload:ip', clientIp(c, deps.trustProxy)))
        : null;
    if (limited) return refuse(429, 'rate_limited', limited);
    const conversationId = validate(IdSchema, c.req.param('conversationId'));
    const ticket = conversationId.ok ? await ticketFor(deps, actor, conversationId.value) : null;
    if (!conversationId.ok || !ticket) return refuse(404, 'not_found', 'no such conversation');
    // Nothing can be sent to a finished conversation, so nothing is kept for one either.
    if (isClosed(ticket)) return refuse(409, 'conflict', `ticket #${ticket.number} is ${ticket.status}`);
    const name = cleanName(c.req.query('name'));
    if (!name) return refuse(400, 'invalid_event', 'the file name is missing: add ?name=<file name>');
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > LARGEST) return refuse(413, 'too_large', `an attachment may be at most ${formatBytes(LARGEST)}`);
    if (!reader) return refuse(400, 'invalid_event', 'the file is empty');

    // The first bytes decide the type; the declared Content-Type is ignored.
    const head: Uint8Array[] = [];
    let headBytes = 0;
    while (headBytes < SNIFF_BYTES) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
    if (headBytes === 0) return refuse(400, 'invalid_event', 'the file is empty');
    let sniffed: Sniffed;
    try {
      sniffed = sniff(concat(head).subarray(0, SNIFF_BYTES), name);
    } catch (err) {
      if (err instanceof UploadRefused) return refuse(err.status, err.code, err.message);
      throw err;
    }
    if (declared > sniffed.limit) {
      const refusal = sizeRefusal(sniffed.kind, sniffed.limit);
      return refuse(413, refusal.code, refusal.message);
    }

    const id = newId('att');
    let size = 0;
    const text = sniffed.kind === 'log' ? textChecker() : null;
    const check = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      // Stops at the first byte past the limit, whatever Content-Length said.
      if (size > sniffed.limit) throw sizeRefusal(sniffed.kind, sniffed.limit);
      text?.push(chunk);
      return chunk;
    };
    async function* checked(): AsyncGenerator<Uint8Array> {
      for (const chunk of head) yield check(chunk);
      while (!done) {
        const next = await reader!.read();
        if (next.done) done = true;
        else yield check(next.value);
      }
      text?.end();
    }
    try {
      await deps.attachments.put(id, checked());
    } catch (err) {
      if (err instanceof UploadRefused) return refuse(err.status, err.code, err.message);
      throw err;
    }
    let attachment: Attachment;
    try {
      attachment = await insertAttachment(deps.db, actor.appId, {
        id,
        conversationId: conversationId.value,
        uploader: actor.kind,
        uploaderId: actor.kind === 'visitor' ? actor.visitorId : actor.agentId,
        name,
        type: sniffed.type,
        kind: sniffed.kind,
        size,
      });
    } catch (err) {
      // No row, no file: nothing half-stored.
      await deps.attachments.delete(id).catch(() => undefined);
      throw err;
    }
    return c.json({ attachment } satisfies AttachmentResponse, 201);
  });

  app.get(DOWNLOAD, async (c) => {
    allowOrigin(c, c.req.header('origin'));
    const actor = await actorOf(c, deps);
    if (!actor) return httpError(c, 401, 'unauthorized', 'a visitor session or agent token is required (Authorization: Bearer …)');
    const id = validate(IdSchema, c.req.param('attachmentId'));
    const attachment = id.ok ? await readableAttachment(deps.db, actor, id.value) : null;
    const stream = attachment ? await deps.attachments.open(attachment.id) : null;
    if (!attachment || !stream) return httpError(c, 404, 'not_found', 'no such attachment');
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: 200, headers: downloadHeaders(c, attachment) });
  });
}

function downloadHeaders(c: Context, a: Attachment): Headers {
  const headers = new Headers({
    'Content-Type': a.kind === 'log' ? `${a.type}; charset=utf-8` : a.type,
    'Content-Length': String(a.size),
    // Logs always download; images may show inline, but nothing the file says can run or be sniffed into something else.
    'Content-Disposition': `${a.kind === 'image' ? 'inline' : 'attachment'}; filename="${asciiName(a.name)}"; filename*=UTF-8''${encodeURIComponent(a.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    Vary: 'Origin',
  });
  const origin = c.req.header('origin');
  if (origin) headers.set('Access-Control-Allow-Origin', origin);
  return headers;
}

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Reads and drops what is left of a refused body, so the client reads the refusal; a body past DRAIN_BYTES is cut off. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      dropped += next.value.byteLength;
      if (dropped > DRAIN_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing to answer.
  }
}
