import { NAMESPACES, ResolveTicketSchema, SendMessageSchema, TicketRefSchema, validate, type Agent, type Ack } from '@helpdock/protocol';
import type { Server, Socket } from 'socket.io';
import { verifySession } from '../auth/tokens.ts';
import { claimTicket, listQueue, openTicket, resolveTicketAs, sendAgentMessage } from '../chat/agent-ops.ts';
import type { Outcome } from '../chat/outcome.ts';
import { findAgent } from '../store/agents.ts';
import { emptyRequest, handle, refusal } from './handle.ts';
import { agentsRoom, conversationRoom } from './rooms.ts';
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
      next();
    } catch (err) {
      logger.error('agent handshake failed', err);
      next(refusal('internal', 'internal error'));
    }
  });

  nsp.on('connection', (socket: Socket) => {
    const agent = socket.data['agent'] as Agent;
    void socket.join(agentsRoom(agent.appId));
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
    handle(socket, 'ticket:resolve', logger, (input) => validate(ResolveTicketSchema, input), async (req) => finish(await resolveTicketAs(db, agent, req)));
  });
}
