-- The associates' tasks: rule tasks (deterministic ids, inserted once when the rules run on
-- listTasks: ON CONFLICT DO NOTHING) and manual ones (createTask, once per request id).
CREATE TABLE tasks (
  id text PRIMARY KEY,
  staff_id text NOT NULL,
  customer_id text NOT NULL,
  kind text NOT NULL,
  state text NOT NULL,
  due_at timestamptz NOT NULL,
  -- Set for manual tasks: a request id creates at most one task.
  request_id text,
  doc jsonb NOT NULL
);
-- One associate's lists (listTasks), by state and due time.
CREATE INDEX tasks_staff ON tasks (staff_id, state, due_at, id);
-- A customer's open tasks, completed by sending a coupon or adding a note.
CREATE INDEX tasks_customer ON tasks (customer_id, state);
CREATE UNIQUE INDEX tasks_request ON tasks (staff_id, request_id);
-- The task rules read a customer's purchases and contacts by kind.
CREATE INDEX customer_activity_customer_kind ON customer_activity (customer_id, kind, at DESC);
