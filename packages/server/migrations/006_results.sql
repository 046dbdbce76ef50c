-- Contact-me codes, the POS's orders with their attribution, and the indexes of the results (issue 24).

-- A contact-me code; `request_id` makes its creation idempotent; `added_count` is the next of a rotation.
CREATE TABLE contact_ways (
  id text PRIMARY KEY,
  created_by text NOT NULL,
  request_id text NOT NULL,
  request jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  added_count integer NOT NULL DEFAULT 0,
  doc jsonb NOT NULL
);
CREATE UNIQUE INDEX contact_ways_request ON contact_ways (created_by, request_id);
CREATE TABLE contact_way_staff (
  contact_way_id text NOT NULL REFERENCES contact_ways (id) ON DELETE CASCADE,
  staff_id text NOT NULL,
  PRIMARY KEY (contact_way_id, staff_id)
);
CREATE INDEX contact_way_staff_staff ON contact_way_staff (staff_id);

-- One row per order of the POS, keyed by its order id: a replayed order finds its row and is never
-- attributed twice. The columns are what the results aggregate; `doc` is the Purchase.
CREATE TABLE purchases (
  order_id text PRIMARY KEY,
  customer_id text NOT NULL,
  store_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  at timestamptz NOT NULL,
  coupon_id text,
  attributed_staff_id text,
  attribution text NOT NULL CHECK (attribution IN ('coupon', 'last-touch', 'none')),
  after_hours boolean NOT NULL,
  doc jsonb NOT NULL
);
-- An associate's orders of a period, read from the index alone (an index-only scan).
CREATE INDEX purchases_staff_at ON purchases (attributed_staff_id, at)
  INCLUDE (amount, attribution, after_hours, customer_id) WHERE attributed_staff_id IS NOT NULL;
CREATE INDEX purchases_customer ON purchases (customer_id, at);
-- A coupon is redeemed by one order at most.
CREATE UNIQUE INDEX purchases_coupon ON purchases (coupon_id) WHERE coupon_id IS NOT NULL;

-- The results read each associate's activity, coupons and added customers of a period.
CREATE INDEX customer_activity_staff_at ON customer_activity (staff_id, at) INCLUDE (customer_id, kind)
  WHERE staff_id IS NOT NULL;
CREATE INDEX issued_coupons_staff_issued ON issued_coupons (staff_id, issued_at);
CREATE INDEX customers_added_by ON customers ((doc ->> 'addedBy'), added_at);

-- Tokens of the retailer's POS (order ingestion), apart from the staff's: stored as SHA-256 hashes.
CREATE TABLE pos_tokens (
  token_hash text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The orders of the history already stored (purchase activities), attributed as their fields say.
INSERT INTO purchases (order_id, customer_id, store_id, amount, at, coupon_id, attributed_staff_id, attribution,
  after_hours, doc)
SELECT coalesce(doc ->> 'orderId', id), customer_id, coalesce(doc ->> 'storeId', 'store-unknown'),
  (doc ->> 'amount')::bigint, at, doc ->> 'couponId', doc ->> 'attributedStaffId',
  CASE WHEN doc ->> 'attributedStaffId' IS NULL THEN 'none'
    WHEN doc ->> 'couponId' IS NOT NULL THEN 'coupon' ELSE 'last-touch' END,
  coalesce((doc ->> 'afterHours')::boolean, false),
  jsonb_strip_nulls(jsonb_build_object(
    'orderId', coalesce(doc ->> 'orderId', id), 'customerId', customer_id,
    'storeId', coalesce(doc ->> 'storeId', 'store-unknown'), 'amount', (doc ->> 'amount')::bigint,
    'at', doc ->> 'at', 'couponId', doc ->> 'couponId', 'attributedStaffId', doc ->> 'attributedStaffId',
    'attribution', CASE WHEN doc ->> 'attributedStaffId' IS NULL THEN 'none'
      WHEN doc ->> 'couponId' IS NOT NULL THEN 'coupon' ELSE 'last-touch' END,
    'afterHours', coalesce((doc ->> 'afterHours')::boolean, false), 'recordedAt', doc ->> 'at'))
FROM customer_activity WHERE kind = 'purchase'
ON CONFLICT DO NOTHING;
