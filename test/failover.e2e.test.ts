import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '@helpdock/protocol';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startNode, type NodeProcess } from './helpers/node-process.ts';
import { describeIfAvailable } from './helpers/services.ts';
import { tcpProxy, type TcpProxy } from './helpers/tcp-proxy.ts';
import { serverMessages, until, visitorCore } from './helpers/visitor-core.ts';

const databaseUrl = process.env['DATABASE_URL'];
const redisUrl = process.env['REDIS_URL'];
const describeServices = describeIfAvailable('Postgres (DATABASE_URL) and Redis (REDIS_URL)', !!databaseUrl && !!redisUrl);
const ROUNDS = 100; // 100 visitor + 100 agent messages

/*
 * Two nodes on one Postgres and one Redis behind a stand-in load balancer.
 * The visitor (the widget's real core) is on node A, the agent on node B. A is
 * killed (SIGKILL) halfway through an exchange of 200 messages; the visitor's
 * reconnect lands on B. Nothing may be lost or doubled, in order, on both sides.
 */
describeServices('a node dies mid-conversation', () => {
  const schema = `hd_failover_${randomBytes(5).toString('hex')}`;
  let admin: pg.Client;
  let a: NodeProcess;
  let b: NodeProcess;
  let proxy: TcpProxy;
  let dir: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    dir = mkdtempSync(join(tmpdir(), 'helpdock-failover-'));
    const apps = join(dir, 'apps.json');
    writeFileSync(apps, JSON.stringify([{ id: 'acme', allowedOrigins: ['*'], agents: [{ email: 'ana@acme.test', name: 'Ana', password: 'failover-pass' }] }]));
    const env = { DATABASE_URL: databaseUrl!, HELPDOCK_DATABASE_SCHEMA: schema, REDIS_URL: redisUrl!, HELPDOCK_APPS_FILE: apps, HELPDOCK_RATE_LIMITS: 'off' };
    a = await startNode(env);
    b = await startNode(env);
    proxy = await tcpProxy([a.port, b.port]);
  });

  afterAll(async () => {
    await proxy?.close();
    await a?.kill('SIGKILL');
    await b?.kill();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** 100 visitor + 100 agent messages, interleaved; `midway` runs halfway through. Checks everything on both sides. */
  async function exchange(midway: () => Promise<unknown>): Promise<string[]> {
    const core = visitorCore(proxy.url, 'acme');
    core.requestHuman();
    await until(core, (s) => s.ticket !== null && s.connection === 'online');
    const conversationId = core.store.getState().ticket!.conversationId;
    const statuses: string[] = [];
    core.store.subscribe((s, prev) => s.connection !== prev.connection && statuses.push(String(s.connection)));

    const login = await fetch(`${b.url}/api/v1/agent/login`, { method: 'POST', body: JSON.stringify({ appId: 'acme', email: 'ana@acme.test', password: 'failover-pass' }) });
    const { token } = (await login.json()) as { token: string };
    const agent: Socket = io(`${b.url}/agent`, { parser: jsonParser, auth: { token }, transports: ['websocket'], forceNew: true });
    const seenByAgent = new Map<string, Message>();
    let agentCopies = 0;
    agent.on('message', (m: Message) => {
      agentCopies++;
      seenByAgent.set(m.id, m);
    });
    await new Promise((r) => agent.once('hello', r));
    const opened = await agent.emitWithAck('ticket:open', { ticketId: core.store.getState().ticket!.id });
    for (const m of opened.messages as Message[]) seenByAgent.set(m.id, m);

    let pending: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < ROUNDS; i++) {
      core.sendMessage(`v${i}`);
      const ack = await agent.timeout(10_000).emitWithAck('message:send', { conversationId, clientId: `a${i}`, text: `a${i}` });
      expect(ack.ok).toBe(true);
      if (i === ROUNDS / 2) pending = midway();
      await new Promise((r) => setTimeout(r, 5));
    }
    await pending;

    const texts = (ms: readonly { text: string }[]) => ms.map((m) => m.text);
    const expected = new Set([...Array.from({ length: ROUNDS }, (_, i) => `v${i}`), ...Array.from({ length: ROUNDS }, (_, i) => `a${i}`)]);
    await until(core, (s) => s.outbox.length === 0 && serverMessages(s.messages).filter((m) => expected.has(m.text)).length === expected.size, 60_000);
    await expect.poll(() => [...seenByAgent.values()].filter((m) => expected.has(m.text)).length, { timeout: 20_000 }).toBe(expected.size);

    // The visitor really lost its node and came back (through the balancer, to B: A is gone).
    expect(statuses).toEqual(expect.arrayContaining(['offline', 'online']));
    expect(statuses.at(-1)).toBe('online');
    // The truth: what the store holds.
    const stored = (await agent.emitWithAck('ticket:open', { ticketId: core.store.getState().ticket!.id })).messages as Message[];
    const storedExchange = stored.filter((m) => expected.has(m.text));
    expect(storedExchange).toHaveLength(expected.size); // nothing lost, nothing stored twice
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1)); // gap-free

    for (const [side, list] of [
      ['visitor', serverMessages(core.store.getState().messages)],
      ['agent', [...seenByAgent.values()].sort((x, y) => x.seq - y.seq)],
    ] as const) {
      const exchanged = list.filter((m) => expected.has(m.text));
      expect(new Set(texts(exchanged)).size, `${side}: shown once each`).toBe(exchanged.length);
      expect(exchanged.map((m) => m.id), `${side}: same messages, same order as stored`).toEqual(storedExchange.map((m) => m.id));
      // Each sender's messages in the order they were sent.
      for (const prefix of ['v', 'a']) {
        const own = texts(exchanged).filter((t) => t.startsWith(prefix)).map((t) => Number(t.slice(1)));
        expect(own, `${side}: ${prefix} in order`).toEqual(Array.from({ length: ROUNDS }, (_, i) => i));
      }
    }
    agent.disconnect();
    core.destroy();
    return [`${expected.size} messages; the agent received ${agentCopies} copies of ${seenByAgent.size} distinct messages`];
  }

  it('loses nothing and doubles nothing: 200 messages, node A killed halfway, in order on both sides', async () => {
    const [summary] = await exchange(() => a.kill('SIGKILL'));
    console.log(`failover (SIGKILL): ${summary}`);
  }, 120_000);

  it('drains on SIGTERM: work in flight is answered, clients move to the other node, nothing lost, clean exit', async () => {
    await a.start();
    let exitCode: number | null = -1;
    const [summary] = await exchange(async () => (exitCode = await a.kill('SIGTERM')));
    expect(exitCode).toBe(0);
    expect(a.output()).toContain('SIGTERM: shutting down');
    expect(a.output()).not.toMatch(/shutdown step failed|\binternal error\b/);
    console.log(`failover (SIGTERM): ${summary}`);
  }, 120_000);
});
