import type { ChatMessage, CoreState } from './state.ts';

/** Agent replies the visitor has not seen yet: the launcher's badge and the page title count these. */
export function selectUnread(state: Pick<CoreState, 'messages' | 'readSeq'>): number {
  let count = 0;
  for (const m of state.messages) if (m.author === 'agent' && m.seq !== undefined && m.seq > state.readSeq) count++;
  return count;
}

/** What the visitor's own message says about its delivery: only the latest stored one carries it. */
export type Receipt = 'sent' | 'delivered' | 'read';

export function receiptOf(message: ChatMessage, state: Pick<CoreState, 'messages' | 'agentReceipts'>): Receipt | null {
  if (message.author !== 'visitor' || message.seq === undefined) return null;
  const last = lastVisitorSeq(state.messages);
  if (message.seq !== last) return null;
  if (state.agentReceipts.read >= message.seq) return 'read';
  if (state.agentReceipts.delivered >= message.seq) return 'delivered';
  return 'sent';
}

function lastVisitorSeq(messages: readonly ChatMessage[]): number | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.author === 'visitor' && m.seq !== undefined) return m.seq;
  }
  return undefined;
}
