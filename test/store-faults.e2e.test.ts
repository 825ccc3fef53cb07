import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthResponse, Message } from '@helpdock/protocol';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startNode, type NodeProcess } from './helpers/node-process.ts';
import { postgresBinDir, privatePostgres, privateRedis, redisServerPath, type PrivateService } from './helpers/private-services.ts';
import { describeIfAvailable } from './helpers/services.ts';
import { serverMessages, until, visitorCore } from './helpers/visitor-core.ts';

const describeServices = describeIfAvailable('Postgres server binaries and redis-server (for private instances)', !!postgresBinDir() && !!redisServerPath());

async function health(node: NodeProcess): Promise<{ status: number; body: HealthResponse }> {
  const res = await fetch(`${node.url}/healthz`);
  return { status: res.status, body: (await res.json()) as HealthResponse };
}

/** An agent client that does what the agent console does: reconnect when let go, reopen its ticket on every connect. */
async function agentOn(node: NodeProcess, ticketId: string) {
  const login = await fetch(`${node.url}/api/v1/agent/login`, { method: 'POST', body: JSON.stringify({ appId: 'acme', email: 'ana@acme.test', password: 'faults-pass' }) });
  const { token } = (await login.json()) as { token: string };
  const socket: Socket = io(`${node.url}/agent`, { parser: jsonParser, auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100 });
  const seen = new Map<string, Message>();
  socket.on('message', (m: Message) => seen.set(m.id, m));
  socket.on('disconnect', (reason) => reason === 'io server disconnect' && socket.connect());
  socket.on('connect', async () => {
    // A disconnect before the answer (the test ending, a node going away) rejects it; the next connect asks again.
    const opened = await socket.emitWithAck('ticket:open', { ticketId }).catch(() => null);
    if (opened?.ok) for (const m of opened.messages as Message[]) seen.set(m.id, m);
  });
  await new Promise<void>((r) => socket.once('connect', () => r()));
  return { socket, seen };
}

describeServices('the database or Redis goes away mid-conversation', () => {
  let postgres: PrivateService;
  let redis: PrivateService;
  let dir: string;
  let apps: string;
  const nodes: NodeProcess[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([privatePostgres(), privateRedis()]);
    dir = mkdtempSync(join(tmpdir(), 'helpdock-faults-'));
    apps = join(dir, 'apps.json');
    writeFileSync(apps, JSON.stringify([{ id: 'acme', allowedOrigins: ['*'], agents: [{ email: 'ana@acme.test', name: 'Ana', password: 'faults-pass' }] }]));
    const admin = new pg.Client({ connectionString: postgres.url });
    admin.on('error', () => undefined);
    await admin.connect();
    await admin.query('CREATE SCHEMA hd_pg_restart; CREATE SCHEMA hd_redis_restart');
    await admin.end();
  }, 60_000);
  afterEach(async () => {
    for (const node of nodes.splice(0)) await node.kill('SIGKILL');
  });
  afterAll(async () => {
    await postgres?.dispose();
    await redis?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Postgres restart: requests are refused as unavailable, the widget keeps its message, and it arrives once Postgres is back', async () => {
    const node = await startNode({ DATABASE_URL: postgres.url, HELPDOCK_DATABASE_SCHEMA: 'hd_pg_restart', HELPDOCK_APPS_FILE: apps, HELPDOCK_RATE_LIMITS: 'off' });
    nodes.push(node);
    const core = visitorCore(node.url, 'acme');
    core.requestHuman();
    await until(core, (s) => s.ticket !== null && s.connection === 'online');
    const ticket = core.store.getState().ticket!;
    const agent = await agentOn(node, ticket.id);
    core.sendMessage('before the outage');
    await until(core, (s) => s.outbox.length === 0);

    await postgres.stop();
    // Told, not silently dropped: health says why, and every request gets a reason.
    expect(await health(node)).toMatchObject({ status: 503, body: { ok: false, problems: ['store'] } });
    const refused = await agent.socket.emitWithAck('message:send', { conversationId: ticket.conversationId, clientId: 'during', text: 'agent during the outage' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('try again') } });
    core.sendMessage('during the outage');
    await new Promise((r) => setTimeout(r, 800));
    expect(core.store.getState().outbox.map((o) => o.text)).toEqual(['during the outage']); // kept, shown as sending
    expect(core.store.getState().error).toBeNull();

    await postgres.start();
    expect((await agent.socket.emitWithAck('message:send', { conversationId: ticket.conversationId, clientId: 'during', text: 'agent during the outage' })).ok).toBe(true);
    await until(core, (s) => s.outbox.length === 0 && serverMessages(s.messages).some((m) => m.text === 'agent during the outage'), 20_000);
    await expect.poll(() => [...agent.seen.values()].map((m) => m.text), { timeout: 10_000 }).toEqual(expect.arrayContaining(['during the outage']));
    expect((await health(node)).status).toBe(200);
    const shown = serverMessages(core.store.getState().messages);
    const texts = shown.map((m) => m.text).filter((t) => ['before the outage', 'during the outage', 'agent during the outage'].includes(t));
    // Each once. The visitor's retry and the agent's resend race once Postgres is back: either may be stored
    // first, and the widget shows them in the order the server stored them.
    expect(texts[0]).toBe('before the outage');
    expect(texts.slice(1).sort()).toEqual(['agent during the outage', 'during the outage']);
    const seqs = shown.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(node.output()).not.toMatch(/\berror\b.*failed/i);
    agent.socket.disconnect();
    core.destroy();
  }, 90_000);

  it('Redis restart: nodes say they are degraded, then resync their clients, and nothing sent meanwhile is lost', async () => {
    const env = { DATABASE_URL: postgres.url, HELPDOCK_DATABASE_SCHEMA: 'hd_redis_restart', REDIS_URL: redis.url, HELPDOCK_APPS_FILE: apps, HELPDOCK_RATE_LIMITS: 'off' };
    const a = await startNode(env);
    const b = await startNode(env);
    nodes.push(a, b);
    const core = visitorCore(a.url, 'acme');
    core.requestHuman();
    await until(core, (s) => s.ticket !== null && s.connection === 'online');
    const ticket = core.store.getState().ticket!;
    const agent = await agentOn(b, ticket.id);
    core.sendMessage('v-before');
    await expect.poll(() => [...agent.seen.values()].map((m) => m.text), { timeout: 5000 }).toContain('v-before');

    await redis.stop();
    await expect.poll(async () => (await health(a)).body.problems, { timeout: 10_000 }).toEqual(['redis']);
    expect((await health(b)).status).toBe(503);
    // Both sides keep writing; across nodes these may not be heard live.
    core.sendMessage('v-during');
    expect((await agent.socket.emitWithAck('message:send', { conversationId: ticket.conversationId, clientId: 'a-during', text: 'a-during' })).ok).toBe(true);
    await until(core, (s) => s.outbox.length === 0);

    await redis.start();
    await expect.poll(async () => (await health(a)).status, { timeout: 15_000 }).toBe(200);
    // After the resync both sides hold everything, once each.
    await until(core, (s) => serverMessages(s.messages).some((m) => m.text === 'a-during'), 15_000);
    await expect.poll(() => [...agent.seen.values()].map((m) => m.text), { timeout: 15_000 }).toEqual(expect.arrayContaining(['v-before', 'v-during', 'a-during']));
    const visitorTexts = serverMessages(core.store.getState().messages).map((m) => m.text);
    for (const t of ['v-before', 'v-during', 'a-during']) expect(visitorTexts.filter((x) => x === t)).toHaveLength(1);
    agent.socket.disconnect();
    core.destroy();
  }, 90_000);
});
