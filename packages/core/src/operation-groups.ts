/**
 * The group of each operation of the contract, free of zod: which schemas validating it loads. Only
 * operation-loader.ts needs it, and that loads with the first validation (see load-validation.ts), so
 * that no element pays for the list of names up front. operation-kinds.ts re-exports it.
 */
import type { OPERATION_KINDS } from './operation-kinds.js';

/**
 * Where each operation's schemas live, so that validating one loads only its group's (see
 * load-validation.ts): `common` (who is signed in, the policy, the staff: what every element may call
 * first), `people` (customers, tags, the timeline), `outreach` (moments, coupons, groups), `day`
 * (tasks, transfers, contact-me codes, results) and `messaging` (scripts, broadcasts).
 */
export type OperationGroup = 'common' | 'people' | 'outreach' | 'day' | 'messaging';

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

  listTasks: 'day',
  createTask: 'day',
  completeTask: 'day',
  snoozeTask: 'day',
  dismissTask: 'day',
  reopenTask: 'day',
  previewTransfer: 'day',
  transferCustomers: 'day',
  listTransfers: 'day',
  getTransfer: 'day',
  createContactWay: 'day',
  listContactWays: 'day',
  recordPurchase: 'day',
  getStaffResults: 'day',

  listScriptCategories: 'messaging',
  listScripts: 'messaging',
  createScript: 'messaging',
  updateScript: 'messaging',
  deleteScript: 'messaging',
  recordScriptUse: 'messaging',
  previewBroadcast: 'messaging',
  createBroadcast: 'messaging',
  confirmBroadcast: 'messaging',
  getBroadcast: 'messaging',
  listBroadcasts: 'messaging',
  listBroadcastRecipients: 'messaging',
} as const satisfies Record<keyof typeof OPERATION_KINDS, OperationGroup>;

/** The operations of one group: what its module's table must hold, no more and no less. */
export type OperationsOf<G extends OperationGroup> = {
  [K in keyof typeof OPERATION_GROUPS]: (typeof OPERATION_GROUPS)[K] extends G ? K : never;
}[keyof typeof OPERATION_GROUPS];
