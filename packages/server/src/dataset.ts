/**
 * Loading a whole data set (the default adapter's seed, or a test's fixture) into the database, and
 * the bearer tokens of its staff.
 */
import type { Db, Queryable } from './db.js';
import { devToken, hashToken } from './tokens.js';
import { purchasesOfActivity, type Purchase } from './core.js';
import { loadScriptLibrary } from './scripts.js';
import { loadBroadcasts } from './broadcasts.js';

/** Everything the server stores: the default adapter's data set format (its seed, a test's fixture). */
export type { Dataset, DatasetScript } from '@clienteling/adapter-local/seed.js';
import type { Dataset } from '@clienteling/adapter-local/seed.js';

export { devToken, hashToken } from './tokens.js';

const TABLES = [
  'broadcast_recipients',
  'broadcasts',
  'script_uses',
  'scripts',
  'script_categories',
  'purchases',
  'contact_way_staff',
  'contact_ways',
  'pos_tokens',
  'transfer_customers',
  'transfers',
  'tasks',
  'customer_activity',
  'idempotency_keys',
  'media',
  'moments',
  'group_members',
  'customer_groups',
  'issued_coupons',
  'coupon_stocks',
  'tag_groups',
  'customers',
  'staff_tokens',
  'staff',
  'stores',
  'policy',
];

/** Whether the database holds no data yet (a fresh database to seed). */
export async function isEmpty(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM staff');
  return rows[0]!.count === 0;
}

/**
 * Replaces all data with `data`, in one transaction. With `devTokens` (development and test mode
 * only), gives every staff member their development token and returns the tokens by staff id.
 */
export async function loadDataset(
  db: Db,
  data: Dataset,
  { devTokens = false }: { devTokens?: boolean } = {},
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  await db.transaction(async (tx) => {
    await tx.query(`TRUNCATE ${TABLES.join(', ')}`);
    await tx.query('INSERT INTO policy (id, doc) VALUES (1, $1)', [data.policy]);
    await insertMany(
      tx,
      'stores',
      ['id', 'doc'],
      data.stores.map((store) => [store.id, store]),
    );
    await insertMany(
      tx,
      'staff',
      ['id', 'doc'],
      data.staff.map((member) => [member.id, member]),
    );
    if (devTokens) {
      for (const member of data.staff) tokens[member.id] = devToken(member.id);
      await insertMany(
        tx,
        'staff_tokens',
        ['token_hash', 'staff_id', 'id', 'kind'],
        data.staff.map((member) => [hashToken(devToken(member.id)), member.id, `dev-${member.id}`, 'dev']),
      );
    }
    await insertMany(
      tx,
      'customers',
      ['id', 'owner_staff_id', 'added_at', 'doc'],
      data.customers.map((customer) => [customer.id, customer.ownerStaffId, customer.addedAt, customer]),
    );
    await insertMany(
      tx,
      'tag_groups',
      ['id', 'doc'],
      data.tagGroups.map((group) => [group.id, group]),
    );
    await insertMany(
      tx,
      'coupon_stocks',
      ['id', 'remaining', 'doc'],
      data.couponStocks.map((stock) => [stock.id, stock.remaining, stock]),
    );
    await insertMany(
      tx,
      'issued_coupons',
      ['id', 'stock_id', 'customer_id', 'staff_id', 'request_id', 'issued_at', 'doc'],
      data.issuedCoupons.map((coupon) => [
        coupon.id,
        coupon.stockId,
        coupon.customerId,
        coupon.staffId,
        coupon.requestId,
        coupon.issuedAt,
        coupon,
      ]),
    );
    await insertMany(
      tx,
      'customer_groups',
      ['id', 'owner_id', 'created_at', 'doc'],
      data.groups.map((group) => [group.id, group.ownerId, group.createdAt, group]),
    );
    await insertMany(
      tx,
      'group_members',
      ['group_id', 'id', 'doc'],
      data.members.map((member) => [member.groupId, member.id, member]),
    );
    await insertMany(
      tx,
      'moments',
      ['id', 'staff_id', 'request_id', 'created_at', 'doc'],
      data.moments.map((moment) => [moment.id, moment.staffId, moment.requestId, moment.createdAt, moment]),
    );
    await insertMany(
      tx,
      'customer_activity',
      ['id', 'customer_id', 'at', 'kind', 'staff_id', 'doc'],
      (data.activity ?? []).map((entry) => [entry.id, entry.customerId, entry.at, entry.kind, entry.staffId, entry]),
    );
    // The orders of the history (core's purchasesOfActivity, as adapter-local does), for attribution and results.
    await insertMany(
      tx,
      'purchases',
      PURCHASE_COLUMNS,
      purchasesOfActivity(data.activity ?? [], data.policy).map(purchaseRow),
    );
    const transfers = data.transfers ?? [];
    await insertMany(
      tx,
      'transfers',
      ['id', 'staff_id', 'request_id', 'request', 'from_staff_id', 'to_staff_id', 'created_at', 'waiting_until', 'doc'],
      transfers.map((transfer) => [
        transfer.id,
        transfer.staffId,
        transfer.requestId,
        {},
        transfer.fromStaffId,
        transfer.toStaffId,
        transfer.createdAt,
        transfer.counts.waiting > 0 ? transfer.completesAt : null,
        transfer,
      ]),
    );
    await insertMany(
      tx,
      'transfer_customers',
      ['transfer_id', 'customer_id'],
      transfers.flatMap((transfer) => transfer.customers.map((customer) => [transfer.id, customer.customerId])),
    );
    await loadScriptLibrary(tx, data);
    await loadBroadcasts(tx, data);
  });
  return tokens;
}

/** Inserts rows in batches of multi-row VALUES (a seed has thousands of rows). */
async function insertMany(tx: Queryable, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const perBatch = Math.floor(1000 / columns.length);
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    const params: unknown[] = [];
    const placeholder = (value: unknown) => (params.push(value), `$${params.length}`);
    const values = batch.map((row) => `(${row.map(placeholder).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

/** The columns of a `purchases` row (migration 006), in the order of {@link purchaseRow}. */
export const PURCHASE_COLUMNS = [
  'order_id',
  'customer_id',
  'store_id',
  'amount',
  'at',
  'coupon_id',
  'attributed_staff_id',
  'attribution',
  'after_hours',
  'doc',
];
export const purchaseRow = (purchase: Purchase): unknown[] => [
  purchase.orderId,
  purchase.customerId,
  purchase.storeId,
  purchase.amount,
  purchase.at,
  purchase.couponId ?? null,
  purchase.attributedStaffId ?? null,
  purchase.attribution,
  purchase.afterHours,
  purchase,
];
