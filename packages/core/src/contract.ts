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
import { broadcastOperations } from './operations-broadcasts.js';
import { commonOperations } from './operations-common.js';
import { outreachOperations } from './operations-outreach.js';
import { peopleOperations } from './operations-people.js';
import { resultOperations } from './operations-results.js';
import { scriptOperations } from './operations-scripts.js';
import { taskOperations } from './operations-tasks.js';
import { transferOperations } from './operations-transfers.js';
import type { UploadedMedia } from './schemas.js';
import type * as Broadcasts from './operations-broadcasts.js';
import type * as Common from './operations-common.js';
import type * as Outreach from './operations-outreach.js';
import type * as People from './operations-people.js';
import type * as Results from './operations-results.js';
import type * as Scripts from './operations-scripts.js';
import type * as Tasks from './operations-tasks.js';
import type * as Transfers from './operations-transfers.js';

export { createRequestId } from './request-id.js';
export { ListStaffInputSchema } from './operations-common.js';
export { RequestIdSchema } from './operation-parts.js';
export { MarkTagsInputSchema, SearchCustomersInputSchema, UpdateCustomerInputSchema } from './operations-people.js';
export { ListGroupsInputSchema, MemberFilterSchema, MemberSortSchema } from './operations-outreach.js';
export { CreateTaskInputSchema, ListTasksInputSchema, TaskPageSchema } from './operations-tasks.js';
export {
  ListTransfersInputSchema,
  PreviewTransferInputSchema,
  TransferCustomersInputSchema,
} from './operations-transfers.js';
export {
  CreateContactWayInputSchema,
  GetStaffResultsInputSchema,
  ListContactWaysInputSchema,
  RecordPurchaseInputSchema,
} from './operations-results.js';
export {
  CreateScriptInputSchema,
  ListScriptsInputSchema,
  RecordScriptUseInputSchema,
  UpdateScriptInputSchema,
} from './operations-scripts.js';
export {
  CreateBroadcastInputSchema,
  ListBroadcastRecipientsInputSchema,
  PreviewBroadcastInputSchema,
} from './operations-broadcasts.js';

/** The input and output schema of every JSON operation; its kind is in operation-kinds.ts. */
const operationSchemas = {
  ...commonOperations,
  ...peopleOperations,
  ...outreachOperations,
  ...taskOperations,
  ...transferOperations,
  ...resultOperations,
  ...scriptOperations,
  ...broadcastOperations,
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
export type CreateTaskInput = z.infer<typeof Tasks.CreateTaskInputSchema>;
export type ListTasksInput = z.infer<typeof Tasks.ListTasksInputSchema>;
export type PreviewTransferInput = z.infer<typeof Transfers.PreviewTransferInputSchema>;
export type TransferCustomersInput = z.infer<typeof Transfers.TransferCustomersInputSchema>;
export type ListStaffInput = z.infer<typeof Common.ListStaffInputSchema>;
export type ListTransfersInput = z.infer<typeof Transfers.ListTransfersInputSchema>;
export type CreateContactWayInput = z.infer<typeof Results.CreateContactWayInputSchema>;
export type ListContactWaysInput = z.infer<typeof Results.ListContactWaysInputSchema>;
export type RecordPurchaseInput = z.infer<typeof Results.RecordPurchaseInputSchema>;
export type GetStaffResultsInput = z.infer<typeof Results.GetStaffResultsInputSchema>;
export type ListScriptsInput = z.infer<typeof Scripts.ListScriptsInputSchema>;
export type CreateScriptInput = z.infer<typeof Scripts.CreateScriptInputSchema>;
export type UpdateScriptInput = z.infer<typeof Scripts.UpdateScriptInputSchema>;
export type RecordScriptUseInput = z.infer<typeof Scripts.RecordScriptUseInputSchema>;
export type PreviewBroadcastInput = z.infer<typeof Broadcasts.PreviewBroadcastInputSchema>;
export type CreateBroadcastInput = z.infer<typeof Broadcasts.CreateBroadcastInputSchema>;
export type ListBroadcastRecipientsInput = z.infer<typeof Broadcasts.ListBroadcastRecipientsInputSchema>;

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
