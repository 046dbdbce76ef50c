/**
 * Rules that every backend of the contract shares (the default adapter, the reference server, a
 * retailer's own): keyset paging and who can be reached. Elements never need them, so they live in
 * their own entry, `@clienteling/core/backend.js`.
 */
import { AdapterError } from './errors.js';
import { isAfterHours } from './attribution.js';
import type { UpdateCustomerInput } from './contract.js';
import type {
  ActivityKind,
  Customer,
  CustomerActivity,
  Group,
  IssuedCoupon,
  Moment,
  Page,
  Policy,
  Purchase,
  Store,
} from './schemas.js';

/** A sort key: a time (newest first) or a name (zh-CN collation), then the id. */
export type SortKey = [number | string, string];

// Created on first use: building a zh-CN collator costs tens of milliseconds on a phone, too much
// for the moment a page loads this module.
let collator: Intl.Collator | undefined;
const nameCollator = () => (collator ??= new Intl.Collator('zh-CN'));
const compareNames = (a: string, b: string): number => nameCollator().compare(a, b);

/**
 * Builds the collator that sorts names now rather than in the first sort: for work done in slices
 * (a seed), where that first sort would make one slice tens of milliseconds longer on a phone.
 */
export const prepareNameSorting = (): void => void nameCollator();

export const compareKeys = (a: SortKey, b: SortKey): number => {
  const first = typeof a[0] === 'number' ? (b[0] as number) - a[0] : compareNames(a[0], b[0] as string);
  return first || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
};

/** The key of "newest first" lists: the time, then the id. */
export const newest = (iso: string, id: string): SortKey => [Date.parse(iso), id];

/**
 * Sorts `items` and returns the page after `cursor`. The cursor is the sort key of the last item
 * returned (not an offset), so items added meanwhile never shift the next page.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => SortKey,
  { cursor, limit = 50 }: { cursor?: string | null; limit?: number },
): Page<T> & { total: number } {
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareKeys(a.key, b.key));
  let start = 0;
  if (cursor) {
    let after: SortKey;
    try {
      after = JSON.parse(cursor) as SortKey;
      if (!Array.isArray(after) || after.length !== 2) throw new Error();
    } catch {
      throw new AdapterError('invalid', 'Unknown cursor', { field: 'cursor' });
    }
    while (start < keyed.length && compareKeys(keyed[start]!.key, after) <= 0) start++;
  }
  const slice = keyed.slice(start, start + limit);
  const more = start + limit < keyed.length;
  return {
    items: slice.map((k) => k.item),
    nextCursor: more ? JSON.stringify(slice[slice.length - 1]!.key) : null,
    total: items.length,
  };
}

/**
 * Whether a customer matches a `searchCustomers` search: the query in the name or remark (case folded),
 * and with `tagIds`, at least one of them among its tags or rule tags.
 */
export function matchesCustomerSearch(
  customer: Pick<Customer, 'name' | 'remark' | 'tagIds' | 'ruleTagIds'>,
  { query, tagIds }: { query?: string; tagIds?: readonly string[] },
): boolean {
  const folded = query?.trim().toLocaleLowerCase();
  if (folded && ![customer.name, customer.remark].some((text) => text?.toLocaleLowerCase().includes(folded)))
    return false;
  return !tagIds?.length || tagIds.some((id) => customer.tagIds.includes(id) || customer.ruleTagIds.includes(id));
}

/** The rule tag of customers who removed the associate: coupons and posts cannot reach them. */
export const UNREACHABLE_TAG_ID = 'rt-unreachable';

/**
 * The rule tag of customers who refuse to be taken over by a successor ("拒绝转接"): a backend without
 * the platform's callback reads the customer's answer from it when an on-job takeover comes due.
 */
export const REFUSES_TRANSFER_TAG_ID = 'rt-refuses-transfer';

export const refusesTransfer = (customer: Pick<Customer, 'ruleTagIds'>): boolean =>
  customer.ruleTagIds.includes(REFUSES_TRANSFER_TAG_ID);

export const isUnreachable = (customer: Pick<Customer, 'ruleTagIds'>): boolean =>
  customer.ruleTagIds.includes(UNREACHABLE_TAG_ID);

/* ------------------------------------------------------------------ customers and their timeline */

/**
 * Whether `staffId` follows the customer: the owner, or one of `followerStaffIds`. Only a following
 * associate edits the customer, notes on it, or reads its timeline.
 */
export const followsCustomer = (customer: Pick<Customer, 'ownerStaffId' | 'followerStaffIds'>, staffId: string) =>
  customer.ownerStaffId === staffId || (customer.followerStaffIds ?? []).includes(staffId);

/** What every activity carries besides its kind: its id, when it happened, and who did it. */
export interface ActivityStamp {
  id: string;
  at: string;
  staffId?: string;
}

type Activity<K extends ActivityKind> = Extract<CustomerActivity, { kind: K }>;
const entry = <K extends ActivityKind>(
  kind: K,
  customerId: string,
  stamp: ActivityStamp,
  fields: Omit<Activity<K>, 'id' | 'customerId' | 'kind' | 'at' | 'staffId'>,
): Activity<K> =>
  ({
    id: stamp.id,
    customerId,
    kind,
    at: stamp.at,
    ...(stamp.staffId ? { staffId: stamp.staffId } : {}),
    ...fields,
  }) as Activity<K>;

const REMARK_FIELDS = ['remark', 'description', 'remarkPhones', 'remarkCompany'] as const;

/**
 * Applies `updateCustomer`'s diff: a field absent stays, an empty string (or no phones) clears it.
 * Returns the customer as it is now and the `profile-updated` activity of the fields that really
 * changed (none when nothing did).
 */
export function applyCustomerUpdate(
  customer: Customer,
  input: UpdateCustomerInput,
  stamp: ActivityStamp,
): { customer: Customer; activity?: CustomerActivity } {
  const next: Customer = { ...customer };
  const changes: Activity<'profile-updated'>['changes'] = {};
  for (const field of REMARK_FIELDS) {
    const value = input[field];
    if (
      value === undefined ||
      JSON.stringify(value) === JSON.stringify(customer[field] ?? (field === 'remarkPhones' ? [] : ''))
    )
      continue;
    (changes as Record<string, unknown>)[field] = value;
    if (value.length === 0) delete next[field];
    else (next as Record<string, unknown>)[field] = value;
  }
  if (Object.keys(changes).length === 0) return { customer };
  return { customer: next, activity: entry('profile-updated', customer.id, stamp, { changes }) };
}

/** The `tags-changed` activity between two tag lists of a customer, or undefined when they hold the same tags. */
export function tagsChangedActivity(
  customerId: string,
  before: readonly string[],
  after: readonly string[],
  stamp: ActivityStamp,
): CustomerActivity | undefined {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  if (added.length + removed.length === 0) return undefined;
  return entry('tags-changed', customerId, stamp, { added, removed });
}

export const couponIssuedActivity = (coupon: IssuedCoupon, stamp: ActivityStamp): CustomerActivity =>
  entry('coupon-issued', coupon.customerId, stamp, {
    couponId: coupon.id,
    stockId: coupon.stockId,
    stockName: coupon.stockName,
  });

/** How much of a post's text its `moment-sent` activity keeps. */
const MOMENT_EXCERPT_LENGTH = 100;

/** The `moment-sent` activity of one customer a published post reached. */
export const momentSentActivity = (moment: Moment, customerId: string, stamp: ActivityStamp): CustomerActivity =>
  entry('moment-sent', customerId, stamp, {
    momentId: moment.id,
    text: [...moment.text].slice(0, MOMENT_EXCERPT_LENGTH).join(''),
  });

/** A customer joined or left a group. */
export const groupActivity = (
  kind: 'joined-group' | 'left-group',
  group: Pick<Group, 'id' | 'name'>,
  customerId: string,
  stamp: ActivityStamp,
): CustomerActivity => entry(kind, customerId, stamp, { groupId: group.id, groupName: group.name });

export const noteActivity = (customerId: string, text: string, stamp: ActivityStamp): CustomerActivity =>
  entry('note', customerId, stamp, { text });

/** One page of a customer's timeline: newest first, keyset paged, of the given kinds only (all when absent). */
export const activityPage = (
  entries: CustomerActivity[],
  query: { kinds?: readonly ActivityKind[]; cursor?: string | null; limit?: number },
): Page<CustomerActivity> & { total: number } =>
  paginate(
    query.kinds ? entries.filter((activity) => query.kinds!.includes(activity.kind)) : entries,
    (activity) => newest(activity.at, activity.id),
    query,
  );

/** A customer taken over by a successor (a transfer's takeover completed). */
export const transferredActivity = (
  customerId: string,
  fromStaffId: string,
  toStaffId: string,
  stamp: ActivityStamp,
): CustomerActivity => entry('transferred', customerId, stamp, { fromStaffId, toStaffId });

/** The `purchase` activity of a recorded order (the customer's act: no `staffId`; who it is attributed to). */
export const purchaseActivity = (purchase: Purchase, store: Store | undefined, id: string): CustomerActivity =>
  entry(
    'purchase',
    purchase.customerId,
    { id, at: purchase.at },
    {
      amount: purchase.amount,
      storeId: purchase.storeId,
      ...(store ? { storeName: store.name } : {}),
      ...(purchase.attributedStaffId ? { attributedStaffId: purchase.attributedStaffId } : {}),
      ...(purchase.couponId ? { couponId: purchase.couponId } : {}),
      orderId: purchase.orderId,
      attribution: purchase.attribution,
      afterHours: purchase.afterHours,
    },
  );

/** The `coupon-redeemed` activity of a coupon an order redeemed. */
export const couponRedeemedActivity = (coupon: IssuedCoupon, stamp: ActivityStamp): CustomerActivity =>
  entry('coupon-redeemed', coupon.customerId, stamp, {
    couponId: coupon.id,
    stockId: coupon.stockId,
    stockName: coupon.stockName,
  });

/**
 * Why a coupon cannot be redeemed by an order of `customerId` paid at `at`: another customer's (`invalid`),
 * already redeemed (`conflict`), or outside its validity (`conflict`). Nothing when it can.
 */
export function assertCouponRedeemable(coupon: IssuedCoupon, customerId: string, at: string): void {
  if (coupon.customerId !== customerId)
    throw new AdapterError('invalid', 'The coupon was sent to another customer', {
      reason: 'coupon-of-another-customer',
      field: 'couponId',
    });
  if (coupon.status === 'redeemed')
    throw new AdapterError('conflict', 'The coupon is already redeemed', {
      reason: 'coupon-redeemed',
      field: 'couponId',
    });
  const time = Date.parse(at);
  if (time < Date.parse(coupon.validFrom) || time > Date.parse(coupon.validUntil))
    throw new AdapterError('conflict', 'The order is outside the coupon validity', {
      reason: 'coupon-not-valid',
      field: 'couponId',
    });
}

/** Whether a replayed order is the same order (same customer, store, amount and time). */
export const isSameOrder = (
  stored: Pick<Purchase, 'customerId' | 'storeId' | 'amount' | 'at'>,
  input: Pick<Purchase, 'customerId' | 'storeId' | 'amount' | 'at'>,
): boolean =>
  stored.customerId === input.customerId &&
  stored.storeId === input.storeId &&
  stored.amount === input.amount &&
  Date.parse(stored.at) === Date.parse(input.at);

/**
 * The purchase records of `purchase` activities stored before version 6 (or in a dataset's history):
 * the order id is the activity's own when it has none, the attribution what its fields say.
 */
export function purchasesOfActivity(activity: readonly CustomerActivity[], policy: Policy): Purchase[] {
  const purchases: Purchase[] = [];
  for (const entry of activity) {
    if (entry.kind !== 'purchase') continue;
    const storeId = entry.storeId ?? 'store-unknown';
    purchases.push({
      orderId: entry.orderId ?? entry.id,
      customerId: entry.customerId,
      storeId,
      amount: entry.amount,
      at: entry.at,
      ...(entry.couponId ? { couponId: entry.couponId } : {}),
      ...(entry.attributedStaffId ? { attributedStaffId: entry.attributedStaffId } : {}),
      attribution: entry.attribution ?? (entry.attributedStaffId ? (entry.couponId ? 'coupon' : 'last-touch') : 'none'),
      afterHours: entry.afterHours ?? isAfterHours(entry.at, storeId, policy),
      recordedAt: entry.at,
    });
  }
  return purchases;
}
