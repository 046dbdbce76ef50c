import { expect } from '@open-wc/testing';
import {
  AdapterError,
  DEFAULT_POLICY,
  changeTask,
  daysUntil,
  nextBirthday,
  ruleTaskId,
  ruleTasks,
  startOfDay,
  taskBucket,
  taskThresholds,
  type Customer,
  type Task,
} from '@clienteling/core';

const thrown = (fn: () => unknown): AdapterError => {
  try {
    fn();
  } catch (error) {
    return error as AdapterError;
  }
  throw new Error('expected an error');
};

const customer = (over: Partial<Customer> = {}): Customer => ({
  id: 'c-1',
  name: '陈静',
  ownerStaffId: 'st-me',
  addedAt: '2026-01-01T00:00:00.000Z',
  tagIds: [],
  ruleTagIds: [],
  ...over,
});
const task = (over: Partial<Task> = {}): Task => ({
  id: 'task-1',
  staffId: 'st-me',
  customerId: 'c-1',
  kind: 'manual',
  title: '回访',
  action: 'open-profile',
  state: 'open',
  dueAt: '2026-11-10T02:00:00.000Z',
  createdAt: '2026-11-10T02:00:00.000Z',
  ...over,
});

describe('task rules: days', () => {
  it("starts a day at midnight in the store's time zone, across daylight saving", () => {
    expect(startOfDay('2026-11-13', 'Asia/Shanghai').toISOString()).to.equal('2026-11-12T16:00:00.000Z');
    // New York: UTC-5 on 8 March at midnight (the clocks go forward at 02:00), UTC-4 on 1 November.
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).to.equal('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).to.equal('2026-03-09T04:00:00.000Z');
    expect(startOfDay('2026-11-01', 'America/New_York').toISOString()).to.equal('2026-11-01T04:00:00.000Z');
  });

  it('finds the next birthday, across the new year and on 29 February', () => {
    expect(nextBirthday('1994-11-20', '2026-11-10')).to.equal('2026-11-20');
    expect(nextBirthday('11-20', '2026-11-20')).to.equal('2026-11-20');
    expect(nextBirthday('01-02', '2026-12-28')).to.equal('2027-01-02');
    expect(nextBirthday('2000-02-29', '2027-01-01')).to.equal('2027-02-28');
    expect(nextBirthday('2000-02-29', '2028-01-01')).to.equal('2028-02-29');
  });

  it('counts the days until a day in the time zone ("生日还有 3 天")', () => {
    // 23:30 on the 17th in Shanghai, 15:30 UTC: three days to the 20th, whatever UTC says.
    expect(daysUntil('2026-11-20', new Date('2026-11-17T15:30:00Z'), 'Asia/Shanghai')).to.equal(3);
    expect(daysUntil('2026-11-20', new Date('2026-11-19T16:30:00Z'), 'Asia/Shanghai')).to.equal(0);
  });
});

describe('task rules: ids and thresholds', () => {
  it('gives a rule task the same id every time, within 128 characters for long customer ids', () => {
    expect(ruleTaskId('birthday', 'c-1', '2026')).to.equal('task-birthday-c-1-2026');
    const long = 'c'.repeat(128);
    const id = ruleTaskId('coupon-expiring', long, 'k'.repeat(100));
    expect(id.length).to.be.at.most(128);
    expect(ruleTaskId('coupon-expiring', long, 'k'.repeat(100))).to.equal(id);
    expect(ruleTaskId('coupon-expiring', long, 'j'.repeat(100))).not.to.equal(id);
  });

  it("takes the default thresholds for a policy stored before tasks, and the policy's own otherwise", () => {
    const { birthdayLeadDays: _lead, highValueSpend: _spend, ...old } = DEFAULT_POLICY;
    expect(taskThresholds(old)).to.deep.equal({
      birthdayLeadDays: 7,
      couponExpiryLeadDays: 3,
      afterPurchaseDays: 3,
      greetingHours: 24,
      highValueSpend: 500_000,
      quietDays: 30,
    });
    const now = new Date('2026-11-10T02:00:00Z');
    const birthdayIn10 = customer({ importantDates: [{ kind: 'birthday', date: '11-20' }] });
    const input = { staffId: 'st-me', customers: [birthdayIn10], coupons: [], activity: [], now };
    expect(ruleTasks({ ...input, policy: DEFAULT_POLICY })).to.deep.equal([]);
    const tasks = ruleTasks({ ...input, policy: { ...DEFAULT_POLICY, birthdayLeadDays: 10 } });
    expect(tasks.map((found) => [found.id, found.eventDate])).to.deep.equal([['task-birthday-c-1-2026', '2026-11-20']]);
  });

  it('brings up nothing for a customer of another associate or one added later', () => {
    const now = new Date('2026-11-17T02:00:00Z');
    const dates = { importantDates: [{ kind: 'birthday' as const, date: '11-20' }] };
    const customers = [
      customer({ id: 'c-other', ownerStaffId: 'st-other', ...dates }),
      customer({ id: 'c-later', addedAt: '2026-11-18T00:00:00.000Z', ...dates }),
    ];
    expect(
      ruleTasks({ staffId: 'st-me', customers, coupons: [], activity: [], policy: DEFAULT_POLICY, now }),
    ).to.deep.equal([]);
  });
});

describe('task rules: a long quiet spell', () => {
  const purchases = {
    totalSpent: 900_000,
    orderCount: 3,
    averageOrderValue: 300_000,
    lastPurchaseAt: '2025-11-01T04:00:00.000Z',
    favouriteCategories: [],
    sizes: [],
  };
  const run = (now: Date) =>
    ruleTasks({
      staffId: 'st-me',
      customers: [customer({ addedAt: '2025-10-01T00:00:00.000Z', purchases })],
      coupons: [],
      activity: [],
      policy: DEFAULT_POLICY,
      now,
    });

  it('is due when the rules first see it, not overdue by a year', () => {
    const now = new Date('2026-11-17T02:00:00Z');
    const [quiet] = run(now);
    expect(quiet?.kind).to.equal('high-value-quiet');
    expect(quiet?.dueAt).to.equal(now.toISOString());
    expect(quiet?.eventAt).to.equal(purchases.lastPurchaseAt);
  });

  it('is due at its boundary when the rules see it within the week', () => {
    const boundary = Date.parse(purchases.lastPurchaseAt) + 30 * 86_400_000;
    const [quiet] = run(new Date(boundary + 2 * 86_400_000));
    expect(quiet?.dueAt).to.equal(new Date(boundary).toISOString());
  });
});

describe('task rules: changes and lists', () => {
  const now = new Date('2026-11-10T02:00:00Z');

  it('puts a task in today until midnight, then overdue stays in today', () => {
    expect(taskBucket(task({ dueAt: '2026-11-10T15:59:00.000Z' }), now, 'Asia/Shanghai')).to.equal('today');
    expect(taskBucket(task({ dueAt: '2026-11-10T16:00:00.000Z' }), now, 'Asia/Shanghai')).to.equal('upcoming');
    expect(taskBucket(task({ dueAt: '2026-11-01T00:00:00.000Z' }), now, 'Asia/Shanghai')).to.equal('today');
    expect(taskBucket(task({ state: 'dismissed' }), now, 'Asia/Shanghai')).to.equal('done');
  });

  it('refuses to snooze into the past or beyond 90 days, and a closed task', () => {
    expect(thrown(() => changeTask(task(), { kind: 'snooze', until: now.toISOString() }, now)).field).to.equal('until');
    const far = new Date(now.getTime() + 91 * 86_400_000).toISOString();
    expect(thrown(() => changeTask(task(), { kind: 'snooze', until: far }, now)).code).to.equal('invalid');
    const done = changeTask(task(), { kind: 'complete' }, now);
    expect([done.state, done.closedAt]).to.deep.equal(['done', now.toISOString()]);
    expect(thrown(() => changeTask(done, { kind: 'snooze', until: '2026-11-11T00:00:00Z' }, now)).reason).to.equal(
      'task-done',
    );
    expect(changeTask(done, { kind: 'reopen' }, now)).to.deep.equal(task());
  });
});
