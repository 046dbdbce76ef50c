/** The operations of scripts (话术) and broadcasts (群发) (see operations-common.ts). */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { Empty, PageQuery, RequestIdSchema, operation } from './operations-common.js';
import { IdSchema, pageOf } from './schemas-common.js';
import {
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
} from './schemas-messaging.js';

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

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const messagingOperations = {
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
} as const satisfies Record<OperationsOf<'messaging'>, unknown>;
