-- A manager's transfers of a departing associate's customers and groups to a successor (issue 22).
-- The transfer is kept whole as `doc`; `waiting_until` is set while on-job customers wait for their
-- takeover (every operation settles what is due first); `request` is the input, so that a request id
-- sent again with other content is a conflict.
CREATE TABLE transfers (
  id text PRIMARY KEY,
  staff_id text NOT NULL,
  request_id text NOT NULL,
  request jsonb NOT NULL,
  from_staff_id text NOT NULL,
  to_staff_id text NOT NULL,
  created_at timestamptz NOT NULL,
  waiting_until timestamptz,
  doc jsonb NOT NULL
);
CREATE UNIQUE INDEX transfers_request ON transfers (staff_id, request_id);
CREATE INDEX transfers_from ON transfers (from_staff_id, created_at DESC, id);
CREATE INDEX transfers_waiting ON transfers (waiting_until) WHERE waiting_until IS NOT NULL;

-- The customers of each transfer: a customer's earlier transfers, for the twice-in-90-days rule.
CREATE TABLE transfer_customers (
  transfer_id text NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
  customer_id text NOT NULL,
  PRIMARY KEY (transfer_id, customer_id)
);
CREATE INDEX transfer_customers_customer ON transfer_customers (customer_id);
