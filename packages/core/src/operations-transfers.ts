/** The operations of transfers (see schemas-common.ts for what every group shares). */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { PageQuery, RequestIdSchema, operation } from './operation-parts.js';
import { IdSchema, LIMITS, pageOf } from './schemas-common.js';
import {
  TransferMessageSchema,
  TransferModeSchema,
  TransferPreviewSchema,
  TransferSchema,
} from './schemas-transfers.js';

/**
 * Whom a transfer hands over: chosen customers and/or groups of `fromStaffId`, or all of
 * `fromStaffId`'s customers (`allCustomers`: "select all" across pages), to `toStaffId`.
 */
const TransferSelection = {
  fromStaffId: IdSchema,
  toStaffId: IdSchema,
  customerIds: z.optional(z.array(IdSchema).check(z.maxLength(LIMITS.transferSelectionMax))),
  groupIds: z.optional(z.array(IdSchema).check(z.maxLength(LIMITS.transferGroupsMax))),
  allCustomers: z.optional(z.boolean()),
  /** With `allCustomers`: only the customers `searchCustomers` lists for this query and these tags. */
  query: PageQuery.query,
  tagIds: z.optional(z.array(IdSchema).check(z.maxLength(LIMITS.searchTagsMax))),
  mode: TransferModeSchema,
};
const transferSelectionChecks = [
  z.refine<{ customerIds?: string[]; groupIds?: string[]; allCustomers?: boolean }>(
    (d) => d.allCustomers === true || (d.customerIds?.length ?? 0) + (d.groupIds?.length ?? 0) > 0,
    { message: 'Choose customers or groups', path: ['customerIds'] },
  ),
  z.refine<{ fromStaffId: string; toStaffId: string }>((d) => d.fromStaffId !== d.toStaffId, {
    message: 'The successor must be someone else',
    path: ['toStaffId'],
  }),
] as const;
export const PreviewTransferInputSchema = z.object(TransferSelection).check(...transferSelectionChecks);
/** A transfer: the selection of a preview, a request id (`once`) and, for on-job, what the customers are told. */
export const TransferCustomersInputSchema = z
  .object({ requestId: RequestIdSchema, ...TransferSelection, message: z.optional(TransferMessageSchema) })
  .check(...transferSelectionChecks);
/** The transfers of the manager's store, newest first, optionally of one departing associate. */
export const ListTransfersInputSchema = z.object({
  fromStaffId: z.optional(IdSchema),
  cursor: PageQuery.cursor,
  limit: PageQuery.limit,
});

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const transferOperations = {
  previewTransfer: operation(PreviewTransferInputSchema, TransferPreviewSchema),
  transferCustomers: operation(TransferCustomersInputSchema, TransferSchema),
  listTransfers: operation(ListTransfersInputSchema, pageOf(TransferSchema)),
  getTransfer: operation(z.object({ transferId: IdSchema }), TransferSchema),
} as const satisfies Record<OperationsOf<'transfers'>, unknown>;
