/**
 * The domain's schemas of the associate's outreach in the first wave: moments, coupons and groups
 * (see `schemas-common.ts` for what every group shares). A moment's attachments are those of
 * `schemas-attachments.ts`, which scripts and broadcasts use too.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { Count, integer, PositiveCount, opt, storableText } from './schema-kit.js';
import { DateTimeSchema, IdSchema, UrlSchema } from './schemas-common.js';
import {
  ImageAttachmentSchema,
  LinkCardSchema,
  MiniProgramCardSchema,
  VideoAttachmentSchema,
} from './schemas-attachments.js';

/* ------------------------------------------------------------------ moments */

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

/* ------------------------------------------------------------------ coupons */

/** What a coupon gives. Money in fen; `percentOff` 15 is "15% off" (8.5折). */
export const CouponBenefitSchema = z.union([
  z.object({ kind: z.literal('amount-off'), amountOff: PositiveCount, threshold: Count }),
  z.object({
    kind: z.literal('discount'),
    percentOff: z.number().check(integer, z.gte(1), z.lte(99)),
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

export type MomentAttachments = z.infer<typeof MomentAttachmentsSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type MomentDraft = z.infer<typeof MomentDraftSchema>;
export type MomentState = z.infer<typeof MomentStateSchema>;
export type Moment = z.infer<typeof MomentSchema>;
export type MomentQuota = z.infer<typeof MomentQuotaSchema>;
export type Reach = z.infer<typeof ReachSchema>;
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
