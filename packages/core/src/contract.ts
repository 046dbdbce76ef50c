/**
 * The adapter contract: every operation the elements (and a page choosing a customer or a group)
 * need, each with the zod schema of its input and of its output. The TypeScript interface
 * {@link ClientelingAdapter}, the validating wrapper, the HTTP adapter and the OpenAPI document are
 * all derived from this one table.
 *
 * An adapter acts for one signed-in staff member (`getCurrentStaff` says who). Every operation takes
 * one plain object and returns a promise; failures are {@link AdapterError}s.
 */
import * as z from 'zod/mini';
import { OPERATION_KINDS, operationNames } from './operation-kinds.js';

export { createRequestId } from './request-id.js';
import {
  ActivityKindSchema,
  AudienceSchema,
  BroadcastAudienceSchema,
  BroadcastContentSchema,
  BroadcastPreviewSchema,
  BroadcastRecipientSchema,
  BroadcastRecipientStatusSchema,
  BroadcastSchema,
  ScriptCategorySchema,
  ScriptContentSchema,
  ScriptSchema,
  ScriptScopeSchema,
  ScriptTitleSchema,
  ScriptUseChannelSchema,
  ContactStateSchema,
  ContactWaySchema,
  DaySchema,
  PurchaseItemSchema,
  PurchaseSchema,
  StaffResultsSchema,
  CustomerActivitySchema,
  CouponOfferSchema,
  CustomerSchema,
  GroupMemberSchema,
  GroupSchema,
  IdSchema,
  IssuedCouponSchema,
  JoinSceneSchema,
  LIMITS,
  MomentDraftSchema,
  MomentQuotaSchema,
  MomentSchema,
  NameSchema,
  NoteTextSchema,
  PolicySchema,
  ReachSchema,
  StaffProfileSchema,
  TaskActionSchema,
  TaskBucketSchema,
  TaskCountsSchema,
  TaskSchema,
  TaskTitleSchema,
  StaffSummarySchema,
  TransferMessageSchema,
  TransferModeSchema,
  TransferPreviewSchema,
  TransferSchema,
  DateTimeSchema,
  TagGroupSchema,
  TagSchema,
  storableText,
  pageOf,
  type UploadedMedia,
} from './schemas.js';

const Empty = z.object({});
const PageQuery = {
  query: z.optional(storableText(64)),
  cursor: z.optional(z.nullable(storableText(512))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(LIMITS.pageSizeMax))),
};
/**
 * The signed-in associate's customers, or (`staffId`, for a manager of the same store) another
 * associate's; searched in name and remark, and with `tagIds`, carrying at least one of the tags.
 */
export const SearchCustomersInputSchema = z.object({
  ...PageQuery,
  staffId: z.optional(IdSchema),
  tagIds: z.optional(z.array(IdSchema).check(z.maxLength(LIMITS.searchTagsMax))),
});
/** A caller-supplied id that makes a non-repeatable mutation idempotent. */
export const RequestIdSchema = storableText(128, 8);

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

/** A manual task for a customer the associate follows: what to do (at most 200 characters) and when. */
export const CreateTaskInputSchema = z.object({
  requestId: RequestIdSchema,
  customerId: IdSchema,
  title: TaskTitleSchema,
  dueAt: DateTimeSchema,
  /** The one-tap action the task offers (default `open-profile`). */
  action: z.optional(TaskActionSchema),
});

/**
 * The groups the signed-in associate owns or is a member of; or, with `staffId` (for a manager of the
 * same store), the groups that associate owns: what a hand-over can move.
 */
export const ListGroupsInputSchema = z.object({ ...PageQuery, staffId: z.optional(IdSchema) });

/** The script library: company-wide and the signed-in associate's own scripts, most used first. */
export const ListScriptsInputSchema = z.object({
  ...PageQuery,
  categoryId: z.optional(IdSchema),
  scope: z.optional(ScriptScopeSchema),
});
export const CreateScriptInputSchema = z.object({
  requestId: RequestIdSchema,
  categoryId: IdSchema,
  title: ScriptTitleSchema,
  content: ScriptContentSchema,
});
/** Changes one of the associate's own scripts; a company script is `forbidden`. */
export const UpdateScriptInputSchema = z.object({
  scriptId: IdSchema,
  categoryId: z.optional(IdSchema),
  title: z.optional(ScriptTitleSchema),
  content: z.optional(ScriptContentSchema),
});
export const RecordScriptUseInputSchema = z.object({
  scriptId: IdSchema,
  channel: ScriptUseChannelSchema,
  customerId: z.optional(IdSchema),
});

/** Who a broadcast would reach; `content` is optional (the preview counts recipients either way). */
export const PreviewBroadcastInputSchema = z.object({
  audience: BroadcastAudienceSchema,
  content: z.optional(BroadcastContentSchema),
});
export const CreateBroadcastInputSchema = z.object({
  requestId: RequestIdSchema,
  audience: BroadcastAudienceSchema,
  content: BroadcastContentSchema,
});
export const ListBroadcastRecipientsInputSchema = z.object({
  broadcastId: IdSchema,
  status: z.optional(BroadcastRecipientStatusSchema),
  cursor: PageQuery.cursor,
  limit: PageQuery.limit,
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
/** The staff of a store (the manager's own by default), searched by name, with their customer counts. */
export const ListStaffInputSchema = z.object({ ...PageQuery, storeId: z.optional(IdSchema) });
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
  amount: z.number().check(z.int(), z.gte(0)),
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

export const MemberFilterSchema = z.enum(['all', 'staff', 'customer', 'admin']);
export const MemberSortSchema = z.enum(['joinedAt', 'name']);

const operation = <I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O) => ({ input, output });

/** The input and output schema of every JSON operation; its kind is in operation-kinds.ts. */
const operationSchemas = {
  getCurrentStaff: operation(Empty, StaffProfileSchema),
  getStaff: operation(z.object({ staffId: IdSchema }), StaffProfileSchema),
  getPolicy: operation(Empty, PolicySchema),

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

  listTasks: operation(ListTasksInputSchema, TaskPageSchema),
  createTask: operation(CreateTaskInputSchema, TaskSchema),
  completeTask: operation(TaskRef, TaskSchema),
  snoozeTask: operation(z.object({ taskId: IdSchema, until: DateTimeSchema }), TaskSchema),
  dismissTask: operation(TaskRef, TaskSchema),
  reopenTask: operation(TaskRef, TaskSchema),

  listStaff: operation(ListStaffInputSchema, pageOf(StaffSummarySchema)),
  previewTransfer: operation(PreviewTransferInputSchema, TransferPreviewSchema),
  transferCustomers: operation(TransferCustomersInputSchema, TransferSchema),
  listTransfers: operation(ListTransfersInputSchema, pageOf(TransferSchema)),
  getTransfer: operation(z.object({ transferId: IdSchema }), TransferSchema),

  createContactWay: operation(CreateContactWayInputSchema, ContactWaySchema),
  listContactWays: operation(ListContactWaysInputSchema, pageOf(ContactWaySchema)),
  recordPurchase: operation(RecordPurchaseInputSchema, PurchaseSchema),
  getStaffResults: operation(GetStaffResultsInputSchema, StaffResultsSchema),

  listTagGroups: operation(Empty, z.array(TagGroupSchema)),
  markTags: operation(MarkTagsInputSchema, CustomerSchema),
  createTag: operation(z.object({ groupId: IdSchema, name: NameSchema }), TagSchema),

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

  listScriptCategories: operation(Empty, z.array(ScriptCategorySchema)),
  listScripts: operation(ListScriptsInputSchema, pageOf(ScriptSchema)),
  createScript: operation(CreateScriptInputSchema, ScriptSchema),
  updateScript: operation(UpdateScriptInputSchema, ScriptSchema),
  deleteScript: operation(z.object({ scriptId: IdSchema }), z.object({ deleted: z.boolean() })),
  recordScriptUse: operation(RecordScriptUseInputSchema, ScriptSchema),

  previewBroadcast: operation(PreviewBroadcastInputSchema, BroadcastPreviewSchema),
  createBroadcast: operation(CreateBroadcastInputSchema, BroadcastSchema),
  /** The associate confirmed the send in the client (WeCom asks for it): recipients go out. */
  confirmBroadcast: operation(z.object({ broadcastId: IdSchema }), BroadcastSchema),
  getBroadcast: operation(z.object({ broadcastId: IdSchema }), BroadcastSchema),
  listBroadcasts: operation(z.object({ cursor: PageQuery.cursor, limit: PageQuery.limit }), pageOf(BroadcastSchema)),
  listBroadcastRecipients: operation(ListBroadcastRecipientsInputSchema, pageOf(BroadcastRecipientSchema)),

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
} as const satisfies Record<keyof typeof OPERATION_KINDS, unknown>;

/** Every JSON operation of the contract: its kind, input and output schema. */
export const operations = Object.fromEntries(
  operationNames.map((name) => [name, { kind: OPERATION_KINDS[name], ...operationSchemas[name] }]),
) as {
  [K in keyof typeof operationSchemas]: (typeof operationSchemas)[K] & { kind: (typeof OPERATION_KINDS)[K] };
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Operations[K]['output']>;
export type MemberFilter = z.infer<typeof MemberFilterSchema>;
export type MemberSort = z.infer<typeof MemberSortSchema>;
export type MarkTagsInput = z.infer<typeof MarkTagsInputSchema>;
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInputSchema>;
export type CreateTaskInput = z.infer<typeof CreateTaskInputSchema>;
export type ListTasksInput = z.infer<typeof ListTasksInputSchema>;
export type PreviewTransferInput = z.infer<typeof PreviewTransferInputSchema>;
export type TransferCustomersInput = z.infer<typeof TransferCustomersInputSchema>;
export type ListStaffInput = z.infer<typeof ListStaffInputSchema>;
export type ListTransfersInput = z.infer<typeof ListTransfersInputSchema>;
export type CreateContactWayInput = z.infer<typeof CreateContactWayInputSchema>;
export type ListContactWaysInput = z.infer<typeof ListContactWaysInputSchema>;
export type RecordPurchaseInput = z.infer<typeof RecordPurchaseInputSchema>;
export type GetStaffResultsInput = z.infer<typeof GetStaffResultsInputSchema>;
export type ListScriptsInput = z.infer<typeof ListScriptsInputSchema>;
export type CreateScriptInput = z.infer<typeof CreateScriptInputSchema>;
export type UpdateScriptInput = z.infer<typeof UpdateScriptInputSchema>;
export type RecordScriptUseInput = z.infer<typeof RecordScriptUseInputSchema>;
export type PreviewBroadcastInput = z.infer<typeof PreviewBroadcastInputSchema>;
export type CreateBroadcastInput = z.infer<typeof CreateBroadcastInputSchema>;
export type ListBroadcastRecipientsInput = z.infer<typeof ListBroadcastRecipientsInputSchema>;

/** Input of {@link ClientelingAdapter.uploadMedia}: a file, not JSON. */
export interface UploadMediaInput {
  file: Blob;
  kind: 'image' | 'video';
  /** Called with the fraction sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** What an adapter supports. Elements hide what is not supported rather than failing. */
export const CapabilitiesSchema = z.object({
  markTags: z.boolean(),
  createTag: z.boolean(),
  publishMoment: z.boolean(),
  uploadMedia: z.boolean(),
  issueCoupon: z.boolean(),
  addGroupMember: z.boolean(),
  removeGroupMember: z.boolean(),
  /** The host page can invite people to a group (the list emits an event for it). */
  inviteGroupMember: z.boolean(),
  updateCustomer: z.boolean(),
  addCustomerNote: z.boolean(),
  /** The backend has the retailer's purchase data (a POS): customers carry `purchases`. */
  purchaseData: z.boolean(),
  /** The associate may add manual tasks (`createTask`); the rules' tasks come either way. */
  createTask: z.boolean(),
  /** A manager may hand customers to a successor (`previewTransfer`, `transferCustomers`). */
  transferCustomers: z.boolean(),
  /** The backend attributes sales and answers `getStaffResults`. */
  staffResults: z.boolean(),
  /** The associate may make contact-me codes (`createContactWay`). */
  createContactWay: z.boolean(),
  /** The associate may write, change and delete scripts of their own (`createScript`, …). */
  manageScripts: z.boolean(),
  /** The associate may send broadcasts (`createBroadcast`); a preview works either way. */
  broadcast: z.boolean(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

type OperationMethods = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/**
 * The contract every adapter implements: the JSON operations of {@link operations}, media upload,
 * and its capabilities.
 */
export interface ClientelingAdapter extends OperationMethods {
  readonly capabilities: Capabilities;
  uploadMedia(input: UploadMediaInput): Promise<UploadedMedia>;
}
