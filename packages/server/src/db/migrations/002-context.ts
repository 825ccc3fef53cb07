/*
 * Context-aware help: articles keep the pages and error codes they are about,
 * visitors say whether an article helped, and agents post service incidents.
 */
export const context = `
ALTER TABLE kb_articles ADD COLUMN pages text[] NOT NULL DEFAULT '{}';
ALTER TABLE kb_articles ADD COLUMN error_codes text[] NOT NULL DEFAULT '{}';
ALTER TABLE kb_articles ADD COLUMN related text[] NOT NULL DEFAULT '{}';

CREATE TABLE kb_feedback (
  app_id text NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  article_id text NOT NULL,
  locale text NOT NULL,
  helpful boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_feedback_by_article ON kb_feedback (app_id, locale, article_id);

CREATE TABLE incidents (
  id text PRIMARY KEY,
  app_id text NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  product text NOT NULL,
  region text,
  title text NOT NULL,
  message text,
  severity text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
  status text NOT NULL CHECK (status IN ('active', 'resolved')),
  created_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (app_id, id),
  FOREIGN KEY (app_id, created_by) REFERENCES agents (app_id, id)
);
CREATE INDEX incidents_active ON incidents (app_id, status, started_at DESC);
`;
