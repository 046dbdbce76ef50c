/**
 * The rules of sales attribution and of an associate's results (issue 24), written once for every
 * backend: adapter-local runs them on IndexedDB records, the reference server runs them on each order
 * and computes the same figures in SQL (packages/server/src/results.ts follows these definitions).
 *
 * - An order redeeming a coupon goes to the associate who sent the coupon (`coupon`).
 * - Otherwise to the associate who last served the customer (an activity of {@link SERVING_ACTIVITY_KINDS})
 *   at most `attributionWindowDays` before the order, the boundary included (`last-touch`).
 * - Otherwise to no one (`none`).
 * - An order paid outside the store's opening hours, in the store's time zone, is after hours.
 */
import { AdapterError } from './errors.js';
import { DEFAULT_POLICY } from './limits.js';
import { dayKey, startOfDay, wallTimeIn } from './rules.js';
import type {
  ActivityKind,
  AddWay,
  Attribution,
  ChannelCount,
  OpeningHours,
  Period,
  Policy,
  Purchase,
  PurchaseSummary,
  ResultsDay,
  ResultsRank,
  ResultsTotals,
  StaffProfile,
  StaffResults,
} from './schemas.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an associate does with a customer that counts as serving them (and as the last touch). */
export const SERVING_ACTIVITY_KINDS = [
  'added',
  'note',
  'coupon-issued',
  'moment-sent',
] as const satisfies readonly ActivityKind[];

/** Whether an activity of `kind` serves the customer. */
export const isServingActivity = (kind: ActivityKind): boolean =>
  (SERVING_ACTIVITY_KINDS as readonly ActivityKind[]).includes(kind);

/** The attribution window of the policy, in days (7 by default). */
export const attributionWindowDays = (policy: Policy): number =>
  policy.attributionWindowDays ?? DEFAULT_POLICY.attributionWindowDays ?? 7;

/** The earliest moment a touch still counts for an order at `at`: exactly the window before it. */
export const attributionWindowStart = (at: Date, policy: Policy): Date =>
  new Date(at.getTime() - attributionWindowDays(policy) * DAY_MS);

/** A serving activity of an associate, as the rule needs it. */
export interface Touch {
  staffId: string;
  at: string;
}

/** What the rule decides for one order. */
export interface AttributionResult {
  attribution: Attribution;
  attributedStaffId?: string;
}

/**
 * Attributes an order paid at `at`: to `couponStaffId` (who sent the coupon it redeemed), else to the
 * latest of `touches` within the window (the boundary included, none after the order), else to none.
 */
export function attributePurchase(input: {
  at: string;
  couponStaffId?: string;
  touches: readonly Touch[];
  policy: Policy;
}): AttributionResult {
  if (input.couponStaffId) return { attribution: 'coupon', attributedStaffId: input.couponStaffId };
  const at = Date.parse(input.at);
  const from = attributionWindowStart(new Date(at), input.policy).getTime();
  let last: Touch | undefined;
  let lastAt = -Infinity;
  for (const touch of input.touches) {
    const touchAt = Date.parse(touch.at);
    if (touchAt < from || touchAt > at || touchAt < lastAt) continue;
    last = touch;
    lastAt = touchAt;
  }
  return last ? { attribution: 'last-touch', attributedStaffId: last.staffId } : { attribution: 'none' };
}

/** The opening hours of a store: its own, else the policy's default, else 10:00 to 22:00. */
export function openingHoursOf(storeId: string, policy: Policy): Required<OpeningHours> {
  const hours = policy.openingHours?.[storeId] ??
    policy.defaultOpeningHours ??
    DEFAULT_POLICY.defaultOpeningHours ?? { open: '10:00', close: '22:00' };
  return { open: hours.open, close: hours.close, timeZone: hours.timeZone ?? policy.timeZone };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The minute of the day of `date` in `timeZone` (0 to 1439). */
function minuteOfDay(date: Date, timeZone: string): number {
  const { hour, minute } = wallTimeIn(date, timeZone);
  return hour * 60 + minute;
}

/**
 * Whether an order paid at `at` in `storeId` is after hours: before `open` or from `close` on, in the
 * store's time zone (a store closing past midnight, `close` before `open`, is open across it).
 */
export function isAfterHours(at: string, storeId: string, policy: Policy): boolean {
  const hours = openingHoursOf(storeId, policy);
  const minute = minuteOfDay(new Date(at), hours.timeZone);
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  const isOpen = open <= close ? minute >= open && minute < close : minute >= open || minute < close;
  return !isOpen;
}

/** The customer's purchase summary with one more order (the POS's categories and sizes kept). */
export function addToPurchaseSummary(
  summary: PurchaseSummary | undefined,
  purchase: Pick<Purchase, 'amount' | 'at' | 'items'>,
): PurchaseSummary {
  const totalSpent = (summary?.totalSpent ?? 0) + purchase.amount;
  const orderCount = (summary?.orderCount ?? 0) + 1;
  const last = summary?.lastPurchaseAt;
  const categories = [...(summary?.favouriteCategories ?? [])];
  for (const item of purchase.items ?? [])
    if (item.category && !categories.includes(item.category) && categories.length < 10) categories.push(item.category);
  return {
    totalSpent,
    orderCount,
    lastPurchaseAt: last && Date.parse(last) > Date.parse(purchase.at) ? last : purchase.at,
    averageOrderValue: Math.round(totalSpent / orderCount),
    favouriteCategories: categories,
    sizes: summary?.sizes ?? [],
  };
}

/* ------------------------------------------------------------------ contact-me codes and who sees results */

/**
 * Throws `forbidden` unless `viewer` may make a contact-me code for `staff`: an associate for
 * themselves alone, a manager for associates of their store (reason `not-manager` or `other-store`).
 */
export function assertContactWayAllowed(
  viewer: Pick<StaffProfile, 'id' | 'role' | 'store'>,
  staff: ReadonlyArray<Pick<StaffProfile, 'id' | 'store'>>,
): void {
  if (staff.length === 1 && staff[0]!.id === viewer.id) return;
  assertResultsViewer(viewer, staff);
}

/**
 * Throws `forbidden` unless `viewer` may see the results of `staff` (or of the store `storeId`): their own,
 * or as a manager, those of their store's associates and of their store.
 */
export function assertResultsViewer(
  viewer: Pick<StaffProfile, 'id' | 'role' | 'store'>,
  staff: ReadonlyArray<Pick<StaffProfile, 'id' | 'store'>>,
  storeId?: string,
): void {
  if (storeId === undefined && staff.every((person) => person.id === viewer.id)) return;
  if (viewer.role !== 'manager')
    throw new AdapterError('forbidden', "Only a manager sees others' results", { reason: 'not-manager' });
  const own = viewer.store?.id;
  if (!own || (storeId !== undefined && storeId !== own) || staff.some((person) => person.store?.id !== own))
    throw new AdapterError('forbidden', "Staff of another store than the manager's", { reason: 'other-store' });
}

/** The next associate of a rotation: customers are given to `staffIds` in turn. */
export const rotationStaffId = (staffIds: readonly string[], addedSoFar: number): string =>
  staffIds[addedSoFar % staffIds.length]!;

/* ------------------------------------------------------------------ periods */

/** `day` (`YYYY-MM-DD`) moved by `days`. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export const periodLength = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** The period of the same length just before `period`. */
export function previousPeriod(period: Period): Period {
  const length = periodLength(period.from, period.to);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1), timeZone: period.timeZone };
}

/** The instants a period covers: from the start of its first day up to (excluded) the start of the day after. */
export function periodBounds(period: Period): { start: Date; end: Date } {
  return { start: startOfDay(period.from, period.timeZone), end: startOfDay(addDays(period.to, 1), period.timeZone) };
}

/* ------------------------------------------------------------------ results */

/** What the results are computed from: the records of the associates concerned (any time; filtered here). */
export interface ResultsSource {
  /** Customers the associates added: when, and through which way. */
  customersAdded: readonly { addedAt: string; addWay?: AddWay }[];
  /** Serving activities of the associates. */
  touches: readonly { customerId: string; at: string }[];
  /** Coupons the associates sent (a coupon is redeemed by the order that names it: see `purchases`). */
  coupons: readonly { issuedAt: string; status: string }[];
  /** Orders attributed to the associates. */
  purchases: readonly Pick<Purchase, 'customerId' | 'amount' | 'at' | 'attribution' | 'afterHours'>[];
}

/** The channel of an add way: its kind, and a contact-me code's state. */
export const channelOf = (addWay: AddWay | undefined): Omit<ChannelCount, 'count'> =>
  addWay?.kind === 'contact-me' && addWay.state
    ? { kind: 'contact-me', state: addWay.state }
    : { kind: addWay?.kind ?? 'other' };

const within = (at: string | undefined, start: number, end: number) => {
  if (!at) return false;
  const time = Date.parse(at);
  return time >= start && time < end;
};
const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.min(1, part / whole));

/** The totals of `period` (see docs/adapters.md, `getStaffResults`). */
export function resultsTotals(source: ResultsSource, period: Period): ResultsTotals {
  const { start, end } = periodBounds(period);
  const [from, to] = [start.getTime(), end.getTime()];
  const channels = new Map<string, ChannelCount>();
  let customersAdded = 0;
  for (const customer of source.customersAdded) {
    if (!within(customer.addedAt, from, to)) continue;
    customersAdded += 1;
    const channel = channelOf(customer.addWay);
    const key = `${channel.kind}:${channel.state ?? ''}`;
    const entry = channels.get(key) ?? { ...channel, count: 0 };
    entry.count += 1;
    channels.set(key, entry);
  }
  const served = new Set(source.touches.filter((touch) => within(touch.at, from, to)).map((t) => t.customerId));
  const sent = source.coupons.filter((coupon) => within(coupon.issuedAt, from, to));
  const sentRedeemed = sent.filter((coupon) => coupon.status === 'redeemed').length;
  const sales = { coupon: 0, other: 0 };
  let afterHours = 0;
  let attributedOrders = 0;
  let couponsRedeemed = 0;
  const ordersByCustomer = new Map<string, number>();
  for (const purchase of source.purchases) {
    if (purchase.attribution === 'none' || !within(purchase.at, from, to)) continue;
    attributedOrders += 1;
    if (purchase.attribution === 'coupon') couponsRedeemed += 1;
    if (purchase.attribution === 'coupon') sales.coupon += purchase.amount;
    else sales.other += purchase.amount;
    if (purchase.afterHours) afterHours += purchase.amount;
    ordersByCustomer.set(purchase.customerId, (ordersByCustomer.get(purchase.customerId) ?? 0) + 1);
  }
  const repeat = [...ordersByCustomer.values()].filter((count) => count >= 2).length;
  return {
    customersAdded,
    customersAddedByChannel: [...channels.values()].sort(
      (a, b) => b.count - a.count || `${a.kind}${a.state ?? ''}`.localeCompare(`${b.kind}${b.state ?? ''}`),
    ),
    customersServed: served.size,
    couponsSent: sent.length,
    couponsRedeemed,
    redemptionRate: rate(sentRedeemed, sent.length),
    attributedSales: sales,
    attributedOrders,
    afterHoursShare: rate(afterHours, sales.coupon + sales.other),
    repurchaseRate: rate(repeat, ordersByCustomer.size),
  };
}

/** One entry per day of `period`, in order. */
export function resultsDaily(source: ResultsSource, period: Period): ResultsDay[] {
  const days: ResultsDay[] = [];
  const index = new Map<string, ResultsDay>();
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const entry: ResultsDay = {
      day,
      customersAdded: 0,
      customersServed: 0,
      couponsSent: 0,
      couponsRedeemed: 0,
      attributedSales: { coupon: 0, other: 0 },
      afterHoursSales: 0,
    };
    days.push(entry);
    index.set(day, entry);
  }
  const dayOf = (at: string | undefined) => (at ? index.get(dayKey(new Date(at), period.timeZone)) : undefined);
  for (const customer of source.customersAdded) {
    const entry = dayOf(customer.addedAt);
    if (entry) entry.customersAdded += 1;
  }
  const servedByDay = new Map<ResultsDay, Set<string>>();
  for (const touch of source.touches) {
    const entry = dayOf(touch.at);
    if (!entry) continue;
    const served = servedByDay.get(entry) ?? new Set<string>();
    served.add(touch.customerId);
    servedByDay.set(entry, served);
  }
  for (const [entry, served] of servedByDay) entry.customersServed = served.size;
  for (const coupon of source.coupons) {
    const sentOn = dayOf(coupon.issuedAt);
    if (sentOn) sentOn.couponsSent += 1;
  }
  for (const purchase of source.purchases) {
    const entry = purchase.attribution === 'none' ? undefined : dayOf(purchase.at);
    if (!entry) continue;
    if (purchase.attribution === 'coupon') {
      entry.couponsRedeemed += 1;
      entry.attributedSales.coupon += purchase.amount;
    } else entry.attributedSales.other += purchase.amount;
    if (purchase.afterHours) entry.afterHoursSales += purchase.amount;
  }
  return days;
}

/** Sorts a store's associates by attributed sales, largest first (then by name). */
export const byAttributedSales = <T extends { name: string; totals: ResultsTotals }>(a: T, b: T): number =>
  b.totals.attributedSales.coupon +
    b.totals.attributedSales.other -
    (a.totals.attributedSales.coupon + a.totals.attributedSales.other) || a.name.localeCompare(b.name);

/** The records of one associate, for {@link buildStaffResults}. */
export interface StaffSource {
  staffId: string;
  name: string;
  source: ResultsSource;
}

const mergeSources = (sources: readonly ResultsSource[]): ResultsSource => ({
  customersAdded: sources.flatMap((source) => source.customersAdded),
  touches: sources.flatMap((source) => source.touches),
  coupons: sources.flatMap((source) => source.coupons),
  purchases: sources.flatMap((source) => source.purchases),
});

/**
 * The answer of `getStaffResults` from the records of one associate (`staffId`) or of a store's
 * associates (`storeId`: summed, and ranked by attributed sales).
 */
export function buildStaffResults(input: {
  period: Period;
  staff: readonly StaffSource[];
  staffId?: string;
  storeId?: string;
}): StaffResults {
  const source = mergeSources(input.staff.map((person) => person.source));
  const previous = previousPeriod(input.period);
  const ranking: ResultsRank[] | undefined = input.storeId
    ? input.staff
        .map((person) => ({
          staffId: person.staffId,
          name: person.name,
          totals: resultsTotals(person.source, input.period),
        }))
        .sort(byAttributedSales)
    : undefined;
  return {
    ...(input.staffId ? { staffId: input.staffId } : {}),
    ...(input.storeId ? { storeId: input.storeId } : {}),
    period: input.period,
    totals: resultsTotals(source, input.period),
    previous: { period: previous, totals: resultsTotals(source, previous) },
    daily: resultsDaily(source, input.period),
    ...(ranking ? { ranking } : {}),
  };
}

/** The instants the records of a results query must cover: the previous period's start to the period's end. */
export function resultsBounds(period: Period): { start: Date; end: Date } {
  return { start: periodBounds(previousPeriod(period)).start, end: periodBounds(period).end };
}
