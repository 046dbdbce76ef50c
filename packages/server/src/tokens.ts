/**
 * Bearer tokens of staff members: random, stored as SHA-256 hashes, with an expiry, revocable.
 * Managed with `clienteling-server token create|list|revoke`. Development tokens (`dev-<staffId>`)
 * are a separate kind that the server accepts only in development mode (`--dev`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The development token of a staff member: guessable by design, accepted only with `--dev`. */
export const devToken = (staffId: string) => `dev-${staffId}`;

export interface TokenInfo {
  id: string;
  staffId: string;
  kind: 'issued' | 'dev';
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Who a token belongs to, if it is valid now: not revoked, not expired, and not a dev token unless allowed. */
export async function staffOfToken(db: Queryable, token: string, allowDev: boolean): Promise<string | undefined> {
  const { rows } = await db.query<{ staff_id: string; kind: string }>(
    `SELECT staff_id, kind FROM staff_tokens
     WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    [hashToken(token)],
  );
  const found = rows[0];
  return found && (allowDev || found.kind !== 'dev') ? found.staff_id : undefined;
}

/** Creates a random token for `staffId`, valid for `days`. The token itself is shown once, never stored. */
export async function createToken(
  db: Queryable,
  staffId: string,
  { days = 90, label }: { days?: number; label?: string } = {},
): Promise<{ id: string; token: string; expiresAt: string }> {
  const staff = await db.query('SELECT 1 FROM staff WHERE id = $1', [staffId]);
  if (!staff.rows.length) throw new Error(`No staff member ${staffId}`);
  if (!(days > 0)) throw new Error('The token must be valid for a positive number of days');
  const token = `cl_${randomBytes(24).toString('base64url')}`;
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  await db.query(
    'INSERT INTO staff_tokens (token_hash, staff_id, id, kind, label, expires_at) ' +
      "VALUES ($1, $2, $3, 'issued', $4, $5)",
    [hashToken(token), staffId, id, label ?? null, expiresAt],
  );
  return { id, token, expiresAt };
}

export async function listTokens(db: Queryable): Promise<TokenInfo[]> {
  const { rows } = await db.query<Record<string, Date | string | null>>(
    `SELECT id, staff_id, kind, label, created_at, expires_at, revoked_at FROM staff_tokens
     ORDER BY staff_id, created_at`,
  );
  const iso = (value: Date | string | null | undefined) => (value == null ? null : new Date(value).toISOString());
  return rows.map((row) => ({
    id: String(row.id),
    staffId: String(row.staff_id),
    kind: row.kind === 'dev' ? 'dev' : 'issued',
    label: (row.label as string | null) ?? null,
    createdAt: iso(row.created_at)!,
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  }));
}

/** Revokes a token by its id (as `list` shows it). Returns whether a valid token was revoked. */
export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE staff_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}

/**
 * Creates a token of the retailer's POS (order ingestion, `/pos/v1/...`): a credential of its own, never
 * an associate's; shown once, stored hashed. Revoked with {@link revokePosToken}.
 */
export async function createPosToken(db: Queryable, label?: string): Promise<{ id: string; token: string }> {
  const token = `pos_${randomBytes(24).toString('base64url')}`;
  const id = `pos_${randomBytes(6).toString('hex')}`;
  await db.query('INSERT INTO pos_tokens (token_hash, id, label) VALUES ($1, $2, $3)', [
    hashToken(token),
    id,
    label ?? null,
  ]);
  return { id, token };
}

/** Whether `token` is a POS token not revoked. */
export async function isPosToken(db: Queryable, token: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM pos_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [
    hashToken(token),
  ]);
  return rows.length > 0;
}

/** Revokes a POS token by its id. Returns whether a valid token was revoked. */
export async function revokePosToken(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE pos_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}
