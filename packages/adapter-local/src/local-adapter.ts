/**
 * The in-browser default adapter: the whole adapter contract on IndexedDB (through `idb`), with the
 * rules of the trade enforced as a production backend would, so that the demo, Storybook and a
 * first-time user behave like the real thing.
 *
 * - Every read-modify-write runs in ONE readwrite transaction over all the stores it touches, so two
 *   tabs (two adapters on the same database) never exceed a stock or a limit, nor issue twice.
 * - Idempotent operations (`publishMoment`, `issueCoupon`, `addGroupMember`) store their result by
 *   request id in the same transaction as the change: the same id returns the first result, the same
 *   id with another payload is a `conflict`.
 * - The task rules (core's task-rules.ts) run on `listTasks`, in its transaction, over the signed-in
 *   associate's customers: what they bring up at that moment is stored once (deterministic ids).
 *   Issuing a coupon and adding a note complete the tasks they resolve, in their own transaction.
 * - Time comes from an injectable clock; latency and failures can be simulated (failures happen
 *   before any change, so retrying with the same request id is safe).
 */
import { openDB, unwrap, type IDBPTransaction } from 'idb';
import {
  AdapterError,
  FULL_CAPABILITIES,
  addToPurchaseSummary,
  assertContactWayAllowed,
  assertResultsViewer,
  attributePurchase,
  buildStaffResults,
  isAfterHours,
  isServingActivity,
  resultsBounds,
  rotationStaffId,
  type ContactWay,
  type Period,
  type Purchase,
  type ResultsSource,
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
  applyTagDiff,
  assertCouponSendable,
  changeTask,
  couponStockStatus,
  manualTask,
  ruleTasks,
  taskPage,
  tasksCompletedBy,
  createRequestId,
  dayKey,
  momentQuota,
  loadOperation,
  tagNameProblem,
  toAdapterError,
  visibleTagGroups,
  type Capabilities,
  type ClientelingAdapter,
  type Customer,
  type CustomerActivity,
  type Group,
  type GroupMember,
  type IssuedCoupon,
  type Moment,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type Policy,
  type PreviewTransferInput,
  type StaffProfile,
  type StaffSummary,
  type Task,
  type Transfer,
  type TransferPreview,
  type TaskChange,
  type UploadMediaInput,
  type UploadedMedia,
} from '@clienteling/core/adapter-kit.js';
import {
  activityPage,
  applyCustomerUpdate,
  assertCouponRedeemable,
  compareKeys,
  couponRedeemedActivity,
  isSameOrder,
  purchaseActivity,
  couponIssuedActivity,
  followsCustomer,
  groupActivity,
  isUnreachable,
  momentSentActivity,
  newest,
  noteActivity,
  matchesCustomerSearch,
  paginate,
  refusesTransfer,
  tagsChangedActivity,
  transferredActivity,
  type ActivityStamp,
  type SortKey,
} from '@clienteling/core/backend.js';
import type { Dataset } from './dataset.js';
import {
  ALL_STORES,
  DB_VERSION,
  payloadOf,
  rosterOf,
  transferRecordOf,
  upgrade,
  type DB,
  type LocalSchema,
  type Name,
} from './schema.js';
import { MEDIA_SCHEME, resolveMedia, upload } from './media.js';
import { nextTask } from './next-task.js';
import { putInSlices } from './put-in-slices.js';
import { scriptHandlers } from './scripts.js';
import { broadcastHandlers } from './broadcasts.js';

export interface LocalAdapterOptions {
  /** IndexedDB database name. Default `clienteling`. */
  dbName?: string;
  /** Data to seed an empty database with. Default: `generateSeed()` from `./seed.js`, loaded lazily. */
  dataset?: Dataset | (() => Dataset);
  /** The adapter's notion of "now" (quotas, validity windows, join times). Default: the system clock. */
  clock?: () => Date;
  /** Simulated latency of every call: a fixed number of milliseconds or a `[min, max]` range. */
  latencyMs?: number | [min: number, max: number];
  /** Fraction (0 to 1) of calls that fail with a retryable `unavailable` error before any change. */
  failureRate?: number;
  /** Random source of the simulated latency and failures. Default `Math.random`. */
  random?: () => number;
  /** Capabilities to turn off (or on). Default: everything. */
  capabilities?: Partial<Capabilities>;
  /**
   * Acts for this staff member instead of the dataset's `signedInStaffId`: the demo switches to the
   * store's manager with it (the seed's signed-in associate is not a manager).
   */
  signedInStaffId?: string;
}

export type LocalAdapter = ClientelingAdapter & {
  /** Resolves when the database is open and seeded (reading it starts opening). */
  readonly ready: Promise<void>;
  /** Empties the database: the next call seeds it again from the dataset. */
  clear(): Promise<void>;
  /** Closes the connection (a later call opens it again). */
  close(): void;
  /**
   * A customer scans a contact-me code (demo and tests; a real backend hears it from the platform): a
   * new customer of the code's next associate in rotation, with `addWay { kind: 'contact-me', state }`
   * and an `added` activity.
   */
  addCustomerByContactWay(input: { contactWayId: string; name: string; customerId?: string }): Promise<Customer>;
};

type WriteTx<S extends Name[]> = IDBPTransaction<LocalSchema, S, 'readwrite'>;
/** What every operation works with: the open database, who is signed in, and the policy. */
interface Session {
  db: DB;
  signedInStaffId: string;
  policy: Policy;
}

const fail = (code: ConstructorParameters<typeof AdapterError>[0], message: string, reason?: string, field?: string) =>
  new AdapterError(code, message, { reason, field });
const notFound = (what: string, id: string) => fail('not-found', `${what} ${id} does not exist`);
const shortId = (prefix: string) => `${prefix}-${createRequestId().replace(/-/g, '').slice(0, 16)}`;
const DAY_MS = 86_400_000;
/** Where the local adapter's contact-me codes point (a real backend answers the platform's URL). */
const CONTACT_URL_BASE = 'https://contact.clienteling.example/';
const includesFolded = (text: string | undefined, folded: string) =>
  !!text && text.toLocaleLowerCase().includes(folded);

/** Customers whose task rules run in one transaction and task (see `runTaskRules`). */
const RULE_BATCH = 50;

/**
 * `index.getAll(key)` for each of `keys`, as raw requests settled by one promise: a first `listTasks`
 * reads hundreds of customers' coupons and activity, and a promise per request (idb's wrapper, with its
 * listeners) made that one task of 50 ms on a mid-range phone.
 */
function getAllOfEach<T>(index: IDBIndex, keys: readonly string[]): Promise<T[][]> {
  return new Promise((resolve, reject) => {
    const results: T[][] = new Array(keys.length);
    let pending = keys.length;
    if (!pending) return resolve(results);
    keys.forEach((key, position) => {
      const request = index.getAll(key);
      request.onsuccess = () => {
        results[position] = request.result as T[];
        if (--pending === 0) resolve(results);
      };
      request.onerror = () => reject(request.error);
    });
  });
}

/** Creates the adapter. Synchronous: the database opens (and seeds when empty) on the first call. */
export function createLocalAdapter(options: LocalAdapterOptions = {}): LocalAdapter {
  const dbName = options.dbName ?? 'clienteling';
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const mediaUrls = new Map<string, string>(); // media id -> object URL of its stored Blob (see media.ts)
  let connecting: Promise<DB> | undefined;
  let opening: Promise<Session> | undefined;

  const connect = () =>
    (connecting ??= openDB<LocalSchema>(dbName, DB_VERSION, {
      upgrade,
      blocking: () => close(), // another connection upgrades or deletes the database
      terminated: () => {
        connecting = opening = undefined;
      },
    }));

  const open = () =>
    (opening ??= (async () => {
      const db = await connect();
      let meta = await db.get('meta', 'dataset');
      if (!meta) {
        const given = options.dataset;
        const dataset =
          typeof given === 'function'
            ? given()
            : (given ?? (await (await import('./seed.js')).generateSeedInSlices({ now: clock() })));
        // A dataset given (tests, a retailer's data) has no first screen to protect: its others' history at once.
        const othersHistoryDelayMs = given === undefined ? undefined : 0;
        meta = await (await import('./fill.js')).fill(db, dataset, clock().toISOString(), { othersHistoryDelayMs });
      }
      return { db, signedInStaffId: options.signedInStaffId ?? meta.signedInStaffId, policy: meta.policy };
    })().catch((error: unknown) => {
      opening = undefined;
      throw error;
    }));

  function close() {
    const pending = connecting;
    connecting = opening = undefined;
    void pending?.then(
      (db) => db.close(),
      () => undefined,
    );
  }

  /** Simulated network: latency, then maybe a retryable failure. Before any change. */
  const gate = async () => {
    const latency = options.latencyMs;
    if (latency) {
      const delay = typeof latency === 'number' ? latency : latency[0] + random() * (latency[1] - latency[0]);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    if (options.failureRate && random() < options.failureRate)
      throw new AdapterError('unavailable', 'Simulated network failure', { retryable: true, reason: 'simulated' });
  };

  /**
   * Validates the input, simulates the network, opens the database, runs `body` and answers in a task of
   * its own; errors become AdapterErrors.
   */
  const handle =
    <K extends OperationName>(
      name: K,
      body: (session: Session, input: OperationInput<K>, now: Date) => Promise<OperationOutput<K>>,
    ) =>
    async (input: OperationInput<K>): Promise<OperationOutput<K>> => {
      try {
        // The schemas and the database (seeded on a first visit) load side by side: on a first call
        // both are needed, and neither changes anything the caller could see.
        const validation = loadOperation(name);
        const opened = open();
        opened.catch(() => undefined); // awaited below, after the input is checked
        const operation = await validation;
        const checked = operation.parseOrInvalid(operation.input, input ?? {}, `${name} input`) as OperationInput<K>;
        await gate();
        const session = await opened;
        const now = clock();
        await settleDueTransfers(session.db, now);
        const answer = await body(session, checked, now);
        // Given in a task of its own, as a network response arrives: the page's validation and
        // rendering of it never share a long task with the database work that made it.
        await nextTask();
        return answer;
      } catch (error) {
        throw toAdapterError(error);
      }
    };

  /** Runs `body` in one readwrite transaction; an error aborts it, so nothing is half written. */
  const write = async <S extends Name[], T>(db: DB, stores: S, body: (tx: WriteTx<S>) => Promise<T>): Promise<T> => {
    const tx = db.transaction(stores, 'readwrite');
    tx.done.catch(() => undefined);
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      throw error;
    }
  };

  /** The stored result of an earlier request with this id, or undefined; another payload is a conflict. */
  const replay = async (tx: WriteTx<['requests', ...Name[]]>, key: string, payload: string) => {
    const record = await tx.objectStore('requests').get(key);
    if (!record) return undefined;
    if (record.payload !== payload)
      throw fail('conflict', 'Request id already used for another request', 'request-id-reused', 'requestId');
    return record.result;
  };

  const ownCustomer = async (tx: WriteTx<['customers', ...Name[]]>, signedInStaffId: string, customerId: string) => {
    const customer = await tx.objectStore('customers').get(customerId);
    if (!customer) throw notFound('Customer', customerId);
    if (customer.ownerStaffId !== signedInStaffId)
      throw fail('forbidden', 'Customer of another associate', 'not-owner');
    return customer;
  };

  /** A customer the signed-in associate follows (another's is forbidden, as in `markTags`). */
  const followedCustomer = async (
    store: { get(id: string): Promise<Customer | undefined> },
    signedInStaffId: string,
    customerId: string,
  ) => {
    const customer = await store.get(customerId);
    if (!customer) throw notFound('Customer', customerId);
    if (!followsCustomer(customer, signedInStaffId))
      throw fail('forbidden', 'Customer followed by other associates', 'not-following');
    return customer;
  };

  const stampOf = (now: Date, staffId?: string): ActivityStamp => ({
    id: shortId('activity'),
    at: now.toISOString(),
    ...(staffId ? { staffId } : {}),
  });

  /** Writes activities in the transaction of the change they record. */
  const record = (tx: WriteTx<['activity', ...Name[]]>, ...activities: Array<CustomerActivity | undefined>) => {
    for (const activity of activities) if (activity) void tx.objectStore('activity').put(activity);
  };

  /**
   * Stores the rule tasks the signed-in associate's data brings up at `now` that are not stored yet
   * (whatever became of those that are). The work is bounded by the associate's own customers, and
   * done {@link RULE_BATCH} customers at a time, each batch read in a transaction and task of its own
   * (a first `listTasks` reads hundreds of customers' coupons and activity: in one task that was
   * 50 to 100 ms on a mid-range phone). The tasks found are stored in one transaction that reads
   * again which are stored, so a task changed meanwhile stays as it is, and puts them in slices
   * (`putInSlices`: a first list finds over a hundred).
   */
  const runTaskRules = async (db: DB, { signedInStaffId, policy }: Session, now: Date) => {
    const customers = await db.getAllFromIndex('customers', 'byOwner', signedInStaffId);
    const found: Task[] = [];
    for (let start = 0; start < customers.length; start += RULE_BATCH) {
      if (start > 0) await nextTask();
      const batch = customers.slice(start, start + RULE_BATCH);
      const ids = batch.map(({ id }) => id);
      const tx = db.transaction(['issuedCoupons', 'activity']);
      const [coupons, activity] = await Promise.all([
        getAllOfEach<IssuedCoupon>(unwrap(tx.objectStore('issuedCoupons').index('byCustomer')), ids),
        getAllOfEach<CustomerActivity>(unwrap(tx.objectStore('activity').index('byCustomer')), ids),
      ]);
      found.push(
        ...ruleTasks({
          staffId: signedInStaffId,
          customers: batch,
          coupons: coupons.flat(),
          activity: activity.flat(),
          policy,
          now,
        }),
      );
    }
    if (!found.length) return;
    await write(db, ['tasks'], async (tx) => {
      const known = new Set(await tx.objectStore('tasks').index('byStaff').getAllKeys(signedInStaffId));
      await putInSlices(
        tx,
        'tasks',
        found.filter((task) => !known.has(task.id)),
      );
    });
  };

  /** Completes the customer's tasks that `what` resolves, in the transaction of `what`. */
  const completeTasksBy = async (
    tx: WriteTx<['tasks', ...Name[]]>,
    what: 'coupon-issued' | 'note',
    customerId: string,
    now: Date,
  ) => {
    const tasks = await tx.objectStore('tasks').index('byCustomer').getAll(customerId);
    for (const task of tasksCompletedBy(what, tasks, now)) void tx.objectStore('tasks').put(task);
  };

  /** Applies `change` to a task of the signed-in associate (another's is not found). */
  const changeOwnTask = ({ db, signedInStaffId }: Session, taskId: string, change: TaskChange, now: Date) =>
    write(db, ['tasks'], async (tx) => {
      const task = await tx.objectStore('tasks').get(taskId);
      if (!task || task.staffId !== signedInStaffId) throw notFound('Task', taskId);
      const changed = changeTask(task, change, now);
      void tx.objectStore('tasks').put(changed);
      return changed;
    });

  /**
   * Completes the on-job takeovers that have come due at `now` (statuses move with the clock): each
   * waiting customer is taken over, or refused, and its `transferred` activity written in the same
   * transaction. A read of the index only when nothing is due.
   */
  const settleDueTransfers = async (db: DB, now: Date) => {
    const due = IDBKeyRange.upperBound(now.toISOString());
    if ((await db.countFromIndex('transfers', 'byWaiting', due)) === 0) return;
    await write(db, ['transfers', 'customers', 'activity'], async (tx) => {
      for (const stored of await tx.objectStore('transfers').index('byWaiting').getAll(due)) {
        const { transfer, takenOver, changed } = settleTransfer(stored.transfer, now, () => false);
        if (!changed) continue;
        const refusals = new Set<string>();
        for (const customerId of takenOver) {
          const customer = await tx.objectStore('customers').get(customerId);
          if (!customer) continue;
          if (refusesTransfer(customer)) {
            refusals.add(customerId);
            continue;
          }
          void tx.objectStore('customers').put(takeOverCustomer(customer, transfer.fromStaffId, transfer.toStaffId));
          const stamp = { id: shortId('activity'), at: transfer.completesAt, staffId: transfer.staffId };
          record(tx, transferredActivity(customerId, transfer.fromStaffId, transfer.toStaffId, stamp));
        }
        const settled = refusals.size
          ? settleTransfer(stored.transfer, now, (customerId) => refusals.has(customerId)).transfer
          : transfer;
        void tx.objectStore('transfers').put(transferRecordOf(settled));
      }
    });
  };

  /**
   * Resolves once the seed's history of the customers the dataset's signed-in associate does not
   * follow is written (fill.ts writes it a few seconds after the first screen's, under the `meta` key
   * `others-history`): a transfer hands such customers to a successor, who reads their timelines.
   * Gives up after a few seconds (a database seeded before that key, or a closed connection).
   */
  const othersHistoryWritten = async (db: DB) => {
    const until = Date.now() + 8000;
    while (!(await db.count('meta', 'others-history')) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
  };

  type StaffReader = { get(id: string): Promise<StaffProfile | undefined> };
  const staffMember = async (store: StaffReader, staffId: string) =>
    (await store.get(staffId)) ?? Promise.reject(notFound('Staff member', staffId));

  type AnyTx = IDBPTransaction<LocalSchema, Name[], 'readonly' | 'readwrite'>;

  /** The customers on their way to each staff member (on-job transfers still waiting). */
  const incomingCounts = async (tx: AnyTx) => {
    const counts = new Map<string, number>();
    for (const { transfer } of await tx.objectStore('transfers').index('byWaiting').getAll())
      counts.set(transfer.toStaffId, (counts.get(transfer.toStaffId) ?? 0) + transfer.counts.waiting);
    return counts;
  };

  const staffSummaries = async (tx: AnyTx, staff: StaffProfile[], policy: Policy): Promise<StaffSummary[]> => {
    const incoming = await incomingCounts(tx);
    const customerCap = transferLimits(policy).customerCap;
    return Promise.all(
      staff.map(async (person) => ({
        staff: person,
        customerCount: await tx.objectStore('customers').index('byOwner').count(person.id),
        incomingCount: incoming.get(person.id) ?? 0,
        customerCap,
      })),
    );
  };

  /** The plan of a preview or a transfer, from the facts in `tx` (a transaction over the stores it reads). */
  const planIn = async (
    tx: AnyTx,
    { signedInStaffId, policy }: Session,
    input: PreviewTransferInput,
    now: Date,
  ): Promise<{ plan: TransferPreview; successor: StaffProfile }> => {
    const staffStore = tx.objectStore('staff');
    const [viewer, from, to] = await Promise.all([
      staffMember(staffStore, signedInStaffId),
      staffMember(staffStore, input.fromStaffId),
      staffMember(staffStore, input.toStaffId),
    ]);
    assertTransferManager(viewer, from, to);
    const customers = tx.objectStore('customers');
    const owned = input.allCustomers ? await customers.index('byOwner').getAll(from.id) : [];
    const ids = selectedCustomerIds(input, owned);
    const transfers = tx.objectStore('transfers');
    const records = new Map<string, Transfer>();
    const [found] = await Promise.all([
      Promise.all(ids.map(async (id) => ({ id, customer: await customers.get(id) }))),
      ...ids.map(async (id) => {
        for (const record of await transfers.index('byCustomer').getAll(id)) records.set(record.id, record.transfer);
      }),
    ]);
    const groups = await Promise.all(
      (input.groupIds ?? []).map(async (id) => ({ id, group: await tx.objectStore('groups').get(id) })),
    );
    const ofFrom = (await transfers.index('byFrom').getAll(from.id)).map((record) => record.transfer);
    const plan = planTransfer({
      mode: input.mode,
      fromStaffId: from.id,
      customers: found,
      history: customerTransferHistory([...records.values()]),
      successor: (await staffSummaries(tx, [to], policy))[0]!,
      groups,
      groupsMovedToday: groupsMovedToday(ofFrom, from.id, now, policy.timeZone),
      policy,
      now,
    });
    return { plan, successor: to };
  };

  /** An associate's records a results period needs (the period before included), read through the indexes. */
  const resultsSourceOf = async (tx: AnyTx, staffId: string, period: Period): Promise<ResultsSource> => {
    const { start, end } = resultsBounds(period);
    // Stored times may carry any offset: a day more on each side, the exact instants filtered by core.
    const range = IDBKeyRange.bound(
      [staffId, new Date(start.getTime() - DAY_MS).toISOString()],
      [staffId, new Date(end.getTime() + DAY_MS).toISOString()],
    );
    const [customers, activity, coupons, purchases] = await Promise.all([
      tx.objectStore('customers').index('byAddedBy').getAll(staffId),
      tx.objectStore('activity').index('byStaffAt').getAll(range),
      tx.objectStore('issuedCoupons').index('byStaff').getAll(staffId),
      tx.objectStore('purchases').index('byStaffAt').getAll(range),
    ]);
    return {
      customersAdded: customers,
      touches: activity.filter((entry) => isServingActivity(entry.kind)),
      coupons,
      purchases,
    };
  };

  /** The manager's view of the store: forbidden to an associate and for another store's staff. */
  const managerOf = async (db: DB, signedInStaffId: string, ...staffIds: string[]) => {
    const viewer = await staffMember(db.transaction('staff').store, signedInStaffId);
    const staff = await Promise.all(staffIds.map((id) => staffMember(db.transaction('staff').store, id)));
    assertTransferManager(viewer, ...staff);
    return viewer;
  };

  const groupView = async (db: DB, group: Group, signedInStaffId: string): Promise<Group> => {
    const members = (await db.get('rosters', group.id))?.members ?? [];
    return {
      ...group,
      memberCount: members.length,
      viewerRole: members.find((member) => member.id === signedInStaffId)?.role ?? 'none',
    };
  };

  const inAudience = (customer: Customer, tagIds: readonly string[] | undefined) =>
    !tagIds || tagIds.some((id) => customer.tagIds.includes(id) || customer.ruleTagIds.includes(id));

  /** Media stored as `cl-media:<id>` become object URLs when read (see media.ts). */
  const withMedia = async (db: DB, moment: Moment) =>
    JSON.stringify(moment.attachments ?? '').includes(MEDIA_SCHEME) ? resolveMedia(db, mediaUrls, moment) : moment;

  const adapter: LocalAdapter = {
    capabilities: { ...FULL_CAPABILITIES, ...options.capabilities },

    get ready() {
      return open().then(() => undefined);
    },

    async clear() {
      await opening?.catch(() => undefined);
      const db = await connect();
      const tx = db.transaction(ALL_STORES, 'readwrite');
      for (const name of ALL_STORES) void tx.objectStore(name).clear();
      await tx.done;
      opening = undefined;
    },

    close,

    getCurrentStaff: handle(
      'getCurrentStaff',
      async ({ db, signedInStaffId }) =>
        (await db.get('staff', signedInStaffId)) ?? Promise.reject(notFound('Staff', signedInStaffId)),
    ),

    getStaff: handle(
      'getStaff',
      async ({ db }, { staffId }) => (await db.get('staff', staffId)) ?? Promise.reject(notFound('Staff', staffId)),
    ),

    getPolicy: handle('getPolicy', async ({ policy }) => policy),

    searchCustomers: handle('searchCustomers', async ({ db, signedInStaffId }, input) => {
      const staffId = input.staffId ?? signedInStaffId;
      if (staffId !== signedInStaffId) await managerOf(db, signedInStaffId, staffId);
      const owned = await db.getAllFromIndex('customers', 'byOwner', staffId);
      const found = owned.filter((customer) => matchesCustomerSearch(customer, input));
      return paginate(found, (customer) => newest(customer.addedAt, customer.id), input);
    }),

    getCustomer: handle(
      'getCustomer',
      async ({ db }, { customerId }) =>
        (await db.get('customers', customerId)) ?? Promise.reject(notFound('Customer', customerId)),
    ),

    updateCustomer: handle('updateCustomer', ({ db, signedInStaffId }, input, now) =>
      write(db, ['customers', 'activity'], async (tx) => {
        const customer = await followedCustomer(tx.objectStore('customers'), signedInStaffId, input.customerId);
        const updated = applyCustomerUpdate(customer, input, stampOf(now, signedInStaffId));
        if (!updated.activity) return customer;
        void tx.objectStore('customers').put(updated.customer);
        record(tx, updated.activity);
        return updated.customer;
      }),
    ),

    listCustomerActivity: handle('listCustomerActivity', async ({ db, signedInStaffId }, input) => {
      const tx = db.transaction(['customers', 'activity']);
      await followedCustomer(tx.objectStore('customers'), signedInStaffId, input.customerId);
      return activityPage(await tx.objectStore('activity').index('byCustomer').getAll(input.customerId), input);
    }),

    addCustomerNote: handle('addCustomerNote', ({ db, signedInStaffId }, input, now) =>
      write(db, ['requests', 'customers', 'activity', 'tasks'], async (tx) => {
        const key = `addCustomerNote:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = await replay(tx, key, payload);
        if (earlier) return earlier as CustomerActivity;
        await followedCustomer(tx.objectStore('customers'), signedInStaffId, input.customerId);
        const note = noteActivity(input.customerId, input.text, stampOf(now, signedInStaffId));
        record(tx, note);
        await completeTasksBy(tx, 'note', input.customerId, now);
        void tx.objectStore('requests').put({ key, payload, result: note });
        return note;
      }),
    ),

    listTasks: handle('listTasks', async (session, input, now) => {
      const { db, signedInStaffId } = session;
      if (input.customerId)
        await followedCustomer(db.transaction('customers').store, signedInStaffId, input.customerId);
      await runTaskRules(db, session, now);
      const tasks = await db.getAllFromIndex('tasks', 'byStaff', signedInStaffId);
      const listed = input.customerId ? tasks.filter((task) => task.customerId === input.customerId) : tasks;
      return taskPage(listed, input, now, session.policy.timeZone);
    }),

    createTask: handle('createTask', ({ db, signedInStaffId }, input, now) =>
      write(db, ['requests', 'customers', 'tasks'], async (tx) => {
        const key = `createTask:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = (await replay(tx, key, payload)) as Task | undefined;
        if (earlier) return (await tx.objectStore('tasks').get(earlier.id)) ?? earlier;
        await followedCustomer(tx.objectStore('customers'), signedInStaffId, input.customerId);
        const task = manualTask(input, { id: shortId('task'), staffId: signedInStaffId }, now);
        void tx.objectStore('tasks').put(task);
        void tx.objectStore('requests').put({ key, payload, result: task });
        return task;
      }),
    ),

    completeTask: handle('completeTask', (session, { taskId }, now) =>
      changeOwnTask(session, taskId, { kind: 'complete' }, now),
    ),
    snoozeTask: handle('snoozeTask', (session, { taskId, until }, now) =>
      changeOwnTask(session, taskId, { kind: 'snooze', until }, now),
    ),
    dismissTask: handle('dismissTask', (session, { taskId }, now) =>
      changeOwnTask(session, taskId, { kind: 'dismiss' }, now),
    ),
    reopenTask: handle('reopenTask', (session, { taskId }, now) =>
      changeOwnTask(session, taskId, { kind: 'reopen' }, now),
    ),

    listStaff: handle('listStaff', async ({ db, signedInStaffId, policy }, { query, storeId, cursor, limit }) => {
      const viewer = await managerOf(db, signedInStaffId);
      if (storeId !== undefined && storeId !== viewer.store?.id)
        throw fail('forbidden', "Staff of another store than the manager's", 'other-store');
      const folded = query?.trim().toLocaleLowerCase();
      const staff = (await db.getAll('staff')).filter(
        (person) => person.store?.id === viewer.store?.id && (!folded || includesFolded(person.name, folded)),
      );
      const page = paginate(staff, (person) => [person.name, person.id], { cursor, limit });
      const tx = db.transaction(['customers', 'transfers'], 'readonly');
      return { ...page, items: await staffSummaries(tx as AnyTx, page.items, policy) };
    }),

    previewTransfer: handle('previewTransfer', async (session, input, now) => {
      const tx = session.db.transaction(['staff', 'customers', 'transfers', 'groups'], 'readonly');
      return (await planIn(tx as AnyTx, session, input, now)).plan;
    }),

    transferCustomers: handle('transferCustomers', async (session, input, now) => {
      await othersHistoryWritten(session.db);
      return write(
        session.db,
        ['requests', 'staff', 'customers', 'transfers', 'groups', 'rosters', 'activity'],
        async (tx) => {
          const key = `transferCustomers:${input.requestId}`;
          const payload = payloadOf(input);
          const earlier = (await replay(tx, key, payload)) as Transfer | undefined;
          if (earlier) return (await tx.objectStore('transfers').get(earlier.id))?.transfer ?? earlier;
          const { plan, successor } = await planIn(tx as unknown as AnyTx, session, input, now);
          const transfer = newTransfer(plan, {
            ...input,
            id: shortId('transfer'),
            staffId: session.signedInStaffId,
            now,
          });
          if (transfer.mode === 'resigned') {
            for (const { customerId, status } of transfer.customers) {
              if (status !== 'done') continue;
              const customer = (await tx.objectStore('customers').get(customerId))!;
              void tx.objectStore('customers').put(takeOverCustomer(customer, transfer.fromStaffId, successor.id));
              record(
                tx,
                transferredActivity(
                  customerId,
                  transfer.fromStaffId,
                  successor.id,
                  stampOf(now, session.signedInStaffId),
                ),
              );
            }
          }
          for (const { groupId, status } of transfer.groups) {
            if (status !== 'done') continue;
            const group = (await tx.objectStore('groups').get(groupId))!;
            const members = (await tx.objectStore('rosters').get(groupId))?.members ?? [];
            const moved = handOverGroup(group, members, successor, now);
            void tx.objectStore('groups').put(moved.group);
            void tx.objectStore('rosters').put(rosterOf(groupId, moved.members));
          }
          void tx.objectStore('transfers').put(transferRecordOf(transfer));
          void tx.objectStore('requests').put({ key, payload, result: transfer });
          return transfer;
        },
      );
    }),

    listTransfers: handle('listTransfers', async ({ db, signedInStaffId }, { fromStaffId, cursor, limit }) => {
      const viewer = await managerOf(db, signedInStaffId, ...(fromStaffId ? [fromStaffId] : []));
      const storeStaff = new Set(
        (await db.getAll('staff')).filter((person) => person.store?.id === viewer.store?.id).map((person) => person.id),
      );
      const records = fromStaffId
        ? await db.getAllFromIndex('transfers', 'byFrom', fromStaffId)
        : await db.getAll('transfers');
      const transfers = records
        .map((record) => record.transfer)
        .filter((transfer) => storeStaff.has(transfer.fromStaffId));
      return paginate(transfers, (transfer) => newest(transfer.createdAt, transfer.id), { cursor, limit });
    }),

    getTransfer: handle('getTransfer', async ({ db, signedInStaffId }, { transferId }) => {
      const record = await db.get('transfers', transferId);
      if (!record) throw notFound('Transfer', transferId);
      await managerOf(db, signedInStaffId, record.fromStaffId);
      return record.transfer;
    }),

    createContactWay: handle('createContactWay', ({ db, signedInStaffId }, input, now) =>
      write(db, ['requests', 'staff', 'contactWays'], async (tx) => {
        const key = `createContactWay:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = (await replay(tx, key, payload)) as ContactWay | undefined;
        if (earlier) return earlier;
        const viewer = await staffMember(tx.objectStore('staff'), signedInStaffId);
        const staffIds = [...new Set(input.staffIds)];
        const staff = await Promise.all(staffIds.map((id) => staffMember(tx.objectStore('staff'), id)));
        assertContactWayAllowed(viewer, staff);
        const id = shortId('contact');
        const way: ContactWay = {
          id,
          staffIds,
          state: input.state,
          url: `${CONTACT_URL_BASE}${id}?state=${encodeURIComponent(input.state)}`,
          createdBy: signedInStaffId,
          createdAt: now.toISOString(),
        };
        void tx.objectStore('contactWays').put(way);
        void tx.objectStore('requests').put({ key, payload, result: way });
        return way;
      }),
    ),

    listContactWays: handle('listContactWays', async ({ db, signedInStaffId }, { staffId, cursor, limit }) => {
      const of = staffId ?? signedInStaffId;
      if (of !== signedInStaffId) await managerOf(db, signedInStaffId, of);
      const ways = (await db.getAllFromIndex('contactWays', 'byStaff', of)).map(
        ({ addedCount: _added, ...way }): ContactWay => way,
      );
      return paginate(ways, (way) => newest(way.createdAt, way.id), { cursor, limit });
    }),

    recordPurchase: handle('recordPurchase', async ({ db, policy }, input, now) => {
      await othersHistoryWritten(db);
      return write(db, ['purchases', 'customers', 'issuedCoupons', 'activity', 'stores'], async (tx) => {
        const stored = await tx.objectStore('purchases').get(input.orderId);
        if (stored) {
          if (!isSameOrder(stored, input))
            throw fail('conflict', 'Order id already recorded for another order', 'order-id-reused', 'orderId');
          return stored;
        }
        const customer = await tx.objectStore('customers').get(input.customerId);
        if (!customer) throw notFound('Customer', input.customerId);
        const coupon = input.couponId ? await tx.objectStore('issuedCoupons').get(input.couponId) : undefined;
        if (input.couponId && !coupon) throw notFound('Coupon', input.couponId);
        if (coupon) assertCouponRedeemable(coupon, customer.id, input.at);
        const touches = (await tx.objectStore('activity').index('byCustomer').getAll(customer.id)).flatMap(
          (activity) =>
            activity.staffId && isServingActivity(activity.kind)
              ? [{ staffId: activity.staffId, at: activity.at }]
              : [],
        );
        const attribution = attributePurchase({ at: input.at, couponStaffId: coupon?.staffId, touches, policy });
        const purchase: Purchase = {
          ...input,
          ...attribution,
          afterHours: isAfterHours(input.at, input.storeId, policy),
          recordedAt: now.toISOString(),
        };
        const store = await tx.objectStore('stores').get(input.storeId);
        void tx.objectStore('purchases').put(purchase);
        void tx
          .objectStore('customers')
          .put({ ...customer, purchases: addToPurchaseSummary(customer.purchases, purchase) });
        record(tx, purchaseActivity(purchase, store, shortId('activity')));
        if (coupon) {
          const redeemed: IssuedCoupon = { ...coupon, status: 'redeemed', redeemedAt: input.at };
          void tx.objectStore('issuedCoupons').put(redeemed);
          record(tx, couponRedeemedActivity(redeemed, { id: shortId('activity'), at: input.at }));
        }
        return purchase;
      });
    }),

    getStaffResults: handle('getStaffResults', async ({ db, signedInStaffId, policy }, input) => {
      const viewer = await staffMember(db.transaction('staff').store, signedInStaffId);
      const staff = input.storeId
        ? (await db.getAll('staff')).filter((person) => person.store?.id === input.storeId)
        : [await staffMember(db.transaction('staff').store, input.staffId ?? signedInStaffId)];
      assertResultsViewer(viewer, staff, input.storeId);
      const period = { from: input.from, to: input.to, timeZone: policy.timeZone };
      if (input.storeId || staff[0]!.id !== signedInStaffId) await othersHistoryWritten(db);
      const tx = db.transaction(['customers', 'activity', 'issuedCoupons', 'purchases'], 'readonly');
      const sources = await Promise.all(
        staff.map(async (person) => ({
          staffId: person.id,
          name: person.name,
          source: await resultsSourceOf(tx as AnyTx, person.id, period),
        })),
      );
      return buildStaffResults({
        period,
        staff: sources,
        ...(input.storeId ? { storeId: input.storeId } : { staffId: staff[0]!.id }),
      });
    }),

    listTagGroups: handle('listTagGroups', async ({ db }) => visibleTagGroups(await db.getAll('tagGroups'))),

    markTags: handle('markTags', ({ db, signedInStaffId }, input, now) =>
      write(db, ['customers', 'tagGroups', 'activity'], async (tx) => {
        const customer = await ownCustomer(tx, signedInStaffId, input.customerId);
        const { tagIds } = applyTagDiff(customer.tagIds, input, await tx.objectStore('tagGroups').getAll());
        const next = { ...customer, tagIds };
        void tx.objectStore('customers').put(next);
        record(tx, tagsChangedActivity(customer.id, customer.tagIds, tagIds, stampOf(now, signedInStaffId)));
        return next;
      }),
    ),

    createTag: handle('createTag', ({ db, policy }, { groupId, name }) =>
      write(db, ['tagGroups'], async (tx) => {
        const groups = await tx.objectStore('tagGroups').getAll();
        const group = groups.find((candidate) => candidate.id === groupId && !candidate.deleted);
        if (!group) throw notFound('Tag group', groupId);
        if (group.kind === 'rule' || !group.allowCreate)
          throw fail('forbidden', 'No new tags in this group', 'create-not-allowed');
        const problem = tagNameProblem(name, group, policy.tagNameMaxLength);
        if (problem === 'duplicate') throw fail('conflict', 'Duplicate tag name', 'duplicate', 'name');
        if (problem) throw fail('invalid', `Tag name: 1 to ${policy.tagNameMaxLength} characters`, problem, 'name');
        if (groups.reduce((count, tagGroup) => count + tagGroup.tags.length, 0) >= 3000)
          throw fail('limit-reached', '3,000 tags at most', 'tag-quota');
        const tag = {
          id: shortId('tag'),
          groupId,
          name: name.trim(),
          order: Math.max(0, ...group.tags.map((existing) => existing.order)) + 1,
          deleted: false,
        };
        void tx.objectStore('tagGroups').put({ ...group, tags: [...group.tags, tag] });
        return tag;
      }),
    ),

    getMomentQuota: handle('getMomentQuota', async ({ db, signedInStaffId, policy }, _input, now) => {
      const today = dayKey(now, policy.timeZone);
      const used = (await db.getAllFromIndex('moments', 'byStaff', signedInStaffId)).filter(
        (moment) => dayKey(new Date(moment.createdAt), policy.timeZone) === today,
      ).length;
      return momentQuota(policy, used, now);
    }),

    estimateReach: handle('estimateReach', async ({ db, signedInStaffId }, { audience }) => {
      const tagIds = audience.type === 'tags' ? audience.tagIds : undefined;
      return {
        count: (await db.getAllFromIndex('customers', 'byOwner', signedInStaffId)).filter((customer) =>
          inAudience(customer, tagIds),
        ).length,
      };
    }),

    publishMoment: handle('publishMoment', async ({ db, signedInStaffId, policy }, input, now) => {
      // Uploads answered persistent `cl-media:` references: the moment stores them as they are.
      const { attachments } = input.draft;
      const moment = await write(db, ['requests', 'moments', 'tagGroups'], async (tx) => {
        const key = `publishMoment:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = (await replay(tx, key, payload)) as Moment | undefined;
        if (earlier) return (await tx.objectStore('moments').get(earlier.id)) ?? earlier;
        const { draft } = input;
        if (draft.audience.type === 'tags') {
          const known = new Set(
            visibleTagGroups(await tx.objectStore('tagGroups').getAll()).flatMap((group) =>
              group.tags.map((tag) => tag.id),
            ),
          );
          draft.audience.tagIds.forEach((id, i) => {
            if (!known.has(id))
              throw fail('invalid', `Tag ${id} does not exist`, 'unknown-tag', `draft.audience.tagIds.${i}`);
          });
        }
        const today = dayKey(now, policy.timeZone);
        const used = (await tx.objectStore('moments').index('byStaff').getAll(signedInStaffId)).filter(
          (moment) => dayKey(new Date(moment.createdAt), policy.timeZone) === today,
        ).length;
        const quota = momentQuota(policy, used, now);
        if (quota.remaining === 0)
          throw fail('limit-reached', `${quota.limit} a day; next from ${quota.resetsAt}`, 'moments-per-day');
        const created: Moment = {
          id: shortId('moment'),
          staffId: signedInStaffId,
          requestId: input.requestId,
          text: draft.text,
          ...(attachments ? { attachments } : {}),
          audience: draft.audience,
          state: 'submitted',
          createdAt: now.toISOString(),
          unreachableCustomerIds: [],
        };
        void tx.objectStore('moments').put(created);
        void tx.objectStore('requests').put({ key, payload, result: created });
        return created;
      });
      return withMedia(db, moment);
    }),

    getMoment: handle('getMoment', async ({ db, signedInStaffId }, { momentId }, now) => {
      // Publishing is asynchronous: a submitted moment is published when it is next read.
      const moment = await write(db, ['moments', 'customers', 'activity'], async (tx) => {
        const found = await tx.objectStore('moments').get(momentId);
        if (!found || found.staffId !== signedInStaffId) throw notFound('Moment', momentId);
        if (found.state !== 'submitted') return found;
        const tagIds = found.audience.type === 'tags' ? found.audience.tagIds : undefined;
        const audience = (await tx.objectStore('customers').index('byOwner').getAll(signedInStaffId)).filter(
          (customer) => inAudience(customer, tagIds),
        );
        const lost = audience.filter(isUnreachable).map((customer) => customer.id);
        const published: Moment = { ...found, unreachableCustomerIds: lost };
        if (audience.length > lost.length) {
          published.state = 'published';
          published.publishedAt = now.toISOString();
          // Each customer the post reached sees it on their timeline, written with the publication.
          for (const customer of audience)
            if (!isUnreachable(customer))
              record(tx, momentSentActivity(published, customer.id, stampOf(now, signedInStaffId)));
        } else {
          published.state = 'failed';
          published.failureReason = audience.length ? 'No reachable customer' : 'Nobody in the audience';
        }
        void tx.objectStore('moments').put(published);
        return published;
      });
      return withMedia(db, moment);
    }),

    listCouponStocks: handle('listCouponStocks', async ({ db }, { customerId }, now) => {
      if (!(await db.count('customers', customerId))) throw notFound('Customer', customerId);
      const [stocks, held] = await Promise.all([
        db.getAll('couponStocks'),
        db.getAllFromIndex('issuedCoupons', 'byCustomer', customerId),
      ]);
      return stocks.map((stock) => ({
        ...stock,
        status: couponStockStatus(stock, now),
        held: held.filter((coupon) => coupon.stockId === stock.id).length,
      }));
    }),

    issueCoupon: handle('issueCoupon', ({ db, signedInStaffId }, input, now) =>
      write(db, ['requests', 'couponStocks', 'issuedCoupons', 'customers', 'activity', 'tasks'], async (tx) => {
        const key = `issueCoupon:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = (await replay(tx, key, payload)) as IssuedCoupon | undefined;
        if (earlier) return (await tx.objectStore('issuedCoupons').get(earlier.id)) ?? earlier;
        const customer = await ownCustomer(tx, signedInStaffId, input.customerId);
        if (isUnreachable(customer)) throw fail('forbidden', 'Customer unreachable', 'customer-unreachable');
        const stock = await tx.objectStore('couponStocks').get(input.stockId);
        if (!stock) throw notFound('Coupon stock', input.stockId);
        const held = (await tx.objectStore('issuedCoupons').index('byCustomer').getAll(customer.id)).filter(
          (coupon) => coupon.stockId === stock.id,
        ).length;
        assertCouponSendable(stock, held, now);
        const coupon: IssuedCoupon = {
          id: shortId('coupon'),
          code: `CL${createRequestId().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
          stockId: stock.id,
          stockName: stock.name,
          customerId: customer.id,
          staffId: signedInStaffId,
          requestId: input.requestId,
          issuedAt: now.toISOString(),
          validFrom: stock.validFrom,
          validUntil: stock.validUntil,
          status: 'unused',
        };
        const remaining = stock.remaining - 1;
        void tx
          .objectStore('couponStocks')
          .put({ ...stock, remaining, status: couponStockStatus({ ...stock, remaining }, now) });
        void tx.objectStore('issuedCoupons').put(coupon);
        void tx.objectStore('requests').put({ key, payload, result: coupon });
        record(tx, couponIssuedActivity(coupon, stampOf(now, signedInStaffId)));
        await completeTasksBy(tx, 'coupon-issued', customer.id, now);
        return coupon;
      }),
    ),

    listCustomerCoupons: handle('listCustomerCoupons', async ({ db }, { customerId }, now) => {
      if (!(await db.count('customers', customerId))) throw notFound('Customer', customerId);
      const coupons = await db.getAllFromIndex('issuedCoupons', 'byCustomer', customerId);
      return coupons
        .map((coupon) =>
          coupon.status === 'unused' && now.getTime() > Date.parse(coupon.validUntil)
            ? { ...coupon, status: 'expired' as const }
            : coupon,
        )
        .sort((a, b) => compareKeys(newest(a.issuedAt, a.id), newest(b.issuedAt, b.id)));
    }),

    listGroups: handle('listGroups', async ({ db, signedInStaffId }, { query, staffId, cursor, limit }) => {
      const ownerOnly = staffId !== undefined && staffId !== signedInStaffId;
      if (ownerOnly) await managerOf(db, signedInStaffId, staffId);
      const memberOf = ownerOnly
        ? new Set<string>()
        : new Set(await db.getAllKeysFromIndex('rosters', 'byMember', signedInStaffId));
      const ownerId = staffId ?? signedInStaffId;
      const folded = query?.trim().toLocaleLowerCase();
      const groups = (await db.getAll('groups')).filter(
        (group) =>
          (memberOf.has(group.id) || group.ownerId === ownerId) && (!folded || includesFolded(group.name, folded)),
      );
      const page = paginate(groups, (group) => newest(group.createdAt, group.id), { cursor, limit });
      return { ...page, items: await Promise.all(page.items.map((group) => groupView(db, group, signedInStaffId))) };
    }),

    getGroup: handle('getGroup', async ({ db, signedInStaffId }, { groupId }) => {
      const group = await db.get('groups', groupId);
      if (!group) throw notFound('Group', groupId);
      return groupView(db, group, signedInStaffId);
    }),

    listGroupMembers: handle(
      'listGroupMembers',
      async ({ db }, { groupId, filter = 'all', sort = 'joinedAt', query, cursor, limit }) => {
        const roster = await db.get('rosters', groupId);
        if (!roster) throw notFound('Group', groupId);
        const folded = query?.trim().toLocaleLowerCase();
        const members = roster.members.filter(
          (member) =>
            (filter === 'all' || (filter === 'admin' ? member.role !== 'member' : member.type === filter)) &&
            (!folded || includesFolded(member.name, folded) || includesFolded(member.nickname, folded)),
        );
        const sortKey = (member: GroupMember): SortKey =>
          sort === 'name' ? [member.name, member.id] : newest(member.joinedAt, member.id);
        return paginate(members, sortKey, { cursor, limit });
      },
    ),

    addGroupMember: handle('addGroupMember', ({ db, signedInStaffId, policy }, input, now) =>
      write(db, ['requests', 'groups', 'rosters', 'customers', 'staff', 'activity'], async (tx) => {
        const key = `addGroupMember:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = await replay(tx, key, payload);
        if (earlier) return earlier as GroupMember;
        const group = await tx.objectStore('groups').get(input.groupId);
        if (!group) throw notFound('Group', input.groupId);
        if (group.kind === 'internal')
          throw fail('forbidden', 'Customers cannot join internal groups', 'internal-group');
        const members = (await tx.objectStore('rosters').get(group.id))?.members ?? [];
        const find = (id: string) => members.find((member) => member.id === id);
        if (!find(signedInStaffId)) throw fail('forbidden', 'Not a member', 'not-a-member');
        const customer = await tx.objectStore('customers').get(input.customerId);
        if (!customer) throw notFound('Customer', input.customerId);
        if (find(customer.id)) throw fail('conflict', 'Already a member', 'already-member');
        const cap = Math.min(group.memberCap, policy.groupMemberCap);
        if (members.length >= cap) throw fail('limit-reached', `Group full (${cap})`, 'group-full');
        const inviter = await tx.objectStore('staff').get(signedInStaffId);
        const member: GroupMember = {
          id: customer.id,
          groupId: group.id,
          type: 'customer',
          name: customer.name,
          ...(customer.avatarUrl ? { avatarUrl: customer.avatarUrl } : {}),
          role: 'member',
          joinedAt: now.toISOString(),
          joinScene: input.scene,
          inviterId: signedInStaffId,
          ...(inviter ? { inviterName: inviter.name } : {}),
        };
        void tx.objectStore('rosters').put(rosterOf(group.id, [...members, member]));
        void tx.objectStore('requests').put({ key, payload, result: member });
        record(tx, groupActivity('joined-group', group, customer.id, stampOf(now, signedInStaffId)));
        return member;
      }),
    ),

    removeGroupMember: handle('removeGroupMember', ({ db, signedInStaffId }, { groupId, memberId }, now) =>
      write(db, ['rosters', 'groups', 'activity'], async (tx) => {
        const roster = await tx.objectStore('rosters').get(groupId);
        if (!roster) throw notFound('Group', groupId);
        const { members } = roster;
        const role = members.find((member) => member.id === signedInStaffId)?.role;
        if (role !== 'owner' && role !== 'admin') throw fail('forbidden', 'Owner or admin only', 'not-admin');
        const target = members.find((member) => member.id === memberId);
        if (!target) return { removed: false };
        if (target.role === 'owner' || (target.role === 'admin' && role !== 'owner'))
          throw fail('forbidden', 'Cannot remove the owner or an admin', 'protected-member');
        void tx.objectStore('rosters').put(
          rosterOf(
            groupId,
            members.filter((member) => member !== target),
          ),
        );
        const group = await tx.objectStore('groups').get(groupId);
        if (target.type === 'customer' && group)
          record(tx, groupActivity('left-group', group, target.id, stampOf(now, signedInStaffId)));
        return { removed: true };
      }),
    ),

    ...scriptHandlers({
      handle,
      write,
      replay,
      capabilities: { ...FULL_CAPABILITIES, ...options.capabilities },
      newId: () => shortId('script'),
    }),

    ...broadcastHandlers({
      handle,
      write,
      replay,
      capabilities: { ...FULL_CAPABILITIES, ...options.capabilities },
      newId: () => shortId('broadcast'),
    }),

    async addCustomerByContactWay({ contactWayId, name, customerId }) {
      try {
        const { db } = await open();
        const now = clock();
        return await write(db, ['contactWays', 'customers', 'activity'], async (tx) => {
          const way = await tx.objectStore('contactWays').get(contactWayId);
          if (!way) throw notFound('Contact-me code', contactWayId);
          const ownerStaffId = rotationStaffId(way.staffIds, way.addedCount ?? 0);
          const addWay = { kind: 'contact-me' as const, state: way.state };
          const customer: Customer = {
            id: customerId ?? shortId('customer'),
            name,
            ownerStaffId,
            addedBy: ownerStaffId,
            addedAt: now.toISOString(),
            addWay,
            tagIds: [],
            ruleTagIds: [],
          };
          if (await tx.objectStore('customers').get(customer.id)) throw fail('conflict', 'Customer exists', 'exists');
          void tx.objectStore('contactWays').put({ ...way, addedCount: (way.addedCount ?? 0) + 1 });
          void tx.objectStore('customers').put(customer);
          record(tx, {
            id: shortId('activity'),
            customerId: customer.id,
            kind: 'added',
            at: customer.addedAt,
            staffId: ownerStaffId,
            addWay,
          });
          return customer;
        });
      } catch (error) {
        throw toAdapterError(error);
      }
    },

    async uploadMedia(input: UploadMediaInput): Promise<UploadedMedia> {
      try {
        await gate();
        const { db, policy } = await open();
        return await upload(db, policy, input, shortId('media'));
      } catch (error) {
        throw toAdapterError(error);
      }
    },
  };
  return adapter;
}
