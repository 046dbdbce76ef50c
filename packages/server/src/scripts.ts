/**
 * The script library (话术库, issue 21) on SQL (migration 007): `listScriptCategories`, `listScripts`,
 * `createScript`, `updateScript`, `deleteScript` and `recordScriptUse`, spread into the service's handlers.
 *
 * - The library is the company's scripts and the signed-in associate's own; another associate's own are not
 *   found, like absent ones.
 * - The list is ordered in SQL by the associate's use count (script_uses), then the newest change, then the id
 *   (byte order, as adapter-local compares), in keyset pages whose cursor is the last item's
 *   `[useCount, updatedAt, id]`: a script that moves up meanwhile is never shown twice.
 * - Only own scripts change: a company script is `forbidden` (reason `company-script`). A deleted script is
 *   kept (`deleted_at`), so deleting it again answers `deleted: false`. `createScript` is once per request id
 *   (the HTTP layer serialises retries of one id); the same id with another request is a `conflict`.
 */
import { randomBytes } from 'node:crypto';
import type { Dataset, DatasetScript } from './dataset.js';
import type { Queryable } from './db.js';
import type { Context } from './service.js';
import { AdapterError, type OperationInput, type OperationOutput, type Script, type ScriptCategory } from './core.js';

type ScriptOperation =
  'listScriptCategories' | 'listScripts' | 'createScript' | 'updateScript' | 'deleteScript' | 'recordScriptUse';
type ScriptHandlers = {
  [K in ScriptOperation]: (ctx: Context, input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/** A row of the library as the associate sees it: the script and their use of it. */
interface LibraryRow {
  doc: DatasetScript;
  deleted: boolean;
  use_count: number | null;
  last_used_at: Date | string | null;
}

const notFound = (scriptId: string) => new AdapterError('not-found', `Script ${scriptId} does not exist`);

const viewOf = ({ doc, use_count, last_used_at }: LibraryRow): Script => ({
  ...doc,
  useCount: use_count ?? 0,
  ...(last_used_at ? { lastUsedAt: new Date(last_used_at).toISOString() } : {}),
});

/** The script `scriptId` with the associate's use, locked for a change when `lock`. */
const SCRIPT_ROW = `SELECT s.doc, s.deleted_at IS NOT NULL AS deleted, u.use_count, u.last_used_at
  FROM scripts s LEFT JOIN script_uses u ON u.script_id = s.id AND u.staff_id = $2
  WHERE s.id = $1`;

async function scriptRow(ctx: Context, scriptId: string, lock = false): Promise<LibraryRow | undefined> {
  const { rows } = await ctx.tx.query<LibraryRow>(`${SCRIPT_ROW}${lock ? ' FOR UPDATE OF s' : ''}`, [
    scriptId,
    ctx.staffId,
  ]);
  return rows[0];
}

/** One of the associate's own scripts, to change: a company script is forbidden, another's not found. */
async function ownScript(ctx: Context, scriptId: string): Promise<LibraryRow> {
  const row = await scriptRow(ctx, scriptId, true);
  if (!row) throw notFound(scriptId);
  if (row.doc.scope === 'company')
    throw new AdapterError('forbidden', 'Company scripts cannot be changed', { reason: 'company-script' });
  if (row.doc.ownerId !== ctx.staffId) throw notFound(scriptId);
  return row;
}

async function assertCategory(ctx: Context, categoryId: string): Promise<void> {
  const { rows } = await ctx.tx.query('SELECT 1 FROM script_categories WHERE id = $1', [categoryId]);
  if (!rows.length)
    throw new AdapterError('invalid', `Script category ${categoryId} does not exist`, {
      field: 'categoryId',
      reason: 'unknown-category',
    });
}

/** The position a cursor names: `[useCount, updatedAt, id]`; anything else is `invalid` (field `cursor`). */
function parseCursor(cursor: string): [number, string, string] {
  try {
    const [useCount, updatedAt, id] = JSON.parse(cursor) as unknown[];
    if (Number.isInteger(useCount) && typeof updatedAt === 'string' && typeof id === 'string')
      if (!Number.isNaN(Date.parse(updatedAt))) return [useCount as number, updatedAt, id];
  } catch {
    /* not JSON: answered below */
  }
  throw new AdapterError('invalid', 'Unknown cursor', { field: 'cursor' });
}

const LIST = `
  SELECT s.doc, false AS deleted, u.use_count, u.last_used_at
  FROM scripts s LEFT JOIN script_uses u ON u.script_id = s.id AND u.staff_id = $1
  WHERE s.deleted_at IS NULL AND (s.scope = 'company' OR s.owner_id = $1)
    AND ($2::text IS NULL OR s.scope = $2)
    AND ($3::text IS NULL OR s.category_id = $3)
    AND ($4::text IS NULL OR strpos(lower(s.doc ->> 'title'), $4) > 0
      OR strpos(lower(coalesce(s.doc -> 'content' ->> 'text', '')), $4) > 0)
    AND ($5::int IS NULL OR coalesce(u.use_count, 0) < $5 OR (coalesce(u.use_count, 0) = $5
      AND (s.updated_at < $6::timestamptz OR (s.updated_at = $6::timestamptz AND s.id COLLATE "C" > $7))))
  ORDER BY coalesce(u.use_count, 0) DESC, s.updated_at DESC, s.id COLLATE "C"
  LIMIT $8`;

export const scriptHandlers: ScriptHandlers = {
  async listScriptCategories(ctx) {
    const { rows } = await ctx.tx.query<{ doc: ScriptCategory }>(
      'SELECT doc FROM script_categories ORDER BY position, id COLLATE "C"',
    );
    return rows.map((row) => row.doc);
  },

  async listScripts(ctx, { query, categoryId, scope, cursor, limit = 50 }) {
    const after = cursor ? parseCursor(cursor) : [null, null, null];
    const folded = query?.trim().toLocaleLowerCase() || null;
    const { rows } = await ctx.tx.query<LibraryRow>(LIST, [
      ctx.staffId,
      scope ?? null,
      categoryId ?? null,
      folded,
      ...after,
      limit + 1,
    ]);
    const items = rows.slice(0, limit).map(viewOf);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? JSON.stringify([last.useCount, last.updatedAt, last.id]) : null,
    };
  },

  async createScript(ctx, input) {
    const request = JSON.stringify(input);
    const { rows } = await ctx.tx.query<LibraryRow & { request: string }>(
      `SELECT s.doc, s.request, false AS deleted, u.use_count, u.last_used_at
       FROM scripts s LEFT JOIN script_uses u ON u.script_id = s.id AND u.staff_id = $1
       WHERE s.owner_id = $1 AND s.request_id = $2`,
      [ctx.staffId, input.requestId],
    );
    if (rows[0]) {
      if (rows[0].request !== request)
        throw new AdapterError('conflict', 'This request id was already used for a different request', {
          reason: 'request-id-reused',
          field: 'requestId',
        });
      return viewOf(rows[0]);
    }
    await assertCategory(ctx, input.categoryId);
    const at = ctx.now.toISOString();
    const doc: DatasetScript = {
      id: `script-${randomBytes(8).toString('hex')}`,
      categoryId: input.categoryId,
      title: input.title,
      content: input.content,
      scope: 'own',
      ownerId: ctx.staffId,
      createdAt: at,
      updatedAt: at,
    };
    await ctx.tx.query(
      `INSERT INTO scripts (id, category_id, scope, owner_id, updated_at, request_id, request, doc)
       VALUES ($1, $2, 'own', $3, $4, $5, $6, $7)`,
      [doc.id, doc.categoryId, ctx.staffId, at, input.requestId, request, doc],
    );
    return viewOf({ doc, deleted: false, use_count: null, last_used_at: null });
  },

  async updateScript(ctx, { scriptId, categoryId, title, content }) {
    const row = await ownScript(ctx, scriptId);
    if (row.deleted) throw notFound(scriptId);
    if (categoryId !== undefined) await assertCategory(ctx, categoryId);
    const changed: DatasetScript = {
      ...row.doc,
      ...(categoryId !== undefined ? { categoryId } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(content !== undefined ? { content } : {}),
    };
    const unchanged =
      changed.categoryId === row.doc.categoryId &&
      changed.title === row.doc.title &&
      JSON.stringify(canonical(changed.content)) === JSON.stringify(canonical(row.doc.content));
    if (unchanged) return viewOf(row);
    changed.updatedAt = ctx.now.toISOString();
    await ctx.tx.query('UPDATE scripts SET category_id = $2, updated_at = $3, doc = $4 WHERE id = $1', [
      scriptId,
      changed.categoryId,
      changed.updatedAt,
      changed,
    ]);
    return viewOf({ ...row, doc: changed });
  },

  async deleteScript(ctx, { scriptId }) {
    const row = await ownScript(ctx, scriptId);
    if (row.deleted) return { deleted: false };
    await ctx.tx.query('UPDATE scripts SET deleted_at = $2 WHERE id = $1', [scriptId, ctx.now.toISOString()]);
    return { deleted: true };
  },

  async recordScriptUse(ctx, { scriptId }) {
    const row = await scriptRow(ctx, scriptId);
    if (!row || row.deleted || (row.doc.scope === 'own' && row.doc.ownerId !== ctx.staffId)) throw notFound(scriptId);
    const { rows } = await ctx.tx.query<Pick<LibraryRow, 'use_count' | 'last_used_at'>>(
      `INSERT INTO script_uses (staff_id, script_id, use_count, last_used_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (staff_id, script_id)
       DO UPDATE SET use_count = script_uses.use_count + 1, last_used_at = excluded.last_used_at
       RETURNING use_count, last_used_at`,
      [ctx.staffId, scriptId, ctx.now.toISOString()],
    );
    return viewOf({ ...row, ...rows[0]! });
  },
};

/** A value with its object keys sorted (jsonb keeps its own key order): for comparing contents. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/** Loads a dataset's script library (categories, scripts, uses) in the transaction of `loadDataset`. */
export async function loadScriptLibrary(tx: Queryable, data: Dataset): Promise<void> {
  for (const category of data.scriptCategories ?? [])
    await tx.query('INSERT INTO script_categories (id, position, doc) VALUES ($1, $2, $3)', [
      category.id,
      category.order,
      category,
    ]);
  for (const script of data.scripts ?? [])
    await tx.query(
      'INSERT INTO scripts (id, category_id, scope, owner_id, updated_at, doc) VALUES ($1, $2, $3, $4, $5, $6)',
      [script.id, script.categoryId, script.scope, script.ownerId ?? null, script.updatedAt, script],
    );
  for (const use of data.scriptUses ?? [])
    await tx.query('INSERT INTO script_uses (staff_id, script_id, use_count, last_used_at) VALUES ($1, $2, $3, $4)', [
      use.staffId,
      use.scriptId,
      use.useCount,
      use.lastUsedAt,
    ]);
}
