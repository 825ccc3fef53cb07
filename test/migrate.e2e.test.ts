import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Message, Ticket } from '@helpdock/protocol';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startNode, type NodeProcess } from './helpers/node-process.ts';
import { describeIfAvailable } from './helpers/services.ts';

const databaseUrl = process.env['DATABASE_URL'];
const describePostgres = describeIfAvailable('Postgres (DATABASE_URL)', !!databaseUrl);
const CLI = resolve(import.meta.dirname, '../packages/server/dist/cli.js');

async function visitorSocket(node: NodeProcess, token?: string): Promise<{ socket: Socket; token: string; visitorId: string }> {
  const res = await fetch(`${node.url}/api/v1/visitor/session`, { method: 'POST', body: JSON.stringify(token ? { appId: 'acme', token } : { appId: 'acme' }) });
  const session = (await res.json()) as { token: string; visitorId: string };
  const socket = io(`${node.url}/visitor`, { parser: jsonParser, auth: { appId: 'acme', token: session.token }, transports: ['websocket'], forceNew: true });
  await new Promise<void>((r) => socket.once('connect', () => r()));
  return { socket, ...session };
}

/* The documented path from the embedded store to Postgres: stop, `cli.js migrate-to-postgres`, start on Postgres. */
describePostgres('moving from the embedded store to Postgres', () => {
  const schema = `hd_migrate_${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'helpdock-migrate-'));
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  });
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies everything, and visitors, agents and tickets carry on as if nothing happened', async () => {
    const apps = join(dir, 'apps.json');
    writeFileSync(apps, JSON.stringify([{ id: 'acme', allowedOrigins: ['*'], identity: { secret: 'acme-identity-secret-for-migration' }, agents: [{ email: 'ana@acme.test', name: 'Ana', password: 'migrate-pass' }] }]));
    const embedded = await startNode({ HELPDOCK_DATA_DIR: join(dir, 'data'), HELPDOCK_APPS_FILE: apps, HELPDOCK_RATE_LIMITS: 'off' });
    const visitor = await visitorSocket(embedded);
    const handoff = await visitor.socket.emitWithAck('handoff', {
      clientId: 'h1',
      transcript: [{ author: 'visitor', text: 'Bucket gone', at: new Date().toISOString() }, { author: 'bot', text: 'Which region?', at: new Date().toISOString() }],
      context: { url: 'https://console.acme.test/oss', title: 'OSS' },
    });
    const ticket = handoff.ticket as Ticket;
    for (let i = 0; i < 30; i++) await visitor.socket.emitWithAck('message:send', { conversationId: ticket.conversationId, clientId: `m${i}`, text: `line ${i} — 用户 ✓` });
    const before = await visitor.socket.emitWithAck('sync', { conversationId: ticket.conversationId, afterSeq: 0 });
    visitor.socket.disconnect();
    expect(await embedded.kill('SIGTERM')).toBe(0);

    const copy = spawnSync(process.execPath, [CLI, 'migrate-to-postgres'], {
      env: { ...process.env, HELPDOCK_DATA_DIR: join(dir, 'data'), DATABASE_URL: databaseUrl, HELPDOCK_DATABASE_SCHEMA: schema },
      encoding: 'utf8',
    });
    expect(copy.status, copy.stderr).toBe(0);
    expect(copy.stdout, copy.stdout).toMatch(/messages\s+32\b/);
    // A second copy into the now-filled database is refused: nothing is ever merged by accident.
    const again = spawnSync(process.execPath, [CLI, 'migrate-to-postgres'], {
      env: { ...process.env, HELPDOCK_DATA_DIR: join(dir, 'data'), DATABASE_URL: databaseUrl, HELPDOCK_DATABASE_SCHEMA: schema },
      encoding: 'utf8',
    });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('already holds apps');

    const postgres = await startNode({ DATABASE_URL: databaseUrl!, HELPDOCK_DATABASE_SCHEMA: schema });
    try {
      expect(((await (await fetch(`${postgres.url}/healthz`)).json()) as { store: string }).store).toBe('postgres');
      // The same token still holds (the session secret moved too), for the same visitor.
      const resumed = await visitorSocket(postgres, visitor.token);
      expect(resumed.visitorId).toBe(visitor.visitorId);
      const after = await resumed.socket.emitWithAck('sync', { conversationId: ticket.conversationId, afterSeq: 0 });
      expect(after).toEqual(before);
      const next = await resumed.socket.emitWithAck('message:send', { conversationId: ticket.conversationId, clientId: 'after', text: 'on Postgres now' });
      expect(next.message.seq).toBe((before.messages as Message[]).length + 1);
      const login = await fetch(`${postgres.url}/api/v1/agent/login`, { method: 'POST', body: JSON.stringify({ appId: 'acme', email: 'ana@acme.test', password: 'migrate-pass' }) });
      expect(login.status).toBe(200);
      resumed.socket.disconnect();
      const number = await fetch(`${postgres.url}/api/v1/visitor/session`, { method: 'POST', body: JSON.stringify({ appId: 'acme' }) });
      expect(number.status).toBe(200);
    } finally {
      await postgres.kill('SIGTERM');
    }
  }, 120_000);
});
