-- Every customer's timeline: one row per activity, written in the transaction of the change it records.
CREATE TABLE customer_activity (
  id text PRIMARY KEY,
  customer_id text NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  staff_id text,
  -- Set for notes: a request id adds at most one note.
  request_id text,
  doc jsonb NOT NULL
);
CREATE INDEX customer_activity_customer ON customer_activity (customer_id, at DESC, id);
CREATE UNIQUE INDEX customer_activity_request ON customer_activity (staff_id, request_id);
