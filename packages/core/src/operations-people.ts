/**
 * The operations of customers, their tags and their timeline (see schemas-common.ts for what every
 * group shares).
 */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import {
  ActivityKindSchema,
  CustomerActivitySchema,
  CustomerSchema,
  NoteTextSchema,
  TagGroupSchema,
  TagSchema,
} from './schemas-base.js';
import { Empty, PageQuery, RequestIdSchema, operation } from './operation-parts.js';
import { IdSchema, LIMITS, NameSchema, pageOf, storableText } from './schemas-common.js';

/**
 * The signed-in associate's customers, or (`staffId`, for a manager of the same store) another
 * associate's; searched in name and remark, and with `tagIds`, carrying at least one of the tags.
 */
export const SearchCustomersInputSchema = z.object({
  ...PageQuery,
  staffId: z.optional(IdSchema),
  tagIds: z.optional(z.array(IdSchema).check(z.maxLength(LIMITS.searchTagsMax))),
});

export const MarkTagsInputSchema = z
  .object({
    customerId: IdSchema,
    add: z.array(IdSchema),
    remove: z.array(IdSchema),
  })
  .check(
    z.refine((d) => d.add.length + d.remove.length > 0, {
      message: 'Add or remove at least one tag',
      path: ['add'],
    }),
  );

/**
 * The remark fields an associate edits, as a diff: a field absent stays as it is, an empty string
 * (an empty list of phones) clears it. The platform's limits: remark and remark company 20
 * characters, description 150, at most 5 phone numbers.
 */
export const UpdateCustomerInputSchema = z
  .object({
    customerId: IdSchema,
    remark: z.optional(storableText(LIMITS.remarkMaxLength)),
    description: z.optional(storableText(LIMITS.descriptionMaxLength)),
    remarkPhones: z.optional(z.array(storableText(32, 1)).check(z.maxLength(LIMITS.remarkPhonesMax))),
    remarkCompany: z.optional(storableText(LIMITS.remarkCompanyMaxLength)),
  })
  .check(
    z.refine((d) => [d.remark, d.description, d.remarkPhones, d.remarkCompany].some((field) => field !== undefined), {
      message: 'Change at least one field',
      path: ['remark'],
    }),
  );

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const peopleOperations = {
  searchCustomers: operation(SearchCustomersInputSchema, pageOf(CustomerSchema)),
  getCustomer: operation(z.object({ customerId: IdSchema }), CustomerSchema),
  updateCustomer: operation(UpdateCustomerInputSchema, CustomerSchema),
  listCustomerActivity: operation(
    z.object({
      customerId: IdSchema,
      kinds: z.optional(z.array(ActivityKindSchema).check(z.minLength(1))),
      cursor: PageQuery.cursor,
      limit: PageQuery.limit,
    }),
    pageOf(CustomerActivitySchema),
  ),
  addCustomerNote: operation(
    z.object({ requestId: RequestIdSchema, customerId: IdSchema, text: NoteTextSchema }),
    CustomerActivitySchema,
  ),
  listTagGroups: operation(Empty, z.array(TagGroupSchema)),
  markTags: operation(MarkTagsInputSchema, CustomerSchema),
  createTag: operation(z.object({ groupId: IdSchema, name: NameSchema }), TagSchema),
} as const satisfies Record<OperationsOf<'people'>, unknown>;
