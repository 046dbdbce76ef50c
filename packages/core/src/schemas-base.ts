/**
 * The domain's schemas of customers and tags and of the timeline (see `schemas-common.ts` for what
 * every group shares).
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { isInvisible } from './text-rules.js';
import { Count, integer, matching, opt, storableText } from './schema-kit.js';
import { DateTimeSchema, IdSchema, NameSchema, UrlSchema } from './schemas-common.js';

/* ------------------------------------------------------------------ customers and tags */

/** How the customer came to be a contact, as the platform records it (`add_way`). */
export const AddWaySchema = z.union([
  z.object({ kind: z.literal('qrcode') }),
  /** A contact-me code (联系我); its `state` names the channel (a store, a campaign). */
  z.object({ kind: z.literal('contact-me'), state: opt(storableText(LIMITS.contactStateMaxLength)) }),
  z.object({ kind: z.literal('search') }),
  z.object({ kind: z.literal('group-chat'), groupId: opt(IdSchema) }),
  z.object({ kind: z.literal('shared-card'), sharedBy: opt(storableText(64)) }),
  z.object({ kind: z.literal('other') }),
]);

/** A day to remember: the customer's birthday or another date. `MM-DD`, or `YYYY-MM-DD` with the year. */
export const ImportantDateSchema = z.object({
  kind: z.enum(['birthday', 'anniversary', 'other']),
  date: z.string().check(matching(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Expected MM-DD or YYYY-MM-DD')),
  /** What the date is, for `other` (and optionally an anniversary). */
  label: opt(storableText(20)),
});

/** The retailer's purchase summary of a customer (from its POS). Money in fen. */
export const PurchaseSummarySchema = z.object({
  totalSpent: Count,
  orderCount: Count,
  lastPurchaseAt: opt(DateTimeSchema),
  averageOrderValue: Count,
  favouriteCategories: z.array(storableText(32, 1)).check(z.maxLength(10)),
  /** Sizes the customer wears, by category (`{ category: '上装', size: 'M' }`). */
  sizes: z.array(z.object({ category: storableText(32, 1), size: storableText(16, 1) })).check(z.maxLength(10)),
});

/** What the associate notes about a customer (`updateCustomer` edits them, within the platform's limits). */
const CustomerRemarkFields = {
  /** The remark name. Writes take at most {@link LIMITS.remarkMaxLength} characters; older data may be longer. */
  remark: opt(storableText(128)),
  description: opt(storableText(LIMITS.descriptionMaxLength)),
  remarkPhones: opt(z.array(storableText(32, 1)).check(z.maxLength(LIMITS.remarkPhonesMax))),
  remarkCompany: opt(storableText(LIMITS.remarkCompanyMaxLength)),
};

export const CustomerSchema = z.object({
  id: IdSchema,
  name: storableText(64, 1),
  avatarUrl: opt(UrlSchema),
  ...CustomerRemarkFields,
  ownerStaffId: IdSchema,
  addedAt: DateTimeSchema,
  /** Tags the associate gave. */
  tagIds: z.array(IdSchema),
  /** Tags a rule engine assigned: shown apart and read-only. */
  ruleTagIds: z.array(IdSchema),
  /** `wechat`: a WeChat user (shown `@微信`); `wecom`: a WeCom user of another company, `corpName`. */
  type: opt(z.enum(['wechat', 'wecom'])),
  /** The customer's company, for `type` `wecom` (shown `@corpName`). */
  corpName: opt(storableText(64, 1)),
  /** The staff member who added the customer. */
  addedBy: opt(IdSchema),
  addWay: opt(AddWaySchema),
  /** The associates who follow the customer (the owner among them); absent: the owner alone. */
  followerStaffIds: opt(z.array(IdSchema)),
  importantDates: opt(z.array(ImportantDateSchema).check(z.maxLength(10))),
  /** Present when the backend has purchase data (capability `purchaseData`). */
  purchases: opt(PurchaseSummarySchema),
  /** When the customer refused the company's messages (拒收): broadcasts skip them. */
  unsubscribedAt: opt(DateTimeSchema),
});

/* ------------------------------------------------------------------ customer activity (the timeline) */

export const ActivityKindSchema = z.enum([
  'added',
  'profile-updated',
  'tags-changed',
  'coupon-issued',
  'coupon-redeemed',
  'moment-sent',
  'joined-group',
  'left-group',
  'purchase',
  'note',
  'transferred',
]);
export const NoteTextSchema = storableText(LIMITS.noteMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A note must have visible characters' }),
);
const activity = <K extends z.infer<typeof ActivityKindSchema>, S extends z.core.$ZodLooseShape>(kind: K, shape: S) =>
  z.object({
    id: IdSchema,
    customerId: IdSchema,
    kind: z.literal(kind),
    at: DateTimeSchema,
    /** Who did it (absent for what the customer or a system did). */
    staffId: opt(IdSchema),
    ...shape,
  });

/** One entry of a customer's timeline. Every change of a customer writes one, in the same transaction. */
export const CustomerActivitySchema = z.union([
  activity('added', { addWay: opt(AddWaySchema) }),
  /** The new values of the fields `updateCustomer` changed (an empty string: cleared). */
  activity('profile-updated', { changes: z.object(CustomerRemarkFields) }),
  activity('tags-changed', { added: z.array(IdSchema), removed: z.array(IdSchema) }),
  activity('coupon-issued', { couponId: IdSchema, stockId: IdSchema, stockName: storableText(64) }),
  activity('coupon-redeemed', { couponId: IdSchema, stockId: IdSchema, stockName: storableText(64) }),
  activity('moment-sent', { momentId: IdSchema, text: storableText(LIMITS.momentTextMaxLength) }),
  activity('joined-group', { groupId: IdSchema, groupName: storableText(64) }),
  activity('left-group', { groupId: IdSchema, groupName: storableText(64) }),
  activity('purchase', {
    amount: Count,
    storeId: opt(IdSchema),
    storeName: opt(storableText(64)),
    /** The associate the sale is attributed to. */
    attributedStaffId: opt(IdSchema),
    couponId: opt(IdSchema),
    /** The retailer's order (`recordPurchase`); absent on older data. */
    orderId: opt(IdSchema),
    /** Why the sale is the associate's (attribution.ts); absent on older data. */
    attribution: opt(z.enum(['coupon', 'last-touch', 'none'])),
    /** Paid outside the store's opening hours. */
    afterHours: opt(z.boolean()),
  }),
  activity('note', { text: NoteTextSchema }),
  activity('transferred', { fromStaffId: IdSchema, toStaffId: IdSchema }),
]);

export const TagSchema = z.object({
  id: IdSchema,
  groupId: IdSchema,
  name: NameSchema,
  /** Larger sorts first. */
  order: z.number().check(integer),
  /** Soft-deleted tags are hidden by elements. */
  deleted: z.boolean(),
});

export const TagGroupSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  order: z.number().check(integer),
  deleted: z.boolean(),
  /** `single` groups replace the old tag (radio), `multiple` groups add (checkbox). */
  selection: z.enum(['single', 'multiple']),
  /** `rule` groups hold rule-engine tags: read-only to an associate. */
  kind: z.enum(['manual', 'rule']),
  /** Whether an associate may create new tags in this group. */
  allowCreate: z.boolean(),
  tags: z.array(TagSchema),
});

export type Customer = z.infer<typeof CustomerSchema>;
export type AddWay = z.infer<typeof AddWaySchema>;
export type ImportantDate = z.infer<typeof ImportantDateSchema>;
export type PurchaseSummary = z.infer<typeof PurchaseSummarySchema>;
export type ActivityKind = z.infer<typeof ActivityKindSchema>;
export type CustomerActivity = z.infer<typeof CustomerActivitySchema>;
export type Tag = z.infer<typeof TagSchema>;
export type TagGroup = z.infer<typeof TagGroupSchema>;
