/*
 * The ticket lifecycle: per-app support settings, agent skills and presence,
 * routing and SLA fields on tickets, internal notes, and read receipts.
 * Additive only; existing tickets keep working with empty SLA fields.
 */
export const lifecycle = `
ALTER TABLE apps ADD COLUMN settings jsonb NOT NULL DEFAULT '{}';

ALTER TABLE agents ADD COLUMN status text NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'away', 'offline'));
ALTER TABLE agents ADD COLUMN tier text NOT NULL DEFAULT 'L1' CHECK (tier IN ('L1', 'L2', 'L3'));
ALTER TABLE agents ADD COLUMN team text;
ALTER TABLE agents ADD COLUMN languages text[] NOT NULL DEFAULT '{}';
ALTER TABLE agents ADD COLUMN categories text[] NOT NULL DEFAULT '{}';
ALTER TABLE agents ADD COLUMN capacity integer NOT NULL DEFAULT 3 CHECK (capacity > 0);

ALTER TABLE tickets DROP CONSTRAINT tickets_status_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_status_check CHECK (status IN ('new', 'queued', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'));
ALTER TABLE tickets ADD CONSTRAINT tickets_app_id_id_key UNIQUE (app_id, id);
ALTER TABLE tickets ADD COLUMN category text;
ALTER TABLE tickets ADD COLUMN language text;
ALTER TABLE tickets ADD COLUMN plan text;
ALTER TABLE tickets ADD COLUMN tier text NOT NULL DEFAULT 'L1' CHECK (tier IN ('L1', 'L2', 'L3'));
ALTER TABLE tickets ADD COLUMN team text;
ALTER TABLE tickets ADD COLUMN previous_assignee_id text;
ALTER TABLE tickets ADD COLUMN first_response_due timestamptz;
ALTER TABLE tickets ADD COLUMN resolution_due timestamptz;
ALTER TABLE tickets ADD COLUMN first_response_at timestamptz;
ALTER TABLE tickets ADD COLUMN resolved_at timestamptz;
ALTER TABLE tickets ADD COLUMN breached_first boolean NOT NULL DEFAULT false;
ALTER TABLE tickets ADD COLUMN breached_resolution boolean NOT NULL DEFAULT false;
ALTER TABLE tickets ADD COLUMN rating integer CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE tickets ADD COLUMN rating_comment text;
ALTER TABLE tickets ADD COLUMN contact_email text;
ALTER TABLE tickets ADD COLUMN availability jsonb;
ALTER TABLE tickets ADD COLUMN timeline jsonb NOT NULL DEFAULT '[]';
CREATE INDEX tickets_by_assignee ON tickets (app_id, assignee_id, status);

CREATE TABLE ticket_notes (
  id text PRIMARY KEY,
  app_id text NOT NULL,
  ticket_id text NOT NULL,
  agent_id text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (app_id, ticket_id) REFERENCES tickets (app_id, id) ON DELETE CASCADE,
  FOREIGN KEY (app_id, agent_id) REFERENCES agents (app_id, id)
);
CREATE INDEX ticket_notes_by_ticket ON ticket_notes (app_id, ticket_id, created_at);

ALTER TABLE conversations ADD COLUMN visitor_delivered_seq integer NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN visitor_read_seq integer NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN agent_delivered_seq integer NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN agent_read_seq integer NOT NULL DEFAULT 0;
`;
