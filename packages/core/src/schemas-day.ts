/**
 * The domain's schemas of the associate's day: tasks, transfers, contact-me codes, purchases and
 * results (see `schemas-common.ts` for what every group shares).
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { isContactState } from './contact-state.js';
import { isInvisible } from './text-rules.js';
import { Count, PositiveCount, matching, opt, storableText } from './schema-kit.js';
import { DateTimeSchema, IdSchema, StaffSummarySchema, UrlSchema } from './schemas-common.js';

/* ------------------------------------------------------------------ tasks (the associate's day) */

/** Why a task exists: one of the rules (task-rules.ts) or the associate's own (`manual`). */
export const TaskKindSchema = z.enum([
  'birthday',
  'coupon-expiring',
  'after-purchase',
  'new-customer',
  'high-value-quiet',
  'manual',
]);
/** What resolves the task: the element offers it as the one-tap action. */
export const TaskActionSchema = z.enum(['send-coupon', 'send-message', 'open-profile', 'call']);
/** `snoozed` until `snoozedUntil`, then open again; `done` and `dismissed` are closed. */
export const TaskStateSchema = z.enum(['open', 'done', 'snoozed', 'dismissed']);
export const TaskTitleSchema = storableText(LIMITS.taskTitleMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A title must have visible characters' }),
);
/** A calendar day, `YYYY-MM-DD`. */
export const DaySchema = z
  .string()
  .check(matching(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Expected YYYY-MM-DD'));

/**
 * A follow-up of one associate with one customer. Rule tasks have deterministic ids (one per rule,
 * customer and occurrence) and carry what the rule refers to, so that an element words why the
 * task exists ("生日还有 3 天") itself; manual tasks carry a title.
 */
export const TaskSchema = z.object({
  id: IdSchema,
  /** The associate whose task it is. */
  staffId: IdSchema,
  customerId: IdSchema,
  kind: TaskKindSchema,
  /** What to do, for manual tasks. */
  title: opt(TaskTitleSchema),
  action: TaskActionSchema,
  state: TaskStateSchema,
  /** When it is to be done: it is in `today` from the start of its day (overdue after). */
  dueAt: DateTimeSchema,
  /** For `snoozed`: when it comes back (open, due then). */
  snoozedUntil: opt(DateTimeSchema),
  createdAt: DateTimeSchema,
  /** For `done` and `dismissed`: when. */
  closedAt: opt(DateTimeSchema),
  /** The held coupon that expires (`coupon-expiring`). */
  couponId: opt(IdSchema),
  /** The timeline entry the rule refers to: the purchase of `after-purchase`. */
  activityId: opt(IdSchema),
  /** The day the task is about, in the store's time zone: the birthday of `birthday`. */
  eventDate: opt(DaySchema),
  /**
   * The moment the task is about: the coupon's end of validity, the purchase, when the customer was
   * added, the last contact of a quiet high-value customer.
   */
  eventAt: opt(DateTimeSchema),
});

/** The lists of `listTasks`: today and overdue, later (and snoozed), closed (done or dismissed). */
export const TaskBucketSchema = z.enum(['today', 'upcoming', 'done']);
export const TaskCountsSchema = z.object({ today: Count, upcoming: Count, done: Count });

/* ------------------------------------------------------------------ transfers (when an associate leaves) */

/**
 * `on-job` (在职继承): the associate stays; the customer is told and the takeover completes 24 h later
 * unless the customer refuses; each customer at most twice in 90 days. `resigned` (离职继承): completes at once.
 */
export const TransferModeSchema = z.enum(['on-job', 'resigned']);
/** Why a selected customer cannot go (transfer-rules.ts decides). */
export const TransferRefusalSchema = z.enum(['too-frequent', 'successor-over-cap', 'not-owned', 'in-transfer']);
/** A customer in a preview: `ok`, or why it cannot go. */
export const TransferPreviewStatusSchema = z.enum(['ok', ...TransferRefusalSchema.options]);
/** A customer in a transfer: on its way (`waiting`), taken over (`done`), `refused` by the customer, or not sent. */
export const TransferCustomerStatusSchema = z.enum(['waiting', 'done', 'refused', ...TransferRefusalSchema.options]);
/** A group in a preview or a transfer: `ok` / `done` (ownership moved), over today's batch (`limited`), `not-owned`. */
export const TransferGroupPreviewStatusSchema = z.enum(['ok', 'limited', 'not-owned']);
export const TransferGroupStatusSchema = z.enum(['done', 'limited', 'not-owned']);
export const TransferMessageSchema = storableText(LIMITS.transferMessageMaxLength);

export const TransferPreviewSchema = z.object({
  customers: z.array(z.object({ customerId: IdSchema, status: TransferPreviewStatusSchema })),
  groups: z.array(z.object({ groupId: IdSchema, status: TransferGroupPreviewStatusSchema })),
  /** How many customers have each status. */
  counts: z.object({
    ok: Count,
    'too-frequent': Count,
    'successor-over-cap': Count,
    'not-owned': Count,
    'in-transfer': Count,
  }),
  /** Platform requests the customers that can go take (at most 100 customers each). */
  batches: Count,
  /** The successor as the preview saw them. */
  successor: StaffSummarySchema,
});

export const TransferCustomerResultSchema = z.object({
  customerId: IdSchema,
  status: TransferCustomerStatusSchema,
  /** The platform request (0, 1, ...) the customer went in; absent for customers not sent. */
  batch: opt(Count),
  /** When the takeover completed (`done`) or was refused. */
  settledAt: opt(DateTimeSchema),
});

/** A manager's hand-over of one associate's customers and groups to a successor, with each one's status. */
export const TransferSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  mode: TransferModeSchema,
  fromStaffId: IdSchema,
  toStaffId: IdSchema,
  /** The manager who made it. */
  staffId: IdSchema,
  createdAt: DateTimeSchema,
  /** When waiting customers are taken over: 24 h after `createdAt` (on-job), `createdAt` (resigned). */
  completesAt: DateTimeSchema,
  /** What the customers were told (on-job). */
  message: opt(TransferMessageSchema),
  customers: z.array(TransferCustomerResultSchema),
  groups: z.array(z.object({ groupId: IdSchema, status: TransferGroupStatusSchema })),
  /** How many customers have each status. */
  counts: z.object({
    waiting: Count,
    done: Count,
    refused: Count,
    'too-frequent': Count,
    'successor-over-cap': Count,
    'not-owned': Count,
    'in-transfer': Count,
  }),
});

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

export type TransferMode = z.infer<typeof TransferModeSchema>;
export type TransferRefusal = z.infer<typeof TransferRefusalSchema>;
export type TransferPreviewStatus = z.infer<typeof TransferPreviewStatusSchema>;
export type TransferCustomerStatus = z.infer<typeof TransferCustomerStatusSchema>;
export type TransferGroupPreviewStatus = z.infer<typeof TransferGroupPreviewStatusSchema>;
export type TransferGroupStatus = z.infer<typeof TransferGroupStatusSchema>;
export type TransferPreview = z.infer<typeof TransferPreviewSchema>;
export type TransferCustomerResult = z.infer<typeof TransferCustomerResultSchema>;
export type Transfer = z.infer<typeof TransferSchema>;
export type TaskKind = z.infer<typeof TaskKindSchema>;
export type TaskAction = z.infer<typeof TaskActionSchema>;
export type TaskState = z.infer<typeof TaskStateSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type TaskBucket = z.infer<typeof TaskBucketSchema>;
export type TaskCounts = z.infer<typeof TaskCountsSchema>;
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
