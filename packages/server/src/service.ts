/**
 * The operations of the contract on SQL, with the rules of the trade taken from core's shared rule
 * functions (never written here a second time). Each handler runs inside one transaction and acts
 * for one signed-in staff member: an associate reaches only their own customers and the groups
 * they own or belong to.
 *
 * Tasks: the task rules (core's task-rules.ts) run at the start of `listTasks`, in its transaction,
 * over the associate's own customers, their unused coupons and their purchases and contacts; what
 * they bring up is inserted once (`ON CONFLICT DO NOTHING` on the deterministic id). Issuing a coupon
 * and adding a note complete the tasks they resolve in their own transaction.
 *
 * Transfers (core's transfer-rules.ts): every operation first settles the on-job takeovers that have
 * come due on its clock ({@link settleDueTransfers}, rows locked so that each is settled once), moving
 * each customer and writing its `transferred` activity in that transaction.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './db.js';
import { PURCHASE_COLUMNS, purchaseRow } from './dataset.js';
import { staffResults } from './results.js';
import { scriptHandlers } from './scripts.js';
import { broadcastHandlers } from './broadcasts.js';
import {
  SERVING_ACTIVITY_KINDS,
  addToPurchaseSummary,
  assertContactWayAllowed,
  assertCouponRedeemable,
  assertResultsViewer,
  attributePurchase,
  attributionWindowStart,
  couponRedeemedActivity,
  isAfterHours,
  isSameOrder,
  purchaseActivity,
  type ContactWay,
  type Purchase,
  type RecordPurchaseInput,
  type Store,
  AdapterError,
  CONTACT_KINDS,
  changeTask,
  manualTask,
  ruleTasks,
  taskPage,
  tasksCompletedBy,
  type Task,
  type TaskChange,
  activityPage,
  applyCustomerUpdate,
  couponIssuedActivity,
  followsCustomer,
  groupActivity,
  momentSentActivity,
  noteActivity,
  tagsChangedActivity,
  type ActivityStamp,
  type CustomerActivity,
  applyTagDiff,
  assertCouponSendable,
  byteLength,
  couponStockStatus,
  dayKey,
  momentQuota,
  tagNameProblem,
  visibleTagGroups,
  isUnreachable,
  newest,
  paginate,
  type SortKey,
  type Audience,
  type CouponOffer,
  type CouponStock,
  type Customer,
  type Group,
  type GroupMember,
  type IssuedCoupon,
  type Moment,
  type MomentDraft,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type Policy,
  type StaffProfile,
  type Tag,
  type TagGroup,
  type PreviewTransferInput,
  type StaffSummary,
  type Transfer,
  type TransferPreview,
  assertTransferManager,
  customerTransferHistory,
  groupsMovedToday,
  handOverGroup,
  newTransfer,
  planTransfer,
  refusesTransfer,
  matchesCustomerSearch,
  selectedCustomerIds,
  settleTransfer,
  takeOverCustomer,
  transferLimits,
  transferredActivity,
} from './core.js';

/** Who is asking, and when. */
export interface Context {
  tx: Queryable;
  staffId: string;
  now: Date;
  /** Coupon sends that issued, allowed per staff member per window (none when absent). */
  couponRateLimit?: { max: number; windowMs: number };
  /** Development and test mode: `recordPurchase` answers an associate's token too (else only the POS's endpoint). */
  associatesRecordPurchases?: boolean;
}

/** Too many coupon sends: the HTTP layer answers 429 with `Retry-After`. */
export class RateLimitedError extends AdapterError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('limit-reached', message, { retryable: true, reason: 'rate-limited' });
  }
}

type Handlers = { [K in OperationName]: (ctx: Context, input: OperationInput<K>) => Promise<OperationOutput<K>> };

const docs = async <T>(tx: Queryable, sql: string, params: unknown[] = []): Promise<T[]> =>
  (await tx.query<{ doc: T }>(sql, params)).rows.map((r) => r.doc);
const one = async <T>(tx: Queryable, sql: string, params: unknown[], what: string): Promise<T> => {
  const [doc] = await docs<T>(tx, sql, params);
  if (!doc) throw new AdapterError('not-found', `${what} does not exist`);
  return doc;
};

export const getPolicy = (tx: Queryable) => one<Policy>(tx, 'SELECT doc FROM policy WHERE id = 1', [], 'The policy');

/**
 * The customer, if the signed-in associate owns it. Another associate's customer is not-found, like
 * an absent one, so that ids cannot be probed.
 */
async function ownCustomer(ctx: Context, customerId: string, lock = false): Promise<Customer> {
  return one<Customer>(
    ctx.tx,
    `SELECT doc FROM customers WHERE id = $1 AND owner_staff_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [customerId, ctx.staffId],
    `Customer ${customerId}`,
  );
}

/**
 * The customer, if the signed-in associate follows it (owner or follower), locked for the change
 * when `lock`. Otherwise not-found, like an absent one.
 */
async function followedCustomer(ctx: Context, customerId: string, lock = false): Promise<Customer> {
  const customer = await one<Customer>(
    ctx.tx,
    `SELECT doc FROM customers WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [customerId],
    `Customer ${customerId}`,
  );
  if (!followsCustomer(customer, ctx.staffId))
    throw new AdapterError('not-found', `Customer ${customerId} does not exist`);
  return customer;
}

const stampOf = (ctx: Context): ActivityStamp => ({
  id: `activity-${randomUUID()}`,
  at: ctx.now.toISOString(),
  staffId: ctx.staffId,
});

/** Writes activities in the caller's transaction: the timeline commits (or rolls back) with the change. */
async function record(ctx: Context, activities: Array<CustomerActivity | undefined>, requestId?: string) {
  const rows = activities.filter((activity): activity is CustomerActivity => activity !== undefined);
  if (!rows.length) return;
  await ctx.tx.query(
    `INSERT INTO customer_activity (id, customer_id, at, kind, staff_id, request_id, doc)
     SELECT a->>'id', a->>'customerId', (a->>'at')::timestamptz, a->>'kind', a->>'staffId', $2, a
     FROM jsonb_array_elements($1::jsonb) AS a`,
    [JSON.stringify(rows), requestId ?? null],
  );
}

/** A group as the signed-in associate sees it (not-found, like an absent one, unless they own it or belong to it). */
async function visibleGroup(ctx: Context, groupId: string, lock = false): Promise<Group> {
  const group = await one<Group>(
    ctx.tx,
    `SELECT doc FROM customer_groups WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [groupId],
    `Group ${groupId}`,
  );
  const view = await groupView(ctx, group);
  if (view.viewerRole === 'none') throw new AdapterError('not-found', `Group ${groupId} does not exist`);
  return view;
}

/** Computes what depends on the viewer and on the members: role and member count. */
async function groupView(ctx: Context, group: Group): Promise<Group> {
  const { rows } = await ctx.tx.query<{ count: number; role: string | null }>(
    `SELECT count(*)::int AS count,
       max(CASE WHEN id = $2 AND doc->>'type' = 'staff' THEN doc->>'role' END) AS role
     FROM group_members WHERE group_id = $1`,
    [group.id, ctx.staffId],
  );
  const role = group.ownerId === ctx.staffId ? 'owner' : ((rows[0]?.role as Group['viewerRole'] | null) ?? 'none');
  return { ...group, memberCount: rows[0]?.count ?? 0, viewerRole: role };
}

const matches = (query: string | undefined, ...texts: Array<string | undefined>) => {
  const folded = query?.trim().toLocaleLowerCase();
  return !folded || texts.some((text) => text?.toLocaleLowerCase().includes(folded));
};

/** Request ids are idempotency keys: the same id with other content is a conflict. */
const reused = () =>
  new AdapterError('conflict', 'This request id was already used for a different request', {
    reason: 'request-id-reused',
    field: 'requestId',
  });
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function stockOffer(
  ctx: Context,
  stock: CouponStock,
  remaining: number,
  customerId: string,
): Promise<CouponOffer> {
  const { rows } = await ctx.tx.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM issued_coupons WHERE stock_id = $1 AND customer_id = $2',
    [stock.id, customerId],
  );
  const current = { ...stock, remaining };
  return { ...current, status: couponStockStatus(current, ctx.now), held: rows[0]!.count };
}

/** Checks a draft against the company's policy (the schema checked the platform's hard limits). */
function assertDraftAllowed(draft: MomentDraft, policy: Policy): void {
  if ([...draft.text].length > policy.momentTextMaxLength)
    throw new AdapterError('invalid', `Text is longer than ${policy.momentTextMaxLength} characters`, {
      field: 'draft.text',
    });
  const attachments = draft.attachments;
  if (attachments?.kind === 'images') {
    if (attachments.images.length > policy.momentImagesMax)
      throw new AdapterError('invalid', `At most ${policy.momentImagesMax} images`, {
        field: 'draft.attachments.images',
      });
    attachments.images.forEach((image, i) => {
      if ((image.size ?? 0) > policy.mediaMaxBytes)
        throw new AdapterError('invalid', 'Image too large', { field: `draft.attachments.images.${i}.size` });
    });
  }
  if (attachments?.kind === 'video') {
    if (attachments.video.durationMs > policy.videoMaxDurationMs)
      throw new AdapterError('invalid', 'Video too long', { field: 'draft.attachments.video.durationMs' });
    if (attachments.video.size > policy.mediaMaxBytes)
      throw new AdapterError('invalid', 'Video too large', { field: 'draft.attachments.video.size' });
  }
  if (attachments?.kind === 'link' && byteLength(attachments.link.title) > policy.linkTitleMaxBytes)
    throw new AdapterError('invalid', `Link title longer than ${policy.linkTitleMaxBytes} bytes`, {
      field: 'draft.attachments.link.title',
    });
}

/** The signed-in associate's customers who would see a post for `audience`. */
async function audienceCustomers(ctx: Context, audience: Audience): Promise<Customer[]> {
  const mine = await docs<Customer>(ctx.tx, 'SELECT doc FROM customers WHERE owner_staff_id = $1', [ctx.staffId]);
  if (audience.type === 'all') return mine;
  const wanted = new Set(audience.tagIds);
  return mine.filter(
    (customer) => customer.tagIds.some((id) => wanted.has(id)) || customer.ruleTagIds.some((id) => wanted.has(id)),
  );
}

/** Posts today (in the policy's time zone) that count against the daily quota. */
async function postsToday(ctx: Context, policy: Policy): Promise<number> {
  const since = new Date(ctx.now.getTime() - 2 * 86_400_000).toISOString();
  const recent = await docs<Moment>(ctx.tx, 'SELECT doc FROM moments WHERE staff_id = $1 AND created_at >= $2', [
    ctx.staffId,
    since,
  ]);
  const today = dayKey(ctx.now, policy.timeZone);
  return recent.filter((moment) => dayKey(new Date(moment.createdAt), policy.timeZone) === today).length;
}

/**
 * The rate limit of coupon sends: counts the associate's sends that issued within the window, by
 * the database's clock, so it holds across server processes. The associate's sends queue on a lock
 * (on every process) so that two at once cannot both take the last place.
 */
async function assertCouponRate(ctx: Context, limit: { max: number; windowMs: number }): Promise<void> {
  await ctx.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`coupon-rate:${ctx.staffId}`]);
  const { rows } = await ctx.tx.query<{ count: number; wait_ms: number | null }>(
    `SELECT count(*)::int AS count,
       ceil(extract(epoch FROM min(sent_at) + $2 * interval '1 millisecond' - clock_timestamp()) * 1000)::int AS wait_ms
     FROM issued_coupons WHERE staff_id = $1 AND sent_at > clock_timestamp() - $2 * interval '1 millisecond'`,
    [ctx.staffId, limit.windowMs],
  );
  if (rows[0]!.count < limit.max) return;
  throw new RateLimitedError(
    `Too many coupon sends: at most ${limit.max} per ${limit.windowMs / 1000} s`,
    Math.max(1, Math.ceil((rows[0]!.wait_ms ?? 1000) / 1000)),
  );
}

/**
 * Serialises, per associate, the task rules with the changes that complete tasks: a coupon sent while
 * the rules run is either seen by them (its task comes out done) or finds the task they inserted.
 */
const lockTasksOf = (ctx: Context, ownerStaffId: string) =>
  ctx.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tasks:${ownerStaffId}`]);

/** Stores the rule tasks the associate's data brings up now that are not stored yet (see task-rules.ts). */
async function runTaskRules(ctx: Context, policy: Policy): Promise<void> {
  await lockTasksOf(ctx, ctx.staffId);
  const customers = await docs<Customer>(ctx.tx, 'SELECT doc FROM customers WHERE owner_staff_id = $1', [ctx.staffId]);
  if (!customers.length) return;
  const customerIds = customers.map((customer) => customer.id);
  const coupons = await docs<IssuedCoupon>(
    ctx.tx,
    "SELECT doc FROM issued_coupons WHERE customer_id = ANY($1) AND doc->>'status' = 'unused'",
    [customerIds],
  );
  const activity = await docs<CustomerActivity>(
    ctx.tx,
    'SELECT doc FROM customer_activity WHERE customer_id = ANY($1) AND kind = ANY($2) AND at <= $3',
    [customerIds, ['purchase', ...CONTACT_KINDS], ctx.now.toISOString()],
  );
  const found = ruleTasks({ staffId: ctx.staffId, customers, coupons, activity, policy, now: ctx.now });
  if (!found.length) return;
  await ctx.tx.query(
    `INSERT INTO tasks (id, staff_id, customer_id, kind, state, due_at, doc)
     SELECT t->>'id', t->>'staffId', t->>'customerId', t->>'kind', t->>'state', (t->>'dueAt')::timestamptz, t
     FROM jsonb_array_elements($1::jsonb) AS t
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(found)],
  );
}

const saveTask = (ctx: Context, task: Task) =>
  ctx.tx.query('UPDATE tasks SET state = $2, due_at = $3, doc = $4 WHERE id = $1', [
    task.id,
    task.state,
    task.snoozedUntil ?? task.dueAt,
    task,
  ]);

/** Completes the customer's tasks that `what` resolves, in the transaction of `what`. */
async function completeTasksBy(ctx: Context, what: 'coupon-issued' | 'note', customer: Customer): Promise<void> {
  await lockTasksOf(ctx, customer.ownerStaffId);
  const customerId = customer.id;
  const open = await docs<Task>(
    ctx.tx,
    "SELECT doc FROM tasks WHERE customer_id = $1 AND state IN ('open', 'snoozed') FOR UPDATE",
    [customerId],
  );
  for (const task of tasksCompletedBy(what, open, ctx.now)) await saveTask(ctx, task);
}

/** Applies `change` to a task of the signed-in associate (another's is not found, like an absent one). */
async function changeOwnTask(ctx: Context, taskId: string, change: TaskChange): Promise<Task> {
  const task = await one<Task>(
    ctx.tx,
    'SELECT doc FROM tasks WHERE id = $1 AND staff_id = $2 FOR UPDATE',
    [taskId, ctx.staffId],
    `Task ${taskId}`,
  );
  const changed = changeTask(task, change, ctx.now);
  await saveTask(ctx, changed);
  return changed;
}

const couponCode = () => `CL-${randomBytes(6).toString('hex').toUpperCase()}`;

/* ------------------------------------------------------------------ transfers */

const staffMember = (ctx: Context, staffId: string, lock = false) =>
  one<StaffProfile>(
    ctx.tx,
    `SELECT doc FROM staff WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [staffId],
    `Staff member ${staffId}`,
  );

/** The signed-in manager, after checking that every one of `staffIds` works in their store. */
async function managerOf(ctx: Context, ...staffIds: string[]): Promise<StaffProfile> {
  const viewer = await staffMember(ctx, ctx.staffId);
  const staff = await Promise.all(staffIds.map((id) => staffMember(ctx, id)));
  assertTransferManager(viewer, ...staff);
  return viewer;
}

/** Each staff member with their customer count, customers on their way (waiting on-job transfers) and cap. */
async function staffSummaries(ctx: Context, staff: StaffProfile[], policy: Policy): Promise<StaffSummary[]> {
  const ids = staff.map((person) => person.id);
  const owned = await ctx.tx.query<{ id: string; count: number }>(
    'SELECT owner_staff_id AS id, count(*)::int AS count FROM customers WHERE owner_staff_id = ANY($1) GROUP BY 1',
    [ids],
  );
  const incoming = await ctx.tx.query<{ id: string; count: number }>(
    `SELECT to_staff_id AS id, sum((doc->'counts'->>'waiting')::int)::int AS count FROM transfers
     WHERE waiting_until IS NOT NULL AND to_staff_id = ANY($1) GROUP BY 1`,
    [ids],
  );
  const countOf = (rows: Array<{ id: string; count: number }>, id: string) =>
    rows.find((row) => row.id === id)?.count ?? 0;
  const { customerCap } = transferLimits(policy);
  return staff.map((person) => ({
    staff: person,
    customerCount: countOf(owned.rows, person.id),
    incomingCount: countOf(incoming.rows, person.id),
    customerCap,
  }));
}

/** What a preview or a transfer can do, from the facts in the database (locked for a transfer). */
async function planFor(
  ctx: Context,
  input: PreviewTransferInput,
  lock: boolean,
): Promise<{ plan: TransferPreview; successor: StaffProfile }> {
  const viewer = await staffMember(ctx, ctx.staffId);
  // A transfer locks both associates (in id order): the successor's cap and the groups per day hold.
  const [first, second] = [input.fromStaffId, input.toStaffId].sort();
  const locked = new Map<string, StaffProfile>();
  for (const id of [first!, second!]) locked.set(id, await staffMember(ctx, id, lock));
  const from = locked.get(input.fromStaffId)!;
  const to = locked.get(input.toStaffId)!;
  assertTransferManager(viewer, from, to);
  const policy = await getPolicy(ctx.tx);
  const owned = input.allCustomers
    ? await docs<Customer>(ctx.tx, 'SELECT doc FROM customers WHERE owner_staff_id = $1', [from.id])
    : [];
  const ids = selectedCustomerIds(input, owned);
  const found = await docs<Customer>(
    ctx.tx,
    `SELECT doc FROM customers WHERE id = ANY($1) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
    [ids],
  );
  const byId = new Map(found.map((customer) => [customer.id, customer]));
  const earlier = await docs<Transfer>(
    ctx.tx,
    'SELECT doc FROM transfers WHERE id IN (SELECT transfer_id FROM transfer_customers WHERE customer_id = ANY($1))',
    [ids],
  );
  const groupIds = input.groupIds ?? [];
  const groups = new Map(
    (
      await docs<Group>(
        ctx.tx,
        `SELECT doc FROM customer_groups WHERE id = ANY($1) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
        [groupIds],
      )
    ).map((group) => [group.id, group]),
  );
  const recent = await docs<Transfer>(
    ctx.tx,
    "SELECT doc FROM transfers WHERE from_staff_id = $1 AND created_at > $2::timestamptz - interval '2 days'",
    [from.id, ctx.now],
  );
  const plan = planTransfer({
    mode: input.mode,
    fromStaffId: from.id,
    customers: ids.map((id) => ({ id, customer: byId.get(id) })),
    history: customerTransferHistory(earlier),
    successor: (await staffSummaries(ctx, [to], policy))[0]!,
    groups: groupIds.map((id) => ({ id, group: groups.get(id) })),
    groupsMovedToday: groupsMovedToday(recent, from.id, ctx.now, policy.timeZone),
    policy,
    now: ctx.now,
  });
  return { plan, successor: to };
}

/** Moves a customer to the successor and writes its `transferred` activity (in the caller's transaction). */
async function takeOver(ctx: Context, transfer: Transfer, customer: Customer, at: string): Promise<void> {
  const next = takeOverCustomer(customer, transfer.fromStaffId, transfer.toStaffId);
  await ctx.tx.query('UPDATE customers SET owner_staff_id = $2, doc = $3 WHERE id = $1', [
    customer.id,
    next.ownerStaffId,
    next,
  ]);
  const stamp = { id: `activity-${randomUUID()}`, at, staffId: transfer.staffId };
  await record(ctx, [transferredActivity(customer.id, transfer.fromStaffId, transfer.toStaffId, stamp)]);
}

/** Hands a group to the successor: its owner, and the roles (and the successor's membership) of its members. */
async function handOver(ctx: Context, group: Group, successor: StaffProfile): Promise<void> {
  const members = await docs<GroupMember>(ctx.tx, 'SELECT doc FROM group_members WHERE group_id = $1 FOR UPDATE', [
    group.id,
  ]);
  const moved = handOverGroup(group, members, successor, ctx.now);
  await ctx.tx.query('UPDATE customer_groups SET owner_id = $2, doc = $3 WHERE id = $1', [
    group.id,
    moved.group.ownerId,
    moved.group,
  ]);
  for (const member of moved.members) {
    const before = members.find((old) => old.id === member.id);
    if (!before)
      await ctx.tx.query('INSERT INTO group_members (group_id, id, doc) VALUES ($1, $2, $3)', [
        group.id,
        member.id,
        { ...member, groupId: group.id },
      ]);
    else if (before.role !== member.role)
      await ctx.tx.query('UPDATE group_members SET doc = $3 WHERE group_id = $1 AND id = $2', [
        group.id,
        member.id,
        member,
      ]);
  }
}

/**
 * Completes the on-job takeovers due at the context's clock: each waiting customer is taken over
 * (owner, followers, `transferred` activity) unless they refuse. The due transfers are locked, so
 * two requests at once settle each one once. Run first by every operation.
 */
export async function settleDueTransfers(ctx: Context): Promise<void> {
  const due = await docs<Transfer>(
    ctx.tx,
    'SELECT doc FROM transfers WHERE waiting_until <= $1 ORDER BY id FOR UPDATE',
    [ctx.now],
  );
  for (const transfer of due) {
    const waiting = transfer.customers.filter((c) => c.status === 'waiting').map((c) => c.customerId);
    const customers = await docs<Customer>(
      ctx.tx,
      'SELECT doc FROM customers WHERE id = ANY($1) ORDER BY id FOR UPDATE',
      [waiting],
    );
    const refusing = new Set(customers.filter(refusesTransfer).map((customer) => customer.id));
    const settled = settleTransfer(transfer, ctx.now, (customerId) => refusing.has(customerId));
    if (!settled.changed) continue;
    const byId = new Map(customers.map((customer) => [customer.id, customer]));
    for (const customerId of settled.takenOver) {
      const customer = byId.get(customerId);
      if (customer) await takeOver(ctx, transfer, customer, transfer.completesAt);
    }
    await ctx.tx.query('UPDATE transfers SET doc = $2, waiting_until = NULL WHERE id = $1', [
      transfer.id,
      settled.transfer,
    ]);
  }
}

/** Where the reference server's contact-me codes point (a real deployment answers the platform's URL). */
const CONTACT_URL_BASE = 'https://contact.clienteling.example/';

/**
 * Records an order of the POS once per order id (a replay answers the stored purchase): attributed by
 * core's rule, after hours by the store's hours; the purchase and coupon-redeemed activities, the coupon
 * redeemed and the customer's purchase summary in the caller's transaction. Used by `recordPurchase`
 * and by the POS ingestion endpoints.
 */
export async function recordPurchaseIn(
  tx: Queryable,
  input: RecordPurchaseInput,
  now: Date,
): Promise<{ purchase: Purchase; replayed: boolean }> {
  // Replays of one order queue here, on every process: each sees what the first did.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`order:${input.orderId}`]);
  const [stored] = await docs<Purchase>(tx, 'SELECT doc FROM purchases WHERE order_id = $1', [input.orderId]);
  if (stored) {
    if (!isSameOrder(stored, input))
      throw new AdapterError('conflict', 'Order id already recorded for another order', {
        reason: 'order-id-reused',
        field: 'orderId',
      });
    return { purchase: stored, replayed: true };
  }
  const customer = await one<Customer>(
    tx,
    'SELECT doc FROM customers WHERE id = $1 FOR UPDATE',
    [input.customerId],
    `Customer ${input.customerId}`,
  );
  const coupon = input.couponId
    ? await one<IssuedCoupon>(
        tx,
        'SELECT doc FROM issued_coupons WHERE id = $1 FOR UPDATE',
        [input.couponId],
        `Coupon ${input.couponId}`,
      )
    : undefined;
  if (coupon) assertCouponRedeemable(coupon, customer.id, input.at);
  const policy = await getPolicy(tx);
  const { rows: touches } = await tx.query<{ staffId: string; at: Date }>(
    `SELECT staff_id AS "staffId", at FROM customer_activity
     WHERE customer_id = $1 AND staff_id IS NOT NULL AND kind = ANY($2) AND at >= $3 AND at <= $4`,
    [customer.id, [...SERVING_ACTIVITY_KINDS], attributionWindowStart(new Date(input.at), policy), input.at],
  );
  const attribution = attributePurchase({
    at: input.at,
    ...(coupon ? { couponStaffId: coupon.staffId } : {}),
    touches: touches.map((touch) => ({ staffId: touch.staffId, at: new Date(touch.at).toISOString() })),
    policy,
  });
  const purchase: Purchase = {
    ...input,
    ...attribution,
    afterHours: isAfterHours(input.at, input.storeId, policy),
    recordedAt: now.toISOString(),
  };
  await tx.query(
    `INSERT INTO purchases (${PURCHASE_COLUMNS.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    purchaseRow(purchase),
  );
  const [store] = await docs<Store>(tx, 'SELECT doc FROM stores WHERE id = $1', [input.storeId]);
  await tx.query('UPDATE customers SET doc = $2 WHERE id = $1', [
    customer.id,
    { ...customer, purchases: addToPurchaseSummary(customer.purchases, purchase) },
  ]);
  const activities = [purchaseActivity(purchase, store, `activity-${randomUUID()}`)];
  if (coupon) {
    const redeemed: IssuedCoupon = { ...coupon, status: 'redeemed', redeemedAt: input.at };
    await tx.query('UPDATE issued_coupons SET doc = $2 WHERE id = $1', [coupon.id, redeemed]);
    activities.push(couponRedeemedActivity(redeemed, { id: `activity-${randomUUID()}`, at: input.at }));
  }
  await record({ tx, staffId: '', now }, activities);
  return { purchase, replayed: false };
}

export const handlers: Handlers = {
  ...scriptHandlers,
  ...broadcastHandlers,

  async createContactWay(ctx, input) {
    const [earlier] = await ctx.tx
      .query<{ request: unknown; doc: ContactWay }>(
        'SELECT request, doc FROM contact_ways WHERE created_by = $1 AND request_id = $2',
        [ctx.staffId, input.requestId],
      )
      .then((result) => result.rows);
    if (earlier) {
      if (!same(earlier.request, input)) throw reused();
      return earlier.doc;
    }
    const viewer = await staffMember(ctx, ctx.staffId);
    const staffIds = [...new Set(input.staffIds)];
    assertContactWayAllowed(viewer, await Promise.all(staffIds.map((id) => staffMember(ctx, id))));
    const id = `contact-${randomBytes(8).toString('hex')}`;
    const way: ContactWay = {
      id,
      staffIds,
      state: input.state,
      url: `${CONTACT_URL_BASE}${id}?state=${encodeURIComponent(input.state)}`,
      createdBy: ctx.staffId,
      createdAt: ctx.now.toISOString(),
    };
    await ctx.tx.query(
      'INSERT INTO contact_ways (id, created_by, request_id, request, created_at, doc) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, ctx.staffId, input.requestId, input, way.createdAt, way],
    );
    await ctx.tx.query('INSERT INTO contact_way_staff (contact_way_id, staff_id) SELECT $1, unnest($2::text[])', [
      id,
      staffIds,
    ]);
    return way;
  },
  async listContactWays(ctx, { staffId, cursor, limit }) {
    const of = staffId ?? ctx.staffId;
    if (of !== ctx.staffId) await managerOf(ctx, of);
    const ways = await docs<ContactWay>(
      ctx.tx,
      `SELECT w.doc FROM contact_ways w JOIN contact_way_staff s ON s.contact_way_id = w.id WHERE s.staff_id = $1`,
      [of],
    );
    return paginate(ways, (way) => newest(way.createdAt, way.id), { cursor, limit });
  },
  async recordPurchase(ctx, input) {
    if (!ctx.associatesRecordPurchases)
      throw new AdapterError('forbidden', "Orders come from the POS (its token), not from an associate's", {
        reason: 'pos-only',
      });
    return (await recordPurchaseIn(ctx.tx, input, ctx.now)).purchase;
  },
  async getStaffResults(ctx, input) {
    const viewer = await staffMember(ctx, ctx.staffId);
    const staff = input.storeId
      ? await docs<StaffProfile>(ctx.tx, "SELECT doc FROM staff WHERE doc->'store'->>'id' = $1 ORDER BY id", [
          input.storeId,
        ])
      : [await staffMember(ctx, input.staffId ?? ctx.staffId)];
    assertResultsViewer(viewer, staff, input.storeId);
    const policy = await getPolicy(ctx.tx);
    return staffResults(ctx.tx, staff, { from: input.from, to: input.to, timeZone: policy.timeZone }, input.storeId);
  },
  async listStaff(ctx, { query, storeId, cursor, limit }) {
    const viewer = await managerOf(ctx);
    if (storeId !== undefined && storeId !== viewer.store?.id)
      throw new AdapterError('forbidden', "Staff of another store than the manager's", { reason: 'other-store' });
    const staff = (
      await docs<StaffProfile>(ctx.tx, "SELECT doc FROM staff WHERE doc->'store'->>'id' = $1", [viewer.store?.id])
    ).filter((person) => matches(query, person.name));
    const page = paginate(staff, (person): SortKey => [person.name, person.id], { cursor, limit });
    return { ...page, items: await staffSummaries(ctx, page.items, await getPolicy(ctx.tx)) };
  },
  previewTransfer: async (ctx, input) => (await planFor(ctx, input, false)).plan,
  async transferCustomers(ctx, input) {
    const [earlier] = await ctx.tx
      .query<{ doc: Transfer; request: unknown }>(
        'SELECT doc, request FROM transfers WHERE staff_id = $1 AND request_id = $2',
        [ctx.staffId, input.requestId],
      )
      .then((result) => result.rows);
    if (earlier) {
      if (!same(earlier.request, input)) throw reused();
      return earlier.doc;
    }
    const { plan, successor } = await planFor(ctx, input, true);
    const transfer = newTransfer(plan, {
      ...input,
      id: `transfer-${randomUUID()}`,
      staffId: ctx.staffId,
      now: ctx.now,
    });
    await ctx.tx.query(
      `INSERT INTO transfers
         (id, staff_id, request_id, request, from_staff_id, to_staff_id, created_at, waiting_until, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        transfer.id,
        ctx.staffId,
        input.requestId,
        input,
        transfer.fromStaffId,
        transfer.toStaffId,
        transfer.createdAt,
        transfer.counts.waiting > 0 ? transfer.completesAt : null,
        transfer,
      ],
    );
    await ctx.tx.query('INSERT INTO transfer_customers (transfer_id, customer_id) SELECT $1, unnest($2::text[])', [
      transfer.id,
      transfer.customers.map((customer) => customer.customerId),
    ]);
    if (transfer.mode === 'resigned') {
      const done = transfer.customers.filter((c) => c.status === 'done').map((c) => c.customerId);
      for (const customer of await docs<Customer>(ctx.tx, 'SELECT doc FROM customers WHERE id = ANY($1) ORDER BY id', [
        done,
      ]))
        await takeOver(ctx, transfer, customer, transfer.createdAt);
    }
    const moving = transfer.groups.filter((group) => group.status === 'done').map((group) => group.groupId);
    for (const group of await docs<Group>(ctx.tx, 'SELECT doc FROM customer_groups WHERE id = ANY($1) ORDER BY id', [
      moving,
    ]))
      await handOver(ctx, group, successor);
    return transfer;
  },
  async listTransfers(ctx, { fromStaffId, cursor, limit }) {
    const viewer = await managerOf(ctx, ...(fromStaffId ? [fromStaffId] : []));
    const transfers = await docs<Transfer>(
      ctx.tx,
      `SELECT t.doc FROM transfers t JOIN staff s ON s.id = t.from_staff_id
       WHERE s.doc->'store'->>'id' = $1 AND ($2::text IS NULL OR t.from_staff_id = $2)`,
      [viewer.store?.id, fromStaffId ?? null],
    );
    return paginate(transfers, (transfer) => newest(transfer.createdAt, transfer.id), { cursor, limit });
  },
  async getTransfer(ctx, { transferId }) {
    const transfer = await one<Transfer>(
      ctx.tx,
      'SELECT doc FROM transfers WHERE id = $1',
      [transferId],
      `Transfer ${transferId}`,
    );
    await managerOf(ctx, transfer.fromStaffId);
    return transfer;
  },

  getCurrentStaff: (ctx) =>
    one<StaffProfile>(ctx.tx, 'SELECT doc FROM staff WHERE id = $1', [ctx.staffId], 'Staff member'),
  getStaff: (ctx, { staffId }) =>
    one<StaffProfile>(ctx.tx, 'SELECT doc FROM staff WHERE id = $1', [staffId], `Staff member ${staffId}`),
  getPolicy: (ctx) => getPolicy(ctx.tx),

  async searchCustomers(ctx, input) {
    const staffId = input.staffId ?? ctx.staffId;
    if (staffId !== ctx.staffId) await managerOf(ctx, staffId);
    const owned = await docs<Customer>(
      ctx.tx,
      'SELECT doc FROM customers WHERE owner_staff_id = $1 ORDER BY added_at DESC, id',
      [staffId],
    );
    return paginate(
      owned.filter((customer) => matchesCustomerSearch(customer, input)),
      (customer) => newest(customer.addedAt, customer.id),
      input,
    );
  },
  getCustomer: (ctx, { customerId }) => followedCustomer(ctx, customerId),
  async updateCustomer(ctx, input) {
    const customer = await followedCustomer(ctx, input.customerId, true);
    const updated = applyCustomerUpdate(customer, input, stampOf(ctx));
    if (!updated.activity) return customer;
    await ctx.tx.query('UPDATE customers SET doc = $2 WHERE id = $1', [customer.id, updated.customer]);
    await record(ctx, [updated.activity]);
    return updated.customer;
  },
  async listCustomerActivity(ctx, input) {
    await followedCustomer(ctx, input.customerId);
    const entries = await docs<CustomerActivity>(ctx.tx, 'SELECT doc FROM customer_activity WHERE customer_id = $1', [
      input.customerId,
    ]);
    return activityPage(entries, input);
  },
  async addCustomerNote(ctx, { requestId, customerId, text }) {
    const [earlier] = await docs<CustomerActivity>(
      ctx.tx,
      'SELECT doc FROM customer_activity WHERE staff_id = $1 AND request_id = $2',
      [ctx.staffId, requestId],
    );
    if (earlier) {
      if (earlier.kind !== 'note' || earlier.customerId !== customerId || earlier.text !== text) throw reused();
      return earlier;
    }
    const customer = await followedCustomer(ctx, customerId, true);
    const note = noteActivity(customerId, text, stampOf(ctx));
    await record(ctx, [note], requestId);
    await completeTasksBy(ctx, 'note', customer);
    return note;
  },

  async listTasks(ctx, input) {
    if (input.customerId) await followedCustomer(ctx, input.customerId);
    const policy = await getPolicy(ctx.tx);
    await runTaskRules(ctx, policy);
    const tasks = await docs<Task>(
      ctx.tx,
      'SELECT doc FROM tasks WHERE staff_id = $1 AND ($2::text IS NULL OR customer_id = $2)',
      [ctx.staffId, input.customerId ?? null],
    );
    return taskPage(tasks, input, ctx.now, policy.timeZone);
  },
  async createTask(ctx, input) {
    const [earlier] = await docs<Task>(ctx.tx, 'SELECT doc FROM tasks WHERE staff_id = $1 AND request_id = $2', [
      ctx.staffId,
      input.requestId,
    ]);
    const task = manualTask(input, { id: `task-${randomUUID()}`, staffId: ctx.staffId }, ctx.now);
    if (earlier) {
      if (
        !same(
          [earlier.customerId, earlier.title, earlier.dueAt, earlier.action],
          [task.customerId, task.title, task.dueAt, task.action],
        )
      )
        throw reused();
      return earlier;
    }
    await followedCustomer(ctx, input.customerId, true);
    await ctx.tx.query(
      'INSERT INTO tasks (id, staff_id, customer_id, kind, state, due_at, request_id, doc) ' +
        'VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [task.id, ctx.staffId, task.customerId, task.kind, task.state, task.dueAt, input.requestId, task],
    );
    return task;
  },
  completeTask: (ctx, { taskId }) => changeOwnTask(ctx, taskId, { kind: 'complete' }),
  snoozeTask: (ctx, { taskId, until }) => changeOwnTask(ctx, taskId, { kind: 'snooze', until }),
  dismissTask: (ctx, { taskId }) => changeOwnTask(ctx, taskId, { kind: 'dismiss' }),
  reopenTask: (ctx, { taskId }) => changeOwnTask(ctx, taskId, { kind: 'reopen' }),

  async listTagGroups(ctx) {
    return visibleTagGroups(await docs<TagGroup>(ctx.tx, 'SELECT doc FROM tag_groups ORDER BY id'));
  },
  async markTags(ctx, { customerId, add, remove }) {
    const customer = await ownCustomer(ctx, customerId, true);
    const groups = await docs<TagGroup>(ctx.tx, 'SELECT doc FROM tag_groups');
    const { tagIds } = applyTagDiff(customer.tagIds, { add, remove }, groups);
    const next = { ...customer, tagIds };
    await ctx.tx.query('UPDATE customers SET doc = $2 WHERE id = $1', [customerId, next]);
    await record(ctx, [tagsChangedActivity(customerId, customer.tagIds, tagIds, stampOf(ctx))]);
    return next;
  },
  async createTag(ctx, { groupId, name }) {
    const group = await one<TagGroup>(
      ctx.tx,
      'SELECT doc FROM tag_groups WHERE id = $1 FOR UPDATE',
      [groupId],
      `Tag group ${groupId}`,
    );
    if (group.deleted) throw new AdapterError('not-found', `Tag group ${groupId} does not exist`);
    if (group.kind === 'rule' || !group.allowCreate)
      throw new AdapterError('forbidden', 'New tags cannot be created in this group', { reason: 'create-not-allowed' });
    const policy = await getPolicy(ctx.tx);
    const problem = tagNameProblem(name, group, policy.tagNameMaxLength);
    if (problem === 'duplicate')
      throw new AdapterError('conflict', 'A tag with this name already exists', { field: 'name', reason: 'duplicate' });
    if (problem)
      throw new AdapterError('invalid', problem === 'empty' ? 'The name is empty' : 'The name is too long', {
        field: 'name',
        reason: problem,
      });
    const { rows } = await ctx.tx.query<{ count: number }>(
      "SELECT coalesce(sum(jsonb_array_length(doc->'tags')), 0)::int AS count FROM tag_groups",
    );
    if (rows[0]!.count >= 3000)
      throw new AdapterError('limit-reached', 'The company has reached its 3,000 tags', { reason: 'tag-quota' });
    const order = Math.max(0, ...group.tags.map((existing) => existing.order)) + 1;
    const tag: Tag = { id: `tag-${randomUUID()}`, groupId, name: name.trim(), order, deleted: false };
    await ctx.tx.query('UPDATE tag_groups SET doc = $2 WHERE id = $1', [
      groupId,
      { ...group, tags: [...group.tags, tag] },
    ]);
    return tag;
  },

  async getMomentQuota(ctx) {
    const policy = await getPolicy(ctx.tx);
    return momentQuota(policy, await postsToday(ctx, policy), ctx.now);
  },
  async estimateReach(ctx, { audience }) {
    return { count: (await audienceCustomers(ctx, audience)).length };
  },
  async publishMoment(ctx, { requestId, draft }) {
    // Serialise this associate's posts, so two at once cannot both take the last place in the quota.
    await ctx.tx.query('SELECT id FROM staff WHERE id = $1 FOR UPDATE', [ctx.staffId]);
    const [earlier] = await docs<Moment>(ctx.tx, 'SELECT doc FROM moments WHERE staff_id = $1 AND request_id = $2', [
      ctx.staffId,
      requestId,
    ]);
    if (earlier) {
      if (!same([earlier.text, earlier.attachments, earlier.audience], [draft.text, draft.attachments, draft.audience]))
        throw reused();
      return earlier;
    }
    const policy = await getPolicy(ctx.tx);
    assertDraftAllowed(draft, policy);
    if (draft.audience.type === 'tags') {
      const known = new Set(
        visibleTagGroups(await docs<TagGroup>(ctx.tx, 'SELECT doc FROM tag_groups')).flatMap((group) =>
          group.tags.map((tag) => tag.id),
        ),
      );
      draft.audience.tagIds.forEach((id, i) => {
        if (!known.has(id))
          throw new AdapterError('invalid', `Tag ${id} does not exist`, {
            reason: 'unknown-tag',
            field: `draft.audience.tagIds.${i}`,
          });
      });
    }
    const quota = momentQuota(policy, await postsToday(ctx, policy), ctx.now);
    if (quota.remaining <= 0)
      throw new AdapterError('limit-reached', `At most ${quota.limit} posts a day`, { reason: 'moments-per-day' });
    const createdAt = ctx.now.toISOString();
    const moment: Moment = {
      id: `moment-${randomUUID()}`,
      staffId: ctx.staffId,
      requestId,
      text: draft.text,
      ...(draft.attachments ? { attachments: draft.attachments } : {}),
      audience: draft.audience,
      // Publishing is asynchronous, as on the platform: submitted now, published when next read.
      state: 'submitted',
      createdAt,
      unreachableCustomerIds: [],
    };
    await ctx.tx.query('INSERT INTO moments (id, staff_id, request_id, created_at, doc) VALUES ($1, $2, $3, $4, $5)', [
      moment.id,
      ctx.staffId,
      requestId,
      createdAt,
      moment,
    ]);
    return moment;
  },
  async getMoment(ctx, { momentId }) {
    const moment = await one<Moment>(
      ctx.tx,
      'SELECT doc FROM moments WHERE id = $1 FOR UPDATE',
      [momentId],
      `Post ${momentId}`,
    );
    if (moment.staffId !== ctx.staffId) throw new AdapterError('not-found', `Post ${momentId} does not exist`);
    if (moment.state !== 'submitted') return moment;
    const audience = await audienceCustomers(ctx, moment.audience);
    const lost = audience.filter(isUnreachable).map((c) => c.id);
    const done: Moment = { ...moment, unreachableCustomerIds: lost };
    if (audience.length > lost.length) {
      done.state = 'published';
      done.publishedAt = ctx.now.toISOString();
      // Each customer the post reached sees it on their timeline, written with the publication.
      await record(
        ctx,
        audience
          .filter((customer) => !isUnreachable(customer))
          .map((c) => momentSentActivity(done, c.id, stampOf(ctx))),
      );
    } else {
      done.state = 'failed';
      done.failureReason = audience.length
        ? 'None of the chosen customers can be reached'
        : 'No customer carries the chosen tags';
    }
    await ctx.tx.query('UPDATE moments SET doc = $2 WHERE id = $1', [momentId, done]);
    return done;
  },

  async listCouponStocks(ctx, { customerId }) {
    await ownCustomer(ctx, customerId);
    const { rows } = await ctx.tx.query<{ doc: CouponStock; remaining: number }>(
      'SELECT doc, remaining FROM coupon_stocks ORDER BY id',
    );
    return Promise.all(rows.map((row) => stockOffer(ctx, row.doc, row.remaining, customerId)));
  },
  async issueCoupon(ctx, { requestId, stockId, customerId }) {
    const [earlier] = await docs<IssuedCoupon>(
      ctx.tx,
      'SELECT doc FROM issued_coupons WHERE staff_id = $1 AND request_id = $2',
      [ctx.staffId, requestId],
    );
    if (earlier) {
      if (earlier.stockId !== stockId || earlier.customerId !== customerId) throw reused();
      return earlier;
    }
    const customer = await ownCustomer(ctx, customerId);
    if (ctx.couponRateLimit) await assertCouponRate(ctx, ctx.couponRateLimit);
    if (isUnreachable(customer))
      throw new AdapterError('forbidden', 'This customer can no longer be reached', { reason: 'customer-unreachable' });
    // The stock row is locked until commit: concurrent sends of one stock queue here.
    const { rows } = await ctx.tx.query<{ doc: CouponStock; remaining: number }>(
      'SELECT doc, remaining FROM coupon_stocks WHERE id = $1 FOR UPDATE',
      [stockId],
    );
    if (!rows[0]) throw new AdapterError('not-found', `Coupon stock ${stockId} does not exist`);
    const offer = await stockOffer(ctx, rows[0].doc, rows[0].remaining, customerId);
    assertCouponSendable(offer, offer.held, ctx.now);
    await ctx.tx.query('UPDATE coupon_stocks SET remaining = remaining - 1 WHERE id = $1', [stockId]);
    const coupon: IssuedCoupon = {
      id: `coupon-${randomUUID()}`,
      code: couponCode(),
      stockId,
      stockName: offer.name,
      customerId,
      staffId: ctx.staffId,
      requestId,
      issuedAt: ctx.now.toISOString(),
      validFrom: offer.validFrom,
      validUntil: offer.validUntil,
      status: 'unused',
    };
    await ctx.tx.query(
      'INSERT INTO issued_coupons (id, stock_id, customer_id, staff_id, request_id, issued_at, doc) ' +
        'VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [coupon.id, stockId, customerId, ctx.staffId, requestId, coupon.issuedAt, coupon],
    );
    await record(ctx, [couponIssuedActivity(coupon, stampOf(ctx))]);
    await completeTasksBy(ctx, 'coupon-issued', customer);
    return coupon;
  },
  async listCustomerCoupons(ctx, { customerId }) {
    await ownCustomer(ctx, customerId);
    const coupons = await docs<IssuedCoupon>(ctx.tx, 'SELECT doc FROM issued_coupons WHERE customer_id = $1', [
      customerId,
    ]);
    const now = ctx.now.getTime();
    return paginate(
      coupons.map((coupon) =>
        coupon.status === 'unused' && now > Date.parse(coupon.validUntil)
          ? { ...coupon, status: 'expired' as const }
          : coupon,
      ),
      (coupon) => newest(coupon.issuedAt, coupon.id),
      { limit: coupons.length || 1 },
    ).items;
  },

  async listGroups(ctx, input) {
    const ownerOnly = input.staffId !== undefined && input.staffId !== ctx.staffId;
    if (ownerOnly) await managerOf(ctx, input.staffId!);
    const candidates = ownerOnly
      ? await docs<Group>(ctx.tx, 'SELECT doc FROM customer_groups WHERE owner_id = $1', [input.staffId])
      : await docs<Group>(
          ctx.tx,
          `SELECT g.doc FROM customer_groups g
           WHERE g.owner_id = $1
              OR EXISTS (SELECT 1 FROM group_members m
                         WHERE m.group_id = g.id AND m.id = $1 AND m.doc->>'type' = 'staff')`,
          [ctx.staffId],
        );
    const found = paginate(
      candidates.filter((group) => matches(input.query, group.name)),
      (group) => newest(group.createdAt, group.id),
      input,
    );
    return { ...found, items: await Promise.all(found.items.map((group) => groupView(ctx, group))) };
  },
  getGroup: (ctx, { groupId }) => visibleGroup(ctx, groupId),
  async listGroupMembers(ctx, input) {
    await visibleGroup(ctx, input.groupId);
    const all = await docs<GroupMember>(ctx.tx, 'SELECT doc FROM group_members WHERE group_id = $1', [input.groupId]);
    const filter = input.filter ?? 'all';
    const kept = all.filter(
      (member) =>
        (filter === 'all' || (filter === 'admin' ? member.role !== 'member' : member.type === filter)) &&
        matches(input.query, member.name, member.nickname),
    );
    const sortKey = (member: GroupMember): SortKey =>
      input.sort === 'name' ? [member.name, member.id] : newest(member.joinedAt, member.id);
    return paginate(kept, sortKey, input);
  },
  async addGroupMember(ctx, { requestId, groupId, customerId, scene }) {
    const group = await visibleGroup(ctx, groupId, true);
    // A request id is the sender's own: another member of the group replaying it is not answered.
    const [earlier] = await docs<GroupMember>(
      ctx.tx,
      'SELECT doc FROM group_members WHERE requested_by = $1 AND request_id = $2',
      [ctx.staffId, requestId],
    );
    if (earlier) {
      if (earlier.groupId !== groupId || earlier.id !== customerId || earlier.joinScene !== scene) throw reused();
      return earlier;
    }
    if (group.kind === 'internal')
      throw new AdapterError('forbidden', 'Customers cannot join an internal group', { reason: 'internal-group' });
    const customer = await ownCustomer(ctx, customerId);
    const { rows } = await ctx.tx.query('SELECT 1 FROM group_members WHERE group_id = $1 AND id = $2', [
      groupId,
      customerId,
    ]);
    if (rows.length)
      throw new AdapterError('conflict', 'The customer is already in the group', { reason: 'already-member' });
    const policy = await getPolicy(ctx.tx);
    const cap = Math.min(group.memberCap, policy.groupMemberCap);
    if (group.memberCount >= cap)
      throw new AdapterError('limit-reached', `The group is full (${cap} members)`, { reason: 'group-full' });
    const inviter = await handlers.getCurrentStaff(ctx, {});
    const member: GroupMember = {
      id: customer.id,
      groupId,
      type: 'customer',
      name: customer.name,
      ...(customer.avatarUrl ? { avatarUrl: customer.avatarUrl } : {}),
      role: 'member',
      joinedAt: ctx.now.toISOString(),
      joinScene: scene,
      inviterId: inviter.id,
      inviterName: inviter.name,
    };
    await ctx.tx.query(
      'INSERT INTO group_members (group_id, id, request_id, requested_by, doc) VALUES ($1, $2, $3, $4, $5)',
      [groupId, member.id, requestId, ctx.staffId, member],
    );
    await record(ctx, [groupActivity('joined-group', group, customer.id, stampOf(ctx))]);
    return member;
  },
  async removeGroupMember(ctx, { groupId, memberId }) {
    const group = await visibleGroup(ctx, groupId, true);
    if (group.viewerRole !== 'owner' && group.viewerRole !== 'admin')
      throw new AdapterError('forbidden', 'Only the owner or an admin can remove members', { reason: 'not-admin' });
    const [member] = await docs<GroupMember>(ctx.tx, 'SELECT doc FROM group_members WHERE group_id = $1 AND id = $2', [
      groupId,
      memberId,
    ]);
    if (!member) return { removed: false };
    if (member.role === 'owner' || memberId === group.ownerId)
      throw new AdapterError('forbidden', 'The owner cannot be removed', { reason: 'protected-member' });
    if (member.role === 'admin' && group.viewerRole !== 'owner')
      throw new AdapterError('forbidden', 'Only the owner can remove an admin', { reason: 'protected-member' });
    await ctx.tx.query('DELETE FROM group_members WHERE group_id = $1 AND id = $2', [groupId, memberId]);
    if (member.type === 'customer') await record(ctx, [groupActivity('left-group', group, memberId, stampOf(ctx))]);
    return { removed: true };
  },
};
