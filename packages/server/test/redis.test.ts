import { randomBytes } from 'node:crypto';
import type { Message, Ticket } from '@helpdock/protocol';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, transcriptLine, visitorSession, waitFor } from './support/clients.ts';
import { ACME_ORIGIN, ANA, startTestServer, type TestServer } from './support/server.ts';

/*
 * Two server nodes on one Postgres and one Redis: a visitor on one node and an
 * agent on the other must still hear each other. Needs DATABASE_URL and REDIS_URL;
 * skipped without them unless HELPDOCK_REQUIRE_SERVICES=1.
 */
const databaseUrl = process.env['DATABASE_URL'];
const redisUrl = process.env['REDIS_URL'];
const required = process.env['HELPDOCK_REQUIRE_SERVICES'] === '1';
const schema = `hd_test_${randomBytes(6).toString('hex')}`;

describe.runIf((databaseUrl && redisUrl) || required)('two nodes behind Redis', () => {
  let admin: pg.Client;
  const nodes: TestServer[] = [];

  beforeAll(async () => {
    if (!databaseUrl || !redisUrl) throw new Error('HELPDOCK_REQUIRE_SERVICES=1 but DATABASE_URL or REDIS_URL is not set');
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    // Started one after the other so the first migrates; the second finds the schema ready.
    for (let i = 0; i < 2; i++) nodes.push(await startTestServer({ databaseUrl, databaseSchema: schema, redisUrl }));
  }, 60_000);
  afterEach(() => disconnectAll());
  afterAll(async () => {
    for (const node of nodes) await node.dispose();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('delivers tickets and messages between a visitor on one node and an agent on another', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    expect(a.logs.some((line) => line.includes('socket.io adapter: Redis'))).toBe(true);
    const login = await agentLogin(b.url, 'acme', ANA.email, ANA.password);
    const agent = await connectAgent(b.url, login.token);
    const session = await visitorSession(a.url, 'acme', ACME_ORIGIN);
    const visitor = await connectVisitor(a.url, 'acme', session.token, ACME_ORIGIN);

    const ticketOnB = waitFor<Ticket>(agent.socket, 'ticket');
    const handoff = await ask(visitor, 'handoff', { clientId: 'x-node', transcript: [transcriptLine('visitor', 'Help across nodes')], context: { url: 'https://console.acme.test/' } });
    expect((await ticketOnB).id).toBe(handoff.ticket.id);

    await ask(agent.socket, 'ticket:open', { ticketId: handoff.ticket.id });
    const replyOnA = waitFor<Message>(visitor, 'message', (m) => m.author === 'agent');
    await ask(agent.socket, 'message:send', { conversationId: handoff.ticket.conversationId, clientId: 'r1', text: 'Hello from node B' });
    expect((await replyOnA).text).toBe('Hello from node B');

    const lineOnB = waitFor<Message>(agent.socket, 'message', (m) => m.author === 'visitor');
    await ask(visitor, 'message:send', { conversationId: handoff.ticket.conversationId, clientId: 'v1', text: 'Hello from node A' });
    expect((await lineOnB).text).toBe('Hello from node A');
  }, 30_000);
});
