import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@helpdock/protocol';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, transcriptLine, visitorSession } from './support/clients.ts';
import { ACME_ORIGIN, ANA, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterEach(() => disconnectAll());
afterAll(() => server?.dispose());

async function visitorSocket() {
  const session = await visitorSession(server.url, 'acme', ACME_ORIGIN);
  return connectVisitor(server.url, 'acme', session.token, ACME_ORIGIN);
}

const base = (clientId: string) => ({ clientId, transcript: [transcriptLine('visitor', 'Production is down')], context: { url: 'https://console.acme.test/ecs' } });

describe('a handoff with what the bot learned', () => {
  it('stores category, tags, priority, intake answers and action outcomes, and the agent sees them', async () => {
    const socket = await visitorSocket();
    const ack = await ask(socket, 'handoff', {
      ...base('bot-1'),
      category: 'compute',
      tags: ['ecs', 'urgent'],
      priority: 'P1',
      intake: [
        { field: 'region', value: 'cn-hangzhou', source: 'context' },
        { field: 'started', value: 'today', source: 'choice' },
      ],
      actions: [{ action: 'cdn.purge', ok: false, text: 'Domain is not verified.', at: new Date().toISOString() }],
    });
    expect(ack.ok).toBe(true);
    const ticket = ack.ticket as Ticket;
    expect(ticket).toMatchObject({ priority: 'P1', category: 'compute', tags: ['ecs', 'urgent'], intake: [{ field: 'region' }, { field: 'started', value: 'today' }], actions: [{ action: 'cdn.purge', ok: false }] });

    const login = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    const agent = await connectAgent(server.url, login.token);
    const opened = await ask(agent.socket, 'ticket:open', { ticketId: ticket.id });
    expect(opened.ticket).toMatchObject({ category: 'compute', priority: 'P1', intake: ticket.intake, actions: ticket.actions });
  });

  it('keeps working without any of them (older widgets): P2, no category', async () => {
    const ack = await ask(await visitorSocket(), 'handoff', base('bot-2'));
    expect(ack.ok).toBe(true);
    expect(ack.ticket.priority).toBe('P2');
    expect(ack.ticket.category ?? null).toBeNull();
    expect(ack.ticket.intake).toBeUndefined();
  });

  it('refuses malformed fields, naming them, and opens no ticket', async () => {
    const socket = await visitorSocket();
    for (const [bad, path] of [
      [{ priority: 'P9' }, 'priority'],
      [{ category: '<script>' }, 'category'],
      [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
      [{ intake: [{ field: 'password', value: 'x', source: 'text' }] }, 'intake.0.field'],
      [{ intake: [{ field: 'region', value: 'x'.repeat(501), source: 'text' }] }, 'intake.0.value'],
      [{ actions: [{ action: 'cdn.purge', ok: 'yes', at: new Date().toISOString() }] }, 'actions.0.ok'],
    ] as const) {
      const ack = await ask(socket, 'handoff', { ...base(`bad-${path.replace(/\W/g, '-')}`), ...bad });
      expect(ack.ok, path).toBe(false);
      expect(ack.error.code).toBe('invalid_event');
      expect(ack.error.issues[0].path).toBe(path);
    }
    const current = await ask(socket, 'current', {});
    expect(current.ticket).toBeNull();
  });
});
