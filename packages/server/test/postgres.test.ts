import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP, type HealthResponse } from '@helpdock/protocol';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.ts';
import { ask, connectVisitor, disconnectAll, postJson, visitorSession } from './support/clients.ts';
import { supportConversation } from './support/flow.ts';
import { ACME_ORIGIN, startTestServer } from './support/server.ts';

/*
 * Runs against the Postgres in DATABASE_URL, inside a throwaway schema.
 * Skipped without DATABASE_URL, unless HELPDOCK_REQUIRE_SERVICES=1 says it must run.
 */
const databaseUrl = process.env['DATABASE_URL'];
const required = process.env['HELPDOCK_REQUIRE_SERVICES'] === '1';
const schema = `hd_test_${randomBytes(6).toString('hex')}`;

describe.runIf(databaseUrl || required)('on Postgres', () => {
  let admin: pg.Client;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error('HELPDOCK_REQUIRE_SERVICES=1 but DATABASE_URL is not set');
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  });
  afterEach(() => disconnectAll());
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('runs the whole support conversation and keeps it across a restart', async () => {
    const first = await startTestServer({ databaseUrl: databaseUrl as string, databaseSchema: schema });
    const health = (await (await fetch(`${first.url}/healthz`)).json()) as HealthResponse;
    expect(health.store).toBe('postgres');
    const flow = await supportConversation(first.url);
    disconnectAll();
    await first.dispose();

    const second = await startTestServer({ databaseUrl: databaseUrl as string, databaseSchema: schema });
    try {
      const session = await visitorSession(second.url, 'acme', ACME_ORIGIN, flow.visitorToken);
      const visitor = await connectVisitor(second.url, 'acme', session.token, ACME_ORIGIN);
      const synced = await ask(visitor, 'sync', { conversationId: flow.ticket.conversationId, afterSeq: 0 });
      expect(synced.messages).toEqual(flow.messages);
      // 20 messages sent at once, each of them twice (an outbox resending while the first try is in flight).
      const send = (i: number) => ask(visitor, 'message:send', { conversationId: flow.ticket.conversationId, clientId: `pg-${i}`, text: `n${i}` });
      const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => send(i % 20)));
      for (let i = 0; i < 20; i++) expect(burst[i + 20]?.message).toEqual(burst[i]?.message);
      const seqs = burst.slice(0, 20).map((a) => a.message.seq as number).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => flow.messages.length + 1 + i));
      // No seq was lost to the resends: the next message follows on.
      const next = await ask(visitor, 'message:send', { conversationId: flow.ticket.conversationId, clientId: 'pg-next', text: 'next' });
      expect(next.message.seq).toBe(flow.messages.length + 21);
      const tables = await admin.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      // Each migration exactly once, however many nodes started on the schema.
      expect(tables.rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      disconnectAll();
      await second.dispose();
    }
  }, 60_000);

  it('answers the FAQ bot from a knowledge base stored in Postgres', async () => {
    const consoleDir = await mkdtemp(join(tmpdir(), 'helpdock-console-'));
    await writeFile(join(consoleDir, 'index.html'), '<p>console</p>');
    await admin.query(`CREATE SCHEMA ${schema}_kb`);
    const server = await startTestServer({ databaseUrl: databaseUrl as string, databaseSchema: `${schema}_kb`, demo: true, consolePort: 0, consoleDir, apps: [] });
    try {
      const question = (text: string, locale: string) =>
        postJson(`${server.url}${HTTP.bot('demo')}`, { text, locale, context: { url: 'https://console.example/ecs/instances' } }, { origin: server.consoleUrl as string });
      expect((await question('How do I restart my instance?', 'en')).body).toMatchObject({ kind: 'answer', article: { id: 'ecs-restart-instance', locale: 'en' } });
      expect((await question('サーバーを再起動したい', 'ja')).body).toMatchObject({ kind: 'answer', article: { id: 'ecs-restart-instance', locale: 'ja' } });
    } finally {
      await server.dispose();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema}_kb CASCADE`);
      await rm(consoleDir, { recursive: true, force: true });
    }
  }, 60_000);
});
