import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { CONFORMANCE_START, conformanceDataset, createTestClock } from '@clienteling/adapter-testkit';
import { createLocalAdapter, DB_VERSION, type LocalAdapter } from '../src/index.js';
import { generateSeed } from '../src/seed.js';
import { upgrade, type LocalSchema } from '../src/schema.js';
import { openUpgraded, seededMeta } from './upgrade-kit.js';

let n = 0;
const opened: Array<[LocalAdapter, string]> = [];
const content = { text: '周末会员日，全场八折', attachments: [] };
afterEach(async () => {
  for (const [adapter, name] of opened.splice(0)) {
    adapter.close();
    await deleteDB(name);
  }
});

describe('adapter-local broadcasts', () => {
  it('upgrades a version-7 database: the broadcast stores and their indexes, broadcasts on the old data', async () => {
    const dbName = `broadcasts-upgrade-${Date.now()}-${++n}`;
    const dataset = conformanceDataset();
    const v7 = await openDB<LocalSchema>(dbName, 7, { upgrade: (db, old, _new, tx) => upgrade(db, old, 7, tx) });
    expect([...v7.objectStoreNames]).not.to.include('broadcasts');
    const tx = v7.transaction(['meta', 'stores', 'staff', 'customers'], 'readwrite');
    for (const store of dataset.stores) void tx.objectStore('stores').put(store);
    for (const person of dataset.staff) void tx.objectStore('staff').put(person);
    for (const customer of dataset.customers) void tx.objectStore('customers').put(customer);
    void tx.objectStore('meta').put(seededMeta(dataset), 'dataset');
    await tx.done;
    v7.close();

    const { adapter, clock } = openUpgraded(dbName);
    opened.push([adapter, dbName]);
    expect((await adapter.listBroadcasts({})).items).to.deep.equal([]);
    const created = await adapter.createBroadcast({
      requestId: 'upgrade-broadcast-0001',
      audience: { type: 'customers', customerIds: ['c-1', 'c-4'] },
      content,
    });
    expect(created.counts).to.deep.include({ 'awaiting-confirmation': 1, skipped: 1 });
    await adapter.confirmBroadcast({ broadcastId: created.id });
    clock.advance(2000);
    expect((await adapter.getBroadcast({ broadcastId: created.id })).state).to.equal('done');
    adapter.close();
    const upgraded = await openDB(dbName);
    expect(upgraded.version).to.equal(DB_VERSION);
    expect([...upgraded.transaction('broadcasts').store.indexNames]).to.have.members(['byStaff', 'bySending']);
    expect([...upgraded.transaction('broadcastRecipients').store.indexNames]).to.have.members([
      'byBroadcast',
      'byCustomer',
    ]);
    upgraded.close();
  });

  it('sends 100 recipients a second after the confirmation, so a reader sees the progress', async () => {
    const dataset = conformanceDataset();
    const me = dataset.customers.find((customer) => customer.id === 'c-1')!;
    for (let i = 0; i < 250; i++) dataset.customers.push({ ...me, id: `c-many-${i}`, name: `顾客 ${i}` });
    const clock = createTestClock(CONFORMANCE_START);
    const dbName = `broadcasts-pace-${Date.now()}-${++n}`;
    const adapter = createLocalAdapter({ dbName, dataset, clock: () => clock.now() });
    opened.push([adapter, dbName]);
    const created = await adapter.createBroadcast({
      requestId: 'pace-broadcast-0001',
      audience: { type: 'all' },
      content,
    });
    const total = created.counts['awaiting-confirmation'];
    expect(total).to.equal(257);
    const confirmed = await adapter.confirmBroadcast({ broadcastId: created.id });
    expect([confirmed.state, confirmed.counts.pending, confirmed.counts.sent]).to.deep.equal(['sending', total, 0]);
    const sentAfter = async (ms: number) => {
      clock.set(new Date(Date.parse(CONFORMANCE_START) + ms));
      return (await adapter.getBroadcast({ broadcastId: created.id })).counts.sent;
    };
    expect(await sentAfter(999)).to.equal(0);
    expect(await sentAfter(1000)).to.equal(100);
    expect(await sentAfter(2500)).to.equal(200);
    const done = await adapter.getBroadcast({ broadcastId: created.id });
    expect(done.state).to.equal('sending');
    expect(await sentAfter(3000)).to.equal(total);
    const finished = await adapter.getBroadcast({ broadcastId: created.id });
    expect([finished.state, finished.completedAt]).to.deep.equal(['done', '2026-11-10T02:00:03.000Z']);
  });

  it('a recipient unreachable by the time it is sent fails, with the reason', async () => {
    const clock = createTestClock(CONFORMANCE_START);
    const dbName = `broadcasts-fail-${Date.now()}-${++n}`;
    const adapter = createLocalAdapter({ dbName, dataset: conformanceDataset(), clock: () => clock.now() });
    opened.push([adapter, dbName]);
    const created = await adapter.createBroadcast({
      requestId: 'fail-broadcast-0001',
      audience: { type: 'customers', customerIds: ['c-1', 'c-2'] },
      content,
    });
    await adapter.confirmBroadcast({ broadcastId: created.id });
    // c-2 deletes the associate before the sending: the rule engine tags them unreachable.
    const raw = await openDB<LocalSchema>(dbName, DB_VERSION);
    const customer = (await raw.get('customers', 'c-2'))!;
    await raw.put('customers', { ...customer, ruleTagIds: [...customer.ruleTagIds, 'rt-unreachable'] });
    raw.close();
    clock.advance(1000);
    const recipients = await adapter.listBroadcastRecipients({ broadcastId: created.id });
    const c2 = recipients.items.find((recipient) => recipient.customerId === 'c-2')!;
    expect([c2.status, c2.sentAt, typeof c2.failureReason]).to.deep.equal(['failed', undefined, 'string']);
    expect((await adapter.getBroadcast({ broadcastId: created.id })).counts).to.deep.include({ sent: 1, failed: 1 });
    expect(recipients.items.find((recipient) => recipient.customerId === 'c-1')!.status).to.equal('sent');
  });

  it('the seed tells the story: this morning’s broadcast reached some, a few refuse messages, the lost stay lost', async function () {
    this.timeout(30_000);
    const now = new Date('2026-11-10T06:00:00.000Z');
    const dataset = generateSeed({ now });
    const dbName = `broadcasts-seed-${Date.now()}-${++n}`;
    const adapter = createLocalAdapter({ dbName, dataset, clock: () => now });
    opened.push([adapter, dbName]);
    const listed = await adapter.listBroadcasts({});
    expect(listed.items.map((broadcast) => broadcast.state)).to.deep.equal(['done', 'done']);
    const today = listed.items[0]!;
    expect(Date.parse(today.createdAt)).to.be.within(Date.parse('2026-11-09T16:00:00.000Z'), now.getTime());
    const preview = await adapter.previewBroadcast({ audience: { type: 'all' } });
    expect(preview.skippedByReason['limit-reached']).to.equal(today.counts.sent);
    expect(preview.skippedByReason['limit-reached']).to.be.greaterThan(10);
    expect(preview.skippedByReason.unsubscribed).to.equal(4);
    expect(preview.skippedByReason.unreachable).to.be.greaterThan(0);
    expect(preview.recipientCount).to.be.greaterThan(200);
  });
});
