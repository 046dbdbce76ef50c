/**
 * The adapter contract: every operation the elements (and a page choosing a customer or a group)
 * need, each with the zod schema of its input and of its output. The TypeScript interface
 * {@link ClientelingAdapter}, the validating wrapper, the HTTP adapter and the OpenAPI document are
 * all derived from this one table, put together from the tables of the operation groups
 * (`operations-<group>.ts`, see `OPERATION_GROUPS`), which load one by one.
 *
 * An adapter acts for one signed-in staff member (`getCurrentStaff` says who). Every operation takes
 * one plain object and returns a promise; failures are {@link AdapterError}s.
 */
import * as z from 'zod/mini';
import { OPERATION_KINDS, operationNames } from './operation-kinds.js';
import { commonOperations } from './operations-common.js';
import { dayOperations } from './operations-day.js';
import { messagingOperations } from './operations-messaging.js';
import { outreachOperations } from './operations-outreach.js';
import { peopleOperations } from './operations-people.js';
import type { UploadedMedia } from './schemas.js';
import type * as Common from './operations-common.js';
import type * as Day from './operations-day.js';
import type * as Messaging from './operations-messaging.js';
import type * as Outreach from './operations-outreach.js';
import type * as People from './operations-people.js';

export { createRequestId } from './request-id.js';
export { ListStaffInputSchema, RequestIdSchema } from './operations-common.js';
export { MarkTagsInputSchema, SearchCustomersInputSchema, UpdateCustomerInputSchema } from './operations-people.js';
export { ListGroupsInputSchema, MemberFilterSchema, MemberSortSchema } from './operations-outreach.js';
export {
  CreateContactWayInputSchema,
  CreateTaskInputSchema,
  GetStaffResultsInputSchema,
  ListContactWaysInputSchema,
  ListTasksInputSchema,
  ListTransfersInputSchema,
  PreviewTransferInputSchema,
  RecordPurchaseInputSchema,
  TaskPageSchema,
  TransferCustomersInputSchema,
} from './operations-day.js';
export {
  CreateBroadcastInputSchema,
  CreateScriptInputSchema,
  ListBroadcastRecipientsInputSchema,
  ListScriptsInputSchema,
  PreviewBroadcastInputSchema,
  RecordScriptUseInputSchema,
  UpdateScriptInputSchema,
} from './operations-messaging.js';

/** The input and output schema of every JSON operation; its kind is in operation-kinds.ts. */
const operationSchemas = {
  ...commonOperations,
  ...peopleOperations,
  ...outreachOperations,
  ...dayOperations,
  ...messagingOperations,
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
export type MemberFilter = z.infer<typeof Outreach.MemberFilterSchema>;
export type MemberSort = z.infer<typeof Outreach.MemberSortSchema>;
export type MarkTagsInput = z.infer<typeof People.MarkTagsInputSchema>;
export type UpdateCustomerInput = z.infer<typeof People.UpdateCustomerInputSchema>;
export type CreateTaskInput = z.infer<typeof Day.CreateTaskInputSchema>;
export type ListTasksInput = z.infer<typeof Day.ListTasksInputSchema>;
export type PreviewTransferInput = z.infer<typeof Day.PreviewTransferInputSchema>;
export type TransferCustomersInput = z.infer<typeof Day.TransferCustomersInputSchema>;
export type ListStaffInput = z.infer<typeof Common.ListStaffInputSchema>;
export type ListTransfersInput = z.infer<typeof Day.ListTransfersInputSchema>;
export type CreateContactWayInput = z.infer<typeof Day.CreateContactWayInputSchema>;
export type ListContactWaysInput = z.infer<typeof Day.ListContactWaysInputSchema>;
export type RecordPurchaseInput = z.infer<typeof Day.RecordPurchaseInputSchema>;
export type GetStaffResultsInput = z.infer<typeof Day.GetStaffResultsInputSchema>;
export type ListScriptsInput = z.infer<typeof Messaging.ListScriptsInputSchema>;
export type CreateScriptInput = z.infer<typeof Messaging.CreateScriptInputSchema>;
export type UpdateScriptInput = z.infer<typeof Messaging.UpdateScriptInputSchema>;
export type RecordScriptUseInput = z.infer<typeof Messaging.RecordScriptUseInputSchema>;
export type PreviewBroadcastInput = z.infer<typeof Messaging.PreviewBroadcastInputSchema>;
export type CreateBroadcastInput = z.infer<typeof Messaging.CreateBroadcastInputSchema>;
export type ListBroadcastRecipientsInput = z.infer<typeof Messaging.ListBroadcastRecipientsInputSchema>;

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
