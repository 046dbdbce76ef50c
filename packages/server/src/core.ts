/**
 * The contract and the shared rules, from `@clienteling/core`. Inside this repository Node resolves
 * the package to its TypeScript source (the `source` export condition, so `npm run server` needs no
 * build); installed from npm, to its built `dist/`. Hence the dynamic import after the hook.
 */
import type * as Core from '@clienteling/core';
import type * as Backend from '@clienteling/core/backend.js';
import { useSourceCondition } from './source-condition.js';

useSourceCondition();
const core: typeof Core = await import('@clienteling/core');
const backend: typeof Backend = await import('@clienteling/core/backend.js');

export type * from '@clienteling/core';
export type * from '@clienteling/core/backend.js';
export const {
  AdapterError,
  CONTACT_KINDS,
  DEFAULT_POLICY,
  applyTagDiff,
  changeTask,
  manualTask,
  ruleTasks,
  taskPage,
  tasksCompletedBy,
  assertCouponSendable,
  byteLength,
  couponStockStatus,
  dayKey,
  momentQuota,
  operationNames,
  operations,
  parseOrInvalid,
  toAdapterError,
  tagNameProblem,
  visibleTagGroups,
  assertTransferManager,
  customerTransferHistory,
  groupsMovedToday,
  handOverGroup,
  newTransfer,
  planTransfer,
  selectedCustomerIds,
  settleTransfer,
  takeOverCustomer,
  transferLimits,
  addToPurchaseSummary,
  assertContactWayAllowed,
  assertResultsViewer,
  attributePurchase,
  attributionWindowStart,
  byAttributedSales,
  channelOf,
  isAfterHours,
  periodBounds,
  periodLength,
  previousPeriod,
  addDays,
  rotationStaffId,
  SERVING_ACTIVITY_KINDS,
  CAP_COUNTED_STATUSES,
  assertBroadcastSendable,
  audienceCandidates,
  broadcastCap,
  broadcastPeriod,
  confirmedBroadcast,
  newBroadcast,
  planBroadcast,
  recipientKey,
  sentRecipient,
  settledBroadcast,
} = core;
export const {
  activityPage,
  applyCustomerUpdate,
  couponIssuedActivity,
  followsCustomer,
  groupActivity,
  isUnreachable,
  momentSentActivity,
  newest,
  noteActivity,
  paginate,
  tagsChangedActivity,
  refusesTransfer,
  matchesCustomerSearch,
  transferredActivity,
  assertCouponRedeemable,
  couponRedeemedActivity,
  isSameOrder,
  purchaseActivity,
  purchasesOfActivity,
} = backend;
/** The class's instance type (the value above carries only the constructor). */
export type AdapterError = Core.AdapterError;
