/**
 * The operations every element may call first: who is signed in, the policy, the store's staff (a
 * module of its own, like each group, so that validating one operation loads only its group: see
 * load-validation.ts and `operations` in contract.ts).
 */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { Empty, PageQuery, operation } from './operation-parts.js';
import { IdSchema, pageOf } from './schemas-common.js';
import { PolicySchema, StaffProfileSchema, StaffSummarySchema } from './schemas-staff.js';

/** The staff of a store (the manager's own by default), searched by name, with their customer counts. */
export const ListStaffInputSchema = z.object({ ...PageQuery, storeId: z.optional(IdSchema) });

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const commonOperations = {
  getCurrentStaff: operation(Empty, StaffProfileSchema),
  getStaff: operation(z.object({ staffId: IdSchema }), StaffProfileSchema),
  getPolicy: operation(Empty, PolicySchema),
  listStaff: operation(ListStaffInputSchema, pageOf(StaffSummarySchema)),
} as const satisfies Record<OperationsOf<'common'>, unknown>;
