-- The script library (话术库, issue 21): its categories, the company's scripts and the associates' own, and
-- each associate's use counts, which order the library (most used first, then the newest change, then id).

CREATE TABLE script_categories (
  id text PRIMARY KEY,
  position integer NOT NULL,
  doc jsonb NOT NULL
);

-- A script; `doc` is the script without the use counts (each associate's, in script_uses). An own script
-- has its associate (`owner_id`) and the request id that made it once; a deleted one is kept (`deleted_at`),
-- so that deleting it again answers `deleted: false`.
CREATE TABLE scripts (
  id text PRIMARY KEY,
  category_id text NOT NULL REFERENCES script_categories (id),
  scope text NOT NULL CHECK (scope IN ('company', 'own')),
  owner_id text,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  request_id text,
  request text,
  doc jsonb NOT NULL,
  CHECK ((scope = 'own') = (owner_id IS NOT NULL))
);
CREATE UNIQUE INDEX scripts_request ON scripts (owner_id, request_id) WHERE request_id IS NOT NULL;
-- The library's order after the use count: the company's scripts, and one associate's own, newest change first.
CREATE INDEX scripts_company_order ON scripts (updated_at DESC, id COLLATE "C")
  WHERE scope = 'company' AND deleted_at IS NULL;
CREATE INDEX scripts_own_order ON scripts (owner_id, updated_at DESC, id COLLATE "C")
  WHERE scope = 'own' AND deleted_at IS NULL;

-- How often an associate used a script (never: no row).
CREATE TABLE script_uses (
  staff_id text NOT NULL,
  script_id text NOT NULL REFERENCES scripts (id) ON DELETE CASCADE,
  use_count integer NOT NULL CHECK (use_count > 0),
  last_used_at timestamptz NOT NULL,
  PRIMARY KEY (staff_id, script_id)
);
-- An associate's most used scripts first, read from the index alone.
CREATE INDEX script_uses_order ON script_uses (staff_id, use_count DESC) INCLUDE (script_id, last_used_at);
