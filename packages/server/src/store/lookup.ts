import type { Message } from '@helpdock/protocol';
import type { Queryable } from '../db/db.ts';
import { listMessages } from './messages.ts';

/** The stored message with this clientId, if the conversation already has one. */
export async function findMessageByClientId(q: Queryable, appId: string, conversationId: string, clientId: string): Promise<Message | null> {
  const rows = await q.query<{ seq: number }>('SELECT seq FROM messages WHERE app_id = $1 AND conversation_id = $2 AND client_id = $3', [
    appId,
    conversationId,
    clientId,
  ]);
  const seq = rows[0]?.seq;
  if (seq === undefined) return null;
  const [message] = await listMessages(q, appId, conversationId, seq - 1);
  return message ?? null;
}
