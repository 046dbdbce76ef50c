/**
 * The rules that bring up an associate's tasks from the data, and what a task does over time. Pure
 * functions over domain objects, shared by every backend (the default adapter, the reference
 * server; exported by `@clienteling/core`): a backend gathers the signed-in associate's customers,
 * their coupons and timelines, asks {@link ruleTasks} which tasks exist at `now`, and stores those it
 * does not have yet.
 *
 * - Idempotent: a rule task's id is fixed by its rule, customer and occurrence ({@link ruleTaskId}),
 *   so running the rules again never creates a task twice, whatever became of the first (done,
 *   dismissed, snoozed).
 * - Driven by `now` (the backend's injected clock), with the thresholds of the policy.
 * - A rule's task is only created while it is current: a birthday until the day is over, a coupon
 *   until it expires, a purchase's or a new customer's follow-up for {@link TASK_CURRENT_DAYS} days.
 */
import { paginate } from './backend.js';
import { AdapterError } from './errors.js';
import { DEFAULT_POLICY, LIMITS } from './limits.js';
import { dayKey, nextBirthday, nextMidnight, startOfDay } from './wall-time.js';

export { daysUntil, nextBirthday } from './wall-time.js';
import type {
  Customer,
  CustomerActivity,
  IssuedCoupon,
  Page,
  Policy,
  Task,
  TaskAction,
  TaskBucket,
  TaskCounts,
  TaskKind,
} from './schemas.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The thresholds of the task rules, from the policy (a threshold it lacks: the default's). */
export interface TaskThresholds {
  birthdayLeadDays: number;
  couponExpiryLeadDays: number;
  afterPurchaseDays: number;
  greetingHours: number;
  /** Total spend in fen. */
  highValueSpend: number;
  quietDays: number;
}

export const taskThresholds = (policy: Policy): TaskThresholds => ({
  birthdayLeadDays: policy.birthdayLeadDays ?? DEFAULT_POLICY.birthdayLeadDays!,
  couponExpiryLeadDays: policy.couponExpiryLeadDays ?? DEFAULT_POLICY.couponExpiryLeadDays!,
  afterPurchaseDays: policy.afterPurchaseDays ?? DEFAULT_POLICY.afterPurchaseDays!,
  greetingHours: policy.greetingHours ?? DEFAULT_POLICY.greetingHours!,
  highValueSpend: policy.highValueSpend ?? DEFAULT_POLICY.highValueSpend!,
  quietDays: policy.quietDays ?? DEFAULT_POLICY.quietDays!,
});

/** How long a purchase's or a new customer's follow-up stays worth creating after its moment. */
export const TASK_CURRENT_DAYS = 7;

/** The action that resolves each kind of rule task. */
export const TASK_ACTIONS: Record<Exclude<TaskKind, 'manual'>, TaskAction> = {
  birthday: 'send-coupon',
  'coupon-expiring': 'send-coupon',
  'after-purchase': 'send-message',
  'new-customer': 'send-message',
  'high-value-quiet': 'call',
};

/** The action of a manual task created without one. */
export const MANUAL_TASK_ACTION: TaskAction = 'open-profile';

/**
 * Doing these completes the customer's open (or snoozed) tasks of these kinds, in the same
 * transaction: sending a coupon, the birthday and expiring-coupon tasks; a note (a contact written
 * down), the new-customer and quiet-customer tasks.
 */
export const TASKS_COMPLETED_BY: Record<'coupon-issued' | 'note', readonly TaskKind[]> = {
  'coupon-issued': ['birthday', 'coupon-expiring'],
  note: ['new-customer', 'high-value-quiet'],
};

/** Timeline entries that are a contact with the customer: a note written down, a coupon sent. */
export const CONTACT_KINDS: readonly CustomerActivity['kind'][] = ['note', 'coupon-issued'];

/** The id of a rule's task for one customer and one occurrence (a year, a coupon, a purchase…). */
export const ruleTaskId = (kind: Exclude<TaskKind, 'manual'>, customerId: string, occurrence: string): string => {
  const id = `task-${kind}-${customerId}-${occurrence}`;
  return id.length <= 128 ? id : `task-${kind}-${hashOf(`${customerId}\n${occurrence}`)}`;
};

/** FNV-1a, twice with different seeds: a short, stable id for long customer ids. */
function hashOf(text: string): string {
  const fnv = (seed: number) => {
    let hash = seed;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    return hash.toString(36);
  };
  return `${fnv(2166136261)}${fnv(3323198485)}`;
}

/** What the rules look at: the associate's own customers, their coupons and their timelines. */
export interface RuleInput {
  staffId: string;
  customers: readonly Customer[];
  coupons: readonly IssuedCoupon[];
  /** The customers' timeline entries (at least purchases, notes and coupons sent). */
  activity: readonly CustomerActivity[];
  policy: Policy;
  now: Date;
}

const addDays = (day: string, days: number): string => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
};

/**
 * The tasks the rules bring up at `input.now` for the associate's customers (owned by
 * `input.staffId`). A backend stores those whose id it does not hold yet and leaves the others as
 * they are. A task whose action was already done since it was due (a coupon sent after a birthday
 * task came due but before anyone listed it) comes out done.
 */
export function ruleTasks(input: RuleInput): Task[] {
  const { now, staffId } = input;
  const time = now.getTime();
  const { timeZone } = input.policy;
  const limits = taskThresholds(input.policy);
  const today = dayKey(now, timeZone);
  const activityOf = groupBy(input.activity, (entry) => entry.customerId);
  const couponsOf = groupBy(input.coupons, (coupon) => coupon.customerId);
  const tasks: Task[] = [];

  for (const customer of input.customers) {
    if (customer.ownerStaffId !== staffId || Date.parse(customer.addedAt) > time) continue;
    const entries = (activityOf.get(customer.id) ?? []).filter((entry) => Date.parse(entry.at) <= time);
    const contacts = entries.filter((entry) => CONTACT_KINDS.includes(entry.kind));
    const couponsSent = entries.filter((entry) => entry.kind === 'coupon-issued');
    const add = (
      kind: Exclude<TaskKind, 'manual'>,
      occurrence: string,
      dueAt: number,
      about: Pick<Task, 'couponId' | 'activityId' | 'eventDate' | 'eventAt'>,
    ) => {
      const task: Task = {
        id: ruleTaskId(kind, customer.id, occurrence),
        staffId,
        customerId: customer.id,
        kind,
        action: TASK_ACTIONS[kind],
        state: 'open',
        dueAt: new Date(dueAt).toISOString(),
        createdAt: now.toISOString(),
        ...about,
      };
      const doneBy = (kind === 'birthday' || kind === 'coupon-expiring' ? couponsSent : []).find(
        (entry) => Date.parse(entry.at) >= dueAt,
      );
      tasks.push(doneBy ? { ...task, state: 'done', closedAt: doneBy.at } : task);
    };

    // A birthday within the lead: from the start of the day `birthdayLeadDays` before it.
    for (const important of customer.importantDates ?? []) {
      if (important.kind !== 'birthday') continue;
      const birthday = nextBirthday(important.date, today);
      const from = startOfDay(addDays(birthday, -limits.birthdayLeadDays), timeZone).getTime();
      if (time >= from) add('birthday', birthday.slice(0, 4), from, { eventDate: birthday });
    }

    // A held coupon that ends within the lead (and has not ended). One sent within the lead is not
    // brought up: the associate has just been in touch about it.
    for (const coupon of couponsOf.get(customer.id) ?? []) {
      const until = Date.parse(coupon.validUntil);
      const from = until - limits.couponExpiryLeadDays * DAY;
      if (coupon.status === 'unused' && Date.parse(coupon.issuedAt) < from && time >= from && time <= until)
        add('coupon-expiring', coupon.id, from, { couponId: coupon.id, eventAt: coupon.validUntil });
    }

    // A purchase's follow-up, `afterPurchaseDays` after it.
    for (const purchase of entries) {
      if (purchase.kind !== 'purchase') continue;
      const from = Date.parse(purchase.at) + limits.afterPurchaseDays * DAY;
      if (time >= from && time < from + TASK_CURRENT_DAYS * DAY)
        add('after-purchase', purchase.id, from, { activityId: purchase.id, eventAt: purchase.at });
    }

    // A new customer nobody has contacted `greetingHours` after being added.
    const greetBy = Date.parse(customer.addedAt) + limits.greetingHours * HOUR;
    if (time >= greetBy && time < greetBy + TASK_CURRENT_DAYS * DAY && contacts.length === 0)
      add('new-customer', 'added', greetBy, { eventAt: customer.addedAt });

    // A high-value customer with no contact (nor purchase) for `quietDays`: once per quiet spell.
    if ((customer.purchases?.totalSpent ?? 0) >= limits.highValueSpend) {
      const heardOf = [customer.addedAt, customer.purchases?.lastPurchaseAt]
        .concat(
          entries.filter((entry) => entry.kind === 'purchase' || CONTACT_KINDS.includes(entry.kind)).map((e) => e.at),
        )
        .filter((at): at is string => at !== undefined && Date.parse(at) <= time)
        .reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest));
      const from = Date.parse(heardOf) + limits.quietDays * DAY;
      // A spell that began long before the rules first saw it is due when they see it, not "overdue
      // by a year": the task is stored once, so a later run does not move it.
      const due = time - from > TASK_CURRENT_DAYS * DAY ? time : from;
      if (time >= from) add('high-value-quiet', Date.parse(heardOf).toString(36), due, { eventAt: heardOf });
    }
  }
  return tasks;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A task as it is at `now`: a snoozed task whose time has come is open again, due then. */
export function taskAt(task: Task, now: Date): Task {
  if (task.state !== 'snoozed' || !task.snoozedUntil || Date.parse(task.snoozedUntil) > now.getTime()) return task;
  const { snoozedUntil, ...rest } = task;
  return { ...rest, state: 'open', dueAt: snoozedUntil };
}

/** Which list a task (as it is at `now`) belongs to. */
export function taskBucket(task: Task, now: Date, timeZone: string): TaskBucket {
  const current = taskAt(task, now);
  if (current.state === 'done' || current.state === 'dismissed') return 'done';
  if (current.state === 'snoozed') return 'upcoming';
  return Date.parse(current.dueAt) < nextMidnight(now, timeZone).getTime() ? 'today' : 'upcoming';
}

/** One page of `listTasks`, with the counts of every list. */
export type TaskPage = Page<Task> & { counts: TaskCounts };

/**
 * One page of a list of tasks at `now`: `today` and `upcoming` soonest first (overdue at the top),
 * `done` most recently closed first; keyset paged like every list.
 */
export function taskPage(
  tasks: readonly Task[],
  query: { bucket: TaskBucket; cursor?: string | null; limit?: number },
  now: Date,
  timeZone: string,
): TaskPage {
  const counts: TaskCounts = { today: 0, upcoming: 0, done: 0 };
  const listed: Task[] = [];
  for (const task of tasks) {
    const bucket = taskBucket(task, now, timeZone);
    counts[bucket]++;
    if (bucket === query.bucket) listed.push(taskAt(task, now));
  }
  // Keys sort larger first: a negated time lists the soonest first.
  const keyOf = (task: Task): [number, string] =>
    query.bucket === 'done'
      ? [Date.parse(task.closedAt ?? task.dueAt), task.id]
      : [-Date.parse(task.snoozedUntil ?? task.dueAt), task.id];
  const { items, nextCursor } = paginate(listed, keyOf, query);
  return { items, nextCursor, total: counts[query.bucket], counts };
}

/** What an associate does to a task. */
export type TaskChange =
  { kind: 'complete' } | { kind: 'dismiss' } | { kind: 'reopen' } | { kind: 'snooze'; until: string };

const closedConflict = (task: Task) =>
  new AdapterError('conflict', `The task is ${task.state} already`, { reason: `task-${task.state}` });

/**
 * The task after `change` at `now`. Completing a done task or dismissing a dismissed one answers it
 * as it is; a closed task is neither snoozed nor closed the other way (`conflict`); a snooze must end
 * after `now` and within {@link LIMITS.taskSnoozeMaxDays} days (`invalid`).
 */
export function changeTask(stored: Task, change: TaskChange, now: Date): Task {
  const task = taskAt(stored, now);
  const closed = task.state === 'done' || task.state === 'dismissed';
  const at = now.toISOString();
  const { snoozedUntil: _snoozed, closedAt: _closed, ...base } = task;
  switch (change.kind) {
    case 'complete':
    case 'dismiss': {
      const state = change.kind === 'complete' ? 'done' : 'dismissed';
      if (task.state === state) return task;
      if (closed) throw closedConflict(task);
      return { ...base, state, closedAt: at };
    }
    case 'snooze': {
      const until = Date.parse(change.until);
      if (until <= now.getTime() || until > now.getTime() + LIMITS.taskSnoozeMaxDays * DAY)
        throw new AdapterError('invalid', `Snooze until a time after now, within ${LIMITS.taskSnoozeMaxDays} days`, {
          field: 'until',
          reason: 'snooze-time',
        });
      if (closed) throw closedConflict(task);
      return { ...base, state: 'snoozed', snoozedUntil: new Date(until).toISOString() };
    }
    case 'reopen':
      return task.state === 'open' ? task : { ...base, state: 'open' };
  }
}

/** The customer's tasks that doing `what` completes (open or snoozed, of the kinds it resolves), closed at `now`. */
export function tasksCompletedBy(what: keyof typeof TASKS_COMPLETED_BY, tasks: readonly Task[], now: Date): Task[] {
  return tasks
    .filter(
      (task) => TASKS_COMPLETED_BY[what].includes(task.kind) && (task.state === 'open' || task.state === 'snoozed'),
    )
    .map((task) => changeTask(task, { kind: 'complete' }, now));
}

/** A manual task, as `createTask` makes it. */
export function manualTask(
  input: { customerId: string; title: string; dueAt: string; action?: TaskAction },
  ids: { id: string; staffId: string },
  now: Date,
): Task {
  return {
    id: ids.id,
    staffId: ids.staffId,
    customerId: input.customerId,
    kind: 'manual',
    title: input.title,
    action: input.action ?? MANUAL_TASK_ACTION,
    state: 'open',
    dueAt: new Date(input.dueAt).toISOString(),
    createdAt: now.toISOString(),
  };
}
