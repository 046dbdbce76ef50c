/**
 * The domain's schemas of the store, its staff and the policy: what the `common` operations answer
 * (who is signed in, the policy, the store's staff) and what a transfer's successor is. A module of
 * its own, so that validating another group's operation does not load them (see load-validation.ts).
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { Count, PositiveCount, matching, opt, recordOf, storableText } from './schema-kit.js';
import { BroadcastCapSchema, IdSchema, UrlSchema } from './schemas-common.js';

/* ------------------------------------------------------------------ store and staff */

export const StoreSchema = z.object({
  id: IdSchema,
  name: storableText(64, 1),
  address: opt(storableText(256)),
  city: opt(storableText(64)),
  phone: opt(storableText(32)),
  latitude: opt(z.number().check(z.gte(-90), z.lte(90))),
  longitude: opt(z.number().check(z.gte(-180), z.lte(180))),
});

/** An extra line of the external profile: plain text, a web link or a mini-program link. */
export const ExternalAttributeSchema = z.union([
  z.object({ type: z.literal('text'), name: storableText(32), value: storableText(256) }),
  z.object({ type: z.literal('web'), name: storableText(32), title: storableText(64), url: UrlSchema }),
  z.object({
    type: z.literal('miniprogram'),
    name: storableText(32),
    title: storableText(64),
    appId: IdSchema,
    pagePath: storableText(512),
  }),
]);

/** What a staff member may do: a `manager` hands the customers of the store's associates to a successor. */
export const StaffRoleSchema = z.enum(['associate', 'manager']);

export const StaffProfileSchema = z.object({
  id: IdSchema,
  name: storableText(64, 1),
  /** The company's short name, shown as the highlighted `@Company` suffix. */
  companyName: storableText(64, 1),
  position: opt(storableText(64)),
  avatarUrl: opt(UrlSchema),
  phone: opt(storableText(32)),
  /** True only when the backend says the real-name check passed. */
  verified: z.boolean(),
  store: opt(StoreSchema),
  externalAttributes: z.array(ExternalAttributeSchema).check(z.maxLength(20)),
  /** The add-me contact URL, rendered as a QR code. */
  contactUrl: opt(UrlSchema),
  /** Absent: `associate`. Only a manager of the same store previews, makes and lists transfers. */
  role: opt(StaffRoleSchema),
});

/** A staff member as a manager picks them for a transfer: with how many customers they have and may have. */
export const StaffSummarySchema = z.object({
  staff: StaffProfileSchema,
  /** Customers the staff member owns now. */
  customerCount: Count,
  /** Customers on their way to them (on-job transfers still waiting): they count against the cap. */
  incomingCount: Count,
  /** The most customers one staff member may have (policy `customerCap`). */
  customerCap: PositiveCount,
});

/* ------------------------------------------------------------------ policy */

/** A time of day, `HH:MM` (24 h). */
const clockTime = matching(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM');
/** A store's opening hours, `HH:MM` in its time zone (`close` before `open`: open past midnight). */
export const OpeningHoursSchema = z.object({
  open: z.string().check(clockTime),
  close: z.string().check(clockTime),
  /** IANA time zone of the store (absent: the policy's `timeZone`). */
  timeZone: opt(storableText(64, 1)),
});

/** Opening hours by store id. */
export const OpeningHoursByStoreSchema = recordOf(IdSchema, OpeningHoursSchema);

export const PolicySchema = z.object({
  /** Posts per associate per calendar day (the original rule is 1). */
  momentsPerDay: Count,
  /** Member cap of external (customer) groups: 100 originally, 500 today. */
  groupMemberCap: PositiveCount,
  /** Member cap of internal groups. */
  internalGroupMemberCap: PositiveCount,
  /** IANA time zone of the store: days are counted in it. */
  timeZone: storableText(64, 1),
  tagNameMaxLength: PositiveCount.check(z.lte(LIMITS.nameMaxLength)),
  groupNameMaxLength: PositiveCount.check(z.lte(LIMITS.nameMaxLength)),
  momentTextMaxLength: PositiveCount.check(z.lte(LIMITS.momentTextMaxLength)),
  momentImagesMax: PositiveCount.check(z.lte(LIMITS.momentImagesMax)),
  mediaMaxBytes: PositiveCount.check(z.lte(LIMITS.mediaMaxBytes)),
  imageMaxPixels: PositiveCount,
  videoMaxDurationMs: PositiveCount.check(z.lte(LIMITS.videoMaxDurationMs)),
  linkTitleMaxBytes: PositiveCount.check(z.lte(LIMITS.linkTitleMaxBytes)),
  // The thresholds of the task rules (absent: those of DEFAULT_POLICY; see task-rules.ts).
  /** A birthday task appears this many days before the birthday (7). */
  birthdayLeadDays: opt(Count.check(z.lte(LIMITS.taskRuleMaxDays))),
  /** A held coupon expiring within this many days brings up a task (3). */
  couponExpiryLeadDays: opt(Count.check(z.lte(LIMITS.taskRuleMaxDays))),
  /** A follow-up task this many days after a purchase (3). */
  afterPurchaseDays: opt(Count.check(z.lte(LIMITS.taskRuleMaxDays))),
  /** A new customer not greeted this many hours after being added brings up a task (24). */
  greetingHours: opt(PositiveCount.check(z.lte(LIMITS.taskRuleMaxDays * 24))),
  /** A customer whose total spend (fen) reaches this is high-value (500,000: 5,000 yuan). */
  highValueSpend: opt(PositiveCount),
  /** A high-value customer with no contact for this many days brings up a task (30). */
  quietDays: opt(PositiveCount.check(z.lte(LIMITS.taskRuleMaxDays))),
  /** The most customers one staff member may have; a successor over it takes no more (absent: DEFAULT_POLICY's). */
  customerCap: opt(PositiveCount),
  /** Groups whose ownership one departing associate may hand over per calendar day (absent: DEFAULT_POLICY's). */
  groupTransfersPerDay: opt(PositiveCount),
  /** An order goes to the associate who last served the customer within this many days (absent: 7). */
  attributionWindowDays: opt(PositiveCount.check(z.lte(LIMITS.taskRuleMaxDays))),
  /** Opening hours by store id; an order outside them is after hours. */
  openingHours: opt(OpeningHoursByStoreSchema),
  /** Opening hours of a store `openingHours` does not name (absent: 10:00 to 22:00). */
  defaultOpeningHours: opt(OpeningHoursSchema),
  /** Company messages (broadcasts) one customer may receive per period (absent: one a day). */
  broadcastCap: opt(BroadcastCapSchema),
  /** Recipients one broadcast may have (absent: the platform's 10,000). */
  broadcastMaxRecipients: opt(PositiveCount.check(z.lte(LIMITS.broadcastRecipientsMax))),
});

export type Store = z.infer<typeof StoreSchema>;
export type ExternalAttribute = z.infer<typeof ExternalAttributeSchema>;
export type StaffProfile = z.infer<typeof StaffProfileSchema>;
export type StaffRole = z.infer<typeof StaffRoleSchema>;
export type StaffSummary = z.infer<typeof StaffSummarySchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;
