/**
 * The domain's schemas of an associate's results: contact-me codes, the purchases attributed to
 * them and the figures of a period (see `schemas-common.ts` for what every group shares).
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { isContactState } from './contact-state.js';
import { Count, PositiveCount, opt, storableText } from './schema-kit.js';
import { DateTimeSchema, DaySchema, IdSchema, UrlSchema } from './schemas-common.js';

/* ------------------------------------------------------------------ contact-me codes, purchases and results */

/** The channel a contact-me code names: 1 to 30 of `A-Z a-z 0-9 _ -` (the platform's `state`). */
export const ContactStateSchema = z.string().check(
  z.refine(isContactState, {
    message: `A state is 1 to ${LIMITS.contactStateMaxLength} letters, digits, _ or -`,
  }),
);

/** A contact-me code (联系我): one associate's, or a store's rotation of associates; `url` is rendered as a QR. */
export const ContactWaySchema = z.object({
  id: IdSchema,
  /** The associate, or the associates a customer is given to in turn. */
  staffIds: z.array(IdSchema).check(z.minLength(1), z.maxLength(LIMITS.contactWayStaffMax)),
  state: ContactStateSchema,
  /** The add-me URL (the staff card's QR code). */
  url: UrlSchema,
  /** Who made it. */
  createdBy: IdSchema,
  createdAt: DateTimeSchema,
});

/** Why an order is an associate's: their coupon was redeemed, they served the customer last, or no one's. */
export const AttributionSchema = z.enum(['coupon', 'last-touch', 'none']);

/** A line of an order, as the POS sends it. Money in fen. */
export const PurchaseItemSchema = z.object({
  sku: opt(storableText(64)),
  name: storableText(64, 1),
  category: opt(storableText(32)),
  quantity: PositiveCount,
  amount: Count,
});

/** An order of the retailer's POS, as `recordPurchase` stored and attributed it. */
export const PurchaseSchema = z.object({
  /** The POS's order id: a purchase is recorded once per order. */
  orderId: IdSchema,
  customerId: IdSchema,
  storeId: IdSchema,
  /** Paid, in fen. */
  amount: Count,
  /** When it was paid. */
  at: DateTimeSchema,
  /** The issued coupon the order redeemed. */
  couponId: opt(IdSchema),
  items: opt(z.array(PurchaseItemSchema).check(z.maxLength(LIMITS.purchaseItemsMax))),
  /** The associate the sale is attributed to (absent for `none`). */
  attributedStaffId: opt(IdSchema),
  attribution: AttributionSchema,
  /** Paid outside the store's opening hours, in the store's time zone. */
  afterHours: z.boolean(),
  /** When the backend recorded it. */
  recordedAt: DateTimeSchema,
});

const Rate = z.number().check(z.gte(0), z.lte(1));
const Sales = z.object({
  /** Orders that redeemed a coupon of the associate. */
  coupon: Count,
  /** Orders of customers the associate served last within the attribution window. */
  other: Count,
});

/** Customers added in a period through one channel: the add way, and a contact-me code's state. */
export const ChannelCountSchema = z.object({
  kind: z.enum(['qrcode', 'contact-me', 'search', 'group-chat', 'shared-card', 'other']),
  state: opt(storableText(LIMITS.contactStateMaxLength)),
  count: Count,
});

/** The figures of a period (see `getStaffResults` in docs/adapters.md for each definition). */
export const ResultsTotalsSchema = z.object({
  customersAdded: Count,
  /** `customersAdded` by channel, largest first. */
  customersAddedByChannel: z.array(ChannelCountSchema),
  /** Customers with an activity of the associate (note, coupon sent, post, added) in the period. */
  customersServed: Count,
  couponsSent: Count,
  /** Coupons of the associate redeemed in the period (orders attributed `coupon`). */
  couponsRedeemed: Count,
  /** Of the coupons sent in the period, the share redeemed (0 when none was sent). */
  redemptionRate: Rate,
  /** Attributed sales, in fen. */
  attributedSales: Sales,
  /** Attributed orders. */
  attributedOrders: Count,
  /** The share of attributed sales (by amount) paid after hours. */
  afterHoursShare: Rate,
  /** Of the customers with an attributed order in the period, the share with two or more. */
  repurchaseRate: Rate,
});

/** A period of whole days in the store's time zone, `from` and `to` included. */
export const PeriodSchema = z.object({ from: DaySchema, to: DaySchema, timeZone: storableText(64, 1) });

/** One day of the series. */
export const ResultsDaySchema = z.object({
  day: DaySchema,
  customersAdded: Count,
  customersServed: Count,
  couponsSent: Count,
  couponsRedeemed: Count,
  attributedSales: Sales,
  afterHoursSales: Count,
});

/** An associate's line of a store's ranking. */
export const ResultsRankSchema = z.object({
  staffId: IdSchema,
  name: storableText(64, 1),
  totals: ResultsTotalsSchema,
});

/** What an associate (or a manager's store) achieved in a period, with the period before and a daily series. */
export const StaffResultsSchema = z.object({
  /** The associate, or absent for a store's results. */
  staffId: opt(IdSchema),
  storeId: opt(IdSchema),
  period: PeriodSchema,
  totals: ResultsTotalsSchema,
  /** The same number of days just before `period`. */
  previous: z.object({ period: PeriodSchema, totals: ResultsTotalsSchema }),
  /** One entry per day of `period`, in order. */
  daily: z.array(ResultsDaySchema),
  /** A store's associates, by attributed sales (largest first). */
  ranking: opt(z.array(ResultsRankSchema)),
});

export type ContactWay = z.infer<typeof ContactWaySchema>;
export type Attribution = z.infer<typeof AttributionSchema>;
export type PurchaseItem = z.infer<typeof PurchaseItemSchema>;
export type Purchase = z.infer<typeof PurchaseSchema>;
export type ChannelCount = z.infer<typeof ChannelCountSchema>;
export type ResultsTotals = z.infer<typeof ResultsTotalsSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type ResultsDay = z.infer<typeof ResultsDaySchema>;
export type ResultsRank = z.infer<typeof ResultsRankSchema>;
export type StaffResults = z.infer<typeof StaffResultsSchema>;
