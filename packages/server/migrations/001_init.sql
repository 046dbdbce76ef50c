-- The reference server's schema. Each domain object is kept whole as `doc` (JSON, in the shape of
-- the contract's schemas); the columns beside it are what queries, locks and constraints need.
CREATE TABLE policy (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  doc jsonb NOT NULL
);

CREATE TABLE stores (id text PRIMARY KEY, doc jsonb NOT NULL);

CREATE TABLE staff (id text PRIMARY KEY, doc jsonb NOT NULL);

-- Bearer tokens, stored as SHA-256 hashes: a leaked table does not leak a usable token.
CREATE TABLE staff_tokens (
  token_hash text PRIMARY KEY,
  staff_id text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
  id text PRIMARY KEY,
  owner_staff_id text NOT NULL,
  added_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX customers_owner ON customers (owner_staff_id, added_at DESC, id);

CREATE TABLE tag_groups (id text PRIMARY KEY, doc jsonb NOT NULL);

-- `remaining` is the authority for the stock count: sends lock the row and decrement it.
CREATE TABLE coupon_stocks (
  id text PRIMARY KEY,
  remaining integer NOT NULL CHECK (remaining >= 0),
  doc jsonb NOT NULL
);

CREATE TABLE issued_coupons (
  id text PRIMARY KEY,
  stock_id text NOT NULL,
  customer_id text NOT NULL,
  staff_id text NOT NULL,
  request_id text NOT NULL,
  issued_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
-- A request id issues at most one coupon, whatever happens on the network.
CREATE UNIQUE INDEX issued_coupons_request ON issued_coupons (staff_id, request_id);
CREATE INDEX issued_coupons_customer ON issued_coupons (customer_id, stock_id);

CREATE TABLE customer_groups (
  id text PRIMARY KEY,
  owner_id text NOT NULL,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE group_members (
  group_id text NOT NULL REFERENCES customer_groups (id) ON DELETE CASCADE,
  id text NOT NULL,
  request_id text,
  doc jsonb NOT NULL,
  PRIMARY KEY (group_id, id)
);
CREATE UNIQUE INDEX group_members_request ON group_members (group_id, request_id);

CREATE TABLE moments (
  id text PRIMARY KEY,
  staff_id text NOT NULL,
  request_id text NOT NULL,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE UNIQUE INDEX moments_request ON moments (staff_id, request_id);
CREATE INDEX moments_staff_created ON moments (staff_id, created_at DESC);

-- The first response to each Idempotency-Key, per staff member, replayed to a retried request.
CREATE TABLE idempotency_keys (
  staff_id text NOT NULL,
  key text NOT NULL,
  operation text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (staff_id, key)
);

CREATE TABLE media (
  id text PRIMARY KEY,
  staff_id text NOT NULL,
  kind text NOT NULL,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
