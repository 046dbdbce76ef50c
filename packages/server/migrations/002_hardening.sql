-- Tokens: random, stored hashed, with an expiry, revocable (`clienteling-server token …`). Development
-- tokens (`dev-<staffId>`, every token made before this migration) work only in development mode.
ALTER TABLE staff_tokens ADD COLUMN id text;
ALTER TABLE staff_tokens ADD COLUMN kind text NOT NULL DEFAULT 'issued' CHECK (kind IN ('issued', 'dev'));
ALTER TABLE staff_tokens ADD COLUMN label text;
ALTER TABLE staff_tokens ADD COLUMN expires_at timestamptz;
ALTER TABLE staff_tokens ADD COLUMN revoked_at timestamptz;
UPDATE staff_tokens SET kind = 'dev', id = 'dev-' || left(token_hash, 12);
ALTER TABLE staff_tokens ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX staff_tokens_id ON staff_tokens (id);

-- A request id of addGroupMember belongs to the associate who sent it, not to the group.
ALTER TABLE group_members ADD COLUMN requested_by text;
UPDATE group_members SET requested_by = doc->>'inviterId' WHERE request_id IS NOT NULL;
DROP INDEX group_members_request;
CREATE UNIQUE INDEX group_members_request ON group_members (requested_by, request_id);

-- The coupon rate limit counts sends that issued, by the database's clock, across processes.
ALTER TABLE issued_coupons ADD COLUMN sent_at timestamptz NOT NULL DEFAULT clock_timestamp();
CREATE INDEX issued_coupons_sent ON issued_coupons (staff_id, sent_at);

-- Media quota per associate.
ALTER TABLE media ADD COLUMN size integer;
UPDATE media SET size = length(bytes);
ALTER TABLE media ALTER COLUMN size SET NOT NULL;
CREATE INDEX media_staff ON media (staff_id);
