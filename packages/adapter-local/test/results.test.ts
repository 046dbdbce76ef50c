import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { CONFORMANCE_START, conformanceDataset, createTestClock } from '@clienteling/adapter-testkit';
import { createLocalAdapter, DB_VERSION, type LocalAdapter } from '../src/index.js';
import { upgrade, type LocalSchema } from '../src/schema.js';
import { openUpgraded, seededMeta } from './upgrade-kit.js';

let n = 0;
const opened: Array<[LocalAdapter, string]> = [];
afterEach(async () => {
  for (const [adapter, name] of opened.splice(0)) {
    adapter.close();
    await deleteDB(name);
  }
});

describe('adapter-local results (issue 24)', () => {
  it('upgrades a version-5 database: purchases derived from the stored purchase activities, the new indexes', async () => {
    const dbName = `results-upgrade-${Date.now()}-${++n}`;
    const dataset = conformanceDataset();
    const v5 = await openDB<LocalSchema>(dbName, 5, { upgrade });
    expect([...v5.objectStoreNames]).not.to.include('purchases');
    const raw = v5 as unknown as import('idb').IDBPDatabase;
    const tx = raw.transaction(raw.objectStoreNames, 'readwrite');
    const put = (name: string, records: readonly object[]) => records.forEach((r) => void tx.objectStore(name).put(r));
    put('stores', dataset.stores);
    put('staff', dataset.staff);
    put('customers', dataset.customers);
    put('issuedCoupons', dataset.issuedCoupons);
    put('activity', dataset.activity ?? []);
    void tx.objectStore('meta').put(seededMeta(dataset), 'dataset');
    void tx.objectStore('meta').put({ signedInStaffId: '', policy: dataset.policy, seededAt: '' }, 'others-history');
    await tx.done;
    v5.close();

    const { adapter } = openUpgraded(dbName);
    opened.push([adapter, dbName]);
    // 陈静's purchase of 2,980 yuan 12 days before the start (2026-10-29 in Shanghai), st-me's.
    const results = await adapter.getStaffResults({ from: '2026-10-29', to: '2026-10-29' });
    expect(results.totals.attributedSales).to.deep.equal({ coupon: 0, other: 298000 });
    expect(results.totals.attributedOrders).to.equal(1);
    // a replay of that order (its id is the activity's) is the stored purchase
    const replay = await adapter.recordPurchase({
      orderId: 'act-c1-purchase',
      customerId: 'c-1',
      storeId: 's-1',
      amount: 298000,
      at: new Date(Date.parse(CONFORMANCE_START) - 12 * 86_400_000).toISOString(),
    });
    expect(replay.attribution).to.equal('last-touch');
    adapter.close();
    const upgraded = await openDB(dbName);
    expect(upgraded.version).to.equal(DB_VERSION);
    expect([...upgraded.transaction('purchases').store.indexNames]).to.have.members(['byStaffAt', 'byCustomer']);
    expect([...upgraded.transaction('contactWays').store.indexNames]).to.have.members(['byStaff']);
    expect([...upgraded.transaction('activity').store.indexNames]).to.include('byStaffAt');
    expect([...upgraded.transaction('issuedCoupons').store.indexNames]).to.include('byStaff');
    expect([...upgraded.transaction('customers').store.indexNames]).to.include('byAddedBy');
    upgraded.close();
  });

  it("adds customers through a store rotation's contact-me code: in turn, with the add way and an added activity", async () => {
    const dbName = `results-way-${Date.now()}-${++n}`;
    const dataset = conformanceDataset();
    dataset.staff.find((person) => person.id === 'st-me')!.role = 'manager';
    const clock = createTestClock(CONFORMANCE_START);
    const adapter = createLocalAdapter({ dbName, dataset, clock: () => clock.now() });
    opened.push([adapter, dbName]);
    const way = await adapter.createContactWay({
      requestId: 'rotation-0001',
      staffIds: ['st-me', 'st-other'],
      state: 's-1_window',
    });
    const added = [];
    for (const name of ['甲', '乙', '丙'])
      added.push(await adapter.addCustomerByContactWay({ contactWayId: way.id, name }));
    expect(added.map((customer) => customer.ownerStaffId)).to.deep.equal(['st-me', 'st-other', 'st-me']);
    expect(added[0]!.addWay).to.deep.equal({ kind: 'contact-me', state: 's-1_window' });
    const customer = await adapter.getCustomer({ customerId: added[0]!.id });
    expect(customer.addWay).to.deep.equal({ kind: 'contact-me', state: 's-1_window' });
    const timeline = await adapter.listCustomerActivity({ customerId: added[0]!.id });
    expect(timeline.items.map((item) => [item.kind, item.staffId])).to.deep.equal([['added', 'st-me']]);
    const results = await adapter.getStaffResults({ from: '2026-11-10', to: '2026-11-10' });
    expect(results.totals.customersAddedByChannel).to.deep.equal([
      { kind: 'contact-me', state: 's-1_window', count: 2 },
    ]);
    expect((await adapter.listContactWays({ staffId: 'st-other' })).items.map((item) => item.id)).to.deep.equal([
      way.id,
    ]);
  });
});
