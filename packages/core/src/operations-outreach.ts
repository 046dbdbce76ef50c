/** The operations of moments, coupons and groups (see schemas-common.ts for what every group shares). */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { Empty, PageQuery, RequestIdSchema, operation } from './operation-parts.js';
import { IdSchema, pageOf } from './schemas-common.js';
import {
  AudienceSchema,
  CouponOfferSchema,
  GroupMemberSchema,
  GroupSchema,
  IssuedCouponSchema,
  JoinSceneSchema,
  MomentDraftSchema,
  MomentQuotaSchema,
  MomentSchema,
  ReachSchema,
} from './schemas-outreach.js';

/**
 * The groups the signed-in associate owns or is a member of; or, with `staffId` (for a manager of the
 * same store), the groups that associate owns: what a hand-over can move.
 */
export const ListGroupsInputSchema = z.object({ ...PageQuery, staffId: z.optional(IdSchema) });

export const MemberFilterSchema = z.enum(['all', 'staff', 'customer', 'admin']);
export const MemberSortSchema = z.enum(['joinedAt', 'name']);

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const outreachOperations = {
  getMomentQuota: operation(Empty, MomentQuotaSchema),
  estimateReach: operation(z.object({ audience: AudienceSchema }), ReachSchema),
  publishMoment: operation(z.object({ requestId: RequestIdSchema, draft: MomentDraftSchema }), MomentSchema),
  getMoment: operation(z.object({ momentId: IdSchema }), MomentSchema),
  listCouponStocks: operation(z.object({ customerId: IdSchema }), z.array(CouponOfferSchema)),
  issueCoupon: operation(
    z.object({ requestId: RequestIdSchema, stockId: IdSchema, customerId: IdSchema }),
    IssuedCouponSchema,
  ),
  listCustomerCoupons: operation(z.object({ customerId: IdSchema }), z.array(IssuedCouponSchema)),
  listGroups: operation(ListGroupsInputSchema, pageOf(GroupSchema)),
  getGroup: operation(z.object({ groupId: IdSchema }), GroupSchema),
  listGroupMembers: operation(
    z.object({
      groupId: IdSchema,
      filter: z.optional(MemberFilterSchema),
      sort: z.optional(MemberSortSchema),
      ...PageQuery,
    }),
    pageOf(GroupMemberSchema),
  ),
  addGroupMember: operation(
    z.object({ requestId: RequestIdSchema, groupId: IdSchema, customerId: IdSchema, scene: JoinSceneSchema }),
    GroupMemberSchema,
  ),
  removeGroupMember: operation(z.object({ groupId: IdSchema, memberId: IdSchema }), z.object({ removed: z.boolean() })),
} as const satisfies Record<OperationsOf<'outreach'>, unknown>;
