/*
 * Every tenant table carries app_id, and references between tenant rows go
 * through (app_id, id) so a row of one app can never point at another app's row.
 */
export const init = `
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE apps (
  id text PRIMARY KEY,
  name text NOT NULL,
  allowed_origins text[] NOT NULL DEFAULT '{}',
  last_ticket_number integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agents (
  id text PRIMARY KEY,
  app_id text NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (app_id, email),
  UNIQUE (app_id, id)
);

CREATE TABLE visitors (
  id text PRIMARY KEY,
  app_id text NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (app_id, id)
);

CREATE TABLE conversations (
  id text PRIMARY KEY,
  app_id text NOT NULL,
  visitor_id text NOT NULL,
  last_seq integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (app_id, id),
  FOREIGN KEY (app_id, visitor_id) REFERENCES visitors (app_id, id) ON DELETE CASCADE
);
CREATE INDEX conversations_by_visitor ON conversations (app_id, visitor_id, created_at DESC);

CREATE TABLE messages (
  id text PRIMARY KEY,
  app_id text NOT NULL,
  conversation_id text NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  client_id text NOT NULL,
  author text NOT NULL CHECK (author IN ('visitor', 'bot', 'agent', 'system')),
  author_name text,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, seq),
  UNIQUE (conversation_id, client_id),
  FOREIGN KEY (app_id, conversation_id) REFERENCES conversations (app_id, id) ON DELETE CASCADE
);

CREATE TABLE tickets (
  id text PRIMARY KEY,
  app_id text NOT NULL,
  number integer NOT NULL,
  conversation_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'in_progress', 'resolved', 'closed')),
  priority text NOT NULL CHECK (priority IN ('P0', 'P1', 'P2', 'P3')),
  subject text NOT NULL,
  assignee_id text,
  resolution text,
  context jsonb NOT NULL,
  transcript jsonb NOT NULL,
  handoff_client_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (app_id, number),
  UNIQUE (conversation_id, handoff_client_id),
  FOREIGN KEY (app_id, conversation_id) REFERENCES conversations (app_id, id) ON DELETE CASCADE,
  FOREIGN KEY (app_id, assignee_id) REFERENCES agents (app_id, id)
);
CREATE INDEX tickets_by_status ON tickets (app_id, status, created_at);

CREATE TABLE kb_articles (
  app_id text NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  id text NOT NULL,
  locale text NOT NULL,
  title text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  products text[] NOT NULL DEFAULT '{}',
  body text NOT NULL,
  PRIMARY KEY (app_id, locale, id)
);
`;
