/**
 * The domain's schemas of transfers: a manager hands a departing associate's customers and groups to
 * a successor (see `schemas-common.ts` for what every group shares, `schemas-staff.ts` for the
 * successor).
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { Count, opt, storableText } from './schema-kit.js';
import { DateTimeSchema, IdSchema } from './schemas-common.js';
import { StaffSummarySchema } from './schemas-staff.js';

/* ------------------------------------------------------------------ transfers (when an associate leaves) */

/**
 * `on-job` (在职继承): the associate stays; the customer is told and the takeover completes 24 h later
 * unless the customer refuses; each customer at most twice in 90 days. `resigned` (离职继承): completes at once.
 */
export const TransferModeSchema = z.enum(['on-job', 'resigned']);
/** Why a selected customer cannot go (transfer-rules.ts decides). */
export const TransferRefusalSchema = z.enum(['too-frequent', 'successor-over-cap', 'not-owned', 'in-transfer']);
/** A customer in a preview: `ok`, or why it cannot go. */
export const TransferPreviewStatusSchema = z.enum(['ok', ...TransferRefusalSchema.options]);
/** A customer in a transfer: on its way (`waiting`), taken over (`done`), `refused` by the customer, or not sent. */
export const TransferCustomerStatusSchema = z.enum(['waiting', 'done', 'refused', ...TransferRefusalSchema.options]);
/** A group in a preview or a transfer: `ok` / `done` (ownership moved), over today's batch (`limited`), `not-owned`. */
export const TransferGroupPreviewStatusSchema = z.enum(['ok', 'limited', 'not-owned']);
export const TransferGroupStatusSchema = z.enum(['done', 'limited', 'not-owned']);
export const TransferMessageSchema = storableText(LIMITS.transferMessageMaxLength);

export const TransferPreviewSchema = z.object({
  customers: z.array(z.object({ customerId: IdSchema, status: TransferPreviewStatusSchema })),
  groups: z.array(z.object({ groupId: IdSchema, status: TransferGroupPreviewStatusSchema })),
  /** How many customers have each status. */
  counts: z.object({
    ok: Count,
    'too-frequent': Count,
    'successor-over-cap': Count,
    'not-owned': Count,
    'in-transfer': Count,
  }),
  /** Platform requests the customers that can go take (at most 100 customers each). */
  batches: Count,
  /** The successor as the preview saw them. */
  successor: StaffSummarySchema,
});

export const TransferCustomerResultSchema = z.object({
  customerId: IdSchema,
  status: TransferCustomerStatusSchema,
  /** The platform request (0, 1, ...) the customer went in; absent for customers not sent. */
  batch: opt(Count),
  /** When the takeover completed (`done`) or was refused. */
  settledAt: opt(DateTimeSchema),
});

/** A manager's hand-over of one associate's customers and groups to a successor, with each one's status. */
export const TransferSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  mode: TransferModeSchema,
  fromStaffId: IdSchema,
  toStaffId: IdSchema,
  /** The manager who made it. */
  staffId: IdSchema,
  createdAt: DateTimeSchema,
  /** When waiting customers are taken over: 24 h after `createdAt` (on-job), `createdAt` (resigned). */
  completesAt: DateTimeSchema,
  /** What the customers were told (on-job). */
  message: opt(TransferMessageSchema),
  customers: z.array(TransferCustomerResultSchema),
  groups: z.array(z.object({ groupId: IdSchema, status: TransferGroupStatusSchema })),
  /** How many customers have each status. */
  counts: z.object({
    waiting: Count,
    done: Count,
    refused: Count,
    'too-frequent': Count,
    'successor-over-cap': Count,
    'not-owned': Count,
    'in-transfer': Count,
  }),
});

export type TransferMode = z.infer<typeof TransferModeSchema>;
export type TransferRefusal = z.infer<typeof TransferRefusalSchema>;
export type TransferPreviewStatus = z.infer<typeof TransferPreviewStatusSchema>;
export type TransferCustomerStatus = z.infer<typeof TransferCustomerStatusSchema>;
export type TransferGroupPreviewStatus = z.infer<typeof TransferGroupPreviewStatusSchema>;
export type TransferGroupStatus = z.infer<typeof TransferGroupStatusSchema>;
export type TransferPreview = z.infer<typeof TransferPreviewSchema>;
export type TransferCustomerResult = z.infer<typeof TransferCustomerResultSchema>;
export type Transfer = z.infer<typeof TransferSchema>;
