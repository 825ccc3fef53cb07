/*
 * Attachments: the metadata lives here, the bytes in an AttachmentStore (local
 * disk by default). A message keeps a copy of its attachments' metadata, so a
 * history page needs no join; the attachment rows are what downloads check.
 */
export const attachments = `
CREATE TABLE attachments (
  id text PRIMARY KEY,
  app_id text NOT NULL,
  conversation_id text NOT NULL,
  uploader text NOT NULL CHECK (uploader IN ('visitor', 'agent')),
  uploader_id text NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('image', 'log')),
  size integer NOT NULL CHECK (size > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (app_id, conversation_id) REFERENCES conversations (app_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_by_conversation ON attachments (app_id, conversation_id);
ALTER TABLE messages ADD COLUMN attachments jsonb
`;
