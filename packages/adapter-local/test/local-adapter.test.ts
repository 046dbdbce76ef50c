import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { adapterRejection } from '../../../test/helpers/rejection.js';
import { CONFORMANCE_START, conformanceDataset, createTestClock } from '@clienteling/adapter-testkit';
import { createLocalAdapter, DB_VERSION, type LocalAdapter, type LocalAdapterOptions } from '../src/index.js';
import { createVersion1, type LocalSchema } from '../src/schema.js';
import { openUpgraded, seededMeta } from './upgrade-kit.js';

let n = 0;
const opened: Array<[LocalAdapter, string]> = [];
const fresh = (options: LocalAdapterOptions = {}) => {
  const dbName = options.dbName ?? `local-${Date.now()}-${++n}`;
  const clock = createTestClock(CONFORMANCE_START);
  const adapter = createLocalAdapter({ dataset: conformanceDataset(), clock: () => clock.now(), ...options, dbName });
  opened.push([adapter, dbName]);
  return { adapter, dbName, clock };
};
const image = async (width: number, height: number, noise = false) => {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  if (noise) {
    const data = ctx.createImageData(width, height);
    for (let i = 0; i < data.data.length; i++) data.data[i] = ((i * 2654435761) >>> 24) ^ (i & 0xff);
    ctx.putImageData(data, 0, 0);
  } else ctx.fillRect(0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/png' });
};

afterEach(async () => {
  for (const [adapter, name] of opened.splice(0)) {
    adapter.close();
    await deleteDB(name);
  }
});

describe('createLocalAdapter', () => {
  it('seeds the generated dataset lazily when none is given', async function () {
    this.timeout(20_000);
    const { adapter } = fresh({ dataset: undefined });
    await adapter.ready;
    expect((await adapter.getCurrentStaff({})).id).to.equal('staff-01');
    const mine = await adapter.searchCustomers({ limit: 10 });
    expect(mine.items).to.have.length(10);
    expect(mine.total).to.be.within(200, 500);
    expect((await adapter.listGroups({ limit: 100 })).items).to.have.length(8);
    const big = await adapter.listGroupMembers({ groupId: 'group-staff', limit: 500 });
    expect(big.total).to.equal(2000);
    expect((await adapter.getGroup({ groupId: 'group-staff' })).memberCount).to.equal(2000);
  });

  it('calls a dataset function once, and clear() restores the seed', async () => {
    let calls = 0;
    const { adapter } = fresh({
      dataset: () => {
        calls++;
        return conformanceDataset();
      },
    });
    await adapter.markTags({ customerId: 'c-5', add: ['t-casual'], remove: [] });
    expect(calls).to.equal(1);
    await adapter.clear();
    expect((await adapter.getCustomer({ customerId: 'c-5' })).tagIds).to.deep.equal([]);
    expect(calls).to.equal(2);
  });

  it('reopens after close()', async () => {
    const { adapter } = fresh();
    await adapter.ready;
    adapter.close();
    expect((await adapter.getPolicy({})).momentsPerDay).to.equal(1);
  });

  it('lets another connection delete the database, then seeds it again', async () => {
    const { adapter, dbName } = fresh();
    await adapter.markTags({ customerId: 'c-5', add: ['t-casual'], remove: [] });
    await deleteDB(dbName);
    expect((await adapter.getCustomer({ customerId: 'c-5' })).tagIds).to.deep.equal([]);
  });

  it('reports its capabilities, with overrides', () => {
    const { adapter } = fresh({ capabilities: { uploadMedia: false } });
    expect(adapter.capabilities.uploadMedia).to.equal(false);
    expect(adapter.capabilities.issueCoupon).to.equal(true);
  });

  it('refuses a dataset whose coupon validity window exceeds 90 days', async () => {
    const dataset = conformanceDataset();
    dataset.couponStocks[0]!.validUntil = '2027-06-01T00:00:00.000Z';
    const { adapter } = fresh({ dataset });
    const error = await adapterRejection(adapter.getPolicy({}));
    expect([error.code, error.reason]).to.deep.equal(['invalid', 'validity-window']);
  });

  it('says not-found when the signed-in staff member is unknown, and invalid for a bad cursor', async () => {
    const { adapter } = fresh({ dataset: { ...conformanceDataset(), signedInStaffId: 'ghost' } });
    expect((await adapterRejection(adapter.getCurrentStaff({}))).code).to.equal('not-found');
    const error = await adapterRejection(adapter.searchCustomers({ cursor: 'not a cursor' }));
    expect([error.code, error.field]).to.deep.equal(['invalid', 'cursor']);
  });

  it('acts for the staff member of the signedInStaffId option instead of the dataset’s', async () => {
    const dataset = conformanceDataset();
    dataset.staff[1]!.role = 'manager';
    const { adapter } = fresh({ dataset, signedInStaffId: 'st-other' });
    expect((await adapter.getCurrentStaff({})).id).to.equal('st-other');
    expect((await adapter.searchCustomers({})).items.map((customer) => customer.id)).to.have.members([
      'c-other',
      'c-shared',
    ]);
    expect((await adapter.listStaff({})).items.map((item) => item.staff.id)).to.have.members([
      'st-me',
      'st-other',
      'st-new',
    ]);
  });

  it('finds groups by name', async () => {
    const { adapter } = fresh();
    expect((await adapter.listGroups({ query: '跑团' })).items.map((g) => g.id)).to.deep.equal(['g-member']);
  });

  it('fails a moment nobody in its audience can receive', async () => {
    const { adapter } = fresh();
    const m = await adapter.publishMoment({
      requestId: 'request-failed-1',
      draft: { text: '尺码 M 到货', audience: { type: 'tags', tagIds: ['t-m'] } },
    });
    expect(m.state).to.equal('submitted');
    const read = await adapter.getMoment({ momentId: m.id });
    expect(read.state).to.equal('failed');
    expect(read.failureReason).to.be.a('string');
  });

  it('shows an unused coupon as expired once its window has passed', async () => {
    const { adapter, clock } = fresh();
    clock.advance(30 * 86_400_000);
    expect((await adapter.listCustomerCoupons({ customerId: 'c-6' }))[0]!.status).to.equal('expired');
  });
});

describe('simulated network', () => {
  it('waits the simulated latency', async () => {
    const { adapter } = fresh({ latencyMs: [20, 40], random: () => 0.5 });
    await adapter.ready;
    const start = performance.now();
    await adapter.getPolicy({});
    expect(performance.now() - start).to.be.at.least(25);
  });

  it('fails before any change, so a retry with the same request id issues once', async () => {
    const script = [0.1];
    const { adapter } = fresh({ failureRate: 0.5, random: () => script.shift() ?? 0.9, latencyMs: 1 });
    const input = { requestId: 'request-retry-1', stockId: 'k-open', customerId: 'c-1' };
    const error = await adapterRejection(adapter.issueCoupon(input));
    expect([error.code, error.retryable, error.reason]).to.deep.equal(['unavailable', true, 'simulated']);
    expect(await adapter.listCustomerCoupons({ customerId: 'c-1' })).to.deep.equal([]);
    const coupon = await adapter.issueCoupon(input);
    expect((await adapter.issueCoupon(input)).id).to.equal(coupon.id);
    expect(await adapter.listCustomerCoupons({ customerId: 'c-1' })).to.have.length(1);
  });

  it('can fail uploads too', async () => {
    const { adapter } = fresh({ failureRate: 1 });
    expect((await adapterRejection(adapter.uploadMedia({ file: await image(2, 2), kind: 'image' }))).code).to.equal(
      'unavailable',
    );
  });
});

describe('two adapters on one database (two tabs)', () => {
  const pair = () => {
    const a = fresh();
    const b = fresh({ dbName: a.dbName });
    return [a.adapter, b.adapter] as const;
  };

  it('seed once when both start at the same time', async () => {
    const [a, b] = pair();
    const [pa, pb] = await Promise.all([a.searchCustomers({}), b.searchCustomers({})]);
    expect(pa.total).to.equal(8);
    expect(pb.total).to.equal(8);
  });

  it('never exceed the stock', async () => {
    const [a, b] = pair();
    await Promise.all([a.ready, b.ready]);
    const results = await Promise.allSettled(
      ['c-1', 'c-2', 'c-3', 'c-5'].map((customerId, i) =>
        (i % 2 ? a : b).issueCoupon({ requestId: `request-tabs-${i}`, stockId: 'k-last', customerId }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    expect((await a.listCouponStocks({ customerId: 'c-1' })).find((o) => o.id === 'k-last')!.remaining).to.equal(0);
  });

  it('never exceed the per-customer limit nor issue a request twice', async () => {
    const [a, b] = pair();
    await Promise.all([a.ready, b.ready]);
    const sends = [a, b, a, b].map((x, i) =>
      x.issueCoupon({ requestId: `request-limit-${i}`, stockId: 'k-open', customerId: 'c-2' }),
    );
    const retries = [a, b].map((x) =>
      x.issueCoupon({ requestId: 'request-same-0001', stockId: 'k-two', customerId: 'c-3' }),
    );
    const results = await Promise.allSettled(sends);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const [r1, r2] = await Promise.all(retries);
    expect(r1!.id).to.equal(r2!.id);
    expect(await b.listCustomerCoupons({ customerId: 'c-3' })).to.have.length(1);
  });
});

describe('schema upgrade', () => {
  it('upgrades a version-1 database and keeps its data and its idempotency', async () => {
    const dbName = `upgrade-${Date.now()}`;
    const dataset = conformanceDataset();
    const v1 = await openDB<LocalSchema>(dbName, 1, { upgrade: (db) => createVersion1(db) });
    const raw = v1 as unknown as import('idb').IDBPDatabase;
    const tx = raw.transaction(raw.objectStoreNames, 'readwrite');
    const put = (name: string, records: readonly object[]) => records.forEach((r) => void tx.objectStore(name).put(r));
    put('stores', dataset.stores);
    put('staff', dataset.staff);
    put('customers', dataset.customers);
    put('tagGroups', dataset.tagGroups);
    put('couponStocks', dataset.couponStocks);
    put('issuedCoupons', dataset.issuedCoupons);
    put('groups', dataset.groups);
    put('members', dataset.members);
    put('moments', dataset.moments);
    // A policy stored before version 4 has no task thresholds: the rules take the defaults.
    const {
      birthdayLeadDays: _birthday,
      couponExpiryLeadDays: _coupon,
      afterPurchaseDays: _purchase,
      greetingHours: _greeting,
      highValueSpend: _spend,
      quietDays: _quiet,
      ...oldPolicy
    } = dataset.policy;
    void tx.objectStore('meta').put(seededMeta(dataset, oldPolicy), 'dataset');
    await tx.done;
    expect([...v1.objectStoreNames]).not.to.include('requests');
    v1.close();

    const { adapter, clock } = openUpgraded(dbName);
    opened.push([adapter, dbName]);
    expect((await adapter.getCustomer({ customerId: 'c-1' })).name).to.equal('陈静');
    // a request made before the upgrade returns its first result, and conflicts with another payload
    const replay = await adapter.issueCoupon({ requestId: 'seed-request-0001', stockId: 'k-two', customerId: 'c-6' });
    expect(replay.id).to.equal('coupon-seeded');
    expect(
      (
        await adapterRejection(
          adapter.issueCoupon({ requestId: 'seed-request-0001', stockId: 'k-open', customerId: 'c-6' }),
        )
      ).code,
    ).to.equal('conflict');
    const moment = await adapter.publishMoment({
      requestId: 'seed-moment-0001',
      draft: { text: '秋冬新款到店', audience: { type: 'all' } },
    });
    expect(moment.id).to.equal('moment-old');
    expect((await adapter.getMomentQuota({})).used).to.equal(0);
    expect((await adapter.listCustomerCoupons({ customerId: 'c-6' })).map((c) => c.id)).to.deep.equal([
      'coupon-seeded',
    ]);
    // members moved into one roster per group
    expect((await adapter.getGroup({ groupId: 'g-big' })).memberCount).to.equal(30);
    expect((await adapter.listGroups({})).items.map((g) => g.id)).to.have.members([
      'g-full',
      'g-big',
      'g-admin',
      'g-member',
      'g-staff',
    ]);
    // version 3: every timeline starts empty and records what happens next
    expect((await adapter.listCustomerActivity({ customerId: 'c-2' })).items).to.deep.equal([]);
    await adapter.addCustomerNote({ requestId: 'upgrade-note-0001', customerId: 'c-2', text: '升级后第一条' });
    expect((await adapter.listCustomerActivity({ customerId: 'c-2' })).items.map((a) => a.kind)).to.deep.equal([
      'note',
    ]);
    // version 4: no task yet; the rules bring up what the old data holds (the held coupon ending in 3 days)
    expect((await adapter.listTasks({ bucket: 'today' })).counts).to.deep.equal({ today: 0, upcoming: 0, done: 0 });
    clock.advance(17 * 86_400_000);
    const today = await adapter.listTasks({ bucket: 'today' });
    expect(today.items.map((task) => [task.kind, task.customerId, task.couponId])).to.deep.equal([
      ['coupon-expiring', 'c-6', 'coupon-seeded'],
    ]);
    await adapter.completeTask({ taskId: today.items[0]!.id });
    expect((await adapter.listTasks({ bucket: 'done' })).counts).to.deep.equal({ today: 0, upcoming: 0, done: 1 });
    // version 5: transfers work on the old data (an associate is refused; a manager's view lists nothing yet)
    await adapter.listStaff({}).then(
      () => expect.fail('an associate lists no staff'),
      (error: { reason?: string }) => expect(error.reason).to.equal('not-manager'),
    );
    adapter.close();
    const upgraded = await openDB(dbName);
    expect(upgraded.version).to.equal(DB_VERSION);
    expect([...upgraded.objectStoreNames]).to.include.members(['requests', 'rosters', 'activity', 'tasks']);
    expect([...upgraded.transaction('tasks').store.indexNames]).to.have.members(['byStaff', 'byCustomer']);
    expect([...upgraded.transaction('transfers').store.indexNames]).to.have.members([
      'byCustomer',
      'byFrom',
      'byWaiting',
    ]);
    expect([...upgraded.objectStoreNames]).not.to.include('members');
    expect([...upgraded.transaction('issuedCoupons').store.indexNames]).to.include('byCustomer');
    upgraded.close();
  });
});

describe('uploadMedia', () => {
  it('returns a small image as a short cl-media: reference with its size and reports progress', async () => {
    const { adapter } = fresh();
    const file = await image(4, 3);
    const progress: number[] = [];
    const media = await adapter.uploadMedia({ file, kind: 'image', onProgress: (f) => progress.push(f) });
    expect(media.url).to.match(/^cl-media:media-\w{16}$/);
    expect([media.size, media.width, media.height]).to.deep.equal([file.size, 4, 3]);
    expect(progress).to.deep.equal([0, 0.5, 1]);
  });

  it('stores a photo of any size and resolves it after a reload', async function () {
    this.timeout(20_000);
    const { adapter, dbName, clock } = fresh();
    const file = await image(200, 200, true);
    expect(file.size).to.be.within(2048, 256 * 1024);
    const media = await adapter.uploadMedia({ file, kind: 'image' });
    expect(media.url.startsWith('cl-media:')).to.equal(true);
    const draft = {
      text: '新品',
      attachments: { kind: 'images' as const, images: [{ url: media.url, size: media.size }] },
      audience: { type: 'all' as const },
    };
    const posted = await adapter.publishMoment({ requestId: 'request-media-1', draft });
    const postedUrl = posted.attachments?.kind === 'images' ? posted.attachments.images[0]!.url : '';
    expect(postedUrl.startsWith('blob:')).to.equal(true);
    const stored = await openDB(dbName).then(async (db) => {
      const m = await db.get('moments', posted.id);
      db.close();
      return m as { attachments: { images: Array<{ url: string }> } };
    });
    expect(stored.attachments.images[0]!.url.startsWith('cl-media:')).to.equal(true);
    // a new page (a new adapter) gets a fresh object URL of the same bytes
    const reloaded = createLocalAdapter({ dbName, clock: () => clock.now(), dataset: conformanceDataset() });
    const read = await reloaded.getMoment({ momentId: posted.id });
    reloaded.close();
    const url = read.attachments?.kind === 'images' ? read.attachments.images[0]!.url : '';
    expect(url.startsWith('blob:')).to.equal(true);
    expect((await (await fetch(url)).blob()).size).to.equal(file.size);
  });

  it('refuses files of the wrong type, unreadable images and cancelled uploads', async () => {
    const { adapter } = fresh();
    const wrong = await adapterRejection(
      adapter.uploadMedia({ file: new Blob(['hi'], { type: 'text/plain' }), kind: 'image' }),
    );
    expect([wrong.code, wrong.reason]).to.deep.equal(['invalid', 'type']);
    const unreadable = await adapterRejection(
      adapter.uploadMedia({ file: new Blob([new Uint8Array(16)], { type: 'image/png' }), kind: 'image' }),
    );
    expect([unreadable.code, unreadable.reason]).to.deep.equal(['invalid', 'unreadable']);
    const controller = new AbortController();
    controller.abort();
    const aborted = await adapterRejection(
      adapter.uploadMedia({ file: await image(2, 2), kind: 'image', signal: controller.signal }),
    );
    expect([aborted.code, aborted.reason]).to.deep.equal(['unavailable', 'aborted']);
  });

  it('stores a video as a cl-media: reference', async () => {
    const { adapter } = fresh();
    const media = await adapter.uploadMedia({
      file: new Blob([new Uint8Array(1024)], { type: 'video/mp4' }),
      kind: 'video',
    });
    expect(media.url.startsWith('cl-media:')).to.equal(true);
    expect(media.size).to.equal(1024);
  });
});
