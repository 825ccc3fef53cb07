import type { Attachment, AttachmentKind } from '@helpdock/protocol';
import type { Queryable } from '../db/db.ts';

interface AttachmentRow {
  id: string;
  conversation_id: string;
  name: string;
  type: string;
  kind: AttachmentKind;
  size: number;
}

const toAttachment = (row: AttachmentRow): Attachment => ({ id: row.id, name: row.name, type: row.type, kind: row.kind, size: Number(row.size) });

export interface NewAttachment extends Attachment {
  conversationId: string;
  uploader: 'visitor' | 'agent';
  uploaderId: string;
}

export async function insertAttachment(q: Queryable, appId: string, a: NewAttachment): Promise<Attachment> {
  const rows = await q.query<AttachmentRow>(
    `INSERT INTO attachments (id, app_id, conversation_id, uploader, uploader_id, name, type, kind, size)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [a.id, appId, a.conversationId, a.uploader, a.uploaderId, a.name, a.type, a.kind, a.size],
  );
  if (!rows[0]) throw new Error(`attachment ${a.id} was not stored`);
  return toAttachment(rows[0]);
}

/**
 * The attachments with these ids in this conversation, in the order asked;
 * null when any of them is missing or belongs elsewhere.
 */
export async function conversationAttachments(q: Queryable, appId: string, conversationId: string, ids: readonly string[]): Promise<Attachment[] | null> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await q.query<AttachmentRow>('SELECT * FROM attachments WHERE app_id = $1 AND conversation_id = $2 AND id = ANY($3::text[])', [
    appId,
    conversationId,
    unique,
  ]);
  if (rows.length !== unique.length) return null;
  const byId = new Map(rows.map((r) => [r.id, toAttachment(r)]));
  return unique.map((id) => byId.get(id) as Attachment);
}

/**
 * The attachment, if this reader may see it: the conversation's own visitor, or
 * any agent of the app. Everyone else gets null, exactly as for an id that does not exist.
 */
export async function readableAttachment(
  q: Queryable,
  reader: { kind: 'visitor'; appId: string; visitorId: string } | { kind: 'agent'; appId: string },
  attachmentId: string,
): Promise<Attachment | null> {
  const rows =
    reader.kind === 'agent'
      ? await q.query<AttachmentRow>('SELECT * FROM attachments WHERE app_id = $1 AND id = $2', [reader.appId, attachmentId])
      : await q.query<AttachmentRow>(
          `SELECT a.* FROM attachments a JOIN conversations c ON c.app_id = a.app_id AND c.id = a.conversation_id
           WHERE a.app_id = $1 AND a.id = $2 AND c.visitor_id = $3`,
          [reader.appId, attachmentId, reader.visitorId],
        );
  return rows[0] ? toAttachment(rows[0]) : null;
}

/**
 * Attachments uploaded before `before` that no message names: uploads whose message was never
 * sent (the tab closed, the send failed for good). At most `limit` per call.
 */
export async function listUnsentAttachments(q: Queryable, before: Date, limit = 200): Promise<Array<{ app_id: string; id: string }>> {
  return q.query(
    `SELECT a.app_id, a.id FROM attachments a
     WHERE a.created_at < $1 AND NOT EXISTS (
       SELECT 1 FROM messages m
       WHERE m.app_id = a.app_id AND m.conversation_id = a.conversation_id
         AND m.attachments @> jsonb_build_array(jsonb_build_object('id', a.id)))
     LIMIT $2`,
    [before.toISOString(), limit],
  );
}

export async function deleteAttachmentRow(q: Queryable, appId: string, id: string): Promise<void> {
  await q.query('DELETE FROM attachments WHERE app_id = $1 AND id = $2', [appId, id]);
}
