import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

export async function createConversation(tx: Queryable, appId: string, visitorId: string): Promise<string> {
  const id = newId('cv');
  await tx.query('INSERT INTO conversations (id, app_id, visitor_id) VALUES ($1, $2, $3)', [id, appId, visitorId]);
  return id;
}

/** Whether the conversation exists in the app and belongs to this visitor. */
export async function visitorOwnsConversation(q: Queryable, appId: string, visitorId: string, conversationId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM conversations WHERE app_id = $1 AND id = $2 AND visitor_id = $3', [appId, conversationId, visitorId]);
  return rows.length > 0;
}
