/**
 * The IndexedDB layout of the local adapter, versioned. Each version's changes are applied step by
 * step, so a database of any older version upgrades in place and keeps its data.
 *
 * - Version 1: one object store per kind of record; customers indexed by owner, members keyed by
 *   `[groupId, id]` and indexed by person, moments indexed by staff; idempotency was read from the
 *   `requestId` of issued coupons and moments.
 * - Version 2: a `requests` store holds the result of every idempotent operation keyed by
 *   `<operation>:<requestId>` (written in the same transaction as the change), and issued coupons
 *   are indexed by customer. Upgrading copies the request ids of existing coupons and moments into
 *   `requests`, so a retry of a request made before the upgrade still returns its first result.
 *   Group members move from one record per member into one roster per group (`rosters`, with a
 *   multi-entry index of member ids): seeding writes 9 rosters instead of thousands of records, and a
 *   group's list and count are one read.
 * - Version 3: an `activity` store holds every customer's timeline (indexed by customer), written in
 *   the same transaction as the change it records. Older databases start with an empty timeline.
 * - Version 4: a `tasks` store holds the associates' tasks (indexed by staff and by customer). Rule
 *   tasks are written when the rules run (on `listTasks`), so an older database starts with none and
 *   gets those its data brings up on the first list.
 * - Version 5: a `transfers` store holds the managers' transfers (issue 22), each with the ids of its
 *   customers (a multi-entry index, for the 90-day rule), its departing associate, and while customers
 *   wait for their takeover, when it completes (`byWaiting`: what is due is found without reading the rest).
 * - Version 6: results (issue 24). A `purchases` store holds the POS's orders keyed by order id (so a
 *   replayed order is found and never attributed twice), indexed by `[attributedStaffId, at]` and by
 *   customer; `contactWays` holds the contact-me codes (a multi-entry index of their associates); the
 *   activity gets a `[staffId, at]` index, issued coupons a `staffId` one and customers an `addedBy` one, so an
 *   associate's results read only their period's records. Upgrading derives the purchases from the
 *   `purchase` activities already stored.
 * - Version 7: the script library (issue 21). `scriptCategories`; `scripts` (company-wide and the associates'
 *   own, indexed by owner; a deleted one kept with `deletedAt`, so that deleting it again answers `deleted:
 *   false`); `scriptUses`, each associate's use count of a script keyed `[staffId, scriptId]` and indexed by
 *   associate. An older database starts with an empty library.
 * - Version 8: broadcasts (issue 21). `broadcasts` indexed by associate and, while being sent, by the time of the
 *   confirmation (`bySending`: what is due is found without reading the rest); `broadcastRecipients` keyed
 *   `[broadcastId, customerId]`, indexed by broadcast and by `[customerId, broadcastCreatedAt]` (the messages a
 *   customer received in a period of the cap). An older database starts with none.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DatasetScript, ScriptUse } from './dataset.js';
import { DEFAULT_POLICY } from '@clienteling/core/adapter-kit.js';
import { purchasesOfActivity } from '@clienteling/core/backend.js';
import type {
  CouponStock,
  Customer,
  CustomerActivity,
  Group,
  GroupMember,
  IssuedCoupon,
  Moment,
  ContactWay,
  Policy,
  Purchase,
  ScriptCategory,
  StaffProfile,
  Store,
  TagGroup,
  Task,
  Transfer,
  Broadcast,
  BroadcastRecipient,
} from '@clienteling/core/adapter-kit.js';

export const DB_VERSION = 8;

export interface MetaRecord {
  signedInStaffId: string;
  policy: Policy;
  seededAt: string;
}
export interface MediaRecord {
  id: string;
  blob: Blob;
  type: string;
  size: number;
}
export interface RequestRecord {
  /** `<operation>:<requestId>` */
  key: string;
  /** The canonical JSON of the input: the same request id with another payload is a conflict. */
  payload: string;
  result: unknown;
}

/** All members of one group (version 2). `memberIds` feeds the multi-entry `byMember` index. */
export interface RosterRecord {
  groupId: string;
  memberIds: string[];
  members: GroupMember[];
}
export const rosterOf = (groupId: string, members: GroupMember[]): RosterRecord => ({
  groupId,
  memberIds: members.map((member) => member.id),
  members,
});

/** A transfer with the keys of its indexes (version 5). `waitingUntil` only while customers wait. */
export interface TransferRecord {
  id: string;
  transfer: Transfer;
  fromStaffId: string;
  customerIds: string[];
  waitingUntil?: string;
}
export const transferRecordOf = (transfer: Transfer): TransferRecord => ({
  id: transfer.id,
  transfer,
  fromStaffId: transfer.fromStaffId,
  customerIds: transfer.customers.map((customer) => customer.customerId),
  ...(transfer.counts.waiting > 0 ? { waitingUntil: new Date(transfer.completesAt).toISOString() } : {}),
});

/** A script as stored (version 7): the use counts are each associate's (`scriptUses`); deleted ones kept. */
export type ScriptRecord = DatasetScript & { deletedAt?: string };

/** A broadcast with the keys of its indexes (version 8). `sendingSince` only while it is being sent. */
export interface BroadcastRecord {
  id: string;
  staffId: string;
  broadcast: Broadcast;
  sendingSince?: string;
}
export const broadcastRecordOf = (broadcast: Broadcast): BroadcastRecord => ({
  id: broadcast.id,
  staffId: broadcast.staffId,
  broadcast,
  ...(broadcast.state === 'sending' ? { sendingSince: new Date(broadcast.confirmedAt!).toISOString() } : {}),
});

/** A recipient with its broadcast, when that was created (UTC, for the cap's ranges), its place in the send order. */
export type BroadcastRecipientRecord = BroadcastRecipient & {
  broadcastId: string;
  broadcastCreatedAt: string;
  position?: number;
};
export const recipientRecordOf = (
  broadcast: Pick<Broadcast, 'id' | 'createdAt'>,
  recipient: BroadcastRecipient,
  position?: number,
): BroadcastRecipientRecord => ({
  ...recipient,
  broadcastId: broadcast.id,
  broadcastCreatedAt: new Date(broadcast.createdAt).toISOString(),
  ...(position === undefined || recipient.status === 'skipped' ? {} : { position }),
});

/** A contact-me code with how many customers it brought (the next of a rotation). */
export type ContactWayRecord = ContactWay & { addedCount?: number };

export interface LocalSchema extends DBSchema {
  meta: { key: string; value: MetaRecord };
  stores: { key: string; value: Store };
  staff: { key: string; value: StaffProfile };
  customers: { key: string; value: Customer; indexes: { byOwner: string; byAddedBy: string } };
  tagGroups: { key: string; value: TagGroup };
  couponStocks: { key: string; value: CouponStock };
  issuedCoupons: { key: string; value: IssuedCoupon; indexes: { byCustomer: string; byStaff: string } };
  groups: { key: string; value: Group };
  rosters: { key: string; value: RosterRecord; indexes: { byMember: string } };
  moments: { key: string; value: Moment; indexes: { byStaff: string } };
  media: { key: string; value: MediaRecord };
  requests: { key: string; value: RequestRecord };
  activity: { key: string; value: CustomerActivity; indexes: { byCustomer: string; byStaffAt: [string, string] } };
  tasks: { key: string; value: Task; indexes: { byStaff: string; byCustomer: string } };
  transfers: {
    key: string;
    value: TransferRecord;
    indexes: { byCustomer: string; byFrom: string; byWaiting: string };
  };
  purchases: { key: string; value: Purchase; indexes: { byStaffAt: [string, string]; byCustomer: string } };
  contactWays: { key: string; value: ContactWayRecord; indexes: { byStaff: string } };
  scriptCategories: { key: string; value: ScriptCategory };
  scripts: { key: string; value: ScriptRecord; indexes: { byOwner: string } };
  scriptUses: { key: [string, string]; value: ScriptUse; indexes: { byStaff: string } };
  broadcasts: { key: string; value: BroadcastRecord; indexes: { byStaff: string; bySending: string } };
  broadcastRecipients: {
    key: [string, string];
    value: BroadcastRecipientRecord;
    indexes: { byBroadcast: string; byCustomer: [string, string] };
  };
}
export type Name = StoreNames<LocalSchema>;
export type DB = IDBPDatabase<LocalSchema>;

/** Every object store of the current version. */
export const ALL_STORES: Name[] = [
  'meta',
  'stores',
  'staff',
  'customers',
  'tagGroups',
  'couponStocks',
  'issuedCoupons',
  'groups',
  'rosters',
  'moments',
  'media',
  'requests',
  'activity',
  'tasks',
  'transfers',
  'purchases',
  'contactWays',
  'scriptCategories',
  'scripts',
  'scriptUses',
  'broadcasts',
  'broadcastRecipients',
];

/** The canonical payload of an idempotent request, compared when a request id comes back. */
export const payloadOf = (input: object): string => JSON.stringify(input);

/** The layout of version 1, exported so that tests can build an old database by hand. */
export function createVersion1(db: IDBPDatabase<LocalSchema>): void {
  const raw = db as unknown as IDBPDatabase;
  raw.createObjectStore('meta');
  for (const name of ['stores', 'staff', 'tagGroups', 'couponStocks', 'issuedCoupons', 'groups', 'media'])
    raw.createObjectStore(name, { keyPath: 'id' });
  raw.createObjectStore('customers', { keyPath: 'id' }).createIndex('byOwner', 'ownerStaffId');
  raw.createObjectStore('members', { keyPath: ['groupId', 'id'] }).createIndex('byMember', 'id');
  raw.createObjectStore('moments', { keyPath: 'id' }).createIndex('byStaff', 'staffId');
}

/** `openDB`'s upgrade callback: applies every version after `oldVersion` in order. */
export function upgrade(
  db: IDBPDatabase<LocalSchema>,
  oldVersion: number,
  newVersion: number | null,
  tx: IDBPTransaction<LocalSchema, Name[], 'versionchange'>,
): void {
  const upTo = newVersion ?? DB_VERSION;
  if (oldVersion < 1) createVersion1(db);
  if (oldVersion < 2) {
    tx.objectStore('issuedCoupons').createIndex('byCustomer', 'customerId');
    const requests = db.createObjectStore('requests', { keyPath: 'key' });
    db.createObjectStore('rosters', { keyPath: 'groupId' }).createIndex('byMember', 'memberIds', { multiEntry: true });
    const raw = db as unknown as IDBPDatabase;
    if (oldVersion === 0) raw.deleteObjectStore('members');
    else {
      const rawTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      void rawTx
        .objectStore('members')
        .getAll()
        .then((members: GroupMember[]) => {
          const byGroup = new Map<string, GroupMember[]>();
          for (const member of members) byGroup.set(member.groupId, [...(byGroup.get(member.groupId) ?? []), member]);
          for (const [groupId, list] of byGroup) void tx.objectStore('rosters').put(rosterOf(groupId, list));
          raw.deleteObjectStore('members');
        });
      // Carry the idempotency of requests made before the upgrade (only IDB requests are awaited).
      void tx
        .objectStore('issuedCoupons')
        .getAll()
        .then((coupons) => {
          for (const coupon of coupons)
            void requests.put({
              key: `issueCoupon:${coupon.requestId}`,
              payload: payloadOf({
                requestId: coupon.requestId,
                stockId: coupon.stockId,
                customerId: coupon.customerId,
              }),
              result: coupon,
            });
        });
      void tx
        .objectStore('moments')
        .getAll()
        .then((moments) => {
          for (const moment of moments) {
            const draft = {
              text: moment.text,
              ...(moment.attachments ? { attachments: moment.attachments } : {}),
              audience: moment.audience,
            };
            void requests.put({
              key: `publishMoment:${moment.requestId}`,
              payload: payloadOf({ requestId: moment.requestId, draft }),
              result: moment,
            });
          }
        });
    }
  }
  if (oldVersion < 3) db.createObjectStore('activity', { keyPath: 'id' }).createIndex('byCustomer', 'customerId');
  if (oldVersion < 4) {
    const tasks = db.createObjectStore('tasks', { keyPath: 'id' });
    tasks.createIndex('byStaff', 'staffId');
    tasks.createIndex('byCustomer', 'customerId');
  }
  if (oldVersion < 5) {
    const transfers = db.createObjectStore('transfers', { keyPath: 'id' });
    transfers.createIndex('byCustomer', 'customerIds', { multiEntry: true });
    transfers.createIndex('byFrom', 'fromStaffId');
    transfers.createIndex('byWaiting', 'waitingUntil');
  }
  if (oldVersion < 6 && upTo >= 6) {
    const purchases = db.createObjectStore('purchases', { keyPath: 'orderId' });
    purchases.createIndex('byStaffAt', ['attributedStaffId', 'at']);
    purchases.createIndex('byCustomer', 'customerId');
    db.createObjectStore('contactWays', { keyPath: 'id' }).createIndex('byStaff', 'staffIds', { multiEntry: true });
    const activity = tx.objectStore('activity');
    activity.createIndex('byStaffAt', ['staffId', 'at']);
    tx.objectStore('issuedCoupons').createIndex('byStaff', 'staffId');
    tx.objectStore('customers').createIndex('byAddedBy', 'addedBy');
    if (oldVersion > 0)
      void Promise.all([tx.objectStore('meta').get('dataset'), activity.getAll()]).then(([meta, entries]) => {
        const policy = meta?.policy ?? DEFAULT_POLICY;
        for (const purchase of purchasesOfActivity(entries, policy)) void purchases.put(purchase);
      });
  }
  if (oldVersion < 7 && upTo >= 7) {
    db.createObjectStore('scriptCategories', { keyPath: 'id' });
    db.createObjectStore('scripts', { keyPath: 'id' }).createIndex('byOwner', 'ownerId');
    db.createObjectStore('scriptUses', { keyPath: ['staffId', 'scriptId'] }).createIndex('byStaff', 'staffId');
  }
  if (oldVersion < 8 && upTo >= 8) {
    const broadcasts = db.createObjectStore('broadcasts', { keyPath: 'id' });
    broadcasts.createIndex('byStaff', 'staffId');
    broadcasts.createIndex('bySending', 'sendingSince');
    const recipients = db.createObjectStore('broadcastRecipients', { keyPath: ['broadcastId', 'customerId'] });
    recipients.createIndex('byBroadcast', 'broadcastId');
    recipients.createIndex('byCustomer', ['customerId', 'broadcastCreatedAt']);
  }
}
