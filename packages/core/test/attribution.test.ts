import { expect } from '@open-wc/testing';
import {
  DEFAULT_POLICY,
  ContactStateSchema,
  GetStaffResultsInputSchema,
  addToPurchaseSummary,
  attributePurchase,
  isAfterHours,
  isContactState,
  previousPeriod,
  resultsDaily,
  resultsTotals,
  type Policy,
} from '@clienteling/core';

const DAY = 86_400_000;
const policy: Policy = { ...DEFAULT_POLICY, attributionWindowDays: 7 };
const at = '2026-11-10T12:00:00.000Z';
const before = (ms: number) => new Date(Date.parse(at) - ms).toISOString();

describe('attribution rules', () => {
  it('gives the order to the coupon sender before the last touch', () => {
    const result = attributePurchase({
      at,
      couponStaffId: 'staff-a',
      touches: [{ staffId: 'staff-b', at: before(60_000) }],
      policy,
    });
    expect(result).to.deep.equal({ attribution: 'coupon', attributedStaffId: 'staff-a' });
  });

  it('counts a touch exactly at the window boundary and not one millisecond before', () => {
    const touches = (ms: number) => [{ staffId: 'staff-b', at: before(ms) }];
    expect(attributePurchase({ at, touches: touches(7 * DAY), policy })).to.deep.equal({
      attribution: 'last-touch',
      attributedStaffId: 'staff-b',
    });
    expect(attributePurchase({ at, touches: touches(7 * DAY + 1), policy })).to.deep.equal({ attribution: 'none' });
  });

  it('takes the latest touch before the order, never one after it', () => {
    const result = attributePurchase({
      at,
      touches: [
        { staffId: 'staff-late', at: new Date(Date.parse(at) + 1000).toISOString() },
        { staffId: 'staff-b', at: before(3 * DAY) },
        { staffId: 'staff-c', at: before(DAY) },
      ],
      policy,
    });
    expect(result.attributedStaffId).to.equal('staff-c');
  });

  it('is after hours outside the store hours in the store time zone', () => {
    const hours: Policy = {
      ...policy,
      openingHours: { 'store-ny': { open: '09:00', close: '21:00', timeZone: 'America/New_York' } },
    };
    // 13:30 UTC = 21:30 in Shanghai (open until 22:00), 08:30 in New York (opens 09:00).
    expect(isAfterHours('2026-11-10T13:30:00Z', 'store-sh', hours)).to.equal(false);
    expect(isAfterHours('2026-11-10T13:30:00Z', 'store-ny', hours)).to.equal(true);
    expect(isAfterHours('2026-11-10T14:00:00Z', 'store-sh', hours)).to.equal(true);
    expect(isAfterHours('2026-11-10T14:00:00Z', 'store-ny', hours)).to.equal(false);
  });

  it('validates a contact-me state: 1 to 30 of A-Z a-z 0-9 _ -', () => {
    expect(isContactState('store-01_spring')).to.equal(true);
    expect(isContactState('x'.repeat(30))).to.equal(true);
    expect(isContactState('x'.repeat(31))).to.equal(false);
    expect(isContactState('')).to.equal(false);
    expect(isContactState('门店')).to.equal(false);
    expect(isContactState('a b')).to.equal(false);
    expect(ContactStateSchema.safeParse('a/b').success).to.equal(false);
  });

  it('takes a results period of whole days, at most 366, that does not end before it starts', () => {
    const valid = (from: string, to: string) => GetStaffResultsInputSchema.safeParse({ from, to }).success;
    expect(valid('2026-01-01', '2027-01-01')).to.equal(true);
    expect(valid('2026-01-01', '2027-01-02')).to.equal(false);
    expect(valid('2026-11-10', '2026-11-09')).to.equal(false);
    expect(
      GetStaffResultsInputSchema.safeParse({ staffId: 'a', storeId: 'b', from: '2026-11-10', to: '2026-11-10' })
        .success,
    ).to.equal(false);
  });

  it('adds an order to the purchase summary', () => {
    const summary = addToPurchaseSummary(undefined, {
      amount: 1000,
      at,
      items: [{ name: 'x', quantity: 1, amount: 1000, category: '上装' }],
    });
    const next = addToPurchaseSummary(summary, { amount: 3000, at: before(DAY) });
    expect(next).to.include({ totalSpent: 4000, orderCount: 2, averageOrderValue: 2000, lastPurchaseAt: at });
    expect(next.favouriteCategories).to.deep.equal(['上装']);
  });

  it('computes totals and a daily series of a period in the store time zone', () => {
    const period = { from: '2026-11-09', to: '2026-11-10', timeZone: 'Asia/Shanghai' };
    expect(previousPeriod(period)).to.deep.equal({ from: '2026-11-07', to: '2026-11-08', timeZone: 'Asia/Shanghai' });
    const source = {
      customersAdded: [
        { addedAt: '2026-11-08T16:30:00Z', addWay: { kind: 'contact-me' as const, state: 'spring' } },
        { addedAt: '2026-11-08T15:30:00Z', addWay: { kind: 'qrcode' as const } },
      ],
      touches: [
        { customerId: 'c1', at: '2026-11-09T02:00:00Z' },
        { customerId: 'c1', at: '2026-11-10T02:00:00Z' },
        { customerId: 'c2', at: '2026-11-10T03:00:00Z' },
      ],
      coupons: [
        { issuedAt: '2026-11-09T02:00:00Z', status: 'redeemed', redeemedAt: '2026-11-10T14:30:00Z' },
        { issuedAt: '2026-11-09T03:00:00Z', status: 'unused' },
      ],
      purchases: [
        {
          customerId: 'c1',
          amount: 10000,
          at: '2026-11-10T14:30:00Z',
          attribution: 'coupon' as const,
          afterHours: true,
        },
        {
          customerId: 'c1',
          amount: 5000,
          at: '2026-11-10T04:00:00Z',
          attribution: 'last-touch' as const,
          afterHours: false,
        },
        {
          customerId: 'c2',
          amount: 5000,
          at: '2026-11-10T05:00:00Z',
          attribution: 'last-touch' as const,
          afterHours: false,
        },
        { customerId: 'c3', amount: 9000, at: '2026-11-10T05:00:00Z', attribution: 'none' as const, afterHours: false },
      ],
    };
    const totals = resultsTotals(source, period);
    expect(totals).to.deep.include({
      customersAdded: 1,
      customersServed: 2,
      couponsSent: 2,
      couponsRedeemed: 1,
      redemptionRate: 0.5,
      attributedSales: { coupon: 10000, other: 10000 },
      attributedOrders: 3,
      afterHoursShare: 0.5,
      repurchaseRate: 0.5,
    });
    expect(totals.customersAddedByChannel).to.deep.equal([{ kind: 'contact-me', state: 'spring', count: 1 }]);
    const daily = resultsDaily(source, period);
    expect(daily.map((day) => day.day)).to.deep.equal(['2026-11-09', '2026-11-10']);
    expect(daily[0]).to.deep.include({ customersAdded: 1, customersServed: 1, couponsSent: 2 });
    expect(daily[1]).to.deep.include({ couponsRedeemed: 1, afterHoursSales: 10000 });
    expect(daily[1]!.attributedSales).to.deep.equal({ coupon: 10000, other: 10000 });
  });
});
