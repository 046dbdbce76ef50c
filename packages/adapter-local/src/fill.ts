/**
 * Writes a dataset into an empty database (loaded lazily: only an empty database needs it).
 * One transaction over every store: a database is never half seeded, and a second tab seeding at the
 * same time waits, finds the data and writes nothing.
 */
import { unwrap } from 'idb';
import { AdapterError, isValidityWindowAllowed, type GroupMember } from '@clienteling/core';
import type { Dataset } from './dataset.js';
import { ALL_STORES, payloadOf, rosterOf, type DB, type MetaRecord, type Name } from './schema.js';

export async function fill(db: DB, dataset: Dataset, seededAt: string): Promise<MetaRecord> {
  for (const stock of dataset.couponStocks)
    if (!isValidityWindowAllowed(stock.validFrom, stock.validUntil))
      throw new AdapterError('invalid', `Coupon stock ${stock.id}: the validity window must be at most 90 days`, {
        reason: 'validity-window',
      });
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const existing = await tx.objectStore('meta').get('dataset');
  if (existing) return existing;
  const meta: MetaRecord = { signedInStaffId: dataset.signedInStaffId, policy: dataset.policy, seededAt };
  const put = (name: Name, records: readonly unknown[]) => {
    const store = unwrap(tx.objectStore(name)); // raw requests: no promise per record
    for (const record of records) store.put(record);
  };
  const rosters = new Map<string, GroupMember[]>(dataset.groups.map((group) => [group.id, []]));
  for (const member of dataset.members) rosters.get(member.groupId)?.push(member);
  put('stores', dataset.stores);
  put('staff', dataset.staff);
  put('customers', dataset.customers);
  put('tagGroups', dataset.tagGroups);
  put('couponStocks', dataset.couponStocks);
  put('issuedCoupons', dataset.issuedCoupons);
  put('groups', dataset.groups);
  put(
    'rosters',
    [...rosters].map(([groupId, members]) => rosterOf(groupId, members)),
  );
  put('moments', dataset.moments);
  // Coupons of the dataset keep their idempotency like any other.
  put(
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
