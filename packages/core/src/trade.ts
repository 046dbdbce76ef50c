// The rules of the trade without zod: errors, the default policy and fixed limits, the tag, coupon
// and moment rules, request ids, and the domain types. What elements import eagerly; the schemas
// and validation load with the first adapter call (`validation-chunk.ts`). A bundler that splits
// code assigns whole modules to chunks: an element importing `@clienteling/core` (which re-exports
// the schemas) would pull zod into its eager chunk under esbuild.
export * from './errors.js';
export * from './limits.js';
export * from './rules.js';
export { createRequestId } from './request-id.js';
// What a task list words and sorts by ("生日还有 3 天", which list a task is in), with the backends' rules.
export { TASK_ACTIONS, daysUntil, nextBirthday, taskAt, taskBucket, taskThresholds } from './task-rules.js';
// What a transfer form shows before sending (batches, the 90-day rule, who may transfer), with the backends' rules.
export {
  isTransferManager,
  nextOnJobTransferAt,
  onJobTransfersInWindow,
  takeoverAt,
  transferBatchCount,
  transferLimits,
} from './transfer-rules.js';
export type * from './schemas-common.js';
export type * from './schemas-staff.js';
export type * from './schemas-base.js';
export type * from './schemas-attachments.js';
export type * from './schemas-outreach.js';
export type * from './schemas-tasks.js';
export type * from './schemas-transfers.js';
export type * from './schemas-results.js';
export type * from './schemas-scripts.js';
export type * from './schemas-broadcasts.js';
export type * from './contract.js';
export type * from './host.js';
// What a results view counts with (periods and the one before), with the backends' rules.
export { addDays, periodLength, previousPeriod } from './attribution.js';
// What a script library fills in and checks before sending, with the schemas' and backends' rules.
export * from './script-rules.js';
// What a broadcast composer shows before sending (the cap's period, the skip reasons), with the backends' rules.
export {
  BROADCAST_SKIP_REASONS,
  broadcastCap,
  broadcastMaxRecipients,
  broadcastPeriod,
  type BroadcastPeriod,
} from './broadcast-rules.js';
