/**
 * The domain of clienteling-elements as zod (mini) schemas. Every TypeScript type of the domain is
 * inferred from these schemas, never written twice. Adapters' responses are validated against them
 * at the boundary (see `validate.ts`).
 *
 * Conventions: ids are opaque strings; times are ISO 8601 strings with an offset; money is an
 * integer number of fen (分, 1/100 CNY); limits that vary per company live in {@link PolicySchema}.
 */
import * as z from 'zod/mini';
import { LIMITS, byteLength } from './limits.js';
import { hasBadCharacters, isContactState, isInvisible, isWebUrl } from './rules.js';
import { SCRIPT_VARIABLES, unknownScriptVariables } from './script-rules.js';

export { LIMITS, byteLength, DEFAULT_POLICY } from './limits.js';

/** Refuses NUL and lone surrogates in every string of the domain: no database stores them. */
const storable = z.refine<string>((value) => !hasBadCharacters(value), {
  message: 'Text must not contain NUL or unpaired surrogate characters',
});
/** A string of at most `max` characters (and at least `min`) that a database can store. */
export const storableText = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max), storable);

export const IdSchema = storableText(128, 1);
/** An ISO 8601 date-time with a time zone (`Z` or an offset), checked cheaply without zod's regex. */
export const DateTimeSchema = z.string().check(
  z.refine(
    (value) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)),
    {
      message: 'Expected an ISO date-time with a zone',
    },
  ),
);
/** A URL as the backend sent it. Elements sanitise before rendering it as a link. */
export const UrlSchema = storableText(2048, 1);
/** A link a customer may open: `http:` or `https:` only. */
export const WebUrlSchema = UrlSchema.check(z.refine(isWebUrl, { message: 'A link must be an http or https URL' }));
/** A tag or group name: something visible, not only spaces or invisible marks. */
export const NameSchema = storableText(LIMITS.nameMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A name must have visible characters' }),
);
const opt = z.optional;
const Count = z.number().check(z.int(), z.gte(0));
const PositiveCount = z.number().check(z.int(), z.gte(1));

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
  date: z.string().check(z.regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)),
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
  order: z.number().check(z.int()),
  /** Soft-deleted tags are hidden by elements. */
  deleted: z.boolean(),
});

export const TagGroupSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  order: z.number().check(z.int()),
  deleted: z.boolean(),
  /** `single` groups replace the old tag (radio), `multiple` groups add (checkbox). */
  selection: z.enum(['single', 'multiple']),
  /** `rule` groups hold rule-engine tags: read-only to an associate. */
  kind: z.enum(['manual', 'rule']),
  /** Whether an associate may create new tags in this group. */
  allowCreate: z.boolean(),
  tags: z.array(TagSchema),
});

/* ------------------------------------------------------------------ moments */

export const ImageAttachmentSchema = z.object({
  url: UrlSchema,
  width: opt(PositiveCount),
  height: opt(PositiveCount),
  size: opt(Count.check(z.lte(LIMITS.mediaMaxBytes))),
});

export const VideoAttachmentSchema = z.object({
  url: UrlSchema,
  durationMs: Count.check(z.lte(LIMITS.videoMaxDurationMs)),
  size: Count.check(z.lte(LIMITS.mediaMaxBytes)),
  coverUrl: opt(UrlSchema),
});

/** A link card: a web page with a title of at most 64 UTF-8 bytes. */
export const LinkCardSchema = z.object({
  url: WebUrlSchema,
  title: z.string().check(
    z.minLength(1),
    storable,
    z.refine((s) => byteLength(s) <= LIMITS.linkTitleMaxBytes, {
      message: `Title must be at most ${LIMITS.linkTitleMaxBytes} bytes`,
    }),
  ),
  coverUrl: opt(UrlSchema),
});

/** A mini-program card: a page of the retailer's mini-program. */
export const MiniProgramCardSchema = z.object({
  appId: IdSchema,
  pagePath: storableText(512, 1),
  title: storableText(64, 1),
  coverUrl: opt(UrlSchema),
});

/** Attachments of exactly one kind: up to 9 images, or one video, link or mini-program card. */
export const MomentAttachmentsSchema = z.union([
  z.object({
    kind: z.literal('images'),
    images: z.array(ImageAttachmentSchema).check(z.minLength(1), z.maxLength(LIMITS.momentImagesMax)),
  }),
  z.object({ kind: z.literal('video'), video: VideoAttachmentSchema }),
  z.object({ kind: z.literal('link'), link: LinkCardSchema }),
  z.object({ kind: z.literal('miniprogram'), miniprogram: MiniProgramCardSchema }),
]);

/** Who sees a post: all of the associate's customers, or those carrying any of the chosen tags. */
export const AudienceSchema = z.union([
  z.object({ type: z.literal('all') }),
  z.object({ type: z.literal('tags'), tagIds: z.array(IdSchema).check(z.minLength(1)) }),
]);

/** What the associate writes. A post needs text or an attachment. */
export const MomentDraftSchema = z
  .object({
    text: storableText(LIMITS.momentTextMaxLength),
    attachments: opt(MomentAttachmentsSchema),
    audience: AudienceSchema,
  })
  .check(
    z.refine((d) => d.text.trim().length > 0 || d.attachments !== undefined, {
      message: 'A post needs text or an attachment',
      path: ['text'],
    }),
  );

export const MomentStateSchema = z.enum(['draft', 'submitted', 'published', 'failed']);

export const MomentSchema = z.object({
  id: IdSchema,
  staffId: IdSchema,
  requestId: IdSchema,
  text: storableText(LIMITS.momentTextMaxLength),
  attachments: opt(MomentAttachmentsSchema),
  audience: AudienceSchema,
  state: MomentStateSchema,
  createdAt: DateTimeSchema,
  publishedAt: opt(DateTimeSchema),
  /** Customers the post could not reach (state `failed`, or partly published). */
  unreachableCustomerIds: z.array(IdSchema),
  failureReason: opt(storableText(256)),
});

export const MomentQuotaSchema = z.object({
  limit: Count,
  used: Count,
  remaining: Count,
  /** When the count starts again: the next midnight in the policy's time zone. */
  resetsAt: DateTimeSchema,
});

export const ReachSchema = z.object({ count: Count });

export const UploadedMediaSchema = z.object({
  url: UrlSchema,
  size: Count.check(z.lte(LIMITS.mediaMaxBytes)),
  width: opt(PositiveCount),
  height: opt(PositiveCount),
  durationMs: opt(Count),
});

/* ------------------------------------------------------------------ coupons */

/** What a coupon gives. Money in fen; `percentOff` 15 is "15% off" (8.5折). */
export const CouponBenefitSchema = z.union([
  z.object({ kind: z.literal('amount-off'), amountOff: PositiveCount, threshold: Count }),
  z.object({
    kind: z.literal('discount'),
    percentOff: z.number().check(z.int(), z.gte(1), z.lte(99)),
    threshold: Count,
  }),
  z.object({ kind: z.literal('gift'), gift: storableText(64, 1), threshold: Count }),
]);

export const CouponStockStatusSchema = z.enum(['active', 'sold-out', 'not-started', 'expired']);

export const CouponStockSchema = z.object({
  id: IdSchema,
  name: storableText(64, 1),
  description: opt(storableText(256)),
  benefit: CouponBenefitSchema,
  total: Count,
  remaining: Count,
  perCustomerLimit: PositiveCount,
  /** The window in which coupons can be sent and used: at most 90 days. */
  validFrom: DateTimeSchema,
  validUntil: DateTimeSchema,
  /** The stock's status as the backend sees it when it answers. */
  status: CouponStockStatusSchema,
});

/** A stock as offered to one customer: with how many of it the customer already holds. */
export const CouponOfferSchema = z.object({ ...CouponStockSchema.shape, held: Count });

export const IssuedCouponStatusSchema = z.enum(['unused', 'redeemed', 'expired']);

export const IssuedCouponSchema = z.object({
  id: IdSchema,
  code: storableText(64, 1),
  stockId: IdSchema,
  stockName: storableText(64),
  customerId: IdSchema,
  staffId: IdSchema,
  requestId: IdSchema,
  issuedAt: DateTimeSchema,
  validFrom: DateTimeSchema,
  validUntil: DateTimeSchema,
  status: IssuedCouponStatusSchema,
  redeemedAt: opt(DateTimeSchema),
});

/* ------------------------------------------------------------------ groups */

export const MemberRoleSchema = z.enum(['owner', 'admin', 'member']);
export const JoinSceneSchema = z.enum(['invited', 'link', 'qrcode']);

export const GroupSchema = z.object({
  id: IdSchema,
  name: storableText(64, 1),
  /** `external` groups hold customers (cap from policy); `internal` groups only staff. */
  kind: z.enum(['external', 'internal']),
  ownerId: IdSchema,
  ownerName: storableText(64),
  memberCount: Count,
  memberCap: PositiveCount,
  createdAt: DateTimeSchema,
  notice: opt(storableText(512)),
  /** The signed-in staff member's role in the group (`none` when not a member). */
  viewerRole: z.enum(['owner', 'admin', 'member', 'none']),
});

export const GroupMemberSchema = z.object({
  id: IdSchema,
  groupId: IdSchema,
  type: z.enum(['staff', 'customer']),
  name: storableText(64, 1),
  /** The group nickname, shown before the real name when set. */
  nickname: opt(storableText(64)),
  avatarUrl: opt(UrlSchema),
  /** For staff: the company shown as `@Company`. */
  companyName: opt(storableText(64)),
  role: MemberRoleSchema,
  joinedAt: DateTimeSchema,
  joinScene: JoinSceneSchema,
  inviterId: opt(IdSchema),
  inviterName: opt(storableText(64)),
});

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
export const DaySchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));

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

/** A store's opening hours, `HH:MM` in its time zone (`close` before `open`: open past midnight). */
export const OpeningHoursSchema = z.object({
  open: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  close: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  /** IANA time zone of the store (absent: the policy's `timeZone`). */
  timeZone: opt(storableText(64, 1)),
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

/* ------------------------------------------------------------------ scripts (话术) and broadcasts (群发) */

/** Who a script belongs to: the company's approved words, or one associate's own. */
export const ScriptScopeSchema = z.enum(['company', 'own']);

export const ScriptCategorySchema = z.object({
  id: IdSchema,
  name: storableText(LIMITS.scriptCategoryNameMaxLength, 1),
  /** Position among the categories (the library's tabs), smallest first. */
  order: Count,
});

/**
 * A text script: at most 1,000 characters, with variables written `{customerName}`, `{staffName}` or
 * `{storeName}` (filled in by core's `fillScript` for the customer at hand); any other `{name}` is refused.
 */
export const ScriptTextSchema = storableText(LIMITS.scriptTextMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A script must have visible characters' }),
  z.refine((value) => unknownScriptVariables(value).length === 0, {
    message: `Unknown variable; use ${SCRIPT_VARIABLES.map((name) => `{${name}}`).join(', ')}`,
  }),
);

/** What a script sends: a text, an image, a link card or a mini-program card. */
export const ScriptContentSchema = z.union([
  z.object({ kind: z.literal('text'), text: ScriptTextSchema }),
  z.object({ kind: z.literal('image'), image: ImageAttachmentSchema }),
  z.object({ kind: z.literal('link'), link: LinkCardSchema }),
  z.object({ kind: z.literal('miniprogram'), miniprogram: MiniProgramCardSchema }),
]);

export const ScriptTitleSchema = storableText(LIMITS.scriptTitleMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A title must have visible characters' }),
);

/** A script of the library (话术库 / 素材库). */
export const ScriptSchema = z.object({
  id: IdSchema,
  categoryId: IdSchema,
  title: ScriptTitleSchema,
  content: ScriptContentSchema,
  scope: ScriptScopeSchema,
  /** The associate whose own script it is (scope `own`). */
  ownerId: opt(IdSchema),
  /** How often the signed-in associate used it: the library lists the most used first. */
  useCount: Count,
  lastUsedAt: opt(DateTimeSchema),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
});

/** How a script was used: sent into the chat, copied, or put into a broadcast. */
export const ScriptUseChannelSchema = z.enum(['chat', 'copy', 'broadcast']);

/** One attachment of a broadcast: an image, a video, a link card or a mini-program card (kinds may mix). */
export const BroadcastAttachmentSchema = z.union([
  z.object({ kind: z.literal('image'), image: ImageAttachmentSchema }),
  z.object({ kind: z.literal('video'), video: VideoAttachmentSchema }),
  z.object({ kind: z.literal('link'), link: LinkCardSchema }),
  z.object({ kind: z.literal('miniprogram'), miniprogram: MiniProgramCardSchema }),
]);

/** What a broadcast sends: text of at most 4,000 UTF-8 bytes and up to 9 attachments; one of them at least. */
export const BroadcastContentSchema = z
  .object({
    text: z.string().check(
      storable,
      z.refine((value) => byteLength(value) <= LIMITS.broadcastTextMaxBytes, {
        message: `Text must be at most ${LIMITS.broadcastTextMaxBytes} bytes`,
      }),
    ),
    attachments: z.array(BroadcastAttachmentSchema).check(z.maxLength(LIMITS.broadcastAttachmentsMax)),
  })
  .check(
    z.refine((content) => content.text.trim().length > 0 || content.attachments.length > 0, {
      message: 'A broadcast needs text or an attachment',
      path: ['text'],
    }),
  );

/** Whom a broadcast is for: all of the associate's customers, those with any of the tags, or a list. */
export const BroadcastAudienceSchema = z.union([
  z.object({ type: z.literal('all') }),
  z.object({
    type: z.literal('tags'),
    tagIds: z.array(IdSchema).check(z.minLength(1), z.maxLength(LIMITS.searchTagsMax)),
  }),
  z.object({
    type: z.literal('customers'),
    customerIds: z.array(IdSchema).check(z.minLength(1), z.maxLength(LIMITS.broadcastCustomerIdsMax)),
  }),
]);

/**
 * Why a customer of the audience is not sent to: they already received as many company messages as the
 * policy allows in the period (`limit-reached`), cannot be reached (deleted the associate, lost), are not
 * the associate's customer (an explicit list), or refused the company's messages (`unsubscribed`).
 */
export const BroadcastSkipReasonSchema = z.enum(['limit-reached', 'unreachable', 'not-own-customer', 'unsubscribed']);

/** A customer the broadcast will skip (or skipped), and why. */
export const BroadcastSkippedSchema = z.object({
  customerId: IdSchema,
  /** Absent for an id that is not the associate's customer. */
  name: opt(storableText(64)),
  reason: BroadcastSkipReasonSchema,
});

/** The per-customer cap of company messages, counted in days, ISO weeks or months of the store's time zone. */
export const BroadcastCapSchema = z.object({
  perCustomer: PositiveCount,
  period: z.enum(['day', 'week', 'month']),
});

/** Who a broadcast would reach now, before it is sent. */
export const BroadcastPreviewSchema = z.object({
  recipientCount: Count,
  skippedCount: Count,
  skippedByReason: z.object({
    'limit-reached': Count,
    unreachable: Count,
    'not-own-customer': Count,
    unsubscribed: Count,
  }),
  /** The skipped customers, at most 200 (the counts cover all). */
  skipped: z.array(BroadcastSkippedSchema).check(z.maxLength(LIMITS.broadcastPreviewSkippedMax)),
  cap: BroadcastCapSchema,
  /** The period the cap counts in now, in the store's time zone: `[start, end)`. */
  periodStart: DateTimeSchema,
  periodEnd: DateTimeSchema,
  /** The most recipients one broadcast may have (the policy's, within the platform's 10,000). */
  maxRecipients: PositiveCount,
});

/** Where each recipient is: created, waiting for the associate to confirm in the client, sent, failed or skipped. */
export const BroadcastRecipientStatusSchema = z.enum(['pending', 'awaiting-confirmation', 'sent', 'failed', 'skipped']);

/** A broadcast's course: waiting for the associate's confirmation, sending, done. */
export const BroadcastStateSchema = z.enum(['awaiting-confirmation', 'sending', 'done']);

export const BroadcastCountsSchema = z.object({
  pending: Count,
  'awaiting-confirmation': Count,
  sent: Count,
  failed: Count,
  skipped: Count,
});

export const BroadcastSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  staffId: IdSchema,
  content: BroadcastContentSchema,
  audience: BroadcastAudienceSchema,
  state: BroadcastStateSchema,
  counts: BroadcastCountsSchema,
  createdAt: DateTimeSchema,
  /** When the associate confirmed the send (`confirmBroadcast`). */
  confirmedAt: opt(DateTimeSchema),
  completedAt: opt(DateTimeSchema),
});

export const BroadcastRecipientSchema = z.object({
  customerId: IdSchema,
  name: opt(storableText(64)),
  avatarUrl: opt(UrlSchema),
  status: BroadcastRecipientStatusSchema,
  /** Why a `skipped` recipient was skipped. */
  reason: opt(BroadcastSkipReasonSchema),
  /** What went wrong for a `failed` recipient, as the platform said. */
  failureReason: opt(storableText(256)),
  sentAt: opt(DateTimeSchema),
});

/* ------------------------------------------------------------------ policy and paging */

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
  openingHours: opt(z.record(IdSchema, OpeningHoursSchema)),
  /** Opening hours of a store `openingHours` does not name (absent: 10:00 to 22:00). */
  defaultOpeningHours: opt(OpeningHoursSchema),
  /** Company messages (broadcasts) one customer may receive per period (absent: one a day). */
  broadcastCap: opt(BroadcastCapSchema),
  /** Recipients one broadcast may have (absent: the platform's 10,000). */
  broadcastMaxRecipients: opt(PositiveCount.check(z.lte(LIMITS.broadcastRecipientsMax))),
});

export const CursorSchema = z.nullable(storableText(512));

/** One page of a cursor-paged list. `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: CursorSchema,
    /** Total matching items, when the backend knows it cheaply. */
    total: opt(Count),
  });

export type Store = z.infer<typeof StoreSchema>;
export type ExternalAttribute = z.infer<typeof ExternalAttributeSchema>;
export type StaffProfile = z.infer<typeof StaffProfileSchema>;
export type StaffRole = z.infer<typeof StaffRoleSchema>;
export type StaffSummary = z.infer<typeof StaffSummarySchema>;
export type TransferMode = z.infer<typeof TransferModeSchema>;
export type TransferRefusal = z.infer<typeof TransferRefusalSchema>;
export type TransferPreviewStatus = z.infer<typeof TransferPreviewStatusSchema>;
export type TransferCustomerStatus = z.infer<typeof TransferCustomerStatusSchema>;
export type TransferGroupPreviewStatus = z.infer<typeof TransferGroupPreviewStatusSchema>;
export type TransferGroupStatus = z.infer<typeof TransferGroupStatusSchema>;
export type TransferPreview = z.infer<typeof TransferPreviewSchema>;
export type TransferCustomerResult = z.infer<typeof TransferCustomerResultSchema>;
export type Transfer = z.infer<typeof TransferSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
export type AddWay = z.infer<typeof AddWaySchema>;
export type ImportantDate = z.infer<typeof ImportantDateSchema>;
export type PurchaseSummary = z.infer<typeof PurchaseSummarySchema>;
export type ActivityKind = z.infer<typeof ActivityKindSchema>;
export type CustomerActivity = z.infer<typeof CustomerActivitySchema>;
export type Tag = z.infer<typeof TagSchema>;
export type TagGroup = z.infer<typeof TagGroupSchema>;
export type ImageAttachment = z.infer<typeof ImageAttachmentSchema>;
export type VideoAttachment = z.infer<typeof VideoAttachmentSchema>;
export type LinkCard = z.infer<typeof LinkCardSchema>;
export type MiniProgramCard = z.infer<typeof MiniProgramCardSchema>;
export type ScriptScope = z.infer<typeof ScriptScopeSchema>;
export type ScriptCategory = z.infer<typeof ScriptCategorySchema>;
export type ScriptContent = z.infer<typeof ScriptContentSchema>;
export type Script = z.infer<typeof ScriptSchema>;
export type ScriptUseChannel = z.infer<typeof ScriptUseChannelSchema>;
export type BroadcastAttachment = z.infer<typeof BroadcastAttachmentSchema>;
export type BroadcastContent = z.infer<typeof BroadcastContentSchema>;
export type BroadcastAudience = z.infer<typeof BroadcastAudienceSchema>;
export type BroadcastSkipReason = z.infer<typeof BroadcastSkipReasonSchema>;
export type BroadcastSkipped = z.infer<typeof BroadcastSkippedSchema>;
export type BroadcastCap = z.infer<typeof BroadcastCapSchema>;
export type BroadcastPreview = z.infer<typeof BroadcastPreviewSchema>;
export type BroadcastRecipientStatus = z.infer<typeof BroadcastRecipientStatusSchema>;
export type BroadcastState = z.infer<typeof BroadcastStateSchema>;
export type BroadcastCounts = z.infer<typeof BroadcastCountsSchema>;
export type Broadcast = z.infer<typeof BroadcastSchema>;
export type BroadcastRecipient = z.infer<typeof BroadcastRecipientSchema>;
export type MomentAttachments = z.infer<typeof MomentAttachmentsSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type MomentDraft = z.infer<typeof MomentDraftSchema>;
export type MomentState = z.infer<typeof MomentStateSchema>;
export type Moment = z.infer<typeof MomentSchema>;
export type MomentQuota = z.infer<typeof MomentQuotaSchema>;
export type Reach = z.infer<typeof ReachSchema>;
export type UploadedMedia = z.infer<typeof UploadedMediaSchema>;
export type CouponBenefit = z.infer<typeof CouponBenefitSchema>;
export type CouponStockStatus = z.infer<typeof CouponStockStatusSchema>;
export type CouponStock = z.infer<typeof CouponStockSchema>;
export type CouponOffer = z.infer<typeof CouponOfferSchema>;
export type IssuedCouponStatus = z.infer<typeof IssuedCouponStatusSchema>;
export type IssuedCoupon = z.infer<typeof IssuedCouponSchema>;
export type MemberRole = z.infer<typeof MemberRoleSchema>;
export type JoinScene = z.infer<typeof JoinSceneSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type GroupMember = z.infer<typeof GroupMemberSchema>;
export type Policy = z.infer<typeof PolicySchema>;
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
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;
export type ChannelCount = z.infer<typeof ChannelCountSchema>;
export type ResultsTotals = z.infer<typeof ResultsTotalsSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type ResultsDay = z.infer<typeof ResultsDaySchema>;
export type ResultsRank = z.infer<typeof ResultsRankSchema>;
export type StaffResults = z.infer<typeof StaffResultsSchema>;
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number };
