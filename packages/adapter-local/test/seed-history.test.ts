import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import {
  CustomerActivitySchema,
  CustomerSchema,
  IssuedCouponSchema,
  LIMITS,
  attributePurchase,
  isAfterHours,
  isServingActivity,
  parseOrInvalid,
  type Customer,
  type CustomerActivity,
} from '@clienteling/core';
import { followsCustomer } from '@clienteling/core/backend.js';
import { createLocalAdapter } from '../src/index.js';
import { OTHERS_HISTORY_KEY } from '../src/fill.js';
import { AFTER_HOURS_SHARE, STORE_OPENING_HOURS, generateSeed, type Dataset } from '../src/seed.js';

const now = new Date('2026-11-10T02:00:00.000Z');
const zh = generateSeed({ now });
const history = zh.activity!;
const byCustomer = new Map<string, CustomerActivity[]>();
for (const entry of history) byCustomer.set(entry.customerId, [...(byCustomer.get(entry.customerId) ?? []), entry]);
const of = <K extends CustomerActivity['kind']>(kind: K) =>
  history.filter((entry): entry is Extract<CustomerActivity, { kind: K }> => entry.kind === kind);
const purchases = of('purchase');
const mine = zh.customers.filter((customer) => customer.ownerStaffId === zh.signedInStaffId);

/** The local time of day in the stores' time zone, `HH:MM`, computed independently with Intl. */
const storeTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: STORE_OPENING_HOURS.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
const inOpeningHours = (iso: string) =>
  storeTime(iso) >= STORE_OPENING_HOURS.opens && storeTime(iso) < STORE_OPENING_HOURS.closes;
const storeMonth = (iso: string) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: STORE_OPENING_HOURS.timeZone, month: 'numeric' }).format(
      new Date(iso),
    ),
  );

describe('generateSeed: profiles and history', () => {
  it('parses whole with the schemas of the contract: every customer, every entry, every coupon', () => {
    for (const customer of zh.customers) parseOrInvalid(CustomerSchema, customer, customer.id);
    for (const entry of history) parseOrInvalid(CustomerActivitySchema, entry, entry.id);
    for (const coupon of zh.issuedCoupons) parseOrInvalid(IssuedCouponSchema, coupon, coupon.id);
    expect(history.length).to.be.within(8000, 16000);
  });

  it('gives every customer a timeline, newest first, all before now, with unique ids', () => {
    expect(new Set(history.map((entry) => entry.id)).size).to.equal(history.length);
    expect(byCustomer.size).to.equal(zh.customers.length);
    for (const customer of zh.customers) {
      const entries = byCustomer.get(customer.id)!;
      for (let i = 1; i < entries.length; i++) {
        const [newer, older] = [entries[i - 1]!, entries[i]!];
        expect(newer.at >= older.at && (newer.at > older.at || newer.id < older.id), customer.id).to.equal(true);
      }
      for (const entry of entries) expect(Date.parse(entry.at)).to.be.below(now.getTime());
      const added = entries.filter((entry) => entry.kind === 'added');
      expect(added, customer.id).to.have.length(1);
      expect(added[0]).to.deep.include({ at: customer.addedAt, staffId: customer.addedBy, addWay: customer.addWay });
      // nothing happens before the customer is a contact, but a group they were in first
      for (const entry of entries)
        if (entry.kind !== 'joined-group') expect(entry.at >= customer.addedAt, entry.id).to.equal(true);
    }
  });

  it('fills the profile fields of issue 20: type, how and by whom added, followers, dates, remark fields', () => {
    const count = (test: (customer: Customer) => boolean) => zh.customers.filter(test).length;
    expect(count((c) => c.type === 'wechat')).to.be.above(1600);
    expect(count((c) => c.type === 'wecom' && !!c.corpName)).to.be.within(100, 400);
    expect(count((c) => c.type === 'wechat' && !!c.corpName)).to.equal(0);
    const kinds = new Set(zh.customers.map((c) => c.addWay!.kind));
    expect([...kinds].sort()).to.deep.equal(['contact-me', 'group-chat', 'other', 'qrcode', 'search', 'shared-card']);
    for (const customer of zh.customers) {
      expect(customer.followerStaffIds![0]).to.equal(customer.ownerStaffId);
      expect(zh.staff.some((person) => person.id === customer.addedBy)).to.equal(true);
      const way = customer.addWay!;
      if (way.kind === 'contact-me') expect(way.state!.length).to.be.within(1, LIMITS.contactStateMaxLength);
      if (way.kind === 'group-chat') {
        const membership = zh.members.find((m) => m.id === customer.id && m.groupId === way.groupId);
        expect(membership && membership.joinedAt < customer.addedAt, customer.id).to.equal(true);
      }
    }
    expect(count((c) => (c.followerStaffIds ?? []).length > 1)).to.be.above(100);
    expect(count((c) => !!c.importantDates?.some((d) => d.kind === 'birthday'))).to.be.above(1500);
    expect(count((c) => !!c.importantDates?.some((d) => d.kind === 'birthday' && /^\d{4}-/.test(d.date)))).to.be.above(
      400,
    );
    expect(count((c) => !!c.importantDates?.some((d) => d.kind === 'anniversary'))).to.be.above(100);
    // the rule tag "birthday month" agrees with the birthday
    const month = storeMonth(now.toISOString());
    for (const customer of zh.customers) {
      const birthday = customer.importantDates?.find((d) => d.kind === 'birthday');
      const inMonth = !!birthday && Number(birthday.date.slice(-5, -3)) === month;
      expect(inMonth, customer.id).to.equal(customer.ruleTagIds.includes('rt-birthday'));
    }
    for (const field of ['description', 'remarkPhones', 'remarkCompany'] as const)
      expect(
        count((c) => c[field] !== undefined),
        field,
      ).to.be.within(50, 1000);
  });

  it('sums each customer’s purchases into their purchase summary, exactly', () => {
    const sizeTags = new Map(zh.tagGroups.find((g) => g.id === 'tg-size')!.tags.map((t) => [t.id, t.name]));
    for (const customer of zh.customers) {
      const bought = purchases.filter((p) => p.customerId === customer.id);
      const total = bought.reduce((sum, p) => sum + p.amount, 0);
      const summary = customer.purchases!;
      expect(summary.totalSpent, customer.id).to.equal(total);
      expect(summary.orderCount).to.equal(bought.length);
      expect(summary.averageOrderValue).to.equal(bought.length ? Math.round(total / bought.length) : 0);
      expect(summary.lastPurchaseAt).to.equal(bought[0]?.at);
      if (bought.length === 0) expect(summary.favouriteCategories).to.deep.equal([]);
      else expect(summary.favouriteCategories.length).to.be.within(1, 3);
      const sizes = customer.tagIds.filter((id) => sizeTags.has(id));
      expect(summary.sizes.map((s) => s.size)).to.deep.equal(sizes.map((id) => sizeTags.get(id)!.replace(/^\D+ /, '')));
    }
    expect(mine.filter((c) => c.purchases!.orderCount > 0).length).to.be.above(mine.length * 0.9);
  });

  it('has a coupon-issued entry for each issued coupon and a redemption, with its purchase, for each redeemed one', () => {
    const issued = of('coupon-issued');
    const redeemed = of('coupon-redeemed');
    expect(issued.map((e) => e.couponId).sort()).to.deep.equal(zh.issuedCoupons.map((c) => c.id).sort());
    const redeemedCoupons = zh.issuedCoupons.filter((c) => c.status === 'redeemed');
    expect(redeemed.map((e) => e.couponId).sort()).to.deep.equal(redeemedCoupons.map((c) => c.id).sort());
    expect(redeemedCoupons.length).to.be.above(20);
    for (const coupon of zh.issuedCoupons) {
      const customer = zh.customers.find((c) => c.id === coupon.customerId)!;
      const entry = issued.find((e) => e.couponId === coupon.id)!;
      expect(entry).to.deep.include({ at: coupon.issuedAt, staffId: coupon.staffId, customerId: customer.id });
      expect(coupon.issuedAt >= customer.addedAt && coupon.issuedAt >= coupon.validFrom, coupon.id).to.equal(true);
      if (coupon.status !== 'redeemed') continue;
      const at = coupon.redeemedAt!;
      expect(at >= coupon.issuedAt && at <= coupon.validUntil && Date.parse(at) < now.getTime(), coupon.id).to.equal(
        true,
      );
      expect(redeemed.find((e) => e.couponId === coupon.id)!.at).to.equal(at);
      const paid = purchases.filter((p) => p.couponId === coupon.id);
      expect(paid, coupon.id).to.have.length(1);
      expect(paid[0]).to.deep.include({ at, customerId: customer.id, attributedStaffId: coupon.staffId });
      const { benefit } = zh.couponStocks.find((s) => s.id === coupon.stockId)!;
      // the order, before the coupon's benefit, reaches the stock's threshold
      const amount = paid[0]!.amount;
      const price =
        benefit.kind === 'amount-off'
          ? amount + benefit.amountOff
          : benefit.kind === 'discount'
            ? (amount * 100) / (100 - benefit.percentOff)
            : amount;
      expect(price + 1, coupon.id).to.be.at.least(benefit.threshold);
    }
  });

  it('sells in opening hours, and about 16% after closing, taken in the chat by the associate', () => {
    const afterHours = purchases.filter((p) => !inOpeningHours(p.at));
    const total = purchases.reduce((sum, p) => sum + p.amount, 0);
    const share = afterHours.reduce((sum, p) => sum + p.amount, 0) / total;
    expect(share).to.be.within(AFTER_HOURS_SHARE - 0.04, AFTER_HOURS_SHARE + 0.04);
    // orders taken in the chat late in the evening (a rare coupon redeemed in a short window: the morning)
    const lateEvening = afterHours.filter((p) => storeTime(p.at) >= '22:00' || storeTime(p.at) < '01:00');
    expect(lateEvening.length).to.be.at.least(afterHours.length * 0.97);
    for (const purchase of afterHours) {
      const customer = zh.customers.find((c) => c.id === purchase.customerId)!;
      const handover = byCustomer.get(customer.id)!.find((e) => e.kind === 'transferred');
      const ownerThen =
        handover?.kind === 'transferred' && purchase.at < handover.at ? handover.fromStaffId : customer.ownerStaffId;
      if (!purchase.couponId) expect(purchase.attributedStaffId, purchase.id).to.equal(ownerThen);
    }
    for (const purchase of purchases) expect(purchase.storeId).to.match(/^store-[123]$/);
  });

  it("attributes every order by core's rule over the customer's timeline (issue 24)", () => {
    const coupons = new Map(zh.issuedCoupons.map((coupon) => [coupon.id, coupon]));
    const counts = { coupon: 0, 'last-touch': 0, none: 0 };
    for (const purchase of purchases) {
      const touches = byCustomer
        .get(purchase.customerId)!
        .filter((entry) => entry.staffId && isServingActivity(entry.kind))
        .map((entry) => ({ staffId: entry.staffId!, at: entry.at }));
      const couponStaffId = purchase.couponId ? coupons.get(purchase.couponId)?.staffId : undefined;
      const rule = attributePurchase({ at: purchase.at, couponStaffId, touches, policy: zh.policy });
      expect([purchase.attribution, purchase.attributedStaffId], purchase.id).to.deep.equal([
        rule.attribution,
        rule.attributedStaffId,
      ]);
      expect(purchase.afterHours, purchase.id).to.equal(isAfterHours(purchase.at, purchase.storeId!, zh.policy));
      counts[rule.attribution] += 1;
    }
    // Most orders are someone's: a coupon's, or the chat's; some customers just walk in.
    expect(counts.coupon).to.be.above(0);
    expect(counts['last-touch']).to.be.above(counts.none);
    expect(counts.none).to.be.above(0);
  });

  it('sends the associate’s moments to the customers they reached, and records tags, groups and notes', () => {
    for (const moment of zh.moments) {
      const sent = of('moment-sent').filter((e) => e.momentId === moment.id);
      const reached = mine.filter(
        (c) =>
          c.addedAt < moment.publishedAt! &&
          !moment.unreachableCustomerIds.includes(c.id) &&
          (moment.audience.type === 'all' || moment.audience.tagIds.some((id) => c.tagIds.includes(id))),
      );
      expect(sent.map((e) => e.customerId).sort(), moment.id).to.deep.equal(reached.map((c) => c.id).sort());
      for (const entry of sent) expect(entry.at).to.equal(moment.publishedAt);
    }
    for (const customer of zh.customers) {
      const tagged = of('tags-changed').filter((e) => e.customerId === customer.id);
      expect(tagged.flatMap((e) => e.added).sort(), customer.id).to.deep.equal([...customer.tagIds].sort());
      const joined = of('joined-group').filter((e) => e.customerId === customer.id);
      const memberships = zh.members.filter((m) => m.id === customer.id && m.type === 'customer');
      expect(joined.map((e) => `${e.groupId} ${e.at}`).sort()).to.deep.equal(
        memberships.map((m) => `${m.groupId} ${m.joinedAt}`).sort(),
      );
    }
    expect(of('note').filter((e) => mine.some((c) => c.id === e.customerId)).length).to.be.above(50);
    expect(of('transferred').length).to.be.above(10);
  });
});

/** Polls `meta` of a database until `key` is there (the seeding's later transactions are not awaited by `ready`). */
async function waitForMeta(dbName: string, key: string) {
  const db = await openDB(dbName);
  try {
    for (let tries = 0; tries < 200; tries++) {
      if (await db.get('meta', key)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`meta ${key} never written`);
  } finally {
    db.close();
  }
}

async function timelineOf(adapter: ReturnType<typeof createLocalAdapter>, customerId: string) {
  const entries: CustomerActivity[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await adapter.listCustomerActivity({ customerId, cursor, limit: 100 });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

describe('seeding the history into IndexedDB', function () {
  this.timeout(60_000);
  const dataset = (): Dataset => generateSeed({ now });

  it('answers a timeline whole as soon as the adapter is ready, and writes every other one after', async () => {
    const dbName = `seed-history-${Date.now()}`;
    const adapter = createLocalAdapter({ dbName, dataset, clock: () => now });
    await adapter.ready;
    const followed = zh.customers.filter((c) => followsCustomer(c, zh.signedInStaffId));
    for (const customer of [followed[0]!, followed[followed.length - 1]!])
      expect(await timelineOf(adapter, customer.id)).to.deep.equal(byCustomer.get(customer.id));
    await waitForMeta(dbName, OTHERS_HISTORY_KEY);
    const db = await openDB(dbName);
    expect(await db.count('activity')).to.equal(history.length);
    db.close();
    adapter.close();
    await deleteDB(dbName);
  });

  it('answers the associate’s results whole as soon as the adapter is ready, and writes every other order after', async () => {
    const dbName = `seed-orders-${Date.now()}`;
    const adapter = createLocalAdapter({ dbName, dataset, clock: () => now });
    await adapter.ready;
    const year = { from: '2025-11-11', to: '2026-11-10' };
    const first = await adapter.getStaffResults(year);
    expect(first.totals.attributedOrders).to.be.above(10);
    await waitForMeta(dbName, OTHERS_HISTORY_KEY);
    expect(await adapter.getStaffResults(year)).to.deep.equal(first);
    const db = await openDB(dbName);
    expect(await db.count('purchases')).to.equal(purchases.length);
    db.close();
    adapter.close();
    await deleteDB(dbName);
  });

  it('seeds again, history and all, a database whose seeding stopped before it was marked done', async () => {
    const dbName = `seed-history-again-${Date.now()}`;
    const first = createLocalAdapter({ dbName, dataset, clock: () => now });
    await first.ready;
    await waitForMeta(dbName, OTHERS_HISTORY_KEY);
    first.close();
    // As if the page had closed between the first transaction and the second: no `dataset` record,
    // and what a stopped seeding left of the history.
    const db = await openDB(dbName);
    await db.delete('meta', 'dataset');
    await db.put('activity', { id: 'stale', customerId: mine[0]!.id, kind: 'note', at: now.toISOString(), text: 'x' });
    db.close();
    const later = new Date(now.getTime() + 86_400_000);
    const again = createLocalAdapter({ dbName, clock: () => later });
    await again.ready;
    const reseeded = generateSeed({ now: later });
    const expected = reseeded.activity!.filter((entry) => entry.customerId === mine[0]!.id);
    expect(await timelineOf(again, mine[0]!.id)).to.deep.equal(expected);
    again.close();
    await deleteDB(dbName);
  });
});
