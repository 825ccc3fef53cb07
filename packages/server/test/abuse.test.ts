import { HandoffRequestSchema, HTTP, LIMITS, SendMessageSchema, SyncRequestSchema, validate, type Message, type Ticket } from '@helpdock/protocol';
import { io } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, postJson, transcriptLine, visitorSession } from './support/clients.ts';
import { ACME_ORIGIN, ANA, startTestServer, type TestServer } from './support/server.ts';

afterEach(() => disconnectAll());

const KNOWN_CODES = ['invalid_event', 'unknown_app', 'origin_not_allowed', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'too_large', 'rate_limited'];

async function handedOffOn(server: TestServer, clientId = 'h1') {
  const session = await visitorSession(server.url, 'acme', ACME_ORIGIN);
  const socket = await connectVisitor(server.url, 'acme', session.token, ACME_ORIGIN);
  const ack = await ask(socket, 'handoff', { clientId, transcript: [transcriptLine('visitor', 'Hello')], context: { url: 'https://console.acme.test/' } });
  expect(ack.ok).toBe(true);
  return { socket, ticket: ack.ticket as Ticket, conversationId: ack.ticket.conversationId as string };
}

describe('rate limits (the defaults)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: {} });
  }, 60_000);
  afterAll(() => server?.dispose());

  it('lets a visitor send a burst of 20 messages, then refuses with when to try again, storing nothing more', async () => {
    const { socket, conversationId } = await handedOffOn(server);
    const acks = [];
    for (let i = 0; i < 25; i++) acks.push(await ask(socket, 'message:send', { conversationId, clientId: `m${i}`, text: `message ${i}` }));
    expect(acks.slice(0, 20).every((a) => a.ok)).toBe(true);
    for (const ack of acks.slice(20)) {
      expect(ack).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/try again in \d+ s/) } });
    }
    const history = await ask(socket, 'sync', { conversationId, afterSeq: 0 });
    expect(history.messages).toHaveLength(21);
  });

  it('limits handoffs per visitor', async () => {
    const session = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    const socket = await connectVisitor(server.url, 'acme', session.token, ACME_ORIGIN);
    const acks = [];
    for (let i = 0; i < 7; i++) {
      acks.push(await ask(socket, 'handoff', { clientId: `hand-${i}`, transcript: [transcriptLine('visitor', 'x')], context: { url: 'https://console.acme.test/' } }));
    }
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, true, true, false, false]);
    expect(acks[5].error.code).toBe('rate_limited');
  });

  it('limits new sessions per address', async () => {
    const statuses: number[] = [];
    // Earlier tests in this file used some of the burst already.
    for (let i = 0; i < 35; i++) statuses.push((await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'acme' }, { origin: ACME_ORIGIN })).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
  });
});

describe('rate limits per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: { 'message:ip': { burst: 6, perMinute: 1 }, 'handoff:ip': { burst: 3, perMinute: 1 }, 'bot:ip': { burst: 4, perMinute: 1 } } });
  }, 60_000);
  afterAll(() => server?.dispose());

  it('caps many visitors from one address together, for messages and handoffs', async () => {
    const visitors = await Promise.all(['a', 'b', 'c'].map((id) => handedOffOn(server, `h-${id}`)));
    const extra = await visitorSession(server.url, 'acme', ACME_ORIGIN);
    const fourth = await connectVisitor(server.url, 'acme', extra.token, ACME_ORIGIN);
    expect(await ask(fourth, 'handoff', { clientId: 'h-d', transcript: [], context: { url: 'u' } })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const oks: boolean[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [i, v] of visitors.entries()) oks.push((await ask(v.socket, 'message:send', { conversationId: v.conversationId, clientId: `r${round}-${i}`, text: 'hi' })).ok);
    }
    expect(oks.filter(Boolean)).toHaveLength(6);
  });
  it('caps questions to the FAQ bot from one address, with the reason', async () => {
    const ask = () => postJson(`${server.url}${HTTP.bot('acme')}`, { text: 'restart', locale: 'en', context: { url: 'https://console.acme.test/' } }, { origin: ACME_ORIGIN });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await ask()).body.error).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
  });
});

describe('size limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(() => server?.dispose());

  it('refuses every field one character over its limit, naming the field', async () => {
    const { socket, conversationId, ticket } = await handedOffOn(server);
    const over = (n: number) => 'x'.repeat(n + 1);
    const line = transcriptLine('visitor', 'ok');
    const visitorCases: [string, unknown, string][] = [
      ['message:send', { conversationId, clientId: 'c', text: over(LIMITS.messageText) }, 'text'],
      ['message:send', { conversationId, clientId: over(LIMITS.clientId), text: 'x' }, 'clientId'],
      ['message:send', { conversationId: over(64), clientId: 'c', text: 'x' }, 'conversationId'],
      ['handoff', { clientId: 'h', subject: over(LIMITS.subject), transcript: [], context: { url: 'u' } }, 'subject'],
      ['handoff', { clientId: 'h', transcript: Array.from({ length: LIMITS.transcriptMessages + 1 }, () => line), context: { url: 'u' } }, 'transcript'],
      ['handoff', { clientId: 'h', transcript: [{ ...line, text: over(LIMITS.messageText) }], context: { url: 'u' } }, 'transcript.0.text'],
      ['handoff', { clientId: 'h', transcript: [], context: { url: over(LIMITS.url) } }, 'context.url'],
      ['handoff', { clientId: 'h', transcript: [], context: { url: 'u', title: over(LIMITS.title) } }, 'context.title'],
      ['handoff', { clientId: 'h', transcript: [], context: { url: 'u', locale: over(20) } }, 'context.locale'],
      ['sync', { conversationId, afterSeq: -1 }, 'afterSeq'],
    ];
    for (const [event, payload, path] of visitorCases) {
      const ack = await ask(socket, event, payload);
      expect(ack, `${event} ${path}`).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
      expect(ack.error.issues.map((i: { path: string }) => i.path), `${event} ${path}`).toContain(path);
    }
    const login = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    const agent = await connectAgent(server.url, login.token);
    const resolution = await ask(agent.socket, 'ticket:resolve', { ticketId: ticket.id, resolution: over(LIMITS.resolution) });
    expect(resolution.error.issues[0].path).toBe('resolution');
    const session = await postJson(`${server.url}${HTTP.visitorSession}`, { appId: 'acme', identity: { userId: over(LIMITS.userId), token: 'x' } }, { origin: ACME_ORIGIN });
    expect(session.body.error.issues[0].path).toBe('identity.userId');
    const login2 = await postJson(`${server.url}${HTTP.agentLogin}`, { appId: 'acme', email: ANA.email, password: over(256) });
    expect(login2.body.error.issues[0].path).toBe('password');
    expect((await ask(socket, 'sync', { conversationId, afterSeq: 0 })).messages).toHaveLength(1);
  });

  it('drops a socket that sends a frame over 3 MB, and keeps serving everyone else', async () => {
    const { socket, conversationId } = await handedOffOn(server, 'big');
    const other = await handedOffOn(server, 'other');
    const dropped = new Promise<string>((r) => socket.once('disconnect', r));
    socket.emit('message:send', { conversationId, clientId: 'huge', text: 'x'.repeat(4 * 1024 * 1024) });
    expect(await dropped).toMatch(/transport close|transport error/);
    expect((await ask(other.socket, 'message:send', { conversationId: other.conversationId, clientId: 'still', text: 'fine' })).ok).toBe(true);
  });
});

/*
 * Thousands of malformed events, each a valid request with exactly one thing
 * broken (so none of them may succeed), from a visitor and an agent, concurrently.
 */
describe('protocol fuzzing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(async () => {
    const errors = server?.logs.filter((line) => line.startsWith('error')) ?? [];
    await server?.dispose();
    expect(errors).toEqual([]);
  });

  function prng(seed: number) {
    return () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
  }

  // Values that are wrong for any field: wrong types, over-long, hostile strings.
  const poison: unknown[] = [
    null, 0, -1, 1.5, true, [], [1, 2], {}, { $gt: '' }, '', ' ', '\u0000', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>',
    'x'.repeat(5000), '\u202e\u0000\ud800', { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":1}}'), [[[[[[[[[[[]]]]]]]]]]],
    'cv_does-not-exist', 'tk_does-not-exist', Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER,
  ];

  it('refuses each with a reason, never crashes, never writes anything', async () => {
    const { socket: visitor, conversationId, ticket } = await handedOffOn(server, 'fuzz-victim');
    const login = await agentLogin(server.url, 'globex', 'hank@globex.test', 'globex-pass');
    const agent = await connectAgent(server.url, login.token);
    const before = await ask(visitor, 'sync', { conversationId, afterSeq: 0 });
    const line = transcriptLine('visitor', 'hi');

    const valid: Record<string, Record<string, unknown>> = {
      'message:send': { conversationId, clientId: 'fuzz', text: 'hello' },
      handoff: { clientId: 'fuzz-h', transcript: [line], context: { url: 'https://x.test/' } },
      sync: { conversationId, afterSeq: 0 },
    };
    const agentValid: Record<string, Record<string, unknown>> = {
      // Globex's agent: every reference to Acme's ticket must also be refused.
      'ticket:open': { ticketId: ticket.id },
      'ticket:claim': { ticketId: ticket.id },
      'ticket:resolve': { ticketId: ticket.id, resolution: 'done' },
      'message:send': { conversationId, clientId: 'fuzz-a', text: 'hello' },
    };
    const random = prng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

    // One mutation that makes the payload invalid for sure.
    function mutate(base: Record<string, unknown>): unknown[] {
      const keys = Object.keys(base);
      switch (Math.floor(random() * 6)) {
        case 0: {
          const key = pick(keys);
          const value = pick(poison);
          // A poison value that happens to be valid for this field is swapped for a wrong type.
          return [{ ...base, [key]: typeof value === 'string' && value.length < 60 && key !== 'afterSeq' ? { nested: value } : value }];
        }
        case 1: {
          const copy = { ...base };
          delete copy[pick(keys)];
          return [copy];
        }
        case 2:
          return [pick([null, 42, 'text', [], true, Buffer.from([0, 1, 2])])];
        case 3:
          return [
            {
              ...base,
              transcript: Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
                random() < 0.5 ? { ...line, author: pick(['agent', 'system', 5, null, '']) } : { ...line, at: pick(['yesterday', 5, null, '', '2026-13-45']) },
              ),
            },
          ];
        case 4:
          return [{ ...base, context: pick([null, 'url', { url: 5 }, { title: 'x' }, { url: 'u', locale: 'not a locale!' }]) }];
        default:
          return [];
      }
    }

    const sends: Promise<{ ack: any; label: string }>[] = [];
    const unknownNames = ['', 'connect', 'disconnect', 'hello', 'ticket', 'message', 'admin', '__proto__', 'constructor', 'x'.repeat(500), 'queue:list'];
    for (let i = 0; i < 3000; i++) {
      const asAgent = i % 3 === 2;
      const socket = asAgent ? agent.socket : visitor;
      const table = asAgent ? agentValid : valid;
      let event: string;
      let args: unknown[];
      if (i % 17 === 0) {
        event = pick(unknownNames.filter((n) => !asAgent || n !== 'queue:list'));
        args = [{}];
      } else {
        event = pick(Object.keys(table));
        args = mutate(table[event] as Record<string, unknown>);
        // A mutation that happens to leave a visitor's request valid (e.g. an empty transcript) would succeed: make it junk.
        const schema = { handoff: HandoffRequestSchema, 'message:send': SendMessageSchema, sync: SyncRequestSchema }[event];
        if (!asAgent && schema && validate(schema, args[0]).ok) args = [null];
      }
      // The reserved names cannot be emitted by a client library; they are refused by socket.io-client itself.
      if (['connect', 'disconnect', 'connect_error', 'disconnecting', 'newListener', 'removeListener'].includes(event)) continue;
      const label = `${asAgent ? 'agent' : 'visitor'} ${event} ${JSON.stringify(args).slice(0, 120)}`;
      sends.push(
        (socket.timeout(10_000).emitWithAck(event, ...args) as Promise<any>).then(
          (ack) => ({ ack, label }),
          (err) => ({ ack: { timeout: String(err) }, label }),
        ),
      );
    }
    const results = await Promise.all(sends);
    expect(results.length).toBeGreaterThan(2500);
    for (const { ack, label } of results) {
      // Visitors asking the queue (an agent event) count as unknown events: refused too.
      expect(ack?.ok, label).toBe(false);
      expect(KNOWN_CODES, label).toContain(ack.error?.code);
      expect(typeof ack.error.message, label).toBe('string');
      expect(ack.error.message.length, label).toBeGreaterThan(0);
    }

    // Nothing was written: the conversation and the queues are exactly as before.
    expect(await ask(visitor, 'sync', { conversationId, afterSeq: 0 })).toEqual(before);
    expect((await ask(agent.socket, 'queue:list', {})).tickets).toEqual([]);
    const ana = await connectAgent(server.url, (await agentLogin(server.url, 'acme', ANA.email, ANA.password)).token);
    const queue = await ask(ana.socket, 'queue:list', {});
    expect(queue.tickets.map((t: Ticket) => [t.id, t.status, t.assignee])).toEqual([[ticket.id, 'queued', null]]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // And it still serves a good request.
    const ok = await ask(visitor, 'message:send', { conversationId, clientId: 'after-fuzz', text: 'still here' });
    expect(ok.message.seq).toBe(before.messages.length + 1);
  }, 60_000);

  it('survives raw garbage frames below the socket.io layer', async () => {
    const frames = ['42/visitor,[', '42/visitor,{"a":1}', '4', '49999999999999999', '0/visitor,"x"', '42/visitor,["message:send",{"conversationId":1}', '\u0000\u0001', '6', '4' + 'x'.repeat(10_000)];
    for (const frame of frames) {
      const session = await visitorSession(server.url, 'acme', ACME_ORIGIN);
      const socket = io(`${server.url}/visitor`, { parser: jsonParser, auth: { appId: 'acme', token: session.token }, extraHeaders: { origin: ACME_ORIGIN }, forceNew: true, reconnection: false, transports: ['websocket'] });
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const gone = new Promise<void>((r) => socket.once('disconnect', () => r()));
      (socket.io.engine as unknown as { write(data: string): void }).write(frame);
      await Promise.race([gone, new Promise((r) => setTimeout(r, 300))]);
      socket.disconnect();
    }
    expect((await fetch(`${server.url}${HTTP.health}`)).status).toBe(200);
    const { socket, conversationId } = await handedOffOn(server, 'after-garbage');
    const messages: Message[] = (await ask(socket, 'sync', { conversationId, afterSeq: 0 })).messages;
    expect(messages).toHaveLength(1);
  });
});
