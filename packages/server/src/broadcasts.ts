/**
 * Broadcasts (群发, issue 21) on SQL (migration 008): `previewBroadcast`, `createBroadcast`,
 * `confirmBroadcast`, `getBroadcast`, `listBroadcasts` and `listBroadcastRecipients`, spread into the
 * service's handlers. The rules are core's (broadcast-rules.ts); this file gathers the facts and stores
 * what they answer.
 *
 * - The cap counts a customer's recipients (of any associate) whose broadcast was created in the current
 *   period of the store's time zone, through the `(customer_id, broadcast_created_at)` index.
 * - A creation takes the associate's advisory lock (their creations, and the replays of one request id,
 *   queue) and locks the audience's customer rows (`FOR UPDATE`, in id order) before counting: two
 *   broadcasts at once, on any process, cannot both use a customer's last place, and a customer handed to
 *   another associate meanwhile is counted once.
 * - The server is the reference for a backend that hears the platform's results: a confirmation sends the
 *   waiting recipients at once (an unreachable one fails) and the broadcast is done.
 */
import { randomUUID } from 'node:crypto';
import type { Dataset } from './dataset.js';
import type { Queryable } from './db.js';
import type { Context } from './service.js';
import {
  AdapterError,
  CAP_COUNTED_STATUSES,
  assertBroadcastSendable,
  audienceCandidates,
  broadcastCap,
  broadcastPeriod,
  confirmedBroadcast,
  newBroadcast,
  newest,
  paginate,
  planBroadcast,
  recipientKey,
  sentRecipient,
  settledBroadcast,
  type Broadcast,
  type BroadcastAudience,
  type BroadcastPlan,
  type BroadcastRecipient,
  type Customer,
  type OperationInput,
  type OperationOutput,
  type Policy,
} from './core.js';

type BroadcastOperation =
  | 'previewBroadcast'
  | 'createBroadcast'
  | 'confirmBroadcast'
  | 'getBroadcast'
  | 'listBroadcasts'
  | 'listBroadcastRecipients';
type BroadcastHandlers = {
  [K in BroadcastOperation]: (ctx: Context, input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

const docs = async <T>(tx: Queryable, sql: string, params: unknown[] = []): Promise<T[]> =>
  (await tx.query<{ doc: T }>(sql, params)).rows.map((row) => row.doc);

const notFound = (broadcastId: string) => new AdapterError('not-found', `Broadcast ${broadcastId} does not exist`);

/** JSON with its keys sorted: `jsonb` keeps keys in its own order, so a stored request compares by this. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );

/** The plan of `audience` now, from the rows; with `lock`, the audience's customers are locked first. */
async function planFor(ctx: Context, audience: BroadcastAudience, lock: boolean): Promise<BroadcastPlan> {
  const forUpdate = lock ? ' FOR UPDATE' : '';
  // Only the associate's own customers are read: another's, like an absent id, is `not-own-customer`.
  const own =
    audience.type === 'customers'
      ? await docs<Customer>(
          ctx.tx,
          `SELECT doc FROM customers WHERE id = ANY($1) AND owner_staff_id = $2 ORDER BY id${forUpdate}`,
          [[...new Set(audience.customerIds)], ctx.staffId],
        )
      : await docs<Customer>(ctx.tx, `SELECT doc FROM customers WHERE owner_staff_id = $1 ORDER BY id${forUpdate}`, [
          ctx.staffId,
        ]);
  const byId = new Map(own.map((customer) => [customer.id, customer]));
  const candidates = audienceCandidates(audience, own, (customerId) => byId.get(customerId));
  const [policy] = await docs<Policy>(ctx.tx, 'SELECT doc FROM policy WHERE id = 1');
  const period = broadcastPeriod(ctx.now, broadcastCap(policy!), policy!.timeZone);
  const { rows } = await ctx.tx.query<{ customer_id: string; count: number }>(
    `SELECT customer_id, count(*)::int AS count FROM broadcast_recipients
     WHERE customer_id = ANY($1) AND broadcast_created_at >= $2 AND broadcast_created_at < $3 AND status = ANY($4)
     GROUP BY customer_id`,
    [[...byId.keys()], period.start, period.end, [...CAP_COUNTED_STATUSES]],
  );
  const received = new Map(rows.map((row) => [row.customer_id, row.count]));
  return planBroadcast({
    staffId: ctx.staffId,
    candidates,
    receivedInPeriod: (customerId) => received.get(customerId) ?? 0,
    policy: policy!,
    now: ctx.now,
  });
}

/** Inserts recipients of `broadcast` (one statement, whatever their number). */
async function insertRecipients(
  tx: Queryable,
  broadcast: Pick<Broadcast, 'id' | 'createdAt'>,
  recipients: BroadcastRecipient[],
) {
  await tx.query(
    `INSERT INTO broadcast_recipients (broadcast_id, customer_id, broadcast_created_at, status, doc)
     SELECT $1, r->>'customerId', $2, r->>'status', r FROM jsonb_array_elements($3::jsonb) AS r`,
    [broadcast.id, broadcast.createdAt, JSON.stringify(recipients)],
  );
}

/** The signed-in associate's broadcast, locked for a change when `lock` (another's is not found). */
async function ownBroadcast(ctx: Context, broadcastId: string, lock = false): Promise<Broadcast> {
  const [broadcast] = await docs<Broadcast>(
    ctx.tx,
    `SELECT doc FROM broadcasts WHERE id = $1 AND staff_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [broadcastId, ctx.staffId],
  );
  if (!broadcast) throw notFound(broadcastId);
  return broadcast;
}

export const broadcastHandlers: BroadcastHandlers = {
  previewBroadcast: async (ctx, { audience }) => (await planFor(ctx, audience, false)).preview,

  async createBroadcast(ctx, input) {
    await ctx.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`broadcasts:${ctx.staffId}`]);
    const {
      rows: [earlier],
    } = await ctx.tx.query<{ doc: Broadcast; request: unknown }>(
      'SELECT doc, request FROM broadcasts WHERE staff_id = $1 AND request_id = $2',
      [ctx.staffId, input.requestId],
    );
    if (earlier) {
      if (canonical(earlier.request) !== canonical(input))
        throw new AdapterError('conflict', 'This request id was already used for a different request', {
          reason: 'request-id-reused',
          field: 'requestId',
        });
      return earlier.doc;
    }
    const plan = await planFor(ctx, input.audience, true);
    assertBroadcastSendable(plan);
    const { broadcast, recipients } = newBroadcast(plan, {
      id: `broadcast-${randomUUID()}`,
      requestId: input.requestId,
      staffId: ctx.staffId,
      content: input.content,
      audience: input.audience,
      now: ctx.now,
    });
    await ctx.tx.query(
      'INSERT INTO broadcasts (id, staff_id, request_id, request, created_at, doc) VALUES ($1, $2, $3, $4, $5, $6)',
      [broadcast.id, ctx.staffId, input.requestId, input, broadcast.createdAt, broadcast],
    );
    await insertRecipients(ctx.tx, broadcast, recipients);
    return broadcast;
  },

  async confirmBroadcast(ctx, { broadcastId }) {
    const broadcast = await ownBroadcast(ctx, broadcastId, true);
    if (broadcast.state !== 'awaiting-confirmation') return broadcast;
    const waiting = await docs<BroadcastRecipient>(
      ctx.tx,
      `SELECT doc FROM broadcast_recipients WHERE broadcast_id = $1 AND status = 'awaiting-confirmation'
       ORDER BY customer_id FOR UPDATE`,
      [broadcastId],
    );
    const customers = await docs<Customer>(ctx.tx, 'SELECT doc FROM customers WHERE id = ANY($1)', [
      waiting.map((recipient) => recipient.customerId),
    ]);
    const byId = new Map(customers.map((customer) => [customer.id, customer]));
    const sent = waiting.map((recipient) => sentRecipient(recipient, byId.get(recipient.customerId), ctx.now));
    await ctx.tx.query(
      `UPDATE broadcast_recipients SET status = r->>'status', doc = r
       FROM jsonb_array_elements($2::jsonb) AS r
       WHERE broadcast_id = $1 AND customer_id = r->>'customerId'`,
      [broadcastId, JSON.stringify(sent)],
    );
    const { rows } = await ctx.tx.query<{ status: BroadcastRecipient['status'] }>(
      'SELECT status FROM broadcast_recipients WHERE broadcast_id = $1',
      [broadcastId],
    );
    const settled = settledBroadcast(confirmedBroadcast(broadcast, ctx.now), rows, ctx.now);
    await ctx.tx.query('UPDATE broadcasts SET doc = $2 WHERE id = $1', [broadcastId, settled]);
    return settled;
  },

  getBroadcast: (ctx, { broadcastId }) => ownBroadcast(ctx, broadcastId),

  async listBroadcasts(ctx, { cursor, limit }) {
    const broadcasts = await docs<Broadcast>(
      ctx.tx,
      'SELECT doc FROM broadcasts WHERE staff_id = $1 ORDER BY created_at DESC, id',
      [ctx.staffId],
    );
    const { items, nextCursor } = paginate(broadcasts, (broadcast) => newest(broadcast.createdAt, broadcast.id), {
      cursor,
      limit,
    });
    return { items, nextCursor };
  },

  async listBroadcastRecipients(ctx, { broadcastId, status, cursor, limit }) {
    await ownBroadcast(ctx, broadcastId);
    const recipients = await docs<BroadcastRecipient>(
      ctx.tx,
      'SELECT doc FROM broadcast_recipients WHERE broadcast_id = $1 AND ($2::text IS NULL OR status = $2)',
      [broadcastId, status ?? null],
    );
    const { items, nextCursor } = paginate(recipients, recipientKey, { cursor, limit });
    return { items, nextCursor };
  },
};

/** Loads a dataset's broadcasts and their recipients (in the caller's transaction, after the customers). */
export async function loadBroadcasts(tx: Queryable, data: Dataset): Promise<void> {
  for (const { broadcast, recipients } of data.broadcasts ?? []) {
    const request = { requestId: broadcast.requestId, audience: broadcast.audience, content: broadcast.content };
    await tx.query(
      'INSERT INTO broadcasts (id, staff_id, request_id, request, created_at, doc) VALUES ($1, $2, $3, $4, $5, $6)',
      [broadcast.id, broadcast.staffId, broadcast.requestId, request, broadcast.createdAt, broadcast],
    );
    await insertRecipients(tx, broadcast, recipients);
  }
}
