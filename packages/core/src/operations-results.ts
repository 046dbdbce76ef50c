/**
 * The operations of contact-me codes, purchases and results (see schemas-common.ts for what every
 * group shares).
 */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { Count } from './schema-kit.js';
import { PageQuery, RequestIdSchema, operation } from './operation-parts.js';
import { DateTimeSchema, DaySchema, IdSchema, LIMITS, pageOf } from './schemas-common.js';
import {
  ContactStateSchema,
  ContactWaySchema,
  PurchaseItemSchema,
  PurchaseSchema,
  StaffResultsSchema,
} from './schemas-results.js';

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
export const resultOperations = {
  createContactWay: operation(CreateContactWayInputSchema, ContactWaySchema),
  listContactWays: operation(ListContactWaysInputSchema, pageOf(ContactWaySchema)),
  recordPurchase: operation(RecordPurchaseInputSchema, PurchaseSchema),
  getStaffResults: operation(GetStaffResultsInputSchema, StaffResultsSchema),
} as const satisfies Record<OperationsOf<'results'>, unknown>;
