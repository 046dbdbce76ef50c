/**
 * The group of each operation of the contract, free of zod: which schemas validating it loads. Only
 * operation-loader.ts needs it, and that loads with the first validation (see load-validation.ts), so
 * that no element pays for the list of names up front. operation-kinds.ts re-exports it.
 */
import type { OPERATION_KINDS } from './operation-kinds.js';

/**
 * Where each operation's schemas live, so that validating one loads only its group's (see
 * load-validation.ts): `common` (who is signed in, the policy, the staff: what every element may call
 * first), `people` (customers, tags, the timeline), `outreach` (moments, coupons, groups), `tasks`,
 * `transfers`, `results` (contact-me codes, purchases, results), `scripts` and `broadcasts`.
 */
export type OperationGroup =
  'common' | 'people' | 'outreach' | 'tasks' | 'transfers' | 'results' | 'scripts' | 'broadcasts';

/** The group of every JSON operation (each group's module is `operations-<group>.ts`). */
export const OPERATION_GROUPS = {
  getCurrentStaff: 'common',
  getStaff: 'common',
  getPolicy: 'common',
  listStaff: 'common',

  searchCustomers: 'people',
  getCustomer: 'people',
  updateCustomer: 'people',
  listCustomerActivity: 'people',
  addCustomerNote: 'people',
  listTagGroups: 'people',
  markTags: 'people',
  createTag: 'people',

  getMomentQuota: 'outreach',
  estimateReach: 'outreach',
  publishMoment: 'outreach',
  getMoment: 'outreach',
  listCouponStocks: 'outreach',
  issueCoupon: 'outreach',
  listCustomerCoupons: 'outreach',
  listGroups: 'outreach',
  getGroup: 'outreach',
  listGroupMembers: 'outreach',
  addGroupMember: 'outreach',
  removeGroupMember: 'outreach',

  listTasks: 'tasks',
  createTask: 'tasks',
  completeTask: 'tasks',
  snoozeTask: 'tasks',
  dismissTask: 'tasks',
  reopenTask: 'tasks',

  previewTransfer: 'transfers',
  transferCustomers: 'transfers',
  listTransfers: 'transfers',
  getTransfer: 'transfers',

  createContactWay: 'results',
  listContactWays: 'results',
  recordPurchase: 'results',
  getStaffResults: 'results',

  listScriptCategories: 'scripts',
  listScripts: 'scripts',
  createScript: 'scripts',
  updateScript: 'scripts',
  deleteScript: 'scripts',
  recordScriptUse: 'scripts',

  previewBroadcast: 'broadcasts',
  createBroadcast: 'broadcasts',
  confirmBroadcast: 'broadcasts',
  getBroadcast: 'broadcasts',
  listBroadcasts: 'broadcasts',
  listBroadcastRecipients: 'broadcasts',
} as const satisfies Record<keyof typeof OPERATION_KINDS, OperationGroup>;

/** The operations of one group: what its module's table must hold, no more and no less. */
export type OperationsOf<G extends OperationGroup> = {
  [K in keyof typeof OPERATION_GROUPS]: (typeof OPERATION_GROUPS)[K] extends G ? K : never;
}[keyof typeof OPERATION_GROUPS];
