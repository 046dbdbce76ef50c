/**
 * The domain's schemas of the associate's day: tasks, the follow-ups the rules (task-rules.ts) and
 * the associate bring up (see `schemas-common.ts` for what every group shares).
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { isInvisible } from './text-rules.js';
import { Count, opt, storableText } from './schema-kit.js';
import { DateTimeSchema, DaySchema, IdSchema } from './schemas-common.js';

/* ------------------------------------------------------------------ tasks */

/** Why a task exists: one of the rules (task-rules.ts) or the associate's own (`manual`). */
export const TaskKindSchema = z.enum([
  'birthday',
  'coupon-expiring',
  'after-purchase',
  'new-customer',
  'high-value-quiet',
  'manual',
]);
/** What resolves the task: the element offers it as the one-tap action. */
export const TaskActionSchema = z.enum(['send-coupon', 'send-message', 'open-profile', 'call']);
/** `snoozed` until `snoozedUntil`, then open again; `done` and `dismissed` are closed. */
export const TaskStateSchema = z.enum(['open', 'done', 'snoozed', 'dismissed']);
export const TaskTitleSchema = storableText(LIMITS.taskTitleMaxLength, 1).check(
  z.refine((value) => !isInvisible(value), { message: 'A title must have visible characters' }),
);

/**
 * A follow-up of one associate with one customer. Rule tasks have deterministic ids (one per rule,
 * customer and occurrence) and carry what the rule refers to, so that an element words why the
 * task exists ("生日还有 3 天") itself; manual tasks carry a title.
 */
export const TaskSchema = z.object({
  id: IdSchema,
  /** The associate whose task it is. */
  staffId: IdSchema,
  customerId: IdSchema,
  kind: TaskKindSchema,
  /** What to do, for manual tasks. */
  title: opt(TaskTitleSchema),
  action: TaskActionSchema,
  state: TaskStateSchema,
  /** When it is to be done: it is in `today` from the start of its day (overdue after). */
  dueAt: DateTimeSchema,
  /** For `snoozed`: when it comes back (open, due then). */
  snoozedUntil: opt(DateTimeSchema),
  createdAt: DateTimeSchema,
  /** For `done` and `dismissed`: when. */
  closedAt: opt(DateTimeSchema),
  /** The held coupon that expires (`coupon-expiring`). */
  couponId: opt(IdSchema),
  /** The timeline entry the rule refers to: the purchase of `after-purchase`. */
  activityId: opt(IdSchema),
  /** The day the task is about, in the store's time zone: the birthday of `birthday`. */
  eventDate: opt(DaySchema),
  /**
   * The moment the task is about: the coupon's end of validity, the purchase, when the customer was
   * added, the last contact of a quiet high-value customer.
   */
  eventAt: opt(DateTimeSchema),
});

/** The lists of `listTasks`: today and overdue, later (and snoozed), closed (done or dismissed). */
export const TaskBucketSchema = z.enum(['today', 'upcoming', 'done']);
export const TaskCountsSchema = z.object({ today: Count, upcoming: Count, done: Count });

export type TaskKind = z.infer<typeof TaskKindSchema>;
export type TaskAction = z.infer<typeof TaskActionSchema>;
export type TaskState = z.infer<typeof TaskStateSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type TaskBucket = z.infer<typeof TaskBucketSchema>;
export type TaskCounts = z.infer<typeof TaskCountsSchema>;
