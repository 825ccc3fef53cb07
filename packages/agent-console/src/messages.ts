import type { Message } from '@helpdock/protocol';

/**
 * Adds messages to a conversation: each shown once (by id, the later copy
 * wins), always in server order (`seq`), whatever order they arrived in.
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const m of existing) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}
