-- Broadcasts (群发, issue 21): one message of an associate to many customers, and its recipients. The
-- broadcast is kept whole as `doc`; `request` is the input that made it, so that a request id sent again
-- with other content is a conflict.
CREATE TABLE broadcasts (
  id text PRIMARY KEY,
  staff_id text NOT NULL,
  request_id text NOT NULL,
  request jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE UNIQUE INDEX broadcasts_request ON broadcasts (staff_id, request_id);
CREATE INDEX broadcasts_staff ON broadcasts (staff_id, created_at DESC, id);

-- Each customer of a broadcast with their status (and the skipped with their reason). `broadcast_created_at`
-- is the broadcast's: the per-customer cap counts a customer's messages of broadcasts created in a period.
CREATE TABLE broadcast_recipients (
  broadcast_id text NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
  customer_id text NOT NULL,
  broadcast_created_at timestamptz NOT NULL,
  status text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (broadcast_id, customer_id)
);
-- The quota: a customer's messages in a period, read without touching the rows (index-only with the status).
CREATE INDEX broadcast_recipients_quota ON broadcast_recipients (customer_id, broadcast_created_at) INCLUDE (status);
CREATE INDEX broadcast_recipients_status ON broadcast_recipients (broadcast_id, status);
