/**
 * The capabilities an adapter starts from, free of zod (the schema and the meaning of each is
 * `CapabilitiesSchema` in contract.ts): an adapter spreads {@link FULL_CAPABILITIES} and turns off
 * what its backend lacks.
 */
import type { Capabilities } from './contract.js';

/** Everything supported. */
export const FULL_CAPABILITIES: Capabilities = {
  markTags: true,
  createTag: true,
  publishMoment: true,
  uploadMedia: true,
  issueCoupon: true,
  addGroupMember: true,
  removeGroupMember: true,
  inviteGroupMember: true,
  updateCustomer: true,
  addCustomerNote: true,
  purchaseData: true,
  createTask: true,
  transferCustomers: true,
  staffResults: true,
  createContactWay: true,
  manageScripts: true,
  broadcast: true,
};
/** Nothing that changes data: a read-only view. */
export const READ_ONLY_CAPABILITIES = Object.fromEntries(
  Object.keys(FULL_CAPABILITIES).map((k) => [k, false]),
) as Capabilities;
