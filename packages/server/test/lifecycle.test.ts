import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Ticket } from '@helpdock/protocol';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, record, settle, transcriptLine, visitorSession, waitFor } from './support/clients.ts';
import { startTestServer, TEST_APPS, type TestServer } from './support/server.ts';

const ORIGIN = 'https://console.initech.test';
const PASSWORD = 'initech-pass-1';
// Tests share one server, so tickets pile up on agents: room enough for all of them.
const AGENTS = {
  ana: { email: 'ana@initech.test', name: 'Ana', password: PASSWORD, tier: 'L1' as const, team: 'Support', languages: ['en'], capacity: 50 },
  li: { email: 'li@initech.test', name: 'Li', password: PASSWORD, tier: 'L2' as const, team: 'Support', languages: ['zh', 'en'], capacity: 50 },
  bo: { email: 'bo@initech.test', name: 'Bo', password: PASSWORD, tier: 'L1' as const, team: 'Billing', languages: ['en'], categories: ['billing'], capacity: 50 },
};

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    slaSweepMs: 100,
    apps: [
      ...TEST_APPS,
      {
        id: 'initech',
        allowedOrigins: [ORIGIN],
        agents: Object.values(AGENTS),
        // P3's first response runs out after 0.3 s, so the sweep has something to flag.
        settings: { sla: { P3: { firstResponse: { minutes: 0.005 }, resolution: { minutes: 60 } } } },
      },
    ],
  });
}, 60_000);
afterEach(async () => {
  // Agents go offline when their last socket closes; wait for that before the next test.
  disconnectAll();
  await settle(200);
});
afterAll(async () => {
  const errors = server?.logs.filter((line) => line.startsWith('error')) ?? [];
  await server?.dispose();
  expect(errors).toEqual([]);
});

async function agent(who: keyof typeof AGENTS, status: 'online' | 'away' = 'online') {
  const login = await agentLogin(server.url, 'initech', AGENTS[who].email, PASSWORD);
  const { socket } = await connectAgent(server.url, login.token);
  expect((await ask(socket, 'agent:status', { status })).ok).toBe(true);
  return socket;
}

async function visitor(handoff: Record<string, unknown> = {}) {
  const session = await visitorSession(server.url, 'initech', ORIGIN);
  const socket = await connectVisitor(server.url, 'initech', session.token, ORIGIN);
  const ack = await ask(socket, 'handoff', {
    clientId: `h-${Math.random().toString(36).slice(2)}`,
    transcript: [transcriptLine('visitor', 'Help please')],
    context: { url: 'https://console.initech.test/', locale: 'en' },
    ...handoff,
  });
  expect(ack.ok).toBe(true);
  return { socket, ticket: ack.ticket as Ticket, messages: ack.messages as Message[] };
}

describe('routing', { timeout: 20_000 }, () => {
  it('waits in the queue when nobody is online, tells the visitor so, and goes to the first skilled agent who comes online', async () => {
    const v = await visitor({ context: { url: 'https://console.initech.test/', locale: 'zh-CN' } });
    expect(v.ticket).toMatchObject({ status: 'queued', assignee: null, language: 'zh', availability: { agentsOnline: false, withinHours: true } });
    expect(v.ticket.sla?.firstResponse.due).toBeTruthy();

    const ana = await agent('ana');
    await settle();
    // Ana does not speak Chinese: the ticket keeps waiting for someone who does.
    expect((await ask(ana, 'queue:list', {})).tickets.find((t: Ticket) => t.id === v.ticket.id).status).toBe('queued');

    const joined = waitFor<Message>(v.socket, 'message', (m) => m.author === 'system');
    const assignment = waitFor<Ticket>(v.socket, 'ticket', (t) => t.assignee !== null);
    await agent('li');
    expect((await joined).text).toBe('Li joined the conversation');
    const assigned = await assignment;
    expect(assigned.assignee).toMatchObject({ name: 'Li', team: 'Support' });
    expect(assigned.timeline?.map((e) => e.kind)).toEqual(['created', 'queued', 'assigned']);
  });

  it('sends a billing ticket to the billing specialist, the least busy match', async () => {
    await agent('ana');
    await agent('bo');
    const v = await visitor({ category: 'billing' });
    expect(v.ticket).toMatchObject({ status: 'in_progress', category: 'billing', assignee: { name: 'Bo', team: 'Billing' } });
    expect(v.messages.at(-1)?.text).toBe('Bo joined the conversation');
  });

  it('escalates to a higher tier, and the visitor sees it happen', async () => {
    const ana = await agent('ana');
    const v = await visitor();
    expect(v.ticket.assignee?.name).toBe('Ana');
    const line = waitFor<Message>(v.socket, 'message', (m) => m.text === 'Escalated to L2 support');
    const escalated = await ask(ana, 'ticket:escalate', { ticketId: v.ticket.id });
    expect(escalated.ticket).toMatchObject({ tier: 'L2', status: 'queued', assignee: null });
    await line;

    // Li (L2) comes online and gets it; Ana (L1) never would again.
    const toLi = waitFor<Ticket>(v.socket, 'ticket', (t) => t.assignee?.name === 'Li');
    await agent('li');
    expect((await toLi).timeline?.map((e) => e.kind)).toContain('escalated');
  });

  it('transfers to a team, and refuses to escalate beyond L3', async () => {
    const ana = await agent('ana');
    const v = await visitor();
    const moved = await ask(ana, 'ticket:transfer', { ticketId: v.ticket.id, team: 'Billing' });
    expect(moved.ticket).toMatchObject({ team: 'Billing', status: 'queued' });
    await ask(ana, 'ticket:escalate', { ticketId: v.ticket.id });
    await ask(ana, 'ticket:escalate', { ticketId: v.ticket.id });
    const refused = await ask(ana, 'ticket:escalate', { ticketId: v.ticket.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('SLA', { timeout: 20_000 }, () => {
  it('flags a missed first response and raises the ticket’s priority', async () => {
    const v = await visitor({ priority: 'P3' });
    const breached = await waitFor<Ticket>(v.socket, 'ticket', (t) => t.breached === true, 5000);
    expect(breached).toMatchObject({ priority: 'P2', sla: { firstResponse: { breached: true, metAt: null } } });
    expect(breached.timeline?.at(-1)).toMatchObject({ kind: 'breached', params: { from: 'P3', to: 'P2' } });
  });

  it('stops the first-response clock at the first agent reply', async () => {
    const ana = await agent('ana');
    const v = await visitor({ priority: 'P1' });
    await ask(ana, 'message:send', { conversationId: v.ticket.conversationId, clientId: 'first-reply', text: 'On it' });
    const synced = await ask(v.socket, 'sync', { conversationId: v.ticket.conversationId, afterSeq: 0 });
    expect(synced.ticket.sla.firstResponse.metAt).toBeTruthy();
  });
});

describe('after the conversation', { timeout: 20_000 }, () => {
  it('resolve → rate → reopen, back to the same agent; internal notes never reach the visitor', async () => {
    const ana = await agent('ana');
    const v = await visitor();
    const heard = record<Message>(v.socket, 'message');
    const note = await ask(ana, 'note:add', { ticketId: v.ticket.id, text: 'Customer sounds upset' });
    expect(note.note).toMatchObject({ authorName: 'Ana', text: 'Customer sounds upset' });
    expect((await ask(ana, 'notes:list', { ticketId: v.ticket.id })).notes).toHaveLength(1);

    expect((await ask(v.socket, 'ticket:rate', { ticketId: v.ticket.id, score: 5 })).error.code).toBe('conflict');
    const resolved = await ask(ana, 'ticket:resolve', { ticketId: v.ticket.id, resolution: 'Restarted the instance' });
    expect(resolved.ticket.reopenUntil).toBeTruthy();

    const rated = await ask(v.socket, 'ticket:rate', { ticketId: v.ticket.id, score: 4, comment: 'Quick, thanks' });
    expect(rated.ticket.rating).toEqual({ score: 4, comment: 'Quick, thanks' });
    expect((await ask(v.socket, 'ticket:rate', { ticketId: v.ticket.id, score: 9 })).error.code).toBe('invalid_event');

    const reopened = await ask(v.socket, 'ticket:reopen', { ticketId: v.ticket.id });
    expect(reopened.ticket).toMatchObject({ status: 'in_progress', assignee: { name: 'Ana' }, rating: null, resolution: null });
    expect(reopened.ticket.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'assigned', 'resolved', 'rated', 'reopened', 'assigned']);
    await settle();
    expect(heard.map((m) => m.text)).not.toContain('Customer sounds upset');

    const mine = await ask(v.socket, 'tickets:list', {});
    expect(mine.tickets.map((t: Ticket) => t.id)).toEqual([v.ticket.id]);
  });

  it('keeps a ticket nobody can take and stores the e-mail the visitor leaves', async () => {
    const v = await visitor();
    const ack = await ask(v.socket, 'contact:set', { ticketId: v.ticket.id, email: 'pat@example.com' });
    expect(ack.ticket).toMatchObject({ status: 'queued', contactEmail: 'pat@example.com' });
    expect((await ask(v.socket, 'contact:set', { ticketId: v.ticket.id, email: 'nope' })).error.code).toBe('invalid_event');
  });

  it('lets a visitor touch only their own tickets', async () => {
    const a = await visitor();
    const b = await visitor();
    expect((await ask(b.socket, 'ticket:reopen', { ticketId: a.ticket.id })).error.code).toBe('not_found');
    expect((await ask(b.socket, 'typing', { conversationId: a.ticket.conversationId, typing: true })).error.code).toBe('not_found');
  });

  it('relays typing and read receipts between the visitor and the agent', async () => {
    const ana = await agent('ana');
    const v = await visitor();
    await ask(ana, 'ticket:open', { ticketId: v.ticket.id });
    const typing = waitFor<{ who: string; typing: boolean }>(ana, 'typing');
    await ask(v.socket, 'typing', { conversationId: v.ticket.conversationId, typing: true });
    expect(await typing).toMatchObject({ who: 'visitor', typing: true });
    const agentTyping = waitFor<{ who: string; name: string }>(v.socket, 'typing');
    await ask(ana, 'typing', { conversationId: v.ticket.conversationId, typing: true });
    expect(await agentTyping).toMatchObject({ who: 'agent', name: 'Ana' });
    const receipt = waitFor<{ reader: string; seq: number }>(ana, 'receipt');
    await ask(v.socket, 'receipt', { conversationId: v.ticket.conversationId, kind: 'read', seq: 99 });
    // Never past the conversation's last message.
    expect(await receipt).toMatchObject({ reader: 'visitor', kind: 'read', seq: v.messages.length });
  });

  it('returns both sides\' stored receipt marks with sync and ticket:open, so a reload shows "Seen" at once', async () => {
    const ana = await agent('ana');
    const v = await visitor();
    const last = v.messages.length;
    await ask(ana, 'ticket:open', { ticketId: v.ticket.id });
    expect((await ask(ana, 'receipt', { conversationId: v.ticket.conversationId, kind: 'read', seq: last })).ok).toBe(true);
    expect((await ask(v.socket, 'receipt', { conversationId: v.ticket.conversationId, kind: 'delivered', seq: last })).ok).toBe(true);
    // Both sides come back later (a reload): the marks come with the conversation.
    const synced = await ask(v.socket, 'sync', { conversationId: v.ticket.conversationId, afterSeq: last });
    expect(synced.receipts).toEqual({ visitor: { delivered: last, read: 0 }, agent: { delivered: 0, read: last } });
    const current = await ask(v.socket, 'current', {});
    expect(current.receipts).toEqual(synced.receipts);
    const li = await agent('li');
    const opened = await ask(li, 'ticket:open', { ticketId: v.ticket.id });
    expect(opened.receipts).toEqual(synced.receipts);
  });
});
