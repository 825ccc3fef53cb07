import { protocolError, type Agent, type ConversationReceipts, type Message, type ResolveTicket, type SendMessage, type Ticket } from '@helpdock/protocol';
import type { Db, Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import { conversationAttachments } from '../store/attachments.ts';
import { findMessageByClientId } from '../store/lookup.ts';
import { appendMessage, listMessages } from '../store/messages.ts';
import { assignTicket, findTicket, findTicketByConversation, listOpenTickets, lockTicket, resolveTicket } from '../store/tickets.ts';
import { receiptMarks, updateTicket } from '../store/lifecycle.ts';
import { isClosed, redelivered, refuse, reply, type ChatEvent, type Outcome } from './outcome.ts';

/*
 * The agent comes from a verified session and its app scopes every lookup:
 * a ticket id of another app is simply not found.
 */

const noTicket = () => refuse<never>(protocolError('not_found', 'no such ticket'));
const closed = (ticket: Ticket) => refuse<never>(protocolError('conflict', `ticket #${ticket.number} is ${ticket.status}`));

export async function listQueue(db: Db, agent: Agent): Promise<Outcome<{ tickets: Ticket[] }>> {
  return reply({ tickets: await listOpenTickets(db, agent.appId) });
}

export async function openTicket(db: Db, agent: Agent, ticketId: string): Promise<Outcome<{ ticket: Ticket; messages: Message[]; receipts: ConversationReceipts }>> {
  const ticket = await findTicket(db, agent.appId, ticketId);
  if (!ticket) return noTicket();
  const messages = await listMessages(db, agent.appId, ticket.conversationId);
  return reply({ ticket, messages, receipts: await receiptMarks(db, agent.appId, ticket.conversationId) });
}

export async function systemLine(tx: Queryable, ticket: Ticket, text: string): Promise<Message> {
  const appended = await appendMessage(tx, ticket.appId, ticket.conversationId, { clientId: `system:${newId('sys')}`, author: 'system', text });
  if (!appended) throw new Error(`conversation of ticket ${ticket.id} vanished`);
  return appended.message;
}

/** Assigns the ticket to the agent and tells the visitor who joined. */
async function assign(tx: Queryable, agent: Agent, ticket: Ticket): Promise<{ ticket: Ticket; events: ChatEvent[] }> {
  const updated = await assignTicket(tx, agent.appId, ticket.id, agent.id);
  if (!updated) throw new Error(`ticket ${ticket.id} vanished`);
  const line = await systemLine(tx, updated, `${agent.name} joined the conversation`);
  return { ticket: updated, events: [{ kind: 'message', message: line }, { kind: 'ticket', ticket: updated }] };
}

export async function claimTicket(db: Db, agent: Agent, ticketId: string): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, agent.appId, ticketId);
    if (!ticket) return noTicket();
    if (isClosed(ticket)) return closed(ticket);
    if (ticket.assignee?.id === agent.id) return reply({ ticket });
    if (ticket.assignee) return refuse(protocolError('conflict', `ticket #${ticket.number} is already claimed by ${ticket.assignee.name}`));
    const assigned = await assign(tx, agent, ticket);
    return reply({ ticket: assigned.ticket }, assigned.events);
  });
}

/** A reply to a queued ticket claims it first, so the visitor sees who is answering. */
export async function sendAgentMessage(db: Db, agent: Agent, req: SendMessage): Promise<Outcome<{ message: Message }>> {
  const found = await findTicketByConversation(db, agent.appId, req.conversationId);
  if (!found) return refuse(protocolError('not_found', 'no such conversation'));
  const earlier = await findMessageByClientId(db, agent.appId, req.conversationId, req.clientId);
  if (earlier) return reply({ message: earlier }, redelivered(earlier));
  const attachments = await conversationAttachments(db, agent.appId, req.conversationId, req.attachments ?? []);
  if (!attachments) return refuse(protocolError('not_found', 'no such attachment in this conversation'));
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, agent.appId, found.id);
    if (!ticket) return noTicket();
    if (isClosed(ticket)) return closed(ticket);
    const events: ChatEvent[] = [];
    if (ticket.status === 'queued') events.push(...(await assign(tx, agent, ticket)).events);
    const appended = await appendMessage(tx, agent.appId, req.conversationId, {
      clientId: req.clientId,
      author: 'agent',
      authorName: agent.name,
      text: req.text,
      attachments,
    });
    if (!appended) return refuse(protocolError('not_found', 'no such conversation'));
    // The first agent reply stops the first-response clock.
    if (!appended.duplicate && !ticket.sla?.firstResponse.metAt && ticket.sla) {
      await updateTicket(tx, agent.appId, ticket.id, { first_response_at: appended.message.createdAt });
      const met = await findTicket(tx, agent.appId, ticket.id);
      if (met) events.push({ kind: 'ticket', ticket: met });
    }
    // A duplicate is broadcast again too (see `redelivered`): clients merge by id.
    return reply({ message: appended.message }, [...events, { kind: 'message', message: appended.message }]);
  });
}

export async function resolveTicketAs(db: Db, agent: Agent, req: ResolveTicket): Promise<Outcome<{ ticket: Ticket }>> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, agent.appId, req.ticketId);
    if (!ticket) return noTicket();
    if (ticket.status === 'resolved') return reply({ ticket });
    if (ticket.status === 'closed') return closed(ticket);
    const line = await systemLine(tx, ticket, `${agent.name} resolved the conversation`);
    const resolved = await resolveTicket(tx, agent.appId, ticket.id, req.resolution);
    if (!resolved) throw new Error(`ticket ${ticket.id} vanished`);
    return reply({ ticket: resolved }, [
      { kind: 'message', message: line },
      { kind: 'ticket', ticket: resolved },
    ]);
  });
}
