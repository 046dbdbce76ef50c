/** The operations of broadcasts (群发) (see schemas-common.ts for what every group shares). */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { PageQuery, RequestIdSchema, operation } from './operation-parts.js';
import { IdSchema, pageOf } from './schemas-common.js';
import {
  BroadcastAudienceSchema,
  BroadcastContentSchema,
  BroadcastPreviewSchema,
  BroadcastRecipientSchema,
  BroadcastRecipientStatusSchema,
  BroadcastSchema,
} from './schemas-broadcasts.js';

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
export const broadcastOperations = {
  previewBroadcast: operation(PreviewBroadcastInputSchema, BroadcastPreviewSchema),
  createBroadcast: operation(CreateBroadcastInputSchema, BroadcastSchema),
  /** The associate confirmed the send in the client (WeCom asks for it): recipients go out. */
  confirmBroadcast: operation(z.object({ broadcastId: IdSchema }), BroadcastSchema),
  getBroadcast: operation(z.object({ broadcastId: IdSchema }), BroadcastSchema),
  listBroadcasts: operation(z.object({ cursor: PageQuery.cursor, limit: PageQuery.limit }), pageOf(BroadcastSchema)),
  listBroadcastRecipients: operation(ListBroadcastRecipientsInputSchema, pageOf(BroadcastRecipientSchema)),
} as const satisfies Record<OperationsOf<'broadcasts'>, unknown>;
