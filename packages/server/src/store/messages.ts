import { LIMITS, type Attachment, type Author, type Message } from '@helpdock/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import { iso } from './time.ts';

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string;
  author: Author;
  author_name: string | null;
  text: string;
  created_at: unknown;
  attachments: Attachment[] | string | null;
}

function toMessage(row: MessageRow): Message {
  const message: Message = {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    author: row.author,
    text: row.text,
    createdAt: iso(row.created_at),
  };
  if (row.author_name !== null) message.authorName = row.author_name;
  // Postgres hands jsonb back parsed; kept as text by some drivers, so both are read.
  const attachments = typeof row.attachments === 'string' ? (JSON.parse(row.attachments) as Attachment[]) : row.attachments;
  if (attachments?.length) message.attachments = attachments;
  return message;
}

export interface NewMessage {
  clientId: string;
  author: Author;
  authorName?: string | undefined;
  text: string;
  /** Defaults to now; transcript lines keep the time they were written in the page. */
  createdAt?: string | undefined;
  /** Already checked to belong to the conversation. */
  attachments?: Attachment[] | undefined;
}

export type Appended = { message: Message; duplicate: boolean };

/**
 * Stores one message with the next seq of its conversation, inside `tx`.
 * Taking the seq is an UPDATE of the conversation row, so it also takes that
 * row's lock: concurrent sends take turns, and seqs never collide or skip.
 * A clientId already stored gives its seq back and returns the original
 * message. Returns null when the conversation is not in this app.
 * One statement for a new message (the seq and the insert together): this runs
 * for every message sent, and on the embedded store each statement costs a turn
 * of the server's own thread.
 */
export async function appendMessage(tx: Queryable, appId: string, conversationId: string, input: NewMessage): Promise<Appended | null> {
  const rows = await tx.query<MessageRow>(
    `WITH next AS (UPDATE conversations SET last_seq = last_seq + 1 WHERE app_id = $2 AND id = $3 RETURNING last_seq)
     INSERT INTO messages (id, app_id, conversation_id, seq, client_id, author, author_name, text, created_at, attachments)
     SELECT $1::text, $2::text, $3::text, next.last_seq, $4::text, $5::text, $6::text, $7::text, COALESCE($8::timestamptz, now()), $9::jsonb FROM next
     ON CONFLICT (conversation_id, client_id) DO NOTHING RETURNING *`,
    [
      newId('msg'),
      appId,
      conversationId,
      input.clientId,
      input.author,
      input.authorName ?? null,
      input.text,
      input.createdAt ?? null,
      input.attachments?.length ? JSON.stringify(input.attachments) : null,
    ],
  );
  const row = rows[0];
  if (row) return { message: toMessage(row), duplicate: false };
  // Nothing inserted: no such conversation in this app (nothing was taken), or stored before (a resend).
  const existing = await tx.query<MessageRow>('SELECT * FROM messages WHERE app_id = $1 AND conversation_id = $2 AND client_id = $3', [
    appId,
    conversationId,
    input.clientId,
  ]);
  if (!existing[0]) return null;
  // Still under the row lock the statement took, so the seq is given back without a gap.
  await tx.query('UPDATE conversations SET last_seq = last_seq - 1 WHERE app_id = $1 AND id = $2', [appId, conversationId]);
  return { message: toMessage(existing[0]), duplicate: true };
}

/** Messages after `afterSeq`, oldest first, at most one history page. */
export async function listMessages(q: Queryable, appId: string, conversationId: string, afterSeq = 0): Promise<Message[]> {
  const rows = await q.query<MessageRow>(
    'SELECT * FROM messages WHERE app_id = $1 AND conversation_id = $2 AND seq > $3 ORDER BY seq LIMIT $4',
    [appId, conversationId, afterSeq, LIMITS.historyPage],
  );
  return rows.map(toMessage);
}
