/**
 * Writes a dataset into an empty database (loaded lazily: only an empty database needs it), in three
 * transactions:
 *
 * 1. Everything but the customers' history and the orders drawn from it, over every store: a second
 *    tab seeding at the same time waits, then finds the data and writes nothing. What the first
 *    screen shows (the associate, the stores, the tags, the coupon stocks, the customers) goes first.
 *    `fill` resolves when it is done, so the first screen does not wait for the history.
 * 2. The timelines the signed-in associate can read (`activity` of the customers she follows), the
 *    orders attributed to her (`purchases`, which only her results read, with `activity`) and the
 *    `dataset` record of `meta` that says the database is seeded, created in the same task as the
 *    first completes: every later transaction that reads `activity`, `purchases` or `meta` queues
 *    behind it, so she never reads a timeline or her results half written, and a second tab finds
 *    the database seeded. A database left without that record (the page closed before) is seeded
 *    again from the start: the first transaction writes over its records, id for id, and empties
 *    `activity` and `purchases`.
 * 3. A few seconds after the second completes (the first screen has its data and is rendering),
 *    the other associates' customers' timelines and the other orders (no operation of hers reads
 *    them; another's results wait for them), then the `meta` record {@link OTHERS_HISTORY_KEY} that
 *    says they are there. Left out when the connection closes first.
 *
 * The records go in slices of a few milliseconds, the next slice put when the last request of the
 * previous one succeeds (which keeps the transaction alive): between slices the page handles input
 * and paints.
 */
import {
  AdapterError,
  isValidityWindowAllowed,
  type CustomerActivity,
  type GroupMember,
  type Purchase,
} from '@clienteling/core/adapter-kit.js';
import { followsCustomer, purchasesOfActivity } from '@clienteling/core/backend.js';
import type { Dataset } from './dataset.js';
import { putInSlices } from './put-in-slices.js';
import {
  ALL_STORES,
  broadcastRecordOf,
  payloadOf,
  recipientRecordOf,
  rosterOf,
  transferRecordOf,
  type DB,
  type MetaRecord,
  type Name,
} from './schema.js';

export async function fill(
  db: DB,
  dataset: Dataset,
  seededAt: string,
  { othersHistoryDelayMs = OTHERS_HISTORY_DELAY_MS }: { othersHistoryDelayMs?: number } = {},
): Promise<MetaRecord> {
  for (const stock of dataset.couponStocks)
    if (!isValidityWindowAllowed(stock.validFrom, stock.validUntil))
      throw new AdapterError('invalid', `Coupon stock ${stock.id}: the validity window must be at most 90 days`, {
        reason: 'validity-window',
      });
  const tx = db.transaction(ALL_STORES, 'readwrite');
  tx.done.catch(() => undefined); // a failed slice rejects `fill` itself
  const existing = await tx.objectStore('meta').get('dataset');
  if (existing) return existing;
  const meta: MetaRecord = { signedInStaffId: dataset.signedInStaffId, policy: dataset.policy, seededAt };
  const put = (name: Name, records: readonly unknown[]) => putInSlices(tx, name, records);
  const rosters = new Map<string, GroupMember[]>(dataset.groups.map((group) => [group.id, []]));
  for (const member of dataset.members) rosters.get(member.groupId)?.push(member);
  // What an interrupted seeding wrote of the history goes: it is written again, whole.
  void tx.objectStore('activity').clear();
  void tx.objectStore('purchases').clear();
  await put('staff', dataset.staff);
  await put('stores', dataset.stores);
  await put('tagGroups', dataset.tagGroups);
  await put('couponStocks', dataset.couponStocks);
  await put('customers', dataset.customers);
  // The history is split between two slices, a half in each, rather than in the task that creates
  // the second transaction (together, tens of milliseconds on a phone).
  const activity = splitActivity(dataset);
  await put('issuedCoupons', dataset.issuedCoupons);
  const purchases = splitPurchases(dataset);
  await put('groups', dataset.groups);
  await put('moments', dataset.moments);
  await put('transfers', (dataset.transfers ?? []).map(transferRecordOf));
  await put('scriptCategories', dataset.scriptCategories ?? []);
  await put('scripts', dataset.scripts ?? []);
  await put('scriptUses', dataset.scriptUses ?? []);
  const broadcasts = dataset.broadcasts ?? [];
  await put(
    'broadcasts',
    broadcasts.map(({ broadcast }) => broadcastRecordOf(broadcast)),
  );
  await put(
    'broadcastRecipients',
    broadcasts.flatMap(({ broadcast, recipients }) =>
      recipients.map((recipient, position) => recipientRecordOf(broadcast, recipient, position)),
    ),
  );
  // A roster is one record per group (the internal group's holds 2,000 members): each its own slice.
  for (const [groupId, members] of rosters) await put('rosters', [rosterOf(groupId, members)]);
  // Coupons of the dataset keep their idempotency like any other.
  await put(
    'requests',
    dataset.issuedCoupons.map((coupon) => ({
      key: `issueCoupon:${coupon.requestId}`,
      payload: payloadOf({ requestId: coupon.requestId, stockId: coupon.stockId, customerId: coupon.customerId }),
      result: coupon,
    })),
  );
  await tx.done;
  writeHistory(db, activity, purchases, meta, othersHistoryDelayMs);
  return meta;
}

/** The key of `meta` whose record says the other associates' timelines are written too (the third transaction). */
export const OTHERS_HISTORY_KEY = 'others-history';

/**
 * How long after the signed-in associate's timelines the others' are written, in ms: no operation of
 * hers waits for them, so they stay out of the way of the first screen, which is still rendering.
 */
const OTHERS_HISTORY_DELAY_MS = 3000;

/** Records of transactions 2 and 3: hers (what she can read), then the others'. */
interface Split<T> {
  hers: T[];
  others: T[];
}

/** The timelines of the customers she follows, and the others'. */
function splitActivity(dataset: Dataset): Split<CustomerActivity> {
  const followed = new Set(
    dataset.customers
      .filter((customer) => followsCustomer(customer, dataset.signedInStaffId))
      .map((customer) => customer.id),
  );
  const history = dataset.activity ?? [];
  return {
    hers: history.filter((entry) => followed.has(entry.customerId)),
    others: history.filter((entry) => !followed.has(entry.customerId)),
  };
}

/** The orders of the history (the seed's are a few thousand): those of her results, and the others'. */
function splitPurchases(dataset: Dataset): Split<Purchase> {
  const split: Split<Purchase> = { hers: [], others: [] };
  for (const purchase of purchasesOfActivity(dataset.activity ?? [], dataset.policy))
    (purchase.attributedStaffId === dataset.signedInStaffId ? split.hers : split.others).push(purchase);
  return split;
}

/**
 * After the first transaction, the history in two more: the second created in the same task as the
 * first completes, the third a while after the second completes. Not awaited: a failure of the
 * second leaves the database without its `dataset` record, and the next visit seeds it again.
 */
function writeHistory(
  db: DB,
  activity: Split<CustomerActivity>,
  purchases: Split<Purchase>,
  meta: MetaRecord,
  othersDelayMs: number,
): void {
  const stores: ['activity', 'purchases', 'meta'] = ['activity', 'purchases', 'meta'];
  const write = (whose: keyof Split<unknown>, key: string) => {
    const tx = db.transaction(stores, 'readwrite');
    tx.done.catch(() => undefined);
    void putInSlices(tx, 'activity', activity[whose])
      .then(() => putInSlices(tx, 'purchases', purchases[whose]))
      .then(() => tx.objectStore('meta').put(meta, key))
      .catch(() => undefined);
    return tx;
  };
  const second = write('hers', 'dataset');
  const writeOthers = () => {
    try {
      write('others', OTHERS_HISTORY_KEY);
    } catch {
      // the connection is closed: the others' history stays unwritten (no operation of hers reads it)
    }
  };
  void second.done.then(
    () => setTimeout(writeOthers, othersDelayMs),
    () => undefined,
  );
}
