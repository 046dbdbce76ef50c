/**
 * The task cases: the associate's day. Each rule at its boundary on the injected clock (a minute
 * before: no task; at: the task), idempotent runs of the rules, completion by action (a coupon sent,
 * a note added), snooze coming back at its time, manual tasks (`once`, limits), permissions, paging
 * and counts. Registered by {@link conformanceCases} through {@link defineTaskCases}.
 *
 * The conformance dataset brings up no task at its start: 陈静 (c-1) has her birthday on 20 November
 * (a task from the 13th), spent ¥12,880 and last bought 12 days before the start (quiet for 30 days
 * on day 18); 郑佳 (c-6) holds a coupon valid until day 20 (a task from day 17).
 */
import { LIMITS, type Task, type TaskBucket, type TaskKind } from '@clienteling/core';
import { ConformanceError, type Harness } from './cases.js';
import { CONFORMANCE_START, ids } from './dataset.js';
import type { DefineCase } from './media-cases.js';

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new ConformanceError(message);
};
const show = (value: unknown) => JSON.stringify(value);
const same = (actual: unknown, expected: unknown, what: string) =>
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const start = Date.parse(CONFORMANCE_START);
const iso = (time: number) => new Date(time).toISOString();
/** The start of 13 November in Shanghai: 7 days before 陈静's birthday. */
const BIRTHDAY_TASK_FROM = Date.parse('2026-11-13T00:00:00+08:00');
/** 郑佳's coupon ends 20 days after the start: its task comes 3 days before. */
const COUPON_TASK_FROM = start + 17 * DAY;
/** 陈静 last bought 12 days before the start: quiet for 30 days on day 18. */
const QUIET_TASK_FROM = start + 18 * DAY;

/** Every task of one list, read page by page. */
async function list(harness: Harness, bucket: TaskBucket, customerId?: string, limit = 50): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Task[]; nextCursor: string | null } = await harness.call('listTasks', {
      bucket,
      cursor,
      limit,
      ...(customerId ? { customerId } : {}),
    });
    tasks.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return tasks;
}
const ofKind = (tasks: Task[], kind: TaskKind, customerId: string) =>
  tasks.filter((task) => task.kind === kind && task.customerId === customerId);
/** The one open task of `kind` for the customer in `today`, after checking there is exactly one. */
async function onlyToday(harness: Harness, kind: TaskKind, customerId: string): Promise<Task> {
  const found = ofKind(await list(harness, 'today'), kind, customerId);
  same(found.length, 1, `${kind} tasks of ${customerId} in today`);
  return found[0]!;
}
async function noneAnywhere(harness: Harness, kind: TaskKind, customerId: string, when: string) {
  for (const bucket of ['today', 'upcoming', 'done'] as const)
    same(
      ofKind(await list(harness, bucket), kind, customerId),
      [],
      `${kind} tasks of ${customerId} ${when} (${bucket})`,
    );
}
const createManual = (harness: Harness, title: string, dueAt: number, customerId = 'c-2') =>
  harness.call('createTask', { requestId: harness.rid(), customerId, title, dueAt: iso(dueAt) });

/** Registers the task cases in group `tasks`. */
export function defineTaskCases(define: DefineCase): void {
  define('tasks', 'the conformance data brings up no task at its start', async (harness) => {
    const page = await harness.call('listTasks', { bucket: 'today' });
    same([page.items, page.counts], [[], { today: 0, upcoming: 0, done: 0 }], 'today and counts');
    same(await list(harness, 'upcoming'), [], 'upcoming');
    same(await list(harness, 'done'), [], 'done');
  });

  /* ---------------------------------------------------------------- each rule at its boundary */
  define(
    'tasks',
    'a birthday task comes 7 days before the birthday, from the start of that day, for own customers only',
    async (harness) => {
      harness.clock.set(iso(BIRTHDAY_TASK_FROM - MINUTE));
      await noneAnywhere(harness, 'birthday', 'c-1', 'a minute before');
      harness.clock.set(iso(BIRTHDAY_TASK_FROM));
      const task = await onlyToday(harness, 'birthday', 'c-1');
      same(
        [task.state, task.action, task.eventDate, task.staffId, Date.parse(task.dueAt)],
        ['open', 'send-coupon', '2026-11-20', ids.me, BIRTHDAY_TASK_FROM],
        'state, action, birthday, whose, due',
      );
      same(ofKind(await list(harness, 'today'), 'birthday', ids.sharedCustomer), [], "a followed customer's birthday");
    },
    (dataset) => {
      const shared = dataset.customers.find((customer) => customer.id === ids.sharedCustomer)!;
      shared.importantDates = [{ kind: 'birthday', date: '11-19' }];
    },
  );

  define('tasks', 'a held coupon brings up a task 3 days before it ends', async (harness) => {
    harness.clock.set(iso(COUPON_TASK_FROM - MINUTE));
    await noneAnywhere(harness, 'coupon-expiring', 'c-6', 'a minute before');
    harness.clock.set(iso(COUPON_TASK_FROM));
    const task = await onlyToday(harness, 'coupon-expiring', 'c-6');
    same(
      [task.couponId, task.action, task.eventAt && Date.parse(task.eventAt)],
      ['coupon-seeded', 'send-coupon', start + 20 * DAY],
      'coupon, action, end of validity',
    );
  });

  define(
    'tasks',
    'a purchase brings up a follow-up 3 days after it',
    async (harness) => {
      const boughtAt = start - 2 * DAY;
      harness.clock.set(iso(boughtAt + 3 * DAY - MINUTE));
      await noneAnywhere(harness, 'after-purchase', 'c-2', 'a minute before');
      harness.clock.set(iso(boughtAt + 3 * DAY));
      const task = await onlyToday(harness, 'after-purchase', 'c-2');
      same(
        [task.activityId, task.action, task.eventAt && Date.parse(task.eventAt)],
        ['act-c2-purchase', 'send-message', boughtAt],
        'purchase, action, when it was',
      );
    },
    (dataset) => {
      dataset.activity = [
        ...(dataset.activity ?? []),
        { id: 'act-c2-purchase', customerId: 'c-2', kind: 'purchase', at: iso(start - 2 * DAY), amount: 59900 },
      ];
    },
  );

  define(
    'tasks',
    'a new customer nobody greeted brings up a task 24 hours after being added; a note completes it',
    async (harness) => {
      harness.clock.set(iso(start + 24 * HOUR - MINUTE));
      await noneAnywhere(harness, 'new-customer', 'c-new', 'a minute before');
      harness.clock.set(iso(start + 24 * HOUR));
      const task = await onlyToday(harness, 'new-customer', 'c-new');
      same([task.action, task.eventAt && Date.parse(task.eventAt)], ['send-message', start], 'action, added at');
      harness.clock.advance(MINUTE);
      await harness.call('addCustomerNote', { requestId: harness.rid(), customerId: 'c-new', text: '已打招呼' });
      const [done, ...rest] = ofKind(await list(harness, 'done'), 'new-customer', 'c-new');
      same([rest, done?.id, done?.state], [[], task.id, 'done'], 'the task, done');
      same(Date.parse(done!.closedAt ?? ''), harness.clock.now().getTime(), 'closed when the note was added');
      same(ofKind(await list(harness, 'today'), 'new-customer', 'c-new'), [], 'today after the note');
    },
    (dataset) => {
      dataset.customers.push({
        id: 'c-new',
        name: '新客户',
        ownerStaffId: ids.me,
        addedAt: CONFORMANCE_START,
        tagIds: [],
        ruleTagIds: [],
      });
    },
  );

  define(
    'tasks',
    'a new customer greeted within 24 hours brings up no task',
    async (harness) => {
      harness.clock.set(iso(start + 2 * HOUR));
      await harness.call('addCustomerNote', { requestId: harness.rid(), customerId: 'c-new', text: '你好' });
      harness.clock.set(iso(start + 24 * HOUR));
      await noneAnywhere(harness, 'new-customer', 'c-new', 'after a greeting');
    },
    (dataset) => {
      dataset.customers.push({
        id: 'c-new',
        name: '新客户',
        ownerStaffId: ids.me,
        addedAt: CONFORMANCE_START,
        tagIds: [],
        ruleTagIds: [],
      });
    },
  );

  define(
    'tasks',
    'a high-value customer quiet for 30 days brings up a task; a note completes it; the next quiet spell, another',
    async (harness) => {
      harness.clock.set(iso(QUIET_TASK_FROM - MINUTE));
      await noneAnywhere(harness, 'high-value-quiet', 'c-1', 'a minute before');
      harness.clock.set(iso(QUIET_TASK_FROM));
      const first = await onlyToday(harness, 'high-value-quiet', 'c-1');
      same(ofKind(await list(harness, 'today'), 'high-value-quiet', 'c-2'), [], 'a customer below the threshold');
      same(
        [first.action, first.eventAt && Date.parse(first.eventAt)],
        ['call', start - 12 * DAY],
        'action, last heard of',
      );
      await harness.call('addCustomerNote', { requestId: harness.rid(), customerId: 'c-1', text: '电话回访' });
      same(ofKind(await list(harness, 'today'), 'high-value-quiet', 'c-1'), [], 'today after the note');
      same(
        ofKind(await list(harness, 'done'), 'high-value-quiet', 'c-1').map((task) => task.id),
        [first.id],
        'done',
      );
      harness.clock.set(iso(QUIET_TASK_FROM + 30 * DAY - MINUTE));
      same(ofKind(await list(harness, 'today'), 'high-value-quiet', 'c-1'), [], 'a minute before the next spell');
      harness.clock.set(iso(QUIET_TASK_FROM + 30 * DAY));
      const second = await onlyToday(harness, 'high-value-quiet', 'c-1');
      check(second.id !== first.id, 'the next quiet spell is another task');
    },
    (dataset) => {
      dataset.customers.find((customer) => customer.id === 'c-2')!.purchases = {
        totalSpent: 10000,
        orderCount: 1,
        averageOrderValue: 10000,
        favouriteCategories: [],
        sizes: [],
      };
    },
  );

  /* ---------------------------------------------------------------- idempotence */
  define(
    'tasks',
    'running the rules again never creates a task twice, even after it was done or dismissed',
    async (harness) => {
      harness.clock.set(iso(BIRTHDAY_TASK_FROM));
      const birthday = await onlyToday(harness, 'birthday', 'c-1');
      for (let run = 0; run < 3; run++) same((await onlyToday(harness, 'birthday', 'c-1')).id, birthday.id, 'id');
      await harness.call('completeTask', { taskId: birthday.id });
      harness.clock.advance(DAY);
      same(ofKind(await list(harness, 'today'), 'birthday', 'c-1'), [], 'no new birthday task a day later');
      same(ofKind(await list(harness, 'done'), 'birthday', 'c-1').length, 1, 'birthday tasks a day later');
      harness.clock.set(iso(COUPON_TASK_FROM));
      const coupon = await onlyToday(harness, 'coupon-expiring', 'c-6');
      const dismissed = await harness.call('dismissTask', { taskId: coupon.id });
      same([dismissed.id, dismissed.state], [coupon.id, 'dismissed'], 'dismissed');
      harness.clock.advance(HOUR);
      same(ofKind(await list(harness, 'today'), 'coupon-expiring', 'c-6'), [], 'today after dismissing');
      same(
        ofKind(await list(harness, 'done'), 'coupon-expiring', 'c-6').map((task) => [task.id, task.state]),
        [[coupon.id, 'dismissed']],
        'done list after dismissing',
      );
    },
  );

  /* ---------------------------------------------------------------- completion by action */
  define('tasks', "sending a coupon completes the customer's birthday and expiring-coupon tasks", async (harness) => {
    harness.clock.set(iso(COUPON_TASK_FROM));
    const expiring = await onlyToday(harness, 'coupon-expiring', 'c-6');
    const manual = await createManual(harness, '提醒用券', COUPON_TASK_FROM + HOUR, 'c-6');
    harness.clock.advance(MINUTE);
    await harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-open', customerId: 'c-6' });
    same(
      ofKind(await list(harness, 'done'), 'coupon-expiring', 'c-6').map((task) => [
        task.id,
        task.state,
        task.closedAt && Date.parse(task.closedAt),
      ]),
      [[expiring.id, 'done', harness.clock.now().getTime()]],
      'the expiring-coupon task (the coupon just sent, ending in 3 days, brings up none)',
    );
    same(
      (await list(harness, 'today')).map((task) => task.id),
      [manual.id],
      'a manual task stays open',
    );
  });

  define('tasks', 'a coupon sent after a birthday task came due, before any list, leaves it done', async (harness) => {
    harness.clock.set(iso(BIRTHDAY_TASK_FROM + HOUR));
    const coupon = await harness.call('issueCoupon', {
      requestId: harness.rid(),
      stockId: 'k-open',
      customerId: 'c-1',
    });
    harness.clock.advance(MINUTE);
    same(ofKind(await list(harness, 'today'), 'birthday', 'c-1'), [], 'today');
    const [task] = ofKind(await list(harness, 'done'), 'birthday', 'c-1');
    same(
      [task?.state, task?.closedAt && Date.parse(task.closedAt)],
      ['done', Date.parse(coupon.issuedAt)],
      'done by the coupon',
    );
  });

  /* ---------------------------------------------------------------- snooze, dismiss, reopen */
  define('tasks', 'a snoozed task waits in upcoming and comes back open, in today, at its time', async (harness) => {
    harness.clock.set(iso(BIRTHDAY_TASK_FROM));
    const task = await onlyToday(harness, 'birthday', 'c-1');
    const until = BIRTHDAY_TASK_FROM + 3 * HOUR;
    const snoozed = await harness.call('snoozeTask', { taskId: task.id, until: iso(until) });
    same([snoozed.state, snoozed.snoozedUntil && Date.parse(snoozed.snoozedUntil)], ['snoozed', until], 'snoozed');
    same(ofKind(await list(harness, 'today'), 'birthday', 'c-1'), [], 'today while snoozed');
    same(
      ofKind(await list(harness, 'upcoming'), 'birthday', 'c-1').map((t) => t.state),
      ['snoozed'],
      'upcoming',
    );
    harness.clock.set(iso(until - MINUTE));
    same(ofKind(await list(harness, 'today'), 'birthday', 'c-1'), [], 'today a minute before');
    harness.clock.set(iso(until));
    const back = await onlyToday(harness, 'birthday', 'c-1');
    same([back.id, back.state, Date.parse(back.dueAt), back.snoozedUntil], [task.id, 'open', until, undefined], 'back');
    same(ofKind(await list(harness, 'upcoming'), 'birthday', 'c-1'), [], 'upcoming after it came back');
  });

  define('tasks', 'snooze, dismiss and complete keep their rules; reopen undoes them', async (harness) => {
    const now = start;
    const task = await createManual(harness, '回访试穿感受', now + HOUR);
    await harness.rejects(harness.adapter.snoozeTask({ taskId: task.id, until: iso(now - MINUTE) }), 'invalid');
    const far = await harness.rejects(
      harness.adapter.snoozeTask({ taskId: task.id, until: iso(now + (LIMITS.taskSnoozeMaxDays + 1) * DAY) }),
      'invalid',
    );
    same(far.field, 'until', 'field of a snooze too far');
    const dismissed = await harness.call('dismissTask', { taskId: task.id });
    same(dismissed.state, 'dismissed', 'dismissed');
    same((await harness.call('dismissTask', { taskId: task.id })).state, 'dismissed', 'dismissed twice');
    await harness.rejects(harness.adapter.completeTask({ taskId: task.id }), 'conflict');
    await harness.rejects(harness.adapter.snoozeTask({ taskId: task.id, until: iso(now + DAY) }), 'conflict');
    const reopened = await harness.call('reopenTask', { taskId: task.id });
    same([reopened.state, reopened.closedAt], ['open', undefined], 'reopened');
    same(
      (await list(harness, 'today')).map((t) => t.id),
      [task.id],
      'today after the undo',
    );
    const done = await harness.call('completeTask', { taskId: task.id });
    same([done.state, done.closedAt && Date.parse(done.closedAt)], ['done', now], 'done');
    same((await harness.call('completeTask', { taskId: task.id })).state, 'done', 'done twice');
    await harness.rejects(harness.adapter.dismissTask({ taskId: task.id }), 'conflict');
  });

  /* ---------------------------------------------------------------- manual tasks and permissions */
  define('tasks', 'createTask adds a manual task once per request id, within 200 characters', async (harness) => {
    const requestId = harness.rid();
    const input = { requestId, customerId: 'c-3', title: '到货后通知试穿', dueAt: iso(start + 2 * HOUR) };
    const task = await harness.call('createTask', input);
    same(
      [task.kind, task.customerId, task.title, task.state, task.staffId, task.action, Date.parse(task.dueAt)],
      ['manual', 'c-3', '到货后通知试穿', 'open', ids.me, 'open-profile', start + 2 * HOUR],
      'task',
    );
    harness.clock.advance(MINUTE);
    same(await harness.call('createTask', input), task, 'the retry answers the first task');
    same((await list(harness, 'today')).length, 1, 'tasks after a retry');
    await harness.rejects(harness.adapter.createTask({ ...input, title: '另一件事' }), 'conflict');
    const long = await harness.rejects(
      harness.adapter.createTask({
        ...input,
        requestId: harness.rid(),
        title: '事'.repeat(LIMITS.taskTitleMaxLength + 1),
      }),
      'invalid',
    );
    same(long.field, 'title', 'field of a long title');
    await harness.rejects(harness.adapter.createTask({ ...input, requestId: harness.rid(), title: '  ' }), 'invalid');
    await harness.rejects(
      harness.adapter.createTask({ ...input, requestId: harness.rid(), dueAt: 'tomorrow' }),
      'invalid',
    );
    const longest = await harness.call('createTask', {
      ...input,
      requestId: harness.rid(),
      title: '事'.repeat(LIMITS.taskTitleMaxLength),
      action: 'call',
    });
    same(
      [longest.title?.length, longest.action],
      [LIMITS.taskTitleMaxLength, 'call'],
      'a title at the limit, an action',
    );
  });

  define(
    'tasks',
    'tasks are for customers the associate follows, and only the associate changes them',
    async (harness) => {
      const input = { requestId: harness.rid(), title: '跟进', dueAt: iso(start + HOUR) };
      await harness.rejects(harness.adapter.createTask({ ...input, customerId: ids.othersCustomer }), [
        'forbidden',
        'not-found',
      ]);
      await harness.rejects(
        harness.adapter.createTask({ ...input, requestId: harness.rid(), customerId: 'nobody' }),
        'not-found',
      );
      await harness.rejects(harness.adapter.listTasks({ bucket: 'today', customerId: ids.othersCustomer }), [
        'forbidden',
        'not-found',
      ]);
      const shared = await harness.call('createTask', {
        ...input,
        requestId: harness.rid(),
        customerId: ids.sharedCustomer,
      });
      same(shared.customerId, ids.sharedCustomer, 'a task for a followed customer');
      for (const change of [
        harness.adapter.completeTask({ taskId: 'task-nobody' }),
        harness.adapter.dismissTask({ taskId: 'task-nobody' }),
        harness.adapter.reopenTask({ taskId: 'task-nobody' }),
        harness.adapter.snoozeTask({ taskId: 'task-nobody', until: iso(start + DAY) }),
      ])
        await harness.rejects(change, 'not-found');
    },
  );

  /* ---------------------------------------------------------------- lists */
  define('tasks', 'lists are keyset paged, soonest first, with the counts of every list', async (harness) => {
    // 10:00 in Shanghai: today ends in 14 hours.
    const created: Task[] = [];
    for (const hours of [5, -30, 1, 3, -2])
      created.push(await createManual(harness, `今天 ${hours}`, start + hours * HOUR));
    for (const hours of [20, 40])
      created.push(await createManual(harness, `以后 ${hours}`, start + hours * HOUR, 'c-5'));
    const first = await harness.call('listTasks', { bucket: 'today', limit: 2 });
    same(first.counts, { today: 5, upcoming: 2, done: 0 }, 'counts');
    same(first.total, 5, 'total of today');
    same(
      first.items.map((task) => task.title),
      ['今天 -30', '今天 -2'],
      'first page: overdue first',
    );
    same(
      (await list(harness, 'today', undefined, 2)).map((task) => task.title),
      ['今天 -30', '今天 -2', '今天 1', '今天 3', '今天 5'],
      'today page by page',
    );
    same(
      (await list(harness, 'upcoming')).map((task) => task.title),
      ['以后 20', '以后 40'],
      'upcoming',
    );
    await harness.call('completeTask', { taskId: created[2]!.id });
    harness.clock.advance(MINUTE);
    await harness.call('dismissTask', { taskId: created[0]!.id });
    const done = await harness.call('listTasks', { bucket: 'done' });
    same(
      done.items.map((task) => task.title),
      ['今天 5', '今天 1'],
      'done: the latest closed first',
    );
    same(done.counts, { today: 3, upcoming: 2, done: 2 }, 'counts after closing two');
    const ofCustomer = await harness.call('listTasks', { bucket: 'upcoming', customerId: 'c-5' });
    same([ofCustomer.items.length, ofCustomer.counts], [2, { today: 0, upcoming: 2, done: 0 }], 'one customer');
    await harness.rejects(harness.adapter.listTasks({ bucket: 'today', cursor: 'garbage' }), 'invalid');
    await harness.rejects(harness.adapter.listTasks({ bucket: 'soon' as TaskBucket }), 'invalid');
    await harness.rejects(harness.adapter.listTasks({ bucket: 'today', limit: 0 }), 'invalid');
    harness.clock.advance(14 * HOUR);
    same((await harness.call('listTasks', { bucket: 'today' })).counts.today, 4, 'today after midnight');
  });
}
