/**
 * The results cases (issue 24): contact-me codes and their state, purchases from the POS attributed by
 * core's rule (the coupon's sender beats the last touch; the window's boundary exact; a replayed order
 * attributed once), after hours by each store's hours in its time zone, and an associate's results of a
 * small day of work. Registered by {@link conformanceCases} through {@link defineResultsCases}.
 *
 * Each case prepares its dataset ({@link resultsWorld}): customers of 王丽 (st-me) touched by 李强
 * (st-other) exactly at, and just before, the 7-day window; a store in New York open 09:00 to 21:00.
 */
import type { Customer } from '@clienteling/core';
import type { Dataset } from '@clienteling/adapter-local/seed.js';
import { ConformanceError, type Harness } from './cases.js';
import { CONFORMANCE_START, ids } from './dataset.js';
import type { DefineCase } from './media-cases.js';

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new ConformanceError(message);
};
const show = (value: unknown) => JSON.stringify(value);
const same = (actual: unknown, expected: unknown, what: string) =>
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
const near = (actual: number, expected: number, what: string) =>
  check(Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const start = Date.parse(CONFORMANCE_START); // 2026-11-10 10:00 in Shanghai
const iso = (time: number) => new Date(time).toISOString();

export const resultsIds = {
  /** Touched by st-other exactly 7 days before the suite's start. */
  atBoundary: 'c-res-1',
  /** Touched by st-other 7 days and one second before the start. */
  pastBoundary: 'c-res-2',
  /** Touched by st-other 30 minutes after the start (after a coupon st-me sends at the start). */
  touchedLater: 'c-res-3',
  /** Added by st-me through the contact-me code `spring-sale` an hour before the start. */
  addedByCode: 'c-res-new',
  /** Added by st-me through the QR code two hours before the start. */
  addedByQr: 'c-res-qr',
  newYork: 's-ny',
} as const;

/** The results world on top of the conformance dataset (see the file's comment). */
export function resultsWorld(dataset: Dataset): void {
  Object.assign(dataset.policy, {
    attributionWindowDays: 7,
    openingHours: { [resultsIds.newYork]: { open: '09:00', close: '21:00', timeZone: 'America/New_York' } },
    defaultOpeningHours: { open: '10:00', close: '22:00' },
  });
  dataset.stores.push({ id: resultsIds.newYork, name: 'Fifth Avenue', city: 'New York' });
  const customer = (id: string, over: Partial<Customer> = {}): Customer => ({
    id,
    name: `顾客 ${id}`,
    ownerStaffId: ids.me,
    addedAt: iso(start - 30 * DAY),
    tagIds: [],
    ruleTagIds: [],
    ...over,
  });
  const addedByCode = start - HOUR;
  const addedByQr = start - 2 * HOUR;
  dataset.customers.push(
    customer(resultsIds.atBoundary),
    customer(resultsIds.pastBoundary),
    customer(resultsIds.touchedLater),
    customer(resultsIds.addedByCode, {
      addedAt: iso(addedByCode),
      addedBy: ids.me,
      addWay: { kind: 'contact-me', state: 'spring-sale' },
    }),
    customer(resultsIds.addedByQr, { addedAt: iso(addedByQr), addedBy: ids.me, addWay: { kind: 'qrcode' } }),
  );
  const note = (id: string, customerId: string, at: number) => ({
    id,
    customerId,
    kind: 'note' as const,
    at: iso(at),
    staffId: ids.other,
    text: '来店试穿',
  });
  dataset.activity = [
    ...(dataset.activity ?? []),
    note('act-res-boundary', resultsIds.atBoundary, start - 7 * DAY),
    note('act-res-past', resultsIds.pastBoundary, start - 7 * DAY - 1000),
    note('act-res-later', resultsIds.touchedLater, start + 30 * MINUTE),
    {
      id: 'act-res-new',
      customerId: resultsIds.addedByCode,
      kind: 'added',
      at: iso(addedByCode),
      staffId: ids.me,
      addWay: { kind: 'contact-me', state: 'spring-sale' },
    },
    {
      id: 'act-res-qr',
      customerId: resultsIds.addedByQr,
      kind: 'added',
      at: iso(addedByQr),
      staffId: ids.me,
      addWay: { kind: 'qrcode' },
    },
  ];
}

let orderCount = 0;
const order = (harness: Harness, customerId: string, at: number, over: { couponId?: string; amount?: number } = {}) =>
  harness.call('recordPurchase', {
    orderId: `order-${++orderCount}-${Math.random().toString(36).slice(2, 8)}`,
    customerId,
    storeId: 's-1',
    amount: over.amount ?? 30000,
    at: iso(at),
    ...(over.couponId ? { couponId: over.couponId } : {}),
  });
const sendCoupon = (harness: Harness, customerId: string) =>
  harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-open', customerId });

/** Registers the results cases in group `results`. */
export function defineResultsCases(define: DefineCase): void {
  define('results', 'a contact-me state is 1 to 30 of A-Z a-z 0-9 _ -', async (harness) => {
    for (const state of ['x'.repeat(31), '门店A', 'a b', '', 'a/b'])
      await harness.rejects(
        harness.call('createContactWay', { requestId: harness.rid(), staffIds: [ids.me], state }),
        'invalid',
      );
    const requestId = harness.rid();
    const way = await harness.call('createContactWay', { requestId, staffIds: [ids.me], state: 's-1_spring-2026' });
    same(way.staffIds, [ids.me], 'staffIds');
    same(way.state, 's-1_spring-2026', 'state');
    check(way.url.length > 0, 'the code has a URL');
    const again = await harness.call('createContactWay', { requestId, staffIds: [ids.me], state: 's-1_spring-2026' });
    same(again.id, way.id, 'a replayed request answers the same code');
    const listed = await harness.call('listContactWays', {});
    same(
      listed.items.map((item) => item.id),
      [way.id],
      'listContactWays',
    );
    await harness.rejects(
      harness.call('createContactWay', { requestId: harness.rid(), staffIds: [ids.other], state: 'theirs' }),
      'forbidden',
      'not-manager',
    );
  });

  define(
    'results',
    "the coupon's sender beats the last touch; the coupon becomes redeemed once",
    async (harness) => {
      const coupon = await sendCoupon(harness, resultsIds.touchedLater);
      harness.clock.advance(HOUR);
      const redeeming = await order(harness, resultsIds.touchedLater, start + HOUR, { couponId: coupon.id });
      same([redeeming.attribution, redeeming.attributedStaffId], ['coupon', ids.me], 'order with the coupon');
      const plain = await order(harness, resultsIds.touchedLater, start + HOUR);
      same([plain.attribution, plain.attributedStaffId], ['last-touch', ids.other], 'order without a coupon');
      const held = await harness.call('listCustomerCoupons', { customerId: resultsIds.touchedLater });
      same(held.find((item) => item.id === coupon.id)?.status, 'redeemed', 'the coupon after the order');
      await harness.rejects(
        order(harness, resultsIds.touchedLater, start + HOUR, { couponId: coupon.id }),
        'conflict',
        'coupon-redeemed',
      );
      const timeline = await harness.call('listCustomerActivity', {
        customerId: resultsIds.touchedLater,
        kinds: ['purchase', 'coupon-redeemed'],
      });
      same(timeline.items.map((item) => item.kind).sort(), ['coupon-redeemed', 'purchase', 'purchase'], 'the timeline');
    },
    resultsWorld,
  );

  define(
    'results',
    'the attribution window includes its boundary exactly, and not a second more',
    async (harness) => {
      const atBoundary = await order(harness, resultsIds.atBoundary, start);
      same(
        [atBoundary.attribution, atBoundary.attributedStaffId],
        ['last-touch', ids.other],
        'touched exactly 7 days before',
      );
      const past = await order(harness, resultsIds.pastBoundary, start);
      same([past.attribution, past.attributedStaffId], ['none', undefined], 'touched 7 days and 1 s before');
    },
    resultsWorld,
  );

  define(
    'results',
    'a replayed order answers the stored purchase and is attributed, counted and logged once',
    async (harness) => {
      const input = {
        orderId: 'pos-0001',
        customerId: resultsIds.atBoundary,
        storeId: 's-1',
        amount: 129900,
        at: iso(start),
      };
      const first = await harness.call('recordPurchase', input);
      harness.clock.advance(MINUTE);
      const replayed = await harness.call('recordPurchase', input);
      same(replayed, first, 'the replay');
      const customer = await harness.call('getCustomer', { customerId: resultsIds.atBoundary });
      same([customer.purchases?.orderCount, customer.purchases?.totalSpent], [1, 129900], 'purchase summary');
      const timeline = await harness.call('listCustomerActivity', {
        customerId: resultsIds.atBoundary,
        kinds: ['purchase'],
      });
      same(timeline.items.length, 1, 'purchase activities');
      await harness.rejects(harness.call('recordPurchase', { ...input, amount: 1 }), 'conflict', 'order-id-reused');
    },
    resultsWorld,
  );

  define(
    'results',
    "after hours by each store's opening hours in its time zone",
    async (harness) => {
      const at = (time: string, storeId: string) =>
        harness.call('recordPurchase', {
          orderId: `pos-${storeId}-${time}`,
          customerId: resultsIds.atBoundary,
          storeId,
          amount: 1000,
          at: time,
        });
      // 13:30 UTC: 21:30 in Shanghai (open until 22:00), 08:30 in New York (opens at 09:00).
      same((await at('2026-11-10T13:30:00.000Z', 's-1')).afterHours, false, 'Shanghai 21:30');
      same((await at('2026-11-10T13:30:00.000Z', resultsIds.newYork)).afterHours, true, 'New York 08:30');
      same((await at('2026-11-10T14:00:00.000Z', 's-1')).afterHours, true, 'Shanghai 22:00');
      same((await at('2026-11-10T14:00:00.000Z', resultsIds.newYork)).afterHours, false, 'New York 09:00');
    },
    resultsWorld,
  );

  define(
    'results',
    "an associate's results of a day: added by channel, served, coupons, attributed sales, after hours",
    async (harness) => {
      const coupon = await sendCoupon(harness, resultsIds.addedByCode);
      harness.clock.advance(14 * HOUR);
      await order(harness, resultsIds.addedByCode, start + HOUR, { couponId: coupon.id, amount: 40000 });
      await order(harness, resultsIds.addedByCode, start + 13 * HOUR, { amount: 20000 }); // 23:00: after hours
      await order(harness, resultsIds.pastBoundary, start + 2 * HOUR, { amount: 10000 }); // no one's
      const results = await harness.call('getStaffResults', { from: '2026-11-10', to: '2026-11-10' });
      same(results.staffId, ids.me, 'staffId');
      same(results.period, { from: '2026-11-10', to: '2026-11-10', timeZone: 'Asia/Shanghai' }, 'period');
      const { totals } = results;
      same(totals.customersAdded, 2, 'customersAdded');
      same(
        totals.customersAddedByChannel,
        [
          { kind: 'contact-me', state: 'spring-sale', count: 1 },
          { kind: 'qrcode', count: 1 },
        ],
        'customersAddedByChannel',
      );
      same(totals.customersServed, 2, 'customersServed');
      same([totals.couponsSent, totals.couponsRedeemed], [1, 1], 'coupons sent and redeemed');
      near(totals.redemptionRate, 1, 'redemptionRate');
      same(totals.attributedSales, { coupon: 40000, other: 20000 }, 'attributedSales');
      same(totals.attributedOrders, 2, 'attributedOrders');
      near(totals.afterHoursShare, 1 / 3, 'afterHoursShare');
      near(totals.repurchaseRate, 1, 'repurchaseRate');
      same(results.previous.period, { from: '2026-11-09', to: '2026-11-09', timeZone: 'Asia/Shanghai' }, 'previous');
      same(results.previous.totals.attributedSales, { coupon: 0, other: 0 }, 'previous sales');
      same(results.daily.length, 1, 'one day');
      same(results.daily[0]!.afterHoursSales, 20000, 'after-hours sales of the day');
      await harness.rejects(
        harness.call('getStaffResults', { storeId: 's-1', from: '2026-11-10', to: '2026-11-10' }),
        'forbidden',
        'not-manager',
      );
      await harness.rejects(
        harness.call('getStaffResults', { staffId: ids.other, from: '2026-11-10', to: '2026-11-10' }),
        'forbidden',
        'not-manager',
      );
    },
    resultsWorld,
  );

  define(
    'results',
    "a manager's store results sum its associates and rank them by attributed sales",
    async (harness) => {
      await order(harness, resultsIds.atBoundary, start, { amount: 50000 }); // st-other's (last touch)
      await order(harness, resultsIds.addedByCode, start, { amount: 20000 }); // st-me's (added them)
      const results = await harness.call('getStaffResults', { storeId: 's-1', from: '2026-11-10', to: '2026-11-10' });
      same(results.storeId, 's-1', 'storeId');
      same(results.totals.attributedSales, { coupon: 0, other: 70000 }, 'store sales');
      const ranking = results.ranking ?? [];
      same(
        ranking.slice(0, 2).map((line) => [line.staffId, line.totals.attributedSales.other]),
        [
          [ids.other, 50000],
          [ids.me, 20000],
        ],
        'ranking',
      );
      const theirs = await harness.call('getStaffResults', {
        staffId: ids.other,
        from: '2026-11-10',
        to: '2026-11-10',
      });
      same(theirs.totals.attributedSales.other, 50000, "an associate's results seen by the manager");
    },
    (dataset) => {
      resultsWorld(dataset);
      dataset.staff.find((person) => person.id === ids.me)!.role = 'manager';
    },
  );
}
