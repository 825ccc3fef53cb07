import type { Message, Ticket } from '@helpdock/protocol';
import type { ChatMessage, ConversationPhase, CoreState, OutboxItem } from './state.ts';

export function fromServer(message: Message): ChatMessage {
  const chat: ChatMessage = {
    id: message.id,
    clientId: message.clientId,
    author: message.author,
    text: message.text,
    seq: message.seq,
    createdAt: message.createdAt,
  };
  if (message.authorName !== undefined) chat.authorName = message.authorName;
  if (message.attachments) chat.attachments = message.attachments;
  return chat;
}

/**
 * Adds server messages to the list: each shown once (by id and by clientId,
 * since a local turn and its stored copy share the clientId), local bot-era
 * turns first, then server messages in seq order. Returns the same array when
 * nothing changed so subscribers are not woken for nothing.
 */
export function mergeMessages(current: ChatMessage[], incoming: Message[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const ids = new Set(current.map((m) => m.id));
  const clientIds = new Set(current.map((m) => m.clientId));
  const added: ChatMessage[] = [];
  for (const m of incoming) {
    if (ids.has(m.id) || clientIds.has(m.clientId)) continue;
    ids.add(m.id);
    clientIds.add(m.clientId);
    added.push(fromServer(m));
  }
  if (added.length === 0) return current;
  const local = current.filter((m) => m.seq === undefined);
  const server = current.filter((m) => m.seq !== undefined).concat(added);
  server.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return local.concat(server);
}

/**
 * The highest seq up to which nothing is missing, given `incoming`; seqs above a
 * hole wait in `ahead` (and leave it once the hole is filled).
 */
export function contiguousSeq(ahead: Set<number>, lastSeq: number, incoming: readonly Message[]): number {
  for (const m of incoming) if (m.seq > lastSeq) ahead.add(m.seq);
  let next = lastSeq;
  while (ahead.delete(next + 1)) next++;
  for (const seq of ahead) if (seq <= next) ahead.delete(seq);
  return next;
}

export function phaseOf(ticket: Ticket): ConversationPhase {
  switch (ticket.status) {
    case 'new':
    case 'queued':
      return 'queued';
    case 'in_progress':
    case 'waiting_on_customer':
      return 'agent';
    default:
      return 'resolved';
  }
}

function pendingOf(item: OutboxItem): ChatMessage {
  return { ...item, id: item.clientId, author: 'visitor', pending: true };
}

/** What the conversation shows: the merged messages, then the ones still on their way. */
export function selectTimeline(state: Pick<CoreState, 'messages' | 'outbox'>): ChatMessage[] {
  if (state.outbox.length === 0) return state.messages;
  const delivered = new Set(state.messages.map((m) => m.clientId));
  return state.messages.concat(state.outbox.filter((o) => !delivered.has(o.clientId)).map(pendingOf));
}
