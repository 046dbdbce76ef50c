/**
 * The operations every element may call first (who is signed in, the policy, the store's staff) and
 * what the operation groups' schemas share: a module of its own, like each group, so that validating
 * one operation loads only its group (see load-validation.ts and `operations` in contract.ts).
 */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import {
  IdSchema,
  LIMITS,
  PolicySchema,
  StaffProfileSchema,
  StaffSummarySchema,
  pageOf,
  storableText,
} from './schemas-common.js';
import { PositiveCount } from './schema-kit.js';

export const Empty = z.object({});
export const PageQuery = {
  query: z.optional(storableText(64)),
  cursor: z.optional(z.nullable(storableText(512))),
  limit: z.optional(PositiveCount.check(z.lte(LIMITS.pageSizeMax))),
};
/** A caller-supplied id that makes a non-repeatable mutation idempotent. */
export const RequestIdSchema = storableText(128, 8);

export const operation = <I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O) => ({ input, output });

/** The staff of a store (the manager's own by default), searched by name, with their customer counts. */
export const ListStaffInputSchema = z.object({ ...PageQuery, storeId: z.optional(IdSchema) });

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const commonOperations = {
  getCurrentStaff: operation(Empty, StaffProfileSchema),
  getStaff: operation(z.object({ staffId: IdSchema }), StaffProfileSchema),
  getPolicy: operation(Empty, PolicySchema),
  listStaff: operation(ListStaffInputSchema, pageOf(StaffSummarySchema)),
} as const satisfies Record<OperationsOf<'common'>, unknown>;
