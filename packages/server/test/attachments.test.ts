import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HTTP, LIMITS, type Attachment, type Message, type Ticket } from '@helpdock/protocol';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, record, settle, transcriptLine, visitorSession } from './support/clients.ts';
import { ACME_ORIGIN, ANA, GLOBEX_ORIGIN, HANK, startTestServer, type TestServer } from './support/server.ts';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(30, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([40, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(30, 1)]);
const LOG = Buffer.from('2026-11-22T05:00:00Z ERROR disk full on i-123\n2026-11-22T05:00:01Z INFO retrying\n');

interface Upload {
  status: number;
  body: { attachment?: Attachment; error?: { code: string; message: string } };
}

async function upload(server: TestServer, conversationId: string, token: string, data: Buffer | ReadableStream<Uint8Array>, name: string, origin?: string): Promise<Upload> {
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...(origin ? { origin } : {}) },
    body: data,
  };
  if (!Buffer.isBuffer(data)) init.duplex = 'half';
  const res = await fetch(`${server.url}${HTTP.attachments(conversationId)}?name=${encodeURIComponent(name)}`, init);
  return { status: res.status, body: (await res.json()) as Upload['body'] };
}

const download = (server: TestServer, id: string, token: string, origin?: string) =>
  fetch(`${server.url}${HTTP.attachment(id)}`, { headers: { authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) } });

/** Files the store holds, finished or half-written. */
const storedFiles = async (server: TestServer) => readdir(join(server.dataDir, 'attachments')).catch(() => [] as string[]);

async function visitorWithTicket(server: TestServer, appId = 'acme', origin = ACME_ORIGIN) {
  const session = await visitorSession(server.url, appId, origin);
  const socket = await connectVisitor(server.url, appId, session.token, origin);
  const ack = await ask(socket, 'handoff', { clientId: `h-${randomBytes(4).toString('hex')}`, transcript: [transcriptLine('visitor', 'it broke')], context: { url: `${origin}/` } });
  return { session, socket, ticket: ack.ticket as Ticket };
}

const databaseUrl = process.env['DATABASE_URL'];
const required = process.env['HELPDOCK_REQUIRE_SERVICES'] === '1';
const stores = [{ store: 'PGlite' }, ...(databaseUrl || required ? [{ store: 'Postgres' }] : [])];

describe.each(stores)('attachments on $store', ({ store }) => {
  let server: TestServer;
  let admin: pg.Client | undefined;
  const schema = `hd_att_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    if (store === 'Postgres') {
      if (!databaseUrl) throw new Error('HELPDOCK_REQUIRE_SERVICES=1 but DATABASE_URL is not set');
      admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      server = await startTestServer({ databaseUrl, databaseSchema: schema });
    } else {
      server = await startTestServer();
    }
  }, 60_000);
  afterEach(() => disconnectAll());
  afterAll(async () => {
    await server?.dispose();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('removes uploads that were never sent once they are old enough, and keeps the ones that were', async () => {
    const sweepSchema = `${schema}_sweep`;
    await admin?.query(`CREATE SCHEMA ${sweepSchema}`);
    // Kept for 2 s (time enough to send the first one on a busy machine), checked every 100 ms.
    const quick = await startTestServer({
      unsentAttachmentHours: 2 / 3600,
      attachmentSweepMs: 100,
      ...(store === 'Postgres' && databaseUrl ? { databaseUrl, databaseSchema: sweepSchema } : {}),
    });
    try {
      const v = await visitorWithTicket(quick);
      const sent = (await upload(quick, v.ticket.conversationId, v.session.token, PNG, 'sent.png')).body.attachment!;
      const unsent = (await upload(quick, v.ticket.conversationId, v.session.token, LOG, 'abandoned.log')).body.attachment!;
      expect((await ask(v.socket, 'message:send', { conversationId: v.ticket.conversationId, clientId: 'keep-1', text: '', attachments: [sent.id] })).ok).toBe(true);
      await expect.poll(async () => (await download(quick, unsent.id, v.session.token)).status, { timeout: 15_000, interval: 100 }).toBe(404);
      expect(await storedFiles(quick)).toEqual([sent.id]);
      const kept = await download(quick, sent.id, v.session.token);
      expect(kept.status).toBe(200);
      expect(Buffer.from(await kept.arrayBuffer())).toEqual(PNG);
    } finally {
      await quick.dispose();
      await admin?.query(`DROP SCHEMA IF EXISTS ${sweepSchema} CASCADE`);
    }
  }, 30_000);

  it('stores an image and a log, sends them in messages, and serves them back to the visitor and the agent', async () => {
    const alice = await visitorWithTicket(server);
    const image = await upload(server, alice.ticket.conversationId, alice.session.token, PNG, 'screen shot.png', ACME_ORIGIN);
    expect(image).toMatchObject({ status: 201, body: { attachment: { name: 'screen shot.png', type: 'image/png', kind: 'image', size: PNG.length } } });
    const log = await upload(server, alice.ticket.conversationId, alice.session.token, LOG, 'agent.log', ACME_ORIGIN);
    expect(log.body.attachment).toMatchObject({ type: 'text/plain', kind: 'log', size: LOG.length });
    const ids = [image.body.attachment!.id, log.body.attachment!.id];
    expect(ids[0]).toMatch(/^att_[A-Za-z0-9_-]{16}$/);

    const ana = await connectAgent(server.url, (await agentLogin(server.url, 'acme', ANA.email, ANA.password)).token);
    await ask(ana.socket, 'ticket:open', { ticketId: alice.ticket.id });
    const seen = record<Message>(ana.socket, 'message');
    const sent = await ask(alice.socket, 'message:send', { conversationId: alice.ticket.conversationId, clientId: 'files-1', text: '', attachments: ids });
    expect(sent.ok).toBe(true);
    expect(sent.message.attachments.map((a: Attachment) => a.name)).toEqual(['screen shot.png', 'agent.log']);
    // Resent with the same clientId (an outbox retry): the same message, once.
    const again = await ask(alice.socket, 'message:send', { conversationId: alice.ticket.conversationId, clientId: 'files-1', text: '', attachments: ids });
    expect(again.message.id).toBe(sent.message.id);
    await settle();
    expect(seen.filter((m) => m.clientId === 'files-1')[0]?.attachments).toEqual(sent.message.attachments);
    const history = await ask(alice.socket, 'sync', { conversationId: alice.ticket.conversationId, afterSeq: 0 });
    expect(history.messages.filter((m: Message) => m.clientId === 'files-1')).toEqual([sent.message]);

    const token = (await agentLogin(server.url, 'acme', ANA.email, ANA.password)).token;
    for (const reader of [alice.session.token, token]) {
      const png = await download(server, ids[0]!, reader);
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(png.headers.get('x-content-type-options')).toBe('nosniff');
      expect(png.headers.get('content-security-policy')).toContain('sandbox');
      expect(Buffer.from(await png.arrayBuffer())).toEqual(PNG);
      const text = await download(server, ids[1]!, reader);
      expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(text.headers.get('content-disposition')).toMatch(/^attachment; filename="agent.log"/);
      expect(await text.text()).toBe(LOG.toString());
    }
  });

  it('lets the agent attach an image that the visitor then reads', async () => {
    const alice = await visitorWithTicket(server);
    const token = (await agentLogin(server.url, 'acme', ANA.email, ANA.password)).token;
    const ana = await connectAgent(server.url, token);
    const up = await upload(server, alice.ticket.conversationId, token, JPEG, 'fix.jpg');
    expect(up.body.attachment).toMatchObject({ type: 'image/jpeg', kind: 'image' });
    const got = record<Message>(alice.socket, 'message');
    const sent = await ask(ana.socket, 'message:send', { conversationId: alice.ticket.conversationId, clientId: 'a-1', text: 'like this', attachments: [up.body.attachment!.id] });
    expect(sent.ok).toBe(true);
    await settle();
    expect(got.find((m) => m.clientId === 'a-1')?.attachments?.[0]?.name).toBe('fix.jpg');
    expect((await download(server, up.body.attachment!.id, alice.session.token, ACME_ORIGIN)).status).toBe(200);
  });

  it('recognises images by their content, whatever the name or declared type says', async () => {
    const alice = await visitorWithTicket(server);
    for (const [data, type] of [[GIF, 'image/gif'], [WEBP, 'image/webp'], [PNG, 'image/png']] as const) {
      const res = await upload(server, alice.ticket.conversationId, alice.session.token, data, 'picture.txt');
      expect(res.body.attachment?.type).toBe(type);
    }
  });

  it('refuses SVG, HTML, binaries renamed .log and unknown types with a clear reason, storing nothing', async () => {
    const alice = await visitorWithTicket(server);
    const before = await storedFiles(server);
    const refused: [Buffer, string][] = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'innocent.log'],
      [Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'page.txt'],
      [Buffer.from('<?xml version="1.0"?><svg/>'), 'data.json'],
      [Buffer.from('%PDF-1.7 plus some bytes'), 'report.pdf'],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]), 'tool.log'],
      [Buffer.concat([Buffer.from('ok so far\n'), Buffer.from([0xc3, 0x28, 0xff, 0xfe])]), 'latin1.log'],
    ];
    for (const [data, name] of refused) {
      const res = await upload(server, alice.ticket.conversationId, alice.session.token, data, name);
      expect(res.status, name).toBe(415);
      expect(res.body.error?.code).toBe('unsupported_type');
      expect(res.body.error?.message).toMatch(/image|log|markup|text/);
    }
    expect(await storedFiles(server)).toEqual(before);
  });

  it('answers 413 for a file over its limit, from Content-Length or while streaming, and keeps no part of it', async () => {
    const alice = await visitorWithTicket(server);
    const before = await storedFiles(server);
    const bigLog = Buffer.alloc(LIMITS.attachmentLogBytes + 1, 'a');
    const declared = await upload(server, alice.ticket.conversationId, alice.session.token, bigLog, 'huge.log');
    expect(declared).toMatchObject({ status: 413, body: { error: { code: 'too_large', message: 'a log file may be at most 2 MB' } } });
    // No Content-Length: the server counts, and stops at the first byte past the limit.
    const chunk = Buffer.alloc(256 * 1024, 1);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PNG);
      },
      pull(controller) {
        sent += chunk.length;
        if (sent > LIMITS.attachmentImageBytes * 2) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await upload(server, alice.ticket.conversationId, alice.session.token, endless, 'huge.png');
    expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'too_large', message: 'an image may be at most 5 MB' } } });
    expect(await storedFiles(server)).toEqual(before);
    // Exactly at the limit is fine.
    const full = await upload(server, alice.ticket.conversationId, alice.session.token, Buffer.concat([PNG, Buffer.alloc(LIMITS.attachmentImageBytes - PNG.length)]), 'max.png');
    expect(full.body.attachment?.size).toBe(LIMITS.attachmentImageBytes);
  });

  it('gives another visitor, a forged id, a forged token and an agent of another app a 404 (or 401 without a valid token)', async () => {
    const alice = await visitorWithTicket(server);
    const up = await upload(server, alice.ticket.conversationId, alice.session.token, PNG, 'private.png');
    const id = up.body.attachment!.id;
    const mallory = await visitorWithTicket(server);
    const hank = (await agentLogin(server.url, 'globex', HANK.email, HANK.password)).token;

    expect((await download(server, id, mallory.session.token)).status).toBe(404);
    expect((await download(server, id, hank, GLOBEX_ORIGIN)).status).toBe(404);
    expect((await download(server, `att_${randomBytes(12).toString('base64url')}`, alice.session.token)).status).toBe(404);
    expect((await download(server, '../../secret', alice.session.token)).status).toBe(404);
    const [head, body] = alice.session.token.split('.');
    expect((await download(server, id, `${head}.${body}.forged`)).status).toBe(401);
    expect((await fetch(`${server.url}${HTTP.attachment(id)}`)).status).toBe(401);
    // A session token in the URL is never read.
    expect((await fetch(`${server.url}${HTTP.attachment(id)}?token=${encodeURIComponent(alice.session.token)}`)).status).toBe(401);

    // Uploading into someone else's conversation, or sending their attachment in a message.
    expect((await upload(server, alice.ticket.conversationId, mallory.session.token, PNG, 'x.png')).status).toBe(404);
    expect((await upload(server, alice.ticket.conversationId, hank, PNG, 'x.png')).status).toBe(404);
    const stolen = await ask(mallory.socket, 'message:send', { conversationId: mallory.ticket.conversationId, clientId: 'steal', text: '', attachments: [id] });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A message with neither text nor attachments is still refused.
    const empty = await ask(alice.socket, 'message:send', { conversationId: alice.ticket.conversationId, clientId: 'empty', text: ' ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
  });

  it('keeps nothing for a resolved conversation', async () => {
    const alice = await visitorWithTicket(server);
    const ana = await connectAgent(server.url, (await agentLogin(server.url, 'acme', ANA.email, ANA.password)).token);
    await ask(ana.socket, 'ticket:resolve', { ticketId: alice.ticket.id, resolution: 'done' });
    const res = await upload(server, alice.ticket.conversationId, alice.session.token, PNG, 'late.png');
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringMatching(/is resolved$/) } } });
  });

  it('refuses a visitor token from a page its app does not allow', async () => {
    const alice = await visitorWithTicket(server);
    const res = await upload(server, alice.ticket.conversationId, alice.session.token, PNG, 'x.png', 'https://evil.test');
    expect(res.status).toBe(401);
  });
});

describe('upload rate limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: { 'upload:visitor': { burst: 3, perMinute: 1 }, 'upload:ip': { burst: 5, perMinute: 1 } } });
  }, 60_000);
  afterEach(() => disconnectAll());
  afterAll(() => server?.dispose());

  it('stops one visitor after its burst, then the address after its own', async () => {
    const alice = await visitorWithTicket(server);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await upload(server, alice.ticket.conversationId, alice.session.token, PNG, `${i}.png`)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await upload(server, alice.ticket.conversationId, alice.session.token, PNG, 'more.png');
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/too many upload requests from this visitor/) });
    // A second visitor on the same address has its own bucket, until the address's runs dry.
    const bob = await visitorWithTicket(server);
    const bobs: number[] = [];
    for (let i = 0; i < 3; i++) bobs.push((await upload(server, bob.ticket.conversationId, bob.session.token, PNG, `${i}.png`)).status);
    expect(bobs).toEqual([201, 201, 429]);
  });
});
