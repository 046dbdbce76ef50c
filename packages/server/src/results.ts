/**
 * `getStaffResults` in SQL (issue 24): the figures core's attribution.ts defines (`resultsTotals`,
 * `resultsDaily`), aggregated by PostgreSQL over the indexes of migration 006, for one associate or
 * the associates of a store (grouping sets give each associate's line and the store's in one scan).
 * Nothing is loaded row by row: each query answers a handful of rows whatever the number of orders.
 */
import type { Queryable } from './db.js';
import {
  SERVING_ACTIVITY_KINDS,
  addDays,
  byAttributedSales,
  channelOf,
  periodBounds,
  previousPeriod,
  type AddWay,
  type ChannelCount,
  type Period,
  type ResultsDay,
  type ResultsTotals,
  type StaffProfile,
  type StaffResults,
} from './core.js';

/** Totals by staff id, and the whole (`ALL`) for the store (or the one associate). */
type ByStaff = Map<string, ResultsTotals>;
const ALL = '';

const emptyTotals = (): ResultsTotals => ({
  customersAdded: 0,
  customersAddedByChannel: [],
  customersServed: 0,
  couponsSent: 0,
  couponsRedeemed: 0,
  redemptionRate: 0,
  attributedSales: { coupon: 0, other: 0 },
  attributedOrders: 0,
  afterHoursShare: 0,
  repurchaseRate: 0,
});
const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.min(1, part / whole));

/** The totals of `period` for each of `staffIds` and for all of them together. */
async function totalsOf(tx: Queryable, staffIds: string[], period: Period): Promise<ByStaff> {
  const { start, end } = periodBounds(period);
  const range = [staffIds, start.toISOString(), end.toISOString()];
  // One query after the other: a connection runs one at a time.
  const added = await tx.query<{ staff_id: string; kind: string | null; state: string | null; count: number }>(
    `SELECT doc ->> 'addedBy' AS staff_id, doc -> 'addWay' ->> 'kind' AS kind, doc -> 'addWay' ->> 'state' AS state,
       count(*)::int AS count
     FROM customers WHERE doc ->> 'addedBy' = ANY($1) AND added_at >= $2 AND added_at < $3
     GROUP BY 1, 2, 3`,
    range,
  );
  const served = await tx.query<{ staff_id: string | null; count: number }>(
    `SELECT staff_id, count(DISTINCT customer_id)::int AS count
     FROM customer_activity WHERE staff_id = ANY($1) AND at >= $2 AND at < $3 AND kind = ANY($4)
     GROUP BY GROUPING SETS ((staff_id), ())`,
    [...range, [...SERVING_ACTIVITY_KINDS]],
  );
  const sent = await tx.query<{ staff_id: string; sent: number; redeemed: number }>(
    `SELECT staff_id, count(*)::int AS sent, count(*) FILTER (WHERE doc ->> 'status' = 'redeemed')::int AS redeemed
     FROM issued_coupons WHERE staff_id = ANY($1) AND issued_at >= $2 AND issued_at < $3 GROUP BY staff_id`,
    range,
  );
  const sales = await tx.query<{
    staff_id: string;
    coupon: string;
    other: string;
    orders: number;
    redeemed: number;
    after_hours: string;
  }>(
    `SELECT attributed_staff_id AS staff_id,
       coalesce(sum(amount) FILTER (WHERE attribution = 'coupon'), 0) AS coupon,
       coalesce(sum(amount) FILTER (WHERE attribution = 'last-touch'), 0) AS other,
       count(*)::int AS orders,
       count(*) FILTER (WHERE attribution = 'coupon')::int AS redeemed,
       coalesce(sum(amount) FILTER (WHERE after_hours), 0) AS after_hours
     FROM purchases WHERE attributed_staff_id = ANY($1) AND at >= $2 AND at < $3
     GROUP BY attributed_staff_id`,
    range,
  );
  const buyers = await tx.query<{ staff_id: string | null; buyers: number; repeaters: number }>(
    `SELECT staff_id, count(*)::int AS buyers, count(*) FILTER (WHERE orders >= 2)::int AS repeaters
     FROM (SELECT attributed_staff_id AS staff_id, customer_id, count(*) AS orders
           FROM purchases WHERE attributed_staff_id = ANY($1) AND at >= $2 AND at < $3
           GROUP BY GROUPING SETS ((attributed_staff_id, customer_id), (customer_id))) AS per_customer
     GROUP BY staff_id`,
    range,
  );
  const byStaff: ByStaff = new Map([[ALL, emptyTotals()], ...staffIds.map((id) => [id, emptyTotals()] as const)]);
  const totals = (staffId: string | null) => byStaff.get(staffId ?? ALL)!;
  const both = (staffId: string, apply: (entry: ResultsTotals) => void) => {
    apply(totals(staffId));
    if (staffId !== ALL) apply(totals(ALL));
  };
  const channels = new Map<ResultsTotals, Map<string, ChannelCount>>();
  for (const row of added.rows)
    both(row.staff_id, (entry) => {
      const channel = channelOf({ kind: row.kind ?? 'other', ...(row.state ? { state: row.state } : {}) } as AddWay);
      const key = `${channel.kind}:${channel.state ?? ''}`;
      const map = channels.get(entry) ?? new Map<string, ChannelCount>();
      const found = map.get(key) ?? { ...channel, count: 0 };
      found.count += row.count;
      map.set(key, found);
      channels.set(entry, map);
      entry.customersAdded += row.count;
    });
  for (const [entry, map] of channels)
    entry.customersAddedByChannel = [...map.values()].sort(
      (a, b) => b.count - a.count || `${a.kind}${a.state ?? ''}`.localeCompare(`${b.kind}${b.state ?? ''}`),
    );
  for (const row of served.rows) totals(row.staff_id).customersServed = row.count;
  const sentRedeemed = new Map<ResultsTotals, number>();
  for (const row of sent.rows)
    both(row.staff_id, (entry) => {
      entry.couponsSent += row.sent;
      sentRedeemed.set(entry, (sentRedeemed.get(entry) ?? 0) + row.redeemed);
    });
  const afterHours = new Map<ResultsTotals, number>();
  for (const row of sales.rows)
    both(row.staff_id, (entry) => {
      entry.attributedSales.coupon += Number(row.coupon);
      entry.attributedSales.other += Number(row.other);
      entry.attributedOrders += row.orders;
      entry.couponsRedeemed += row.redeemed;
      afterHours.set(entry, (afterHours.get(entry) ?? 0) + Number(row.after_hours));
    });
  for (const row of buyers.rows) totals(row.staff_id).repurchaseRate = rate(row.repeaters, row.buyers);
  for (const entry of byStaff.values()) {
    entry.redemptionRate = rate(sentRedeemed.get(entry) ?? 0, entry.couponsSent);
    const sold = entry.attributedSales.coupon + entry.attributedSales.other;
    entry.afterHoursShare = rate(afterHours.get(entry) ?? 0, sold);
  }
  return byStaff;
}

/** One entry per day of `period` for all of `staffIds` together, days in the period's time zone. */
async function dailyOf(tx: Queryable, staffIds: string[], period: Period): Promise<ResultsDay[]> {
  const { start, end } = periodBounds(period);
  const params = [staffIds, start.toISOString(), end.toISOString(), period.timeZone];
  const day = (column: string) => `to_char(${column} AT TIME ZONE $4, 'YYYY-MM-DD')`;
  // One query after the other: a connection runs one at a time.
  const added = await tx.query<{ day: string; count: number }>(
    `SELECT ${day('added_at')} AS day, count(*)::int AS count FROM customers
     WHERE doc ->> 'addedBy' = ANY($1) AND added_at >= $2 AND added_at < $3 GROUP BY 1`,
    params,
  );
  const served = await tx.query<{ day: string; count: number }>(
    `SELECT ${day('at')} AS day, count(DISTINCT customer_id)::int AS count FROM customer_activity
     WHERE staff_id = ANY($1) AND at >= $2 AND at < $3 AND kind = ANY($5) GROUP BY 1`,
    [...params, [...SERVING_ACTIVITY_KINDS]],
  );
  const sent = await tx.query<{ day: string; count: number }>(
    `SELECT ${day('issued_at')} AS day, count(*)::int AS count FROM issued_coupons
     WHERE staff_id = ANY($1) AND issued_at >= $2 AND issued_at < $3 GROUP BY 1`,
    params,
  );
  const sales = await tx.query<{ day: string; coupon: string; other: string; redeemed: number; after_hours: string }>(
    `SELECT ${day('at')} AS day,
       coalesce(sum(amount) FILTER (WHERE attribution = 'coupon'), 0) AS coupon,
       coalesce(sum(amount) FILTER (WHERE attribution = 'last-touch'), 0) AS other,
       count(*) FILTER (WHERE attribution = 'coupon')::int AS redeemed,
       coalesce(sum(amount) FILTER (WHERE after_hours), 0) AS after_hours
     FROM purchases WHERE attributed_staff_id = ANY($1) AND at >= $2 AND at < $3 GROUP BY 1`,
    params,
  );
  const days = new Map<string, ResultsDay>();
  for (let current = period.from; current <= period.to; current = addDays(current, 1))
    days.set(current, {
      day: current,
      customersAdded: 0,
      customersServed: 0,
      couponsSent: 0,
      couponsRedeemed: 0,
      attributedSales: { coupon: 0, other: 0 },
      afterHoursSales: 0,
    });
  const at = (key: string) => days.get(key);
  const count = (
    rows: { day: string; count: number }[],
    field: 'customersAdded' | 'customersServed' | 'couponsSent',
  ) => {
    for (const row of rows) {
      const entry = at(row.day);
      if (entry) entry[field] = row.count;
    }
  };
  count(added.rows, 'customersAdded');
  count(served.rows, 'customersServed');
  count(sent.rows, 'couponsSent');
  for (const row of sales.rows) {
    const entry = at(row.day);
    if (!entry) continue;
    entry.attributedSales = { coupon: Number(row.coupon), other: Number(row.other) };
    entry.afterHoursSales = Number(row.after_hours);
    entry.couponsRedeemed = row.redeemed;
  }
  return [...days.values()];
}

/** The answer of `getStaffResults` for `staff` (one associate, or a store's associates with `storeId`). */
export async function staffResults(
  tx: Queryable,
  staff: StaffProfile[],
  period: Period,
  storeId?: string,
): Promise<StaffResults> {
  const staffIds = staff.map((person) => person.id);
  const previous = previousPeriod(period);
  const current = await totalsOf(tx, staffIds, period);
  const before = await totalsOf(tx, staffIds, previous);
  const daily = await dailyOf(tx, staffIds, period);
  const ranking = storeId
    ? staff
        .map((person) => ({ staffId: person.id, name: person.name, totals: current.get(person.id)! }))
        .sort(byAttributedSales)
    : undefined;
  return {
    ...(storeId ? { storeId } : { staffId: staffIds[0]! }),
    period,
    totals: current.get(ALL)!,
    previous: { period: previous, totals: before.get(ALL)! },
    daily,
    ...(ranking ? { ranking } : {}),
  };
}
