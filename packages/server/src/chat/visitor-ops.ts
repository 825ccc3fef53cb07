import { protocolError, transcriptClientId, type ConversationReceipts, type HandoffRequest, type Message, type SendMessage, type SyncRequest, type Ticket } from '@helpdock/protocol';
import type { Db } from '../db/db.ts';
import { conversationAttachments } from '../store/attachments.ts';
import { createConversation, visitorOwnsConversation } from '../store/conversations.ts';
import { findMessageByClientId } from '../store/lookup.ts';
import { appendMessage, listMessages } from '../store/messages.ts';
import { findHandoffTicket, findOpenTicketOfVisitor, findTicket, findTicketByConversation, insertTicket, type BotDetails } from '../store/tickets.ts';
import { lockVisitor } from '../store/visitors.ts';
import { availability, languageOf, slaDeadlines } from '../routing/index.ts';
import { findAppSettings, listAgentProfiles, receiptMarks, updateTicket, appendEvent } from '../store/lifecycle.ts';
import { isClosed, redelivered, refuse, reply, type ChatEvent, type Outcome } from './outcome.ts';
import { routeTicket } from './routing-ops.ts';
import { ticketSubject } from './subject.ts';

export interface VisitorActor {
  appId: string;
  visitorId: string;
}

type TicketWithMessages = { ticket: Ticket; messages: Message[] };

function botDetailsOf(req: HandoffRequest): BotDetails {
  const details: BotDetails = {};
  if (req.tags?.length) details.tags = [...new Set(req.tags)];
  if (req.intake?.length) details.intake = req.intake;
  if (req.actions?.length) details.actions = req.actions;
  return details;
}

const noConversation = () => refuse<never>(protocolError('not_found', 'no such conversation'));

/**
 * Turns the bot conversation into a ticket. The same clientId always yields the
 * same ticket, so a retried handoff never opens a second one.
 */
export async function handoff(db: Db, visitor: VisitorActor, req: HandoffRequest): Promise<Outcome<TicketWithMessages>> {
  const { appId, visitorId } = visitor;
  const earlier = await findHandoffTicket(db, appId, visitorId, req.clientId);
  // Announced again: the node that created it may have crashed before telling the agents (they dedupe by id).
  if (earlier) return reply({ ticket: earlier, messages: await listMessages(db, appId, earlier.conversationId) }, [{ kind: 'ticket', ticket: earlier }]);

  const result = await db.transaction(async (tx) => {
    if (!(await lockVisitor(tx, appId, visitorId))) return null;
    // Checked again under the visitor's lock: a concurrent retry may have won.
    const raced = await findHandoffTicket(tx, appId, visitorId, req.clientId);
    if (raced) return { ticket: raced, messages: await listMessages(tx, appId, raced.conversationId), created: false, events: [] as ChatEvent[] };
    const conversationId = await createConversation(tx, appId, visitorId);
    for (const [i, entry] of req.transcript.entries()) {
      // ':' never appears in a client's own clientIds, so these can't collide with them.
      await appendMessage(tx, appId, conversationId, { clientId: transcriptClientId(req.clientId, i), author: entry.author, text: entry.text, createdAt: entry.at });
    }
    // Routing inputs: the bot's classification when it has one, the page's language and the customer's plan.
    const settings = await findAppSettings(tx, appId);
    const plan = req.context.plan ?? null;
    const priority = req.priority ?? (plan ? settings.planPriority[plan] : undefined) ?? 'P2';
    const now = Date.now();
    const deadlines = slaDeadlines(now, priority, settings);
    const online = (await listAgentProfiles(tx, appId)).some((a) => a.status === 'online');
    const created = await insertTicket(tx, appId, {
      conversationId,
      priority,
      subject: ticketSubject(req),
      context: req.context,
      transcript: req.transcript,
      handoffClientId: req.clientId,
      category: req.category ?? null,
      language: languageOf(req.context.locale),
      plan,
      tier: (plan ? settings.planTier[plan] : undefined) ?? 'L1',
      firstResponseDue: deadlines.firstResponseDue,
      resolutionDue: deadlines.resolutionDue,
      availability: availability(now, online, deadlines.firstResponseDue, settings),
      createdAt: now,
      bot: botDetailsOf(req),
    });
    const events = await routeTicket(tx, appId, created.id);
    const ticket = (await findTicket(tx, appId, created.id)) ?? created;
    return { ticket, messages: await listMessages(tx, appId, conversationId), created: true, events };
  });
  if (!result) return refuse(protocolError('unauthorized', 'this visitor session no longer exists'));
  const { created, events, ...value } = result;
  // Routing already announced the ticket (queued or assigned); announce it once either way.
  const announced: ChatEvent[] = events ?? [];
  if (created && !announced.some((e) => e.kind === 'ticket')) announced.push({ kind: 'ticket', ticket: value.ticket });
  return reply(value, created ? announced : []);
}

export async function sendVisitorMessage(
  db: Db,
  visitor: VisitorActor,
  req: SendMessage,
  /** Conversations this socket has already been shown to own: ownership never changes, so it is checked once. */
  owned?: Set<string>,
): Promise<Outcome<{ message: Message }>> {
  const { appId, visitorId } = visitor;
  if (!owned?.has(req.conversationId)) {
    if (!(await visitorOwnsConversation(db, appId, visitorId, req.conversationId))) return noConversation();
    owned?.add(req.conversationId);
  }
  const ticket = await findTicketByConversation(db, appId, req.conversationId);
  if (ticket && isClosed(ticket)) {
    // A resend of a message stored before the ticket closed still gets its message back.
    const earlier = await findMessageByClientId(db, appId, req.conversationId, req.clientId);
    if (earlier) return reply({ message: earlier }, redelivered(earlier));
    return refuse(protocolError('conflict', `ticket #${ticket.number} is ${ticket.status}`));
  }
  const attachments = await conversationAttachments(db, appId, req.conversationId, req.attachments ?? []);
  if (!attachments) return refuse(protocolError('not_found', 'no such attachment in this conversation'));
  const result = await db.transaction(async (tx) => {
    const appended = await appendMessage(tx, appId, req.conversationId, { clientId: req.clientId, author: 'visitor', text: req.text, attachments });
    // The visitor answered: the ball is back with the agent.
    if (!appended || appended.duplicate || ticket?.status !== 'waiting_on_customer') return { appended, ticket: null };
    await updateTicket(tx, appId, ticket.id, { status: 'in_progress' });
    await appendEvent(tx, appId, ticket.id, 'status', { status: 'in_progress' });
    return { appended, ticket: await findTicket(tx, appId, ticket.id) };
  });
  const { appended } = result;
  if (!appended) return noConversation();
  // A duplicate is broadcast again too (see `redelivered`): clients merge by id.
  const events: ChatEvent[] = [{ kind: 'message', message: appended.message }];
  if (result.ticket) events.push({ kind: 'ticket', ticket: result.ticket });
  return reply({ message: appended.message }, events);
}

export async function syncConversation(db: Db, visitor: VisitorActor, req: SyncRequest): Promise<Outcome<TicketWithMessages & { receipts: ConversationReceipts }>> {
  const { appId, visitorId } = visitor;
  if (!(await visitorOwnsConversation(db, appId, visitorId, req.conversationId))) return noConversation();
  const ticket = await findTicketByConversation(db, appId, req.conversationId);
  if (!ticket) return noConversation();
  const messages = await listMessages(db, appId, req.conversationId, req.afterSeq);
  return reply({ ticket, messages, receipts: await receiptMarks(db, appId, req.conversationId) });
}

export async function currentConversation(db: Db, visitor: VisitorActor): Promise<Outcome<{ ticket: Ticket | null; messages: Message[]; receipts?: ConversationReceipts }>> {
  const ticket = await findOpenTicketOfVisitor(db, visitor.appId, visitor.visitorId);
  if (!ticket) return reply({ ticket: null, messages: [] });
  const messages = await listMessages(db, visitor.appId, ticket.conversationId);
  return reply({ ticket, messages, receipts: await receiptMarks(db, visitor.appId, ticket.conversationId) });
}
