/**
 * Writes a dataset into an empty database (loaded lazily: only an empty database needs it).
 * One transaction over every store: a database is never half seeded, and a second tab seeding at the
 * same time waits, finds the data and writes nothing. The records go in slices of a few
 * milliseconds, the next slice put when the last request of the previous one succeeds (which keeps
 * the transaction alive): between slices the page handles input and paints. What the first screen
 * shows (the associate, the stores, the tags, the coupon stocks, the customers) goes first.
 */
import { unwrap } from 'idb';
import { AdapterError, isValidityWindowAllowed, type GroupMember } from '@clienteling/core';
import type { Dataset } from './dataset.js';
import { ALL_STORES, payloadOf, rosterOf, type DB, type MetaRecord, type Name } from './schema.js';

/**
 * How long a slice of puts may run before the page gets a turn, in ms: a put clones its record and
 * updates the store's indexes, a fraction of a millisecond each on a phone, so a slice holds a few
 * dozen records there and a few hundred on a laptop.
 */
const SLICE_MS = 8;

/** Resolves in the request's success callback, where the transaction still accepts requests. */
const settled = (request: IDBRequest) =>
  new Promise<void>((resolve, reject) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error));
  });

export async function fill(db: DB, dataset: Dataset, seededAt: string): Promise<MetaRecord> {
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
  const put = async (name: Name, records: readonly unknown[]) => {
    const store = unwrap(tx.objectStore(name)); // raw requests: no promise per record
    let next = 0;
    while (next < records.length) {
      const sliceEnd = performance.now() + SLICE_MS;
      let last: IDBRequest;
      do last = store.put(records[next++]);
      while (next < records.length && performance.now() < sliceEnd);
      await settled(last);
    }
  };
  const rosters = new Map<string, GroupMember[]>(dataset.groups.map((group) => [group.id, []]));
  for (const member of dataset.members) rosters.get(member.groupId)?.push(member);
  await put('staff', dataset.staff);
  await put('stores', dataset.stores);
  await put('tagGroups', dataset.tagGroups);
  await put('couponStocks', dataset.couponStocks);
  await put('customers', dataset.customers);
  await put('issuedCoupons', dataset.issuedCoupons);
  await put('groups', dataset.groups);
  await put('moments', dataset.moments);
  await put('activity', dataset.activity ?? []);
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
  void tx.objectStore('meta').put(meta, 'dataset');
  await tx.done;
  return meta;
}
