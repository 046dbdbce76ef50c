/** The operations of the associate's tasks (see schemas-common.ts for what every group shares). */
import * as z from 'zod/mini';
import type { OperationsOf } from './operation-groups.js';
import { PageQuery, RequestIdSchema, operation } from './operation-parts.js';
import { DateTimeSchema, IdSchema, pageOf } from './schemas-common.js';
import { TaskActionSchema, TaskBucketSchema, TaskCountsSchema, TaskSchema, TaskTitleSchema } from './schemas-tasks.js';

/** A manual task for a customer the associate follows: what to do (at most 200 characters) and when. */
export const CreateTaskInputSchema = z.object({
  requestId: RequestIdSchema,
  customerId: IdSchema,
  title: TaskTitleSchema,
  dueAt: DateTimeSchema,
  /** The one-tap action the task offers (default `open-profile`). */
  action: z.optional(TaskActionSchema),
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

/** The input and output schema of each operation of this group (see `operations` in contract.ts). */
export const taskOperations = {
  listTasks: operation(ListTasksInputSchema, TaskPageSchema),
  createTask: operation(CreateTaskInputSchema, TaskSchema),
  completeTask: operation(TaskRef, TaskSchema),
  snoozeTask: operation(z.object({ taskId: IdSchema, until: DateTimeSchema }), TaskSchema),
  dismissTask: operation(TaskRef, TaskSchema),
  reopenTask: operation(TaskRef, TaskSchema),
} as const satisfies Record<OperationsOf<'tasks'>, unknown>;
