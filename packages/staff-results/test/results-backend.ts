// A results backend for the staff results' tests and stories: getStaffResults answers figures for any
// period (a daily series of its days, the period before, a store's ranking), with failures to order.
import {
  AdapterError,
  DEFAULT_POLICY,
  type Capabilities,
  type GetStaffResultsInput,
  type ResultsDay,
  type ResultsRank,
  type ResultsTotals,
  type StaffResults,
} from '@clienteling/core';
import { fixtures, stubAdapter } from '../../../test/helpers/stub-adapter.js';

/** The moment the fixtures are written for: 1 December 2026, 10:00 in Shanghai. */
export const NOW = new Date('2026-12-01T02:00:00.000Z');

const DAY = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysOf = (from: string, to: string) => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/** The figures of an associate over a week, about the seed's story (a sixth of sales after hours). */
export const weekTotals = (over: Partial<ResultsTotals> = {}): ResultsTotals => ({
  customersAdded: 42,
  customersAddedByChannel: [
    { kind: 'contact-me', state: 'nanjing_spring', count: 30 },
    { kind: 'qrcode', count: 8 },
    { kind: 'group-chat', count: 4 },
  ],
  customersServed: 128,
  couponsSent: 60,
  couponsRedeemed: 18,
  redemptionRate: 0.3,
  attributedSales: { coupon: 8_640_000, other: 3_710_050 },
  attributedOrders: 36,
  afterHoursShare: 0.16,
  repurchaseRate: 0.25,
  ...over,
});

/** The same associate the week before: fewer customers and sales, more coupons, the same after hours. */
export const previousTotals = (over: Partial<ResultsTotals> = {}): ResultsTotals => ({
  ...weekTotals(),
  customersAdded: 35,
  customersServed: 128,
  couponsSent: 75,
  couponsRedeemed: 15,
  redemptionRate: 0.2,
  attributedSales: { coupon: 6_000_000, other: 3_000_000 },
  afterHoursShare: 0.16,
  repurchaseRate: 0.28,
  ...over,
});

const ZERO: ResultsTotals = {
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
};

/** A day of the series: the `index`-th day, with a weekly rhythm (busier at the weekend). */
const dayOf = (day: string, index: number): ResultsDay => {
  const busy = [3, 4, 5, 6, 8, 10, 6][index % 7]!;
  return {
    day,
    customersAdded: busy,
    customersServed: busy * 3,
    couponsSent: busy * 2 - 1,
    couponsRedeemed: index % 3 ? Math.floor(busy / 2) : 0,
    attributedSales: { coupon: busy * 120_000, other: busy * 50_000 },
    afterHoursSales: busy * (16_000 + (index % 4) * 9_000),
  };
};

export const storeRanking = (): ResultsRank[] => [
  { staffId: 'staff-1', name: '王丽', totals: weekTotals() },
  {
    staffId: 'staff-2',
    name: '张敏',
    totals: weekTotals({
      customersAdded: 20,
      customersServed: 64,
      attributedSales: { coupon: 3_000_000, other: 1_250_000 },
    }),
  },
  {
    staffId: 'staff-3',
    name: 'Lily Chen',
    totals: weekTotals({ customersAdded: 6, customersServed: 18, attributedSales: { coupon: 480_000, other: 0 } }),
  },
];

export interface ResultsBackendOptions {
  /** A period without any result. */
  empty?: boolean;
  /** Totals of the period asked for (default: {@link weekTotals}). */
  totals?: ResultsTotals;
  /** Totals of the period before (default: {@link previousTotals}). */
  previous?: ResultsTotals;
  /** The ranking of a store (default: {@link storeRanking}). */
  ranking?: ResultsRank[];
  /** Operations that fail, with their error. */
  failing?: Partial<Record<'getStaffResults' | 'getPolicy' | 'getCurrentStaff', AdapterError>>;
  /** getStaffResults never answers (the loading state). */
  hang?: boolean;
  capabilities?: Partial<Capabilities>;
}

export type ResultsBackend = ReturnType<typeof resultsBackend>;

/** A backend answering the results of any period asked for. */
export function resultsBackend(options: ResultsBackendOptions = {}) {
  const fail = (name: keyof NonNullable<ResultsBackendOptions['failing']>) => {
    const error = options.failing?.[name];
    if (error) throw error;
  };
  return stubAdapter(
    {
      getPolicy: async () => {
        fail('getPolicy');
        return { ...DEFAULT_POLICY, timeZone: 'Asia/Shanghai' };
      },
      getCurrentStaff: async () => {
        fail('getCurrentStaff');
        return fixtures.staff();
      },
      getStaffResults: async (input: GetStaffResultsInput): Promise<StaffResults> => {
        if (options.hang) return new Promise(() => {});
        fail('getStaffResults');
        const { from, to } = input;
        const days = daysOf(from, to);
        const previousTo = addDays(from, -1);
        const previousFrom = addDays(from, -days.length);
        const timeZone = 'Asia/Shanghai';
        const results: StaffResults = {
          staffId: input.storeId ? undefined : (input.staffId ?? 'staff-1'),
          storeId: input.storeId,
          period: { from, to, timeZone },
          totals: options.empty ? ZERO : (options.totals ?? weekTotals()),
          previous: {
            period: { from: previousFrom, to: previousTo, timeZone },
            totals: options.empty ? ZERO : (options.previous ?? previousTotals()),
          },
          daily: days.map((day, index) => (options.empty ? { ...dayOf(day, 0), ...zeroDay(day) } : dayOf(day, index))),
        };
        if (input.storeId) results.ranking = options.empty ? [] : (options.ranking ?? storeRanking());
        return results;
      },
    },
    options.capabilities,
  );
}

const zeroDay = (day: string): ResultsDay => ({
  day,
  customersAdded: 0,
  customersServed: 0,
  couponsSent: 0,
  couponsRedeemed: 0,
  attributedSales: { coupon: 0, other: 0 },
  afterHoursSales: 0,
});
