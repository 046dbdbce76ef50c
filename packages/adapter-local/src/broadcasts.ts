/**
 * Broadcasts (群发, issue 21) on IndexedDB: the handlers of `previewBroadcast`, `createBroadcast`,
 * `confirmBroadcast`, `getBroadcast`, `listBroadcasts` and `listBroadcastRecipients`, spread into the
 * adapter by `createLocalAdapter`, which hands them its validation (`handle`), transactions and
 * idempotency. The rules are core's (broadcast-rules.ts); this file gathers the facts and stores the answers.
 *
 * - The cap counts each customer's recipients (of any associate) whose broadcast was created in the
 *   current period, read through the `[customerId, broadcastCreatedAt]` index of `broadcastRecipients`.
 *   A preview and a creation read them in their own transaction; a creation writes its recipients in
 *   it, so two broadcasts at once (two tabs) cannot both use a customer's last place.
 * - Confirmation queues the waiting recipients (`pending`); they are sent by the clock, 100 a second
 *   (core's `recipientSendAt`), settled at the start of every broadcast operation: a UI reading the
 *   broadcast sees it progress, and it is `done` once none waits.
 */
import {
  AdapterError,
  assertBroadcastSendable,
  audienceCandidates,
  broadcastCap,
  broadcastPeriod,
  confirmedBroadcast,
  countsTowardCap,
  inPeriod,
  newBroadcast,
  planBroadcast,
  recipientSendAt,
  sentRecipient,
  settledBroadcast,
  type Broadcast,
  type BroadcastAudience,
  type BroadcastPlan,
  type BroadcastRecipient,
  type Capabilities,
  type Customer,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type Policy,
} from '@clienteling/core/adapter-kit.js';
import { newest, paginate } from '@clienteling/core/backend.js';
import { recipientKey } from '@clienteling/core/adapter-kit.js';
import type { IDBPTransaction } from 'idb';
import {
  broadcastRecordOf,
  payloadOf,
  recipientRecordOf,
  type BroadcastRecipientRecord,
  type DB,
  type LocalSchema,
  type Name,
} from './schema.js';

/** What a broadcast handler works with: the open database, who is signed in, and the policy. */
interface BroadcastSession {
  db: DB;
  signedInStaffId: string;
  policy: Policy;
}
type Handler<K extends OperationName> = (input: OperationInput<K>) => Promise<OperationOutput<K>>;
type Body<K extends OperationName> = (
  session: BroadcastSession,
  input: OperationInput<K>,
  now: Date,
) => Promise<OperationOutput<K>>;
type AnyTx = IDBPTransaction<LocalSchema, Name[], 'readonly' | 'readwrite'>;
type WriteTx = IDBPTransaction<LocalSchema, Name[], 'readwrite'>;

/** What `createLocalAdapter` lends the broadcast handlers. */
export interface BroadcastHandlerDeps {
  handle<K extends OperationName>(name: K, body: Body<K>): Handler<K>;
  /** Runs `body` in one readwrite transaction over `stores`. */
  write<T>(db: DB, stores: Name[], body: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** The stored result of an earlier request with this key, or undefined; another payload is a conflict. */
  replay(tx: WriteTx, key: string, payload: string): Promise<unknown>;
  capabilities: Capabilities;
  newId(): string;
}

type BroadcastOperation =
  | 'previewBroadcast'
  | 'createBroadcast'
  | 'confirmBroadcast'
  | 'getBroadcast'
  | 'listBroadcasts'
  | 'listBroadcastRecipients';

const notFound = (broadcastId: string) => new AdapterError('not-found', `Broadcast ${broadcastId} does not exist`);

/** A stored recipient as the contract has it (without the keys of its indexes). */
const recipientView = ({
  broadcastId: _broadcast,
  broadcastCreatedAt: _created,
  position: _position,
  ...recipient
}: BroadcastRecipientRecord): BroadcastRecipient => recipient;

/** The broadcast handlers of the local adapter (see the file's comment). */
export function broadcastHandlers(deps: BroadcastHandlerDeps): { [K in BroadcastOperation]: Handler<K> } {
  const { handle, write, replay, capabilities } = deps;

  /** The plan of `audience` at `now`, from the facts in `tx`. */
  const planIn = async (
    tx: AnyTx,
    { signedInStaffId, policy }: BroadcastSession,
    audience: BroadcastAudience,
    now: Date,
  ): Promise<BroadcastPlan> => {
    const customers = tx.objectStore('customers');
    const listed = new Map<string, Customer>();
    let own: Customer[] = [];
    if (audience.type === 'customers')
      await Promise.all(
        [...new Set(audience.customerIds)].map(async (id) => {
          const customer = await customers.get(id);
          if (customer) listed.set(id, customer);
        }),
      );
    else own = await customers.index('byOwner').getAll(signedInStaffId);
    const candidates = audienceCandidates(audience, own, (id) => listed.get(id));
    const period = broadcastPeriod(now, broadcastCap(policy), policy.timeZone);
    const recipients = tx.objectStore('broadcastRecipients').index('byCustomer');
    const received = new Map<string, number>();
    await Promise.all(
      candidates.map(async ({ customerId, customer }) => {
        if (!customer || customer.ownerStaffId !== signedInStaffId) return;
        const range = IDBKeyRange.bound(
          [customerId, period.start.toISOString()],
          [customerId, period.end.toISOString()],
        );
        const inThePeriod = (await recipients.getAll(range)).filter(
          (recipient) => countsTowardCap(recipient.status) && inPeriod(recipient.broadcastCreatedAt, period),
        );
        received.set(customerId, inThePeriod.length);
      }),
    );
    return planBroadcast({
      staffId: signedInStaffId,
      candidates,
      receivedInPeriod: (customerId) => received.get(customerId) ?? 0,
      policy,
      now,
    });
  };

  /**
   * Sends what is due at `now` of the broadcasts being sent: each queued recipient whose time has come
   * is sent (or fails, unreachable by then) at its time; a broadcast none of whose recipients waits is
   * done. A read of the index only when nothing is being sent.
   */
  const settleBroadcasts = async (db: DB, now: Date) => {
    if ((await db.countFromIndex('broadcasts', 'bySending', IDBKeyRange.upperBound(now.toISOString()))) === 0) return;
    await write(db, ['broadcasts', 'broadcastRecipients', 'customers'], async (tx) => {
      const sending = await tx
        .objectStore('broadcasts')
        .index('bySending')
        .getAll(IDBKeyRange.upperBound(now.toISOString()));
      for (const { broadcast } of sending) {
        const stored = await tx.objectStore('broadcastRecipients').index('byBroadcast').getAll(broadcast.id);
        let last = new Date(broadcast.confirmedAt!);
        const settled = await Promise.all(
          stored.map(async (recipient) => {
            if (recipient.status !== 'pending') return recipient;
            const sendAt = recipientSendAt(broadcast.confirmedAt!, recipient.position ?? 0);
            if (sendAt > now) return recipient;
            if (sendAt > last) last = sendAt;
            const customer = await tx.objectStore('customers').get(recipient.customerId);
            const sent = { ...recipient, ...sentRecipient(recipientView(recipient), customer, sendAt) };
            void tx.objectStore('broadcastRecipients').put(sent);
            return sent;
          }),
        );
        void tx.objectStore('broadcasts').put(broadcastRecordOf(settledBroadcast(broadcast, settled, last)));
      }
    });
  };

  /** The signed-in associate's broadcast (another's is not found, like an absent one). */
  const ownBroadcast = async (tx: AnyTx, staffId: string, broadcastId: string) => {
    const record = await tx.objectStore('broadcasts').get(broadcastId);
    if (!record || record.staffId !== staffId) throw notFound(broadcastId);
    return record.broadcast;
  };

  return {
    previewBroadcast: handle('previewBroadcast', async (session, { audience }, now) => {
      await settleBroadcasts(session.db, now);
      const tx = session.db.transaction(['customers', 'broadcastRecipients'], 'readonly');
      return (await planIn(tx as unknown as AnyTx, session, audience, now)).preview;
    }),

    createBroadcast: handle('createBroadcast', async (session, input, now) => {
      if (!capabilities.broadcast)
        throw new AdapterError('forbidden', 'Broadcasts are not available here', { reason: 'no-broadcast' });
      await settleBroadcasts(session.db, now);
      const stores: Name[] = ['requests', 'customers', 'broadcasts', 'broadcastRecipients'];
      return write(session.db, stores, async (tx) => {
        const key = `createBroadcast:${input.requestId}`;
        const payload = payloadOf(input);
        const earlier = (await replay(tx, key, payload)) as Broadcast | undefined;
        if (earlier) return (await tx.objectStore('broadcasts').get(earlier.id))?.broadcast ?? earlier;
        const plan = await planIn(tx, session, input.audience, now);
        assertBroadcastSendable(plan);
        const { broadcast, recipients } = newBroadcast(plan, {
          id: deps.newId(),
          requestId: input.requestId,
          staffId: session.signedInStaffId,
          content: input.content,
          audience: input.audience,
          now,
        });
        void tx.objectStore('broadcasts').put(broadcastRecordOf(broadcast));
        recipients.forEach((recipient, position) =>
          tx.objectStore('broadcastRecipients').put(recipientRecordOf(broadcast, recipient, position)),
        );
        void tx.objectStore('requests').put({ key, payload, result: broadcast });
        return broadcast;
      });
    }),

    confirmBroadcast: handle('confirmBroadcast', async ({ db, signedInStaffId }, { broadcastId }, now) => {
      await settleBroadcasts(db, now);
      return write(db, ['broadcasts', 'broadcastRecipients'], async (tx) => {
        const broadcast = await ownBroadcast(tx, signedInStaffId, broadcastId);
        if (broadcast.state !== 'awaiting-confirmation') return broadcast;
        const stored = await tx.objectStore('broadcastRecipients').index('byBroadcast').getAll(broadcastId);
        const queued = stored.map((recipient) =>
          recipient.status === 'awaiting-confirmation' ? { ...recipient, status: 'pending' as const } : recipient,
        );
        for (const recipient of queued)
          if (recipient.status === 'pending') void tx.objectStore('broadcastRecipients').put(recipient);
        const confirmed = settledBroadcast(confirmedBroadcast(broadcast, now), queued, now);
        void tx.objectStore('broadcasts').put(broadcastRecordOf(confirmed));
        return confirmed;
      });
    }),

    getBroadcast: handle('getBroadcast', async ({ db, signedInStaffId }, { broadcastId }, now) => {
      await settleBroadcasts(db, now);
      return ownBroadcast(db.transaction('broadcasts') as unknown as AnyTx, signedInStaffId, broadcastId);
    }),

    listBroadcasts: handle('listBroadcasts', async ({ db, signedInStaffId }, { cursor, limit }, now) => {
      await settleBroadcasts(db, now);
      const records = await db.getAllFromIndex('broadcasts', 'byStaff', signedInStaffId);
      const { items, nextCursor } = paginate(
        records.map((record) => record.broadcast),
        (broadcast) => newest(broadcast.createdAt, broadcast.id),
        { cursor, limit },
      );
      return { items, nextCursor };
    }),

    listBroadcastRecipients: handle('listBroadcastRecipients', async ({ db, signedInStaffId }, input, now) => {
      await settleBroadcasts(db, now);
      const tx = db.transaction(['broadcasts', 'broadcastRecipients']);
      await ownBroadcast(tx as unknown as AnyTx, signedInStaffId, input.broadcastId);
      const stored = await tx.objectStore('broadcastRecipients').index('byBroadcast').getAll(input.broadcastId);
      const listed = stored
        .map(recipientView)
        .filter((recipient) => !input.status || recipient.status === input.status);
      const { items, nextCursor } = paginate(listed, recipientKey, input);
      return { items, nextCursor };
    }),
  };
}
