import { expect } from '@open-wc/testing';
import {
  AdapterError,
  assertTransferManager,
  groupsMovedToday,
  newTransfer,
  nextOnJobTransferAt,
  onJobTransfersInWindow,
  planTransfer,
  selectedCustomerIds,
  settleTransfer,
  takeOverCustomer,
  transferBatches,
  type CustomerTransferEntry,
  type StaffProfile,
  type TransferFacts,
} from '@clienteling/core';

const DAY = 86_400_000;
const now = new Date('2026-11-10T02:00:00.000Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const entry = (days: number, over: Partial<CustomerTransferEntry> = {}): CustomerTransferEntry => ({
  mode: 'on-job',
  status: 'done',
  createdAt: ago(days),
  ...over,
});
const store = { id: 's-1', name: '南京东路店' };
const person = (id: string, over: Partial<StaffProfile> = {}): StaffProfile => ({
  id,
  name: id,
  companyName: '东方百货',
  verified: true,
  store,
  externalAttributes: [],
  ...over,
});
const facts = (over: Partial<TransferFacts> = {}): TransferFacts => ({
  mode: 'on-job',
  fromStaffId: 'st-leave',
  customers: ['c-1', 'c-2', 'c-3'].map((id) => ({ id, customer: { id, ownerStaffId: 'st-leave' } })),
  history: new Map(),
  successor: { staff: person('st-next'), customerCount: 0, incomingCount: 0, customerCap: 2000 },
  groups: [],
  groupsMovedToday: 0,
  policy: {},
  now,
  ...over,
});
const thrown = (fn: () => unknown): AdapterError => {
  try {
    fn();
  } catch (error) {
    return error as AdapterError;
  }
  throw new Error('expected an error');
};

describe('transfer rules', () => {
  it('splits customers into requests of at most 100', () => {
    const ids = Array.from({ length: 250 }, (_, i) => i);
    expect(transferBatches(ids).map((batch) => batch.length)).to.deep.equal([100, 100, 50]);
    expect(transferBatches([])).to.deep.equal([]);
  });

  it('counts on-job transfers sent in the 90 days before, a transfer at t up to but not at t + 90 days', () => {
    expect(onJobTransfersInWindow([entry(90), entry(10)], now)).to.equal(1);
    expect(onJobTransfersInWindow([entry(90 - 1 / DAY), entry(10)], now)).to.equal(2);
    const notCounted = [entry(1, { mode: 'resigned' }), entry(1, { status: 'too-frequent' }), entry(-1)];
    expect(onJobTransfersInWindow(notCounted, now)).to.equal(0);
    expect(onJobTransfersInWindow([entry(5, { status: 'refused' }), entry(3, { status: 'waiting' })], now)).to.equal(2);
    expect(nextOnJobTransferAt([entry(30), entry(10)], now)?.toISOString()).to.equal(
      new Date(now.getTime() + 60 * DAY).toISOString(),
    );
    expect(nextOnJobTransferAt([entry(30)], now)).to.equal(null);
  });

  it('answers why a customer cannot go, in order: not owned, in a transfer, too frequent, over the cap', () => {
    const plan = planTransfer(
      facts({
        customers: [
          { id: 'c-gone' },
          { id: 'c-other', customer: { id: 'c-other', ownerStaffId: 'st-x' } },
          ...['c-1', 'c-2', 'c-3', 'c-4'].map((id) => ({ id, customer: { id, ownerStaffId: 'st-leave' } })),
        ],
        history: new Map([
          ['c-1', [entry(0, { status: 'waiting' })]],
          ['c-2', [entry(20), entry(10)]],
        ]),
        successor: { staff: person('st-next'), customerCount: 1990, incomingCount: 9, customerCap: 2000 },
      }),
    );
    expect(plan.customers.map((c) => c.status)).to.deep.equal([
      'not-owned',
      'not-owned',
      'in-transfer',
      'too-frequent',
      'ok',
      'successor-over-cap',
    ]);
    expect(plan.batches).to.equal(1);
    const resigned = planTransfer(facts({ mode: 'resigned', history: new Map([['c-1', [entry(20), entry(10)]]]) }));
    expect(resigned.counts.ok).to.equal(3);
  });

  it('moves groups up to the daily batch', () => {
    const group = (id: string, ownerId = 'st-leave') => ({ id, group: { id, ownerId } });
    const plan = planTransfer(
      facts({
        groups: [group('g-1'), group('g-2'), group('g-3', 'st-x'), { id: 'g-4' }],
        groupsMovedToday: 19,
        customers: [],
      }),
    );
    expect(plan.groups.map((g) => g.status)).to.deep.equal(['ok', 'limited', 'not-owned', 'not-owned']);
    const earlier = [
      { fromStaffId: 'st-leave', createdAt: '2026-11-09T16:30:00.000Z', groups: [{ groupId: 'g', status: 'done' }] },
      { fromStaffId: 'st-leave', createdAt: '2026-11-09T15:30:00.000Z', groups: [{ groupId: 'h', status: 'done' }] },
    ] as const;
    // 00:30 on 10 November in Shanghai counts today, 23:30 on the 9th does not.
    expect(groupsMovedToday(earlier as never, 'st-leave', now, 'Asia/Shanghai')).to.equal(1);
  });

  it('takes over waiting customers once the 24 h have come, unless they refuse', () => {
    const transfer = newTransfer(planTransfer(facts()), {
      id: 't-1',
      requestId: 'r-1',
      mode: 'on-job',
      fromStaffId: 'st-leave',
      toStaffId: 'st-next',
      staffId: 'st-boss',
      message: '您好',
      now,
    });
    expect(transfer.counts.waiting).to.equal(3);
    expect(transfer.completesAt).to.equal(new Date(now.getTime() + DAY).toISOString());
    const early = settleTransfer(transfer, new Date(now.getTime() + DAY - 1), () => false);
    expect(early.changed).to.equal(false);
    const due = settleTransfer(transfer, new Date(now.getTime() + DAY), (id) => id === 'c-2');
    expect(due.takenOver).to.deep.equal(['c-1', 'c-3']);
    expect(due.transfer.customers.map((c) => c.status)).to.deep.equal(['done', 'refused', 'done']);
    expect(due.transfer.counts).to.include({ waiting: 0, done: 2, refused: 1 });
  });

  it('hands the customer to the successor and drops the departing associate from its followers', () => {
    const moved = takeOverCustomer(
      { ownerStaffId: 'st-leave', followerStaffIds: ['st-leave', 'st-help'] },
      'st-leave',
      'st-next',
    );
    expect(moved).to.deep.equal({ ownerStaffId: 'st-next', followerStaffIds: ['st-next', 'st-help'] });
  });

  it('selects the chosen customers and all of the departing associate’s matching the filter, once each', () => {
    const owned = (id: string, tagIds: string[] = [], remark?: string) => ({
      id,
      name: `顾客 ${id}`,
      tagIds,
      ruleTagIds: [],
      ...(remark ? { remark } : {}),
    });
    const mine = [owned('c-2', ['t-sport']), owned('c-1', [], 'VIP'), owned('c-3', ['t-sport'], 'VIP')];
    expect(selectedCustomerIds({ customerIds: ['c-9', 'c-2'], allCustomers: true }, mine)).to.deep.equal([
      'c-9',
      'c-2',
      'c-1',
      'c-3',
    ]);
    expect(selectedCustomerIds({ customerIds: ['c-9'] }, mine)).to.deep.equal(['c-9']);
    expect(selectedCustomerIds({ allCustomers: true, tagIds: ['t-sport'], query: 'vip' }, mine)).to.deep.equal(['c-3']);
  });

  it('lets only a manager of the same store transfer', () => {
    const manager = person('st-boss', { role: 'manager' });
    expect(thrown(() => assertTransferManager(person('st-a'))).reason).to.equal('not-manager');
    const far = person('st-far', { store: { id: 's-2', name: '淮海中路店' } });
    expect(thrown(() => assertTransferManager(manager, person('st-a'), far)).reason).to.equal('other-store');
    expect(() => assertTransferManager(manager, person('st-a'), person('st-b'))).not.to.throw();
  });
});
