/**
 * The dataset format every backend seeds from (the in-browser adapter, the reference server): plain
 * domain objects of `@clienteling/core`, free of IndexedDB and of the DOM.
 */
import type {
  Broadcast,
  BroadcastRecipient,
  CouponStock,
  Customer,
  CustomerActivity,
  Group,
  GroupMember,
  IssuedCoupon,
  Moment,
  Policy,
  Script,
  ScriptCategory,
  StaffProfile,
  Store,
  TagGroup,
  Transfer,
} from '@clienteling/core/adapter-kit.js';

/**
 * Everything a backend needs to start: the policy, who is signed in, and the data. Derived fields
 * (`Group.memberCount`, `Group.viewerRole`, `CouponStock.status`) are recomputed when read, but a
 * dataset keeps them consistent with its own content.
 */
export interface Dataset {
  policy: Policy;
  /** The staff member the adapter acts for. */
  signedInStaffId: string;
  stores: Store[];
  staff: StaffProfile[];
  customers: Customer[];
  tagGroups: TagGroup[];
  couponStocks: CouponStock[];
  issuedCoupons: IssuedCoupon[];
  groups: Group[];
  members: GroupMember[];
  moments: Moment[];
  /** The customers' history before the backend starts (absent: every timeline starts empty). */
  activity?: CustomerActivity[];
  /** Transfers made before the backend starts (absent: none), for the twice-in-90-days rule and the history. */
  transfers?: Transfer[];
  /** The script library's categories (absent: none). */
  scriptCategories?: ScriptCategory[];
  /** The scripts, company-wide and the associates' own; how often each associate used them is in `scriptUses`. */
  scripts?: DatasetScript[];
  /** How often each associate used each script (absent: never). */
  scriptUses?: ScriptUse[];
  /** Broadcasts sent before the backend starts (absent: none): their recipients count toward the per-customer cap. */
  broadcasts?: DatasetBroadcast[];
}

/** A broadcast with its recipients (the skipped among them). */
export interface DatasetBroadcast {
  broadcast: Broadcast;
  recipients: BroadcastRecipient[];
}

/** A script as a backend stores it: its use count and last use are each associate's ({@link ScriptUse}). */
export type DatasetScript = Omit<Script, 'useCount' | 'lastUsedAt'>;

/** One associate's uses of one script. */
export interface ScriptUse {
  scriptId: string;
  staffId: string;
  useCount: number;
  lastUsedAt: string;
}

/**
 * The id of the rule tag ("has deleted the associate", 已删除好友) that a rule engine puts on customers
 * who can no longer be reached: moments skip them (listed in `unreachableCustomerIds`) and coupons
 * cannot be sent to them (`forbidden`, reason `customer-unreachable`).
 */
export { UNREACHABLE_TAG_ID } from '@clienteling/core/backend.js';

/**
 * The manager of the signed-in associate's store in the seed: `createLocalAdapter({ signedInStaffId:
 * SEED_MANAGER_STAFF_ID })` is the demo's manager view (the seed's signed-in associate, staff-01, is not
 * a manager). Here, not in the seed module, so that a page names it without loading the seed.
 */
export const SEED_MANAGER_STAFF_ID = 'staff-16';
