/**
 * The domain's schemas of broadcasts (群发): a company message to many customers, with the
 * attachments of `schemas-attachments.ts` (see `schemas-common.ts` for what every group shares).
 */
import * as z from 'zod/mini';
import { LIMITS, byteLength } from './limits.js';
import { Count, PositiveCount, opt, storable, storableText } from './schema-kit.js';
import { BroadcastCapSchema, DateTimeSchema, IdSchema, UrlSchema } from './schemas-common.js';
import {
  ImageAttachmentSchema,
  LinkCardSchema,
  MiniProgramCardSchema,
  VideoAttachmentSchema,
} from './schemas-attachments.js';

/* ------------------------------------------------------------------ broadcasts (群发) */

/** One attachment of a broadcast: an image, a video, a link card or a mini-program card (kinds may mix). */
export const BroadcastAttachmentSchema = z.union([
  z.object({ kind: z.literal('image'), image: ImageAttachmentSchema }),
  z.object({ kind: z.literal('video'), video: VideoAttachmentSchema }),
  z.object({ kind: z.literal('link'), link: LinkCardSchema }),
  z.object({ kind: z.literal('miniprogram'), miniprogram: MiniProgramCardSchema }),
]);

/** What a broadcast sends: text of at most 4,000 UTF-8 bytes and up to 9 attachments; one of them at least. */
export const BroadcastContentSchema = z
  .object({
    text: z.string().check(
      storable,
      z.refine((value) => byteLength(value) <= LIMITS.broadcastTextMaxBytes, {
        message: `Text must be at most ${LIMITS.broadcastTextMaxBytes} bytes`,
      }),
    ),
    attachments: z.array(BroadcastAttachmentSchema).check(z.maxLength(LIMITS.broadcastAttachmentsMax)),
  })
  .check(
    z.refine((content) => content.text.trim().length > 0 || content.attachments.length > 0, {
      message: 'A broadcast needs text or an attachment',
      path: ['text'],
    }),
  );

/** Whom a broadcast is for: all of the associate's customers, those with any of the tags, or a list. */
export const BroadcastAudienceSchema = z.union([
  z.object({ type: z.literal('all') }),
  z.object({
    type: z.literal('tags'),
    tagIds: z.array(IdSchema).check(z.minLength(1), z.maxLength(LIMITS.searchTagsMax)),
  }),
  z.object({
    type: z.literal('customers'),
    customerIds: z.array(IdSchema).check(z.minLength(1), z.maxLength(LIMITS.broadcastCustomerIdsMax)),
  }),
]);

/**
 * Why a customer of the audience is not sent to: they already received as many company messages as the
 * policy allows in the period (`limit-reached`), cannot be reached (deleted the associate, lost), are not
 * the associate's customer (an explicit list), or refused the company's messages (`unsubscribed`).
 */
export const BroadcastSkipReasonSchema = z.enum(['limit-reached', 'unreachable', 'not-own-customer', 'unsubscribed']);

/** A customer the broadcast will skip (or skipped), and why. */
export const BroadcastSkippedSchema = z.object({
  customerId: IdSchema,
  /** Absent for an id that is not the associate's customer. */
  name: opt(storableText(64)),
  reason: BroadcastSkipReasonSchema,
});

/** Who a broadcast would reach now, before it is sent. */
export const BroadcastPreviewSchema = z.object({
  recipientCount: Count,
  skippedCount: Count,
  skippedByReason: z.object({
    'limit-reached': Count,
    unreachable: Count,
    'not-own-customer': Count,
    unsubscribed: Count,
  }),
  /** The skipped customers, at most 200 (the counts cover all). */
  skipped: z.array(BroadcastSkippedSchema).check(z.maxLength(LIMITS.broadcastPreviewSkippedMax)),
  cap: BroadcastCapSchema,
  /** The period the cap counts in now, in the store's time zone: `[start, end)`. */
  periodStart: DateTimeSchema,
  periodEnd: DateTimeSchema,
  /** The most recipients one broadcast may have (the policy's, within the platform's 10,000). */
  maxRecipients: PositiveCount,
});

/** Where each recipient is: created, waiting for the associate to confirm in the client, sent, failed or skipped. */
export const BroadcastRecipientStatusSchema = z.enum(['pending', 'awaiting-confirmation', 'sent', 'failed', 'skipped']);

/** A broadcast's course: waiting for the associate's confirmation, sending, done. */
export const BroadcastStateSchema = z.enum(['awaiting-confirmation', 'sending', 'done']);

export const BroadcastCountsSchema = z.object({
  pending: Count,
  'awaiting-confirmation': Count,
  sent: Count,
  failed: Count,
  skipped: Count,
});

export const BroadcastSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  staffId: IdSchema,
  content: BroadcastContentSchema,
  audience: BroadcastAudienceSchema,
  state: BroadcastStateSchema,
  counts: BroadcastCountsSchema,
  createdAt: DateTimeSchema,
  /** When the associate confirmed the send (`confirmBroadcast`). */
  confirmedAt: opt(DateTimeSchema),
  completedAt: opt(DateTimeSchema),
});

export const BroadcastRecipientSchema = z.object({
  customerId: IdSchema,
  name: opt(storableText(64)),
  avatarUrl: opt(UrlSchema),
  status: BroadcastRecipientStatusSchema,
  /** Why a `skipped` recipient was skipped. */
  reason: opt(BroadcastSkipReasonSchema),
  /** What went wrong for a `failed` recipient, as the platform said. */
  failureReason: opt(storableText(256)),
  sentAt: opt(DateTimeSchema),
});

export type BroadcastAttachment = z.infer<typeof BroadcastAttachmentSchema>;
export type BroadcastContent = z.infer<typeof BroadcastContentSchema>;
export type BroadcastAudience = z.infer<typeof BroadcastAudienceSchema>;
export type BroadcastSkipReason = z.infer<typeof BroadcastSkipReasonSchema>;
export type BroadcastSkipped = z.infer<typeof BroadcastSkippedSchema>;
export type BroadcastPreview = z.infer<typeof BroadcastPreviewSchema>;
export type BroadcastRecipientStatus = z.infer<typeof BroadcastRecipientStatusSchema>;
export type BroadcastState = z.infer<typeof BroadcastStateSchema>;
export type BroadcastCounts = z.infer<typeof BroadcastCountsSchema>;
export type Broadcast = z.infer<typeof BroadcastSchema>;
export type BroadcastRecipient = z.infer<typeof BroadcastRecipientSchema>;
