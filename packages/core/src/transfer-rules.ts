/**
 * The rules of a transfer (issue 22), written once for every backend: who may transfer, which
 * customers and groups can go and why the others cannot, how a transfer splits into the platform's
 * requests, and how its statuses move with time. Pure and free of zod: a backend gives the facts
 * (customers, past transfers, the successor's counts, the clock) and stores what these functions answer.
 *
 * - Only a manager of the store of both associates transfers (`forbidden`: `not-manager`, `other-store`).
 * - At most {@link LIMITS.transferBatchMax} customers per platform request: {@link transferBatches}.
 * - On-job: a customer is transferred at most {@link LIMITS.onJobTransfersMax} times in
 *   {@link LIMITS.onJobTransferWindowDays} days; a transfer at `t` counts while `now < t + 90 days`
 *   ({@link onJobTransfersInWindow}); the takeover completes {@link LIMITS.takeoverHours} h after the
 *   request unless the customer refuses ({@link settleTransfer}). Resigned: completes at once.
 * - The successor takes customers up to their cap (policy `customerCap`), counting those already on
 *   their way to them.
 * - Groups move at once, at most `groupTransfersPerDay` per departing associate and calendar day
 *   (the store's time zone).
 */
import { matchesCustomerSearch } from './backend.js';
import { AdapterError } from './errors.js';
import { DEFAULT_POLICY, LIMITS } from './limits.js';
import { dayKey } from './rules.js';
import type {
  Customer,
  Group,
  GroupMember,
  Policy,
  StaffProfile,
  StaffSummary,
  Transfer,
  TransferCustomerStatus,
  TransferGroupPreviewStatus,
  TransferMode,
  TransferPreview,
  TransferPreviewStatus,
} from './schemas.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The transfer thresholds of a policy (a policy without them takes DEFAULT_POLICY's). */
export const transferLimits = (policy: Pick<Policy, 'customerCap' | 'groupTransfersPerDay'>) => ({
  customerCap: policy.customerCap ?? DEFAULT_POLICY.customerCap!,
  groupTransfersPerDay: policy.groupTransfersPerDay ?? DEFAULT_POLICY.groupTransfersPerDay!,
});

/** Splits `items` into the platform's requests of at most `size` (100) each. */
export function transferBatches<T>(items: readonly T[], size: number = LIMITS.transferBatchMax): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** How many platform requests `count` customers take. */
export const transferBatchCount = (count: number): number => Math.ceil(count / LIMITS.transferBatchMax);

/** When the customers of a transfer made at `createdAt` are taken over. */
export const takeoverAt = (mode: TransferMode, createdAt: Date): Date =>
  mode === 'on-job' ? new Date(createdAt.getTime() + LIMITS.takeoverHours * HOUR_MS) : createdAt;

/** What the 90-day rule knows of one earlier transfer of a customer. */
export interface CustomerTransferEntry {
  mode: TransferMode;
  status: TransferCustomerStatus;
  createdAt: string;
}

/** Statuses of a customer that mean the platform request was made (it counts, and it is not retried). */
const SENT: readonly TransferCustomerStatus[] = ['waiting', 'done', 'refused'];

/**
 * How many on-job transfers of a customer count at `now`: those sent (waiting, done or refused) in
 * the 90 days before, a transfer at `t` counting up to but not at `t + 90 days`.
 */
export function onJobTransfersInWindow(history: readonly CustomerTransferEntry[], now: Date): number {
  const since = now.getTime() - LIMITS.onJobTransferWindowDays * DAY_MS;
  return history.filter((entry) => {
    const at = Date.parse(entry.createdAt);
    return entry.mode === 'on-job' && SENT.includes(entry.status) && at > since && at <= now.getTime();
  }).length;
}

/** When an on-job transfer of the customer is allowed again (null: it is now). */
export function nextOnJobTransferAt(history: readonly CustomerTransferEntry[], now: Date): Date | null {
  const counted = history
    .filter((entry) => entry.mode === 'on-job' && SENT.includes(entry.status))
    .map((entry) => Date.parse(entry.createdAt))
    .filter((at) => at > now.getTime() - LIMITS.onJobTransferWindowDays * DAY_MS && at <= now.getTime())
    .sort((a, b) => b - a);
  if (counted.length < LIMITS.onJobTransfersMax) return null;
  return new Date(counted[LIMITS.onJobTransfersMax - 1]! + LIMITS.onJobTransferWindowDays * DAY_MS);
}

/** Whether `viewer` may preview, make and list transfers of the store's staff. */
export const isTransferManager = (viewer: Pick<StaffProfile, 'role'>): boolean => viewer.role === 'manager';

/**
 * Throws `forbidden` unless `viewer` is a manager of the store of every one of `staff` (the departing
 * associate and the successor): reason `not-manager` or `other-store`.
 */
export function assertTransferManager(
  viewer: Pick<StaffProfile, 'role' | 'store'>,
  ...staff: Array<Pick<StaffProfile, 'id' | 'store'>>
): void {
  if (!isTransferManager(viewer))
    throw new AdapterError('forbidden', 'Only a manager transfers customers', { reason: 'not-manager' });
  const storeId = viewer.store?.id;
  for (const person of staff) {
    if (!storeId || person.store?.id !== storeId)
      throw new AdapterError('forbidden', `Staff member ${person.id} is not of the manager's store`, {
        reason: 'other-store',
      });
  }
}

/**
 * The ids a selection names, in order and once each: `customerIds`, then (with `allCustomers`) the
 * departing associate's own customers that match the selection's `query` and `tagIds` as
 * `searchCustomers` would list them ("select all" of a filtered list), sorted by id.
 */
export function selectedCustomerIds(
  selection: { customerIds?: readonly string[]; allCustomers?: boolean; query?: string; tagIds?: readonly string[] },
  owned: ReadonlyArray<Pick<Customer, 'id' | 'name' | 'remark' | 'tagIds' | 'ruleTagIds'>>,
): string[] {
  const ids = new Set(selection.customerIds ?? []);
  if (selection.allCustomers) {
    const matching = owned.filter((customer) => matchesCustomerSearch(customer, selection)).map((c) => c.id);
    for (const id of matching.sort()) ids.add(id);
  }
  return [...ids];
}

/** What {@link planTransfer} needs to know, gathered by the backend. */
export interface TransferFacts {
  mode: TransferMode;
  fromStaffId: string;
  /** The selected customers in order ({@link selectedCustomerIds}); `customer` absent when unknown. */
  customers: Array<{ id: string; customer?: Pick<Customer, 'id' | 'ownerStaffId'> }>;
  /** Each selected customer's earlier transfers (absent: none). */
  history: ReadonlyMap<string, readonly CustomerTransferEntry[]>;
  /** The successor with their counts now. */
  successor: StaffSummary;
  /** The selected groups in order; `group` absent when unknown. */
  groups: Array<{ id: string; group?: Pick<Group, 'id' | 'ownerId'> }>;
  /** Groups the departing associate handed over already today ({@link groupsMovedToday}). */
  groupsMovedToday: number;
  policy: Pick<Policy, 'customerCap' | 'groupTransfersPerDay'>;
  now: Date;
}

const emptyPreviewCounts = (): TransferPreview['counts'] => ({
  ok: 0,
  'too-frequent': 0,
  'successor-over-cap': 0,
  'not-owned': 0,
  'in-transfer': 0,
});

/** Which customers and groups can go, why the others cannot, and in how many requests. */
export function planTransfer(facts: TransferFacts): TransferPreview {
  const { successor, now } = facts;
  let capacity = Math.max(0, successor.customerCap - successor.customerCount - successor.incomingCount);
  const counts = emptyPreviewCounts();
  const customers = facts.customers.map(({ id, customer }) => {
    const history = facts.history.get(id) ?? [];
    let status: TransferPreviewStatus = 'ok';
    if (!customer || customer.ownerStaffId !== facts.fromStaffId) status = 'not-owned';
    else if (history.some((entry) => entry.status === 'waiting')) status = 'in-transfer';
    else if (facts.mode === 'on-job' && onJobTransfersInWindow(history, now) >= LIMITS.onJobTransfersMax)
      status = 'too-frequent';
    else if (capacity === 0) status = 'successor-over-cap';
    else capacity--;
    counts[status]++;
    return { customerId: id, status };
  });
  let groupsLeft = Math.max(0, transferLimits(facts.policy).groupTransfersPerDay - facts.groupsMovedToday);
  const groups = facts.groups.map(({ id, group }) => {
    let status: TransferGroupPreviewStatus = 'ok';
    if (!group || group.ownerId !== facts.fromStaffId) status = 'not-owned';
    else if (groupsLeft === 0) status = 'limited';
    else groupsLeft--;
    return { groupId: id, status };
  });
  return { customers, groups, counts, batches: transferBatchCount(counts.ok), successor };
}

/** Counts the customers of a transfer by status. */
export function transferCounts(customers: Transfer['customers']): Transfer['counts'] {
  const counts: Transfer['counts'] = { waiting: 0, done: 0, refused: 0, ...emptyPreviewCounts() };
  delete (counts as Partial<Record<string, number>>).ok;
  for (const { status } of customers) counts[status]++;
  return counts;
}

/**
 * The transfer a plan makes: the customers that can go split into batches of 100 (`waiting` on-job,
 * `done` resigned), the others with their reason; the groups that can go `done`.
 */
export function newTransfer(
  plan: TransferPreview,
  request: {
    id: string;
    requestId: string;
    mode: TransferMode;
    fromStaffId: string;
    toStaffId: string;
    staffId: string;
    message?: string;
    now: Date;
  },
): Transfer {
  const createdAt = request.now.toISOString();
  let sent = 0;
  const customers = plan.customers.map(({ customerId, status }): Transfer['customers'][number] => {
    if (status !== 'ok') return { customerId, status };
    const batch = Math.floor(sent++ / LIMITS.transferBatchMax);
    return request.mode === 'on-job'
      ? { customerId, status: 'waiting', batch }
      : { customerId, status: 'done', batch, settledAt: createdAt };
  });
  return {
    id: request.id,
    requestId: request.requestId,
    mode: request.mode,
    fromStaffId: request.fromStaffId,
    toStaffId: request.toStaffId,
    staffId: request.staffId,
    createdAt,
    completesAt: takeoverAt(request.mode, request.now).toISOString(),
    ...(request.mode === 'on-job' && request.message !== undefined ? { message: request.message } : {}),
    customers,
    groups: plan.groups.map(({ groupId, status }) => ({ groupId, status: status === 'ok' ? 'done' : status })),
    counts: transferCounts(customers),
  };
}

/** Whether a transfer still has customers waiting for their takeover. */
export const isWaiting = (transfer: Pick<Transfer, 'counts'>): boolean => transfer.counts.waiting > 0;

/**
 * The transfer as it is at `now`: once `completesAt` has come, every waiting customer is taken over
 * (`done`) unless they refused (`refused`). Answers the customers taken over, for the backend to move
 * them (and write their `transferred` activity) in the same transaction; `changed` false when nothing moved.
 */
export function settleTransfer(
  transfer: Transfer,
  now: Date,
  refuses: (customerId: string) => boolean,
): { transfer: Transfer; takenOver: string[]; changed: boolean } {
  if (!isWaiting(transfer) || now.getTime() < Date.parse(transfer.completesAt))
    return { transfer, takenOver: [], changed: false };
  const takenOver: string[] = [];
  const customers = transfer.customers.map((result) => {
    if (result.status !== 'waiting') return result;
    const refused = refuses(result.customerId);
    if (!refused) takenOver.push(result.customerId);
    return { ...result, status: refused ? ('refused' as const) : ('done' as const), settledAt: transfer.completesAt };
  });
  return { transfer: { ...transfer, customers, counts: transferCounts(customers) }, takenOver, changed: true };
}

/** The customer once taken over: owned and followed by the successor, no longer followed by the departing associate. */
export function takeOverCustomer<C extends Pick<Customer, 'ownerStaffId' | 'followerStaffIds'>>(
  customer: C,
  fromStaffId: string,
  toStaffId: string,
): C {
  const followers = (customer.followerStaffIds ?? [customer.ownerStaffId]).filter(
    (id) => id !== fromStaffId && id !== toStaffId,
  );
  return { ...customer, ownerStaffId: toStaffId, followerStaffIds: [toStaffId, ...followers] };
}

/** How many groups `fromStaffId` handed over on `now`'s calendar day (the store's time zone). */
export function groupsMovedToday(
  transfers: ReadonlyArray<Pick<Transfer, 'fromStaffId' | 'createdAt' | 'groups'>>,
  fromStaffId: string,
  now: Date,
  timeZone: string,
): number {
  const today = dayKey(now, timeZone);
  return transfers
    .filter(
      (transfer) => transfer.fromStaffId === fromStaffId && dayKey(new Date(transfer.createdAt), timeZone) === today,
    )
    .reduce((sum, transfer) => sum + transfer.groups.filter((group) => group.status === 'done').length, 0);
}

/** The history entries of one customer in the given transfers (for the 90-day rule). */
export function customerTransferHistory(
  transfers: ReadonlyArray<Pick<Transfer, 'mode' | 'createdAt' | 'customers'>>,
): Map<string, CustomerTransferEntry[]> {
  const history = new Map<string, CustomerTransferEntry[]>();
  for (const transfer of transfers) {
    for (const { customerId, status } of transfer.customers) {
      const entries = history.get(customerId) ?? [];
      entries.push({ mode: transfer.mode, status, createdAt: transfer.createdAt });
      history.set(customerId, entries);
    }
  }
  return history;
}

/**
 * A group handed over: the successor owns it (joining as its owner when not a member yet) and the
 * departing associate stays as a member.
 */
export function handOverGroup<G extends Pick<Group, 'ownerId' | 'ownerName'>>(
  group: G,
  members: readonly GroupMember[],
  successor: Pick<StaffProfile, 'id' | 'name' | 'avatarUrl' | 'companyName'>,
  now: Date,
): { group: G; members: GroupMember[] } {
  const fromStaffId = group.ownerId;
  const next = members.map((member) => {
    if (member.id === successor.id) return { ...member, role: 'owner' as const };
    if (member.id === fromStaffId && member.role === 'owner') return { ...member, role: 'member' as const };
    return member;
  });
  if (!next.some((member) => member.id === successor.id)) {
    const groupId = members[0]?.groupId ?? '';
    next.push({
      id: successor.id,
      groupId,
      type: 'staff',
      name: successor.name,
      ...(successor.avatarUrl ? { avatarUrl: successor.avatarUrl } : {}),
      companyName: successor.companyName,
      role: 'owner',
      joinedAt: now.toISOString(),
      joinScene: 'invited',
      inviterId: fromStaffId,
    });
  }
  return { group: { ...group, ownerId: successor.id, ownerName: successor.name }, members: next };
}
