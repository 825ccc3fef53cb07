import type { Message, Ticket } from '@helpdock/protocol';
import { expect } from 'vitest';
import { agentLogin, ask, connectAgent, connectVisitor, transcriptLine, visitorSession, waitFor } from './clients.ts';
import { ACME_ORIGIN, ANA } from './server.ts';

export interface FlowResult {
  visitorToken: string;
  ticket: Ticket;
  messages: Message[];
}

/**
 * The walking skeleton end to end: a visitor hands off, an agent sees the
 * ticket arrive, claims it and replies, and the visitor sees all of it live.
 */
export async function supportConversation(baseUrl: string): Promise<FlowResult> {
  const login = await agentLogin(baseUrl, 'acme', ANA.email, ANA.password);
  const agent = await connectAgent(baseUrl, login.token);
  expect(agent.hello).toMatchObject({ name: 'Ana Silva', appId: 'acme' });

  const session = await visitorSession(baseUrl, 'acme', ACME_ORIGIN);
  const visitor = await connectVisitor(baseUrl, 'acme', session.token, ACME_ORIGIN);

  const ticketArrives = waitFor<Ticket>(agent.socket, 'ticket');
  const handoff = await ask(visitor, 'handoff', {
    clientId: 'handoff-1',
    transcript: [transcriptLine('visitor', 'My ECS instance is stuck in Stopping'), transcriptLine('bot', 'Have you tried a force stop?')],
    context: { url: 'https://console.acme.test/ecs/i-123', title: 'Instance i-123', locale: 'en' },
  });
  expect(handoff.ok).toBe(true);
  expect(handoff.ticket).toMatchObject({ status: 'queued', priority: 'P2', subject: 'My ECS instance is stuck in Stopping', assignee: null });
  expect(handoff.messages.map((m: Message) => [m.seq, m.author, m.text])).toEqual([
    [1, 'visitor', 'My ECS instance is stuck in Stopping'],
    [2, 'bot', 'Have you tried a force stop?'],
  ]);
  const seen = await ticketArrives;
  expect(seen.id).toBe(handoff.ticket.id);

  const queue = await ask(agent.socket, 'queue:list', {});
  expect(queue.tickets.map((t: Ticket) => t.id)).toContain(handoff.ticket.id);

  const opened = await ask(agent.socket, 'ticket:open', { ticketId: handoff.ticket.id });
  expect(opened.messages).toHaveLength(2);

  const joinedLine = waitFor<Message>(visitor, 'message', (m) => m.author === 'system');
  const assigned = waitFor<Ticket>(visitor, 'ticket', (t) => t.assignee !== null);
  const claim = await ask(agent.socket, 'ticket:claim', { ticketId: handoff.ticket.id });
  expect(claim.ticket).toMatchObject({ status: 'in_progress', assignee: { name: 'Ana Silva' } });
  expect((await joinedLine).text).toBe('Ana Silva joined the conversation');
  expect((await assigned).assignee?.name).toBe('Ana Silva');

  const conversationId = handoff.ticket.conversationId as string;
  const replyArrives = waitFor<Message>(visitor, 'message', (m) => m.author === 'agent');
  const reply = await ask(agent.socket, 'message:send', { conversationId, clientId: 'agent-1', text: 'Hi, I am looking at it now.' });
  expect(reply.ok).toBe(true);
  expect(await replyArrives).toMatchObject({ text: 'Hi, I am looking at it now.', authorName: 'Ana Silva' });

  const visitorLineArrives = waitFor<Message>(agent.socket, 'message', (m) => m.author === 'visitor');
  const sent = await ask(visitor, 'message:send', { conversationId, clientId: 'visitor-1', text: 'Thanks!' });
  expect(sent.message.seq).toBe(5);
  expect((await visitorLineArrives).text).toBe('Thanks!');

  const history = await ask(visitor, 'sync', { conversationId, afterSeq: 0 });
  expect(history.messages.map((m: Message) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(history.ticket.assignee.name).toBe('Ana Silva');
  return { visitorToken: session.token, ticket: history.ticket, messages: history.messages };
}
