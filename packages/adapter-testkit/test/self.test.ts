/**
 * The suite can fail: deliberately broken adapters (built on adapter-local) fail exactly the cases
 * that check what they break, and a healthy adapter passes every case.
 */
import { expect } from '@open-wc/testing';
import { createRequestId, type CouponOffer, type Customer, type IssuedCoupon } from '@clienteling/core';
import { createLocalAdapter } from '@clienteling/adapter-local';
import { conformanceDataset, createTestClock, runAdapterConformance } from '../src/index.js';
import { broken, dbNameOf, failures, failuresIn, local } from './self-kit.js';

describe('adapter-testkit', () => {
  it('registers at least 40 behaviours in areas of the contract', () => {
    const registered: string[] = [];
    const groups: string[] = [];
    runAdapterConformance(
      { name: 'x', create: local },
      {
        describe: (name, body) => {
          groups.push(name);
          body();
        },
        it: (name) => registered.push(name),
      },
    );
    expect(registered.length).to.be.greaterThanOrEqual(40);
    expect(new Set(registered).size).to.equal(registered.length);
    expect(groups).to.include.members([
      'x conforms to the adapter contract',
      'shapes',
      'tags',
      'moments',
      'coupons',
      'groups',
      'media',
      'tasks',
      'transfers',
    ]);
  });

  it('conformanceDataset is deterministic and the test clock moves only when told', () => {
    expect(JSON.stringify(conformanceDataset())).to.equal(JSON.stringify(conformanceDataset()));
    const clock = createTestClock('2026-11-10T02:00:00.000Z');
    clock.advance(1000);
    expect(clock.now().toISOString()).to.equal('2026-11-10T02:00:01.000Z');
    clock.set('2026-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).to.equal('2026-01-01T00:00:00.000Z');
  });

  it('a healthy adapter passes every case', async function () {
    this.timeout(120_000);
    expect(await failures(local)).to.deep.equal([]);
  });

  it('an adapter that ignores the request id fails the idempotency cases', async function () {
    this.timeout(120_000);
    const failed = await failures((ctx) => {
      const base = local(ctx);
      return broken(base, {
        issueCoupon: (input) => base.issueCoupon({ ...input, requestId: createRequestId() }),
        publishMoment: (input) => base.publishMoment({ ...input, requestId: createRequestId() }),
        addGroupMember: (input) => base.addGroupMember({ ...input, requestId: createRequestId() }),
      });
    });
    expect(failed).to.include.members([
      'the same request id returns the first coupon and issues once',
      'a retried send of the last coupon succeeds with the first result',
      'the same request id for another send is a conflict',
      'concurrent retries of one request issue one coupon',
      'the same request id returns the first moment and never posts twice',
      'the same request id with another draft is a conflict',
      'addGroupMember with the same request id adds once',
    ]);
    expect(failed).not.to.include('a sold-out stock is sold-out');
  });

  it('an adapter that ignores the per-customer limit fails the limit cases', async function () {
    this.timeout(120_000);
    const failed = await failures(({ dataset, clock }) => {
      const limits = new Map(dataset.couponStocks.map((s) => [s.id, s.perCustomerLimit]));
      const lax = { ...dataset, couponStocks: dataset.couponStocks.map((s) => ({ ...s, perCustomerLimit: 1000 })) };
      const base = local({ dataset: lax, clock });
      return broken(base, {
        // It still reports the real limits: only sending ignores them.
        listCouponStocks: async (input) =>
          (await base.listCouponStocks(input)).map((o: CouponOffer) => ({ ...o, perCustomerLimit: limits.get(o.id)! })),
      });
    });
    expect(failed).to.include.members([
      'a customer at the per-customer limit of 1 gets limit-reached',
      'a limit of 2 allows exactly two',
      'coupons held before count towards the limit',
      'concurrent sends to one customer never exceed the limit',
    ]);
    expect(failed).not.to.include('concurrent sends of the last coupon: exactly one succeeds');
    expect(failed).not.to.include('the same request id returns the first coupon and issues once');
  });

  it('an adapter whose rules run early, forget what became of a task, or snooze too long fails the task cases', async function () {
    this.timeout(120_000);
    const MINUTE = 60_000;
    const failed = await failures((ctx) => {
      const base = local(ctx);
      // The same database, with a clock two minutes ahead: its rules bring tasks up before their time.
      const early = createLocalAdapter({
        dbName: dbNameOf(base),
        dataset: ctx.dataset,
        clock: () => new Date(ctx.clock.now().getTime() + 2 * MINUTE),
      });
      return broken(base, {
        listTasks: async (input) => {
          // Forgets what became of rule tasks: they come back open whenever the rules run.
          for (const task of (await early.listTasks({ bucket: 'done', limit: 500 })).items)
            if (task.kind !== 'manual') await base.reopenTask({ taskId: task.id });
          return early.listTasks(input);
        },
        snoozeTask: (input) =>
          base.snoozeTask({ ...input, until: new Date(Date.parse(input.until) + 60 * MINUTE).toISOString() }),
      });
    });
    expect(failed).to.include.members([
      'a birthday task comes 7 days before the birthday, from the start of that day, for own customers only',
      'a held coupon brings up a task 3 days before it ends',
      'a purchase brings up a follow-up 3 days after it',
      'a new customer nobody greeted brings up a task 24 hours after being added; a note completes it',
      'a high-value customer quiet for 30 days brings up a task; a note completes it; the next quiet spell, another',
      'running the rules again never creates a task twice, even after it was done or dismissed',
      'a snoozed task waits in upcoming and comes back open, in today, at its time',
    ]);
    expect(failed).not.to.include('createTask adds a manual task once per request id, within 200 characters');
    expect(failed).not.to.include('tasks are for customers the associate follows, and only the associate changes them');
  });

  it('an adapter that sends every customer in one request, or settles transfers early, fails the transfer cases', async function () {
    this.timeout(180_000);
    const oneBatch = await failuresIn('transfers', (ctx) => {
      const base = local(ctx);
      return broken(base, {
        transferCustomers: async (input) => {
          const transfer = await base.transferCustomers(input);
          return { ...transfer, customers: transfer.customers.map((c) => (c.batch ? { ...c, batch: 0 } : c)) };
        },
      });
    });
    expect(oneBatch).to.deep.equal([
      'all 250 customers (select all across pages) go in batches of 100 and keep their tags, timeline and coupons',
    ]);
    const MINUTE = 60_000;
    const early = await failuresIn('transfers', (ctx) => {
      const base = local(ctx);
      // The same database with a clock two minutes ahead: takeovers and the 90-day window come early.
      const ahead = createLocalAdapter({
        dbName: dbNameOf(base),
        dataset: ctx.dataset,
        clock: () => new Date(ctx.clock.now().getTime() + 2 * MINUTE),
      });
      return broken(base, { getTransfer: ahead.getTransfer, previewTransfer: ahead.previewTransfer });
    });
    expect(early).to.include.members([
      'on-job: waiting until 24 h after the request, then done; a refusing customer stays',
      'on-job: each customer at most twice in 90 days, exactly at the boundary; resigned is not counted',
    ]);
    expect(early).not.to.include(
      'only a manager of the same store lists staff, previews, transfers and lists transfers',
    );
  });

  it('an adapter that returns malformed data fails the shape cases', async function () {
    this.timeout(120_000);
    const spoil = (c: Customer) => ({ ...c, addedAt: 'yesterday', tagIds: undefined }) as unknown as Customer;
    const failed = await failures((ctx) => {
      const base = local(ctx);
      return broken(base, {
        getCustomer: async (input) => spoil(await base.getCustomer(input)),
        searchCustomers: async (input) => {
          const page = await base.searchCustomers(input);
          return { ...page, items: page.items.map(spoil) };
        },
        issueCoupon: async (input) => ({ ...(await base.issueCoupon(input)), code: '' }) as IssuedCoupon,
      });
    });
    expect(failed).to.include.members([
      'getCustomer returns the customer with tags and rule tags',
      'searchCustomers returns only the staff member’s customers',
      'searchCustomers is case-insensitive on name and remark',
      'issueCoupon issues, decrements the stock and lists the coupon',
    ]);
    expect(failed).not.to.include('listTagGroups hides soft-deleted groups and tags, larger order first');
  });
});
