import { NAMESPACES } from '@helpdock/protocol';
import type { Server } from 'socket.io';
import type { ChatEvent } from '../chat/outcome.ts';
import { agentsRoom, conversationRoom } from './rooms.ts';

export type Publish = (events: readonly ChatEvent[]) => void;

/**
 * Fans committed changes out: messages to everyone in the conversation (visitor
 * tabs and agents who opened it), ticket changes also to every agent of the app.
 * Through the adapter this reaches sockets on every node.
 */
export function publisher(io: Server): Publish {
  const visitors = io.of(NAMESPACES.visitor);
  const agents = io.of(NAMESPACES.agent);
  return (events) => {
    for (const event of events) {
      if (event.kind === 'message') {
        const room = conversationRoom(event.message.conversationId);
        visitors.to(room).emit('message', event.message);
        agents.to(room).emit('message', event.message);
      } else if (event.kind === 'note') {
        agents.to(agentsRoom(event.appId)).emit('note', event.note);
      } else if (event.kind === 'agent') {
        agents.to(agentsRoom(event.appId)).emit('agent', event.agent);
      } else {
        const room = conversationRoom(event.ticket.conversationId);
        visitors.to(room).emit('ticket', event.ticket);
        // One emit to both rooms: an agent in both hears it once.
        agents.to([agentsRoom(event.ticket.appId), room]).emit('ticket', event.ticket);
      }
    }
  };
}
