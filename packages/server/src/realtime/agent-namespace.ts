import {
  AddNoteSchema,
  AgentStatusSchema,
  NAMESPACES,
  ReceiptSchema,
  ResolveTicketSchema,
  SendMessageSchema,
  TicketRefSchema,
  TransferTicketSchema,
  TypingSchema,
  UpdateTicketSchema,
  validate,
  type Agent,
  type Ack,
} from '@helpdock/protocol';
import type { Server, Socket } from 'socket.io';
import { verifySession } from '../auth/tokens.ts';
import { claimTicket, listQueue, openTicket, resolveTicketAs, sendAgentMessage } from '../chat/agent-ops.ts';
import { addNote, bootstrap, changeStatus, escalate, notesOf, transfer, updateTicketAs } from '../chat/lifecycle-ops.ts';
import type { Outcome } from '../chat/outcome.ts';
import { drainQueue } from '../chat/routing-ops.ts';
import { findTicketByConversation } from '../store/tickets.ts';
import { raiseReceipt } from '../store/lifecycle.ts';
import { findAgent } from '../store/agents.ts';
import { refuseAfter, refuseUnknownEvents } from './guards.ts';
import { emptyRequest, handle, refusal } from './handle.ts';
import { agentRoom, agentsRoom, conversationRoom } from './rooms.ts';
import type { NamespaceDeps } from './visitor-namespace.ts';

/** `/agent`: the agent console's live channel; every socket is one logged-in agent of one app. */
export function agentNamespace(io: Server, deps: NamespaceDeps): void {
  const { db, logger, publish } = deps;
  const nsp = io.of(NAMESPACES.agent);

  nsp.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const session = verifySession(deps.secret, auth['token']);
      const agent = session?.kind === 'agent' ? await findAgent(db, session.appId, session.agentId) : null;
      if (!agent) return next(refusal('unauthorized', 'the agent session is missing or expired; log in again'));
      socket.data['agent'] = agent;
      socket.data['expiresAt'] = session?.exp;
      next();
    } catch (err) {
      logger.error('agent handshake failed', err);
      next(refusal('internal', 'internal error'));
    }
  });

  nsp.on('connection', (socket: Socket) => {
    const agent = socket.data['agent'] as Agent;
    refuseAfter(socket, socket.data['expiresAt'] as number);
    refuseUnknownEvents(socket);
    void socket.join([agentsRoom(agent.appId), agentRoom(agent.id)]);
    socket.emit('hello', agent);

    const finish = async <T extends object>(outcome: Outcome<T>, conversationId?: string): Promise<Ack<T>> => {
      if (outcome.ack.ok && conversationId) await socket.join(conversationRoom(conversationId));
      publish(outcome.events);
      return outcome.ack;
    };

    handle(socket, 'queue:list', logger, emptyRequest, async () => finish(await listQueue(db, agent)));
    handle(socket, 'ticket:open', logger, (input) => validate(TicketRefSchema, input), async ({ ticketId }) => {
      const outcome = await openTicket(db, agent, ticketId);
      return finish(outcome, outcome.ack.ok ? outcome.ack.ticket.conversationId : undefined);
    });
    handle(socket, 'ticket:claim', logger, (input) => validate(TicketRefSchema, input), async ({ ticketId }) => {
      const outcome = await claimTicket(db, agent, ticketId);
      return finish(outcome, outcome.ack.ok ? outcome.ack.ticket.conversationId : undefined);
    });
    handle(socket, 'message:send', logger, (input) => validate(SendMessageSchema, input), async (req) => {
      const outcome = await sendAgentMessage(db, agent, req);
      return finish(outcome, req.conversationId);
    });
    // Work that frees an agent's capacity, or brings one online, lets the queue move.
    const thenDrain = async <T extends object>(outcome: Outcome<T>): Promise<Ack<T>> => {
      const ack = await finish(outcome);
      if (ack.ok) publish(await drainQueue(db, agent.appId));
      return ack;
    };
    handle(socket, 'ticket:resolve', logger, (input) => validate(ResolveTicketSchema, input), async (req) => thenDrain(await resolveTicketAs(db, agent, req)));
    handle(socket, 'agent:bootstrap', logger, emptyRequest, async () => finish(await bootstrap(db, agent)));
    handle(socket, 'agent:status', logger, (input) => validate(AgentStatusSchema, input), async ({ status }) => thenDrain(await changeStatus(db, agent, status)));
    handle(socket, 'ticket:update', logger, (input) => validate(UpdateTicketSchema, input), async (req) => finish(await updateTicketAs(db, agent, req)));
    handle(socket, 'ticket:escalate', logger, (input) => validate(TicketRefSchema, input), async ({ ticketId }) => thenDrain(await escalate(db, agent, ticketId)));
    handle(socket, 'ticket:transfer', logger, (input) => validate(TransferTicketSchema, input), async (req) => thenDrain(await transfer(db, agent, req)));
    handle(socket, 'note:add', logger, (input) => validate(AddNoteSchema, input), async (req) => finish(await addNote(db, agent, req)));
    handle(socket, 'notes:list', logger, (input) => validate(TicketRefSchema, input), async ({ ticketId }) => finish(await notesOf(db, agent, ticketId)));
    handle(socket, 'typing', logger, (input) => validate(TypingSchema, input), async (req) => {
      if (!(await findTicketByConversation(db, agent.appId, req.conversationId))) return { ok: false, error: { code: 'not_found', message: 'no such conversation' } };
      // Not stored: only whoever has the conversation open right now cares.
      socket.to(conversationRoom(req.conversationId)).emit('typing', { conversationId: req.conversationId, who: 'agent', name: agent.name, typing: req.typing });
      io.of(NAMESPACES.visitor).to(conversationRoom(req.conversationId)).emit('typing', { conversationId: req.conversationId, who: 'agent', name: agent.name, typing: req.typing });
      return { ok: true };
    });
    handle(socket, 'receipt', logger, (input) => validate(ReceiptSchema, input), async (req) => {
      if (!(await findTicketByConversation(db, agent.appId, req.conversationId))) return { ok: false, error: { code: 'not_found', message: 'no such conversation' } };
      const seq = await raiseReceipt(db, agent.appId, req.conversationId, 'agent', req.kind, req.seq);
      io.of(NAMESPACES.visitor).to(conversationRoom(req.conversationId)).emit('receipt', { conversationId: req.conversationId, reader: 'agent', kind: req.kind, seq });
      return { ok: true };
    });

    socket.on('disconnect', (reason) => {
      // This node is stopping: its store and Redis clients are closing, and the agent's console will
      // reconnect to another node (or this one after the restart) and say its status again.
      if (reason === 'server shutting down' || deps.stopping?.()) return;
      // The last console of this agent closed (on any node): nobody is there to take tickets.
      void (async () => {
        const left = await nsp.in(agentRoom(agent.id)).fetchSockets();
        if (left.length > 0 || deps.stopping?.()) return;
        const outcome = await changeStatus(db, agent, 'offline');
        publish(outcome.events);
      })().catch((err: unknown) => logger.error('agent disconnect failed', err));
    });
  });
}
