/**
 * The contract's operations, their kinds and their groups, free of zod: what an adapter needs to
 * build its methods before any schema is loaded (the schemas of each operation are `operations` in
 * contract.ts; the first validation of an operation loads those of its group).
 */
import type { OperationName } from './contract.js';

/**
 * Whether an operation changes data, and whether repeating it would do harm: `read` changes nothing;
 * `write` is a change safe to send again with the same result; `once` must never happen twice, so it
 * carries a caller-supplied request id and the same id returns the first result.
 */
export type OperationKind = 'read' | 'write' | 'once';

/** Every JSON operation of the contract and its kind. */
export const OPERATION_KINDS = {
  getCurrentStaff: 'read',
  getStaff: 'read',
  getPolicy: 'read',

  searchCustomers: 'read',
  getCustomer: 'read',
  updateCustomer: 'write',
  listCustomerActivity: 'read',
  addCustomerNote: 'once',

  listTasks: 'read',
  createTask: 'once',
  completeTask: 'write',
  snoozeTask: 'write',
  dismissTask: 'write',
  reopenTask: 'write',

  listStaff: 'read',
  previewTransfer: 'read',
  transferCustomers: 'once',
  listTransfers: 'read',
  getTransfer: 'read',

  createContactWay: 'once',
  listContactWays: 'read',
  recordPurchase: 'write',
  getStaffResults: 'read',

  listTagGroups: 'read',
  markTags: 'write',
  createTag: 'write',

  getMomentQuota: 'read',
  estimateReach: 'read',
  publishMoment: 'once',
  getMoment: 'read',

  listCouponStocks: 'read',
  issueCoupon: 'once',
  listCustomerCoupons: 'read',

  listScriptCategories: 'read',
  listScripts: 'read',
  createScript: 'once',
  updateScript: 'write',
  deleteScript: 'write',
  recordScriptUse: 'write',

  previewBroadcast: 'read',
  createBroadcast: 'once',
  /** The associate confirmed the send in the client (WeCom asks for it): recipients go out. */
  confirmBroadcast: 'write',
  getBroadcast: 'read',
  listBroadcasts: 'read',
  listBroadcastRecipients: 'read',

  listGroups: 'read',
  getGroup: 'read',
  listGroupMembers: 'read',
  addGroupMember: 'once',
  removeGroupMember: 'write',
} as const satisfies Record<string, OperationKind>;

/** The names of every JSON operation, in the contract's order. */
export const operationNames = Object.keys(OPERATION_KINDS) as OperationName[];

export { OPERATION_GROUPS, type OperationGroup, type OperationsOf } from './operation-groups.js';
