import type { Ticket } from '@helpdock/protocol';
import type { Storage } from './ports.ts';
import type { ChatMessage, ConversationPhase, CoreState, OutboxItem } from './state.ts';

/** What survives a reload. Bump `version` when the shape changes; older snapshots are then dropped. */
export interface PersistedConversation {
  version: 1;
  open: boolean;
  phase: ConversationPhase;
  messages: ChatMessage[];
  outbox: OutboxItem[];
  ticket: Ticket | null;
  lastSeq: number;
  handoffClientId: string | null;
  /** Missing in snapshots from before unread counts: everything held then counts as read. */
  readSeq?: number;
}

export type PersistedSlice = Omit<PersistedConversation, 'version'>;

export function storageKey(appId: string): string {
  return `conversation:${appId}`;
}

export function pickPersisted(state: CoreState): PersistedSlice {
  return {
    open: state.open,
    phase: state.phase,
    messages: state.messages,
    outbox: state.outbox,
    ticket: state.ticket,
    lastSeq: state.lastSeq,
    handoffClientId: state.handoffClientId,
    readSeq: state.readSeq,
  };
}

export function samePersisted(a: PersistedSlice, b: PersistedSlice): boolean {
  return (
    a.open === b.open &&
    a.phase === b.phase &&
    a.messages === b.messages &&
    a.outbox === b.outbox &&
    a.ticket === b.ticket &&
    a.lastSeq === b.lastSeq &&
    a.handoffClientId === b.handoffClientId &&
    a.readSeq === b.readSeq
  );
}

// Storage may be full, disabled or shared with another version of the widget: never let it break the chat.
export function loadConversation(storage: Storage, appId: string): PersistedSlice | null {
  let raw: string | null;
  try {
    raw = storage.get(storageKey(appId));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as Partial<PersistedConversation> | null;
    if (!data || data.version !== 1 || !Array.isArray(data.messages) || !Array.isArray(data.outbox)) return null;
    const lastSeq = typeof data.lastSeq === 'number' ? data.lastSeq : 0;
    return {
      open: data.open === true,
      // Intake questions and running actions are not kept: after a reload the visitor is back with the bot.
      phase: data.phase === 'intake' ? 'bot' : (data.phase ?? 'idle'),
      messages: data.messages.map(settleAction),
      outbox: data.outbox,
      ticket: data.ticket ?? null,
      lastSeq,
      handoffClientId: data.handoffClientId ?? null,
      readSeq: typeof data.readSeq === 'number' ? data.readSeq : lastSeq,
    };
  } catch {
    return null;
  }
}

function settleAction(m: ChatMessage): ChatMessage {
  const status = m.action?.status;
  return m.action && (status === 'confirm' || status === 'running') ? { ...m, action: { ...m.action, status: 'offered' } } : m;
}

export function saveConversation(storage: Storage, appId: string, slice: PersistedSlice): void {
  const data: PersistedConversation = { version: 1, ...slice };
  try {
    storage.set(storageKey(appId), JSON.stringify(data));
  } catch {
    // Best effort: the conversation still works for this page view.
  }
}

export function clearConversation(storage: Storage, appId: string): void {
  try {
    storage.remove(storageKey(appId));
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}
