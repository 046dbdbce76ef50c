/**
 * The operations of the associate's day: tasks, transfers, contact-me codes, purchases and results
 * (see operations-common.ts).
 */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { PageQuery, RequestIdSchema, operation } from './operations-common.js';
import { Count } from './schema-kit.js';
import { DateTimeSchema, IdSchema, LIMITS, pageOf } from './schemas-common.js';
import {
  ContactStateSchema,
  ContactWaySchema,
  DaySchema,
  PurchaseItemSchema,
  PurchaseSchema,
  StaffResultsSchema,
  TaskActionSchema,
  TaskBucketSchema,
  TaskCountsSchema,
  TaskSchema,
  TaskTitleSchema,
  TransferMessageSchema,
  TransferModeSchema,
  TransferPreviewSchema,
  TransferSchema,
} from './schemas-day.js';

/** A manual task for a customer the associate follows: what to do (at most 200 characters) and when. */
export const CreateTaskInputSchema = z.object({
  requestId: RequestIdSchema,
  customerId: IdSchema,
  title: TaskTitleSchema,
  dueAt: DateTimeSchema,
  /** The one-tap action the task offers (default `open-profile`). */
  action: z.optional(TaskActionSchema),
});

/** One list of the associate's tasks, optionally of one customer. */
export const ListTasksInputSchema = z.object({
  bucket: TaskBucketSchema,
  customerId: z.optional(IdSchema),
  cursor: PageQuery.cursor,
  limit: PageQuery.limit,
});
/** A page of tasks, with how many tasks each list holds (for the same customer filter). */
export const TaskPageSchema = z.object({ ...pageOf(TaskSchema).shape, counts: TaskCountsSchema });
const TaskRef = z.object({ taskId: IdSchema });

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

/** A contact-me code for one associate, or a store's rotation (`staffIds` of the manager's store). */
export const CreateContactWayInputSchema = z.object({
  requestId: RequestIdSchema,
  staffIds: z.array(IdSchema).check(z.minLength(1), z.maxLength(LIMITS.contactWayStaffMax)),
  state: ContactStateSchema,
});
/** The contact-me codes naming the signed-in associate (a manager: of the store, or of `staffId`), newest first. */
export const ListContactWaysInputSchema = z.object({
  staffId: z.optional(IdSchema),
  cursor: PageQuery.cursor,
  limit: PageQuery.limit,
});
/** An order of the POS; recorded once per `orderId` (a replay answers the stored purchase). */
export const RecordPurchaseInputSchema = z.object({
  orderId: IdSchema,
  customerId: IdSchema,
  storeId: IdSchema,
  amount: Count,
  at: DateTimeSchema,
  couponId: z.optional(IdSchema),
  items: z.optional(z.array(PurchaseItemSchema).check(z.maxLength(LIMITS.purchaseItemsMax))),
});
/** Days from `from` to `to` (`YYYY-MM-DD`), both included (attribution.ts's `periodLength`, without its module). */
const daysFromTo = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/**
 * The results of a period of whole days (`from` to `to`, in the store's time zone): the signed-in
 * associate's; `staffId`, an associate of a manager's store; `storeId`, a manager's store with a ranking.
 */
export const GetStaffResultsInputSchema = z
  .object({
    staffId: z.optional(IdSchema),
    storeId: z.optional(IdSchema),
    from: DaySchema,
    to: DaySchema,
  })
  .check(
    z.refine((d) => d.from <= d.to, { message: 'The period ends before it starts', path: ['to'] }),
    z.refine((d) => daysFromTo(d.from, d.to) <= LIMITS.resultsPeriodMaxDays, {
      message: `A period is at most ${LIMITS.resultsPeriodMaxDays} days`,
      path: ['from'],
    }),
    z.refine((d) => d.staffId === undefined || d.storeId === undefined, {
      message: 'Ask for an associate or a store, not both',
      path: ['storeId'],
    }),
  );

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const dayOperations = {
  listTasks: operation(ListTasksInputSchema, TaskPageSchema),
  createTask: operation(CreateTaskInputSchema, TaskSchema),
  completeTask: operation(TaskRef, TaskSchema),
  snoozeTask: operation(z.object({ taskId: IdSchema, until: DateTimeSchema }), TaskSchema),
  dismissTask: operation(TaskRef, TaskSchema),
  reopenTask: operation(TaskRef, TaskSchema),
  previewTransfer: operation(PreviewTransferInputSchema, TransferPreviewSchema),
  transferCustomers: operation(TransferCustomersInputSchema, TransferSchema),
  listTransfers: operation(ListTransfersInputSchema, pageOf(TransferSchema)),
  getTransfer: operation(z.object({ transferId: IdSchema }), TransferSchema),
  createContactWay: operation(CreateContactWayInputSchema, ContactWaySchema),
  listContactWays: operation(ListContactWaysInputSchema, pageOf(ContactWaySchema)),
  recordPurchase: operation(RecordPurchaseInputSchema, PurchaseSchema),
  getStaffResults: operation(GetStaffResultsInputSchema, StaffResultsSchema),
} as const satisfies Record<OperationsOf<'day'>, unknown>;
