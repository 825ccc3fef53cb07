import { selectUnread, type ChatMessage, type CoreState, type ReadonlyCoreStore } from '@helpdock/core';
import type { HelpdockMessage, HelpdockTicket } from './api.ts';
import type { Emit } from './events.ts';

function publicMessage(m: ChatMessage): HelpdockMessage {
  const out: HelpdockMessage = { id: m.id, author: m.author, text: m.text, createdAt: m.createdAt };
  if (m.authorName) out.authorName = m.authorName;
  return out;
}

function publicTicket(t: NonNullable<CoreState['ticket']>): HelpdockTicket {
  return { id: t.id, number: t.number, status: t.status, priority: t.priority, assignee: t.assignee?.name ?? null, resolution: t.resolution };
}

const ticketKey = (t: CoreState['ticket']) => (t ? `${t.id}|${t.status}|${t.assignee?.id ?? ''}|${t.resolution ?? ''}|${t.priority}` : '');

/**
 * Turns store changes into the host's events. Messages restored at start are
 * not news. Unread = agent replies past the visitor's read mark (shared by every
 * tab, so reading in one clears all) + bot answers that arrived while closed.
 * Returns the unsubscribe function.
 */
export function watchCore(store: ReadonlyCoreStore, emit: Emit, onUnread: (count: number) => void): () => void {
  let prev = store.getState();
  const seen = new Set(prev.messages.map((m) => m.clientId));
  let unread = 0;
  let botUnseen = 0;
  const setUnread = (count: number) => {
    if (count === unread) return;
    unread = count;
    onUnread(count);
    emit('unread', { count });
  };
  return store.subscribe((next) => {
    const before = prev;
    prev = next;
    if (next.open !== before.open) {
      emit(next.open ? 'open' : 'close', {});
      if (next.open) botUnseen = 0;
    }
    if (next.messages !== before.messages) {
      let incoming = 0;
      for (const m of next.messages) {
        if (seen.has(m.clientId)) continue;
        seen.add(m.clientId);
        if (m.author === 'bot') incoming++;
        emit('message', publicMessage(m));
      }
      if (incoming && !next.open) botUnseen += incoming;
    }
    setUnread(next.open ? 0 : selectUnread(next) + botUnseen);
    if (ticketKey(next.ticket) !== ticketKey(before.ticket) && next.ticket) emit('ticket', publicTicket(next.ticket));
    if (next.context !== before.context) emit('context', { ...next.context });
    if (next.error && next.error !== before.error) emit('error', { kind: next.error.kind, message: describe(next.error) });
  });
}

function describe(error: NonNullable<CoreState['error']>): string {
  switch (error.kind) {
    case 'too_long':
      return `message is ${error.length} characters; the limit is ${error.limit}`;
    case 'bot_failed':
      return error.reason ?? 'the help center could not be reached';
    default:
      return error.reason;
  }
}
