/**
 * The transfer cases (issue 22): a manager hands a departing associate's customers and groups to a
 * successor. Batches of at most 100 with each customer's status, select all across pages, on-job
 * takeovers 24 h later on the injected clock (and a refusal), each customer at most twice in 90 days
 * with the boundary exact, the successor's cap, groups in limited batches per day, who may transfer,
 * and the customer's tags, timeline and coupons kept under the successor. Registered by
 * {@link conformanceCases} through {@link defineTransferCases}.
 *
 * Each case prepares its dataset ({@link transferWorld}): the signed-in 王丽 (st-me) is the store's
 * manager and the successor the cases read back as; 张伟 (st-leave) is leaving with 250 customers and
 * three groups; 钱坤 (st-far) works in another store.
 */
import { LIMITS, type Customer, type Transfer, type TransferMode } from '@clienteling/core';
import type { Dataset } from '@clienteling/adapter-local/seed.js';
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

/** The refusing customers' rule tag (core/backend.js `REFUSES_TRANSFER_TAG_ID`). */
const REFUSES_TRANSFER_TAG_ID = 'rt-refuses-transfer';

export const transferIds = {
  manager: ids.me,
  leaving: 'st-leave',
  farAway: 'st-far',
  /** 张伟's 250 customers, `c-leave-001` to `c-leave-250`. */
  leavingCustomers: Array.from({ length: 250 }, (_, i) => `c-leave-${String(i + 1).padStart(3, '0')}`),
  /** One of them refuses to be taken over. */
  refuses: 'c-leave-250',
  /** One of them carries tags, a coupon and a history. */
  rich: 'c-leave-001',
  groups: ['g-leave-1', 'g-leave-2', 'g-leave-3'],
  farCustomer: 'c-far',
} as const;

/** The transfer world on top of the conformance dataset (see the file's comment). */
export function transferWorld(dataset: Dataset, policy: Partial<Dataset['policy']> = {}): void {
  Object.assign(dataset.policy, { customerCap: 2000, groupTransfersPerDay: 20 }, policy);
  const me = dataset.staff.find((person) => person.id === ids.me)!;
  me.role = 'manager';
  me.position = '店长';
  const store = me.store!;
  const farStore = { id: 's-2', name: '淮海中路店', city: '上海' };
  dataset.stores.push(farStore);
  const base = dataset.staff.find((person) => person.id === ids.other)!;
  dataset.staff.push(
    { ...base, id: transferIds.leaving, name: '张伟', store },
    { ...base, id: transferIds.farAway, name: '钱坤', store: farStore, role: 'manager' },
  );
  const customer = (id: string, ownerStaffId: string, i: number, over: Partial<Customer> = {}): Customer => ({
    id,
    name: `顾客${i}`,
    ownerStaffId,
    addedAt: iso(start - (300 - i) * HOUR),
    tagIds: [],
    ruleTagIds: [],
    ...over,
  });
  transferIds.leavingCustomers.forEach((id, i) =>
    dataset.customers.push(
      customer(id, transferIds.leaving, i + 1, {
        ...(id === transferIds.rich ? { tagIds: ['t-sport', 't-m'], remark: '老顾客' } : {}),
        ...(id === transferIds.refuses ? { ruleTagIds: [REFUSES_TRANSFER_TAG_ID] } : {}),
      }),
    ),
  );
  dataset.customers.push(customer(transferIds.farCustomer, transferIds.farAway, 999));
  dataset.issuedCoupons.push({
    ...dataset.issuedCoupons[0]!,
    id: 'coupon-leave',
    code: 'CL-LEAVE-0001',
    customerId: transferIds.rich,
    staffId: transferIds.leaving,
    requestId: 'seed-request-leave',
  });
  dataset.activity = [
    ...(dataset.activity ?? []),
    {
      id: 'act-leave-note',
      customerId: transferIds.rich,
      kind: 'note',
      at: iso(start - 5 * DAY),
      staffId: transferIds.leaving,
      text: '喜欢蓝色',
    },
  ];
  for (const [i, groupId] of transferIds.groups.entries()) {
    dataset.groups.push({
      id: groupId,
      name: `张伟的群 ${i + 1}`,
      kind: 'external',
      ownerId: transferIds.leaving,
      ownerName: '张伟',
      memberCount: 2,
      memberCap: 500,
      createdAt: iso(start - (20 + i) * DAY),
      viewerRole: 'none',
    });
    dataset.members.push(
      {
        id: transferIds.leaving,
        groupId,
        type: 'staff',
        name: '张伟',
        companyName: '东方百货',
        role: 'owner',
        joinedAt: iso(start - (20 + i) * DAY),
        joinScene: 'invited',
      },
      {
        id: transferIds.rich,
        groupId,
        type: 'customer',
        name: '顾客1',
        role: 'member',
        joinedAt: iso(start - 10 * DAY),
        joinScene: 'qrcode',
      },
    );
  }
}

type Selection = { customerIds?: string[]; groupIds?: string[]; allCustomers?: boolean; query?: string };
const selection = (mode: TransferMode, chosen: Selection, from: string = transferIds.leaving, to: string = ids.me) => ({
  fromStaffId: from,
  toStaffId: to,
  mode,
  ...chosen,
});
const transfer = (harness: Harness, mode: TransferMode, chosen: Selection, from?: string, to?: string) =>
  harness.call('transferCustomers', {
    requestId: harness.rid(),
    ...selection(mode, chosen, from, to),
    ...(mode === 'on-job' ? { message: '您好，我是新的专属顾问，后续由我为您服务。' } : {}),
  });
const statusOf = (result: Transfer, customerId: string) =>
  result.customers.find((customer) => customer.customerId === customerId)?.status;
/** One staff member's summary from `listStaff`. */
async function summaryOf(harness: Harness, staffId: string) {
  const page = await harness.call('listStaff', { limit: 50 });
  const found = page.items.find((item) => item.staff.id === staffId);
  check(found, `listStaff lists ${staffId}`);
  return found!;
}

/** Registers the transfer cases in group `transfers`. */
export function defineTransferCases(define: DefineCase): void {
  define(
    'transfers',
    'only a manager of the same store lists staff, previews, transfers and lists transfers',
    async (harness) => {
      const chosen = selection('resigned', { customerIds: ['c-other'] }, ids.other, ids.me);
      await harness.rejects(harness.call('listStaff', {}), 'forbidden', 'not-manager');
      await harness.rejects(harness.call('previewTransfer', chosen), 'forbidden', 'not-manager');
      await harness.rejects(
        harness.call('transferCustomers', { requestId: harness.rid(), ...chosen }),
        'forbidden',
        'not-manager',
      );
      await harness.rejects(harness.call('listTransfers', {}), 'forbidden', 'not-manager');
    },
  );

  define(
    'transfers',
    "a manager cannot transfer another store's staff, nor list them",
    async (harness) => {
      const away = selection('resigned', { customerIds: [transferIds.farCustomer] }, transferIds.farAway, ids.me);
      await harness.rejects(harness.call('previewTransfer', away), 'forbidden', 'other-store');
      await harness.rejects(
        harness.call('transferCustomers', { requestId: harness.rid(), ...away }),
        'forbidden',
        'other-store',
      );
      const toAway = selection(
        'resigned',
        { customerIds: [transferIds.rich] },
        transferIds.leaving,
        transferIds.farAway,
      );
      await harness.rejects(harness.call('previewTransfer', toAway), 'forbidden', 'other-store');
      await harness.rejects(harness.call('listStaff', { storeId: 's-2' }), 'forbidden', 'other-store');
      await harness.rejects(
        harness.call('listTransfers', { fromStaffId: transferIds.farAway }),
        'forbidden',
        'other-store',
      );
      const page = await harness.call('listStaff', { limit: 50 });
      check(!page.items.some((item) => item.staff.id === transferIds.farAway), 'listStaff hides another store');
      const customer = await harness.call('getCustomer', { customerId: ids.mine[0] });
      same(customer.ownerStaffId, ids.me, 'nothing moved');
    },
    (dataset) => transferWorld(dataset),
  );

  define(
    'transfers',
    'listStaff: the store staff by name with customer counts and the cap, keyset pages and search',
    async (harness) => {
      const all = await harness.call('listStaff', { limit: 50 });
      same(
        all.items.map((item) => item.staff.id).sort(),
        [ids.me, ids.other, ids.unverified, transferIds.leaving].sort(),
        'the store staff',
      );
      const leaving = all.items.find((item) => item.staff.id === transferIds.leaving)!;
      same([leaving.customerCount, leaving.incomingCount, leaving.customerCap], [250, 0, 2000], '张伟 counts');
      same(all.items.find((item) => item.staff.id === ids.me)!.staff.role, 'manager', "王丽's role");
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ staff: { id: string } }>; nextCursor: string | null } = await harness.call(
          'listStaff',
          { cursor, limit: 3 },
        );
        check(page.items.length <= 3, 'a page holds at most limit');
        seen.push(...page.items.map((item) => item.staff.id));
        cursor = page.nextCursor;
      } while (cursor);
      same(
        seen,
        all.items.map((item) => item.staff.id),
        'pages in the order of one long page',
      );
      const found = await harness.call('listStaff', { query: '张' });
      same(
        found.items.map((item) => item.staff.id),
        [transferIds.leaving],
        'search by name',
      );
    },
    (dataset) => transferWorld(dataset),
  );

  define(
    'transfers',
    'all 250 customers (select all across pages) go in batches of 100 and keep their tags, timeline and coupons',
    async (harness) => {
      const chosen = selection('resigned', { allCustomers: true, customerIds: [transferIds.rich] });
      const preview = await harness.call('previewTransfer', chosen);
      same(
        preview.customers.map((customer) => customer.customerId).sort(),
        [...transferIds.leavingCustomers].sort(),
        'every customer of 张伟, once',
      );
      same([preview.counts.ok, preview.batches], [250, 3], 'ok and batches');
      const requestId = harness.rid();
      const input = { requestId, ...chosen };
      const result = await harness.call('transferCustomers', input);
      same(result.counts.done, 250, 'done at once (resigned)');
      const perBatch = [0, 1, 2].map((batch) => result.customers.filter((customer) => customer.batch === batch).length);
      same(perBatch, [100, 100, 50], 'customers per platform request');
      check(
        result.customers.every((customer) => customer.status === 'done' && customer.settledAt === result.createdAt),
        'each customer done when the transfer was made',
      );
      same(result.completesAt, result.createdAt, 'a resigned transfer completes at once');
      const again = await harness.call('transferCustomers', input);
      same(again.id, result.id, 'the same request id answers the first transfer');
      await harness.rejects(harness.call('transferCustomers', { ...input, allCustomers: false }), 'conflict');
      same((await summaryOf(harness, transferIds.leaving)).customerCount, 0, '张伟 has no customer left');
      same((await summaryOf(harness, ids.me)).customerCount, 258, '王丽 has hers and his');
      const customer = await harness.call('getCustomer', { customerId: transferIds.rich });
      same([customer.ownerStaffId, customer.tagIds, customer.remark], [ids.me, ['t-sport', 't-m'], '老顾客'], 'kept');
      check(!(customer.followerStaffIds ?? []).includes(transferIds.leaving), '张伟 no longer follows');
      const timeline = await harness.call('listCustomerActivity', { customerId: transferIds.rich });
      same(
        timeline.items.map((entry) => entry.kind),
        ['transferred', 'note'],
        'the timeline, with its transfer',
      );
      const moved = timeline.items[0]!;
      check(
        moved.kind === 'transferred' && moved.fromStaffId === transferIds.leaving && moved.toStaffId === ids.me,
        `the transferred entry: ${show(moved)}`,
      );
      same(
        (await harness.call('listCustomerCoupons', { customerId: transferIds.rich })).map((coupon) => coupon.id),
        ['coupon-leave'],
        'coupons',
      );
      same((await harness.call('previewTransfer', chosen)).counts.ok, 0, 'nothing left to transfer');
    },
    (dataset) => transferWorld(dataset),
  );

  define(
    'transfers',
    "a manager searches a store associate's customers by name and tag, and selects all of a filtered list",
    async (harness) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Customer[]; nextCursor: string | null } = await harness.call('searchCustomers', {
          staffId: transferIds.leaving,
          cursor,
          limit: 100,
        });
        seen.push(...page.items.map((customer) => customer.id));
        cursor = page.nextCursor;
      } while (cursor);
      same(seen.sort(), [...transferIds.leavingCustomers].sort(), "张伟's customers, page by page");
      const tagged = await harness.call('searchCustomers', { staffId: transferIds.leaving, tagIds: ['t-m', 't-l'] });
      same(
        tagged.items.map((customer) => customer.id),
        [transferIds.rich],
        'carrying one of the tags',
      );
      const named = await harness.call('searchCustomers', { staffId: transferIds.leaving, query: '顾客25' });
      same(named.items.map((customer) => customer.id).sort(), ['c-leave-025', 'c-leave-250'], 'by name');
      const mine = await harness.call('searchCustomers', { tagIds: ['t-sport'] });
      same(mine.items.map((customer) => customer.id).sort(), ['c-1', 'c-4'], "the manager's own, by tag");
      await harness.rejects(
        harness.call('searchCustomers', { staffId: transferIds.farAway }),
        'forbidden',
        'other-store',
      );
      const preview = await harness.call(
        'previewTransfer',
        selection('on-job', { allCustomers: true, query: '顾客25' }),
      );
      same(
        preview.customers.map((customer) => customer.customerId),
        ['c-leave-025', 'c-leave-250'],
        'select all of the filtered list',
      );
    },
    (dataset) => transferWorld(dataset),
  );

  define(
    'transfers',
    "a manager lists the groups a store associate owns (what a hand-over can move), not another store's",
    async (harness) => {
      const theirs = await harness.call('listGroups', { staffId: transferIds.leaving, limit: 50 });
      same(
        theirs.items.map((group) => group.id).sort(),
        [...transferIds.groups].sort(),
        "张伟's groups, and none he is only a member of",
      );
      for (const group of theirs.items) same(group.ownerId, transferIds.leaving, `${group.id} is owned by 张伟`);
      const named = await harness.call('listGroups', { staffId: transferIds.leaving, query: theirs.items[0]!.name });
      same(
        named.items.map((group) => group.id),
        [theirs.items[0]!.id],
        'searched by name',
      );
      const mine = await harness.call('listGroups', {});
      same(
        mine.items.some((group) => (transferIds.groups as readonly string[]).includes(group.id)),
        false,
        "the manager's own list is unchanged",
      );
      await harness.rejects(harness.call('listGroups', { staffId: transferIds.farAway }), 'forbidden', 'other-store');
    },
    (dataset) => transferWorld(dataset),
  );

  define('transfers', "an associate cannot list another associate's groups", async (harness) => {
    await harness.rejects(harness.call('listGroups', { staffId: ids.other }), 'forbidden', 'not-manager');
  });

  define('transfers', "an associate cannot search another associate's customers", async (harness) => {
    await harness.rejects(harness.call('searchCustomers', { staffId: ids.other }), 'forbidden', 'not-manager');
  });

  define(
    'transfers',
    'a selection names at most 1,000 customers, something, and another successor',
    async (harness) => {
      const many = Array.from({ length: LIMITS.transferSelectionMax + 1 }, (_, i) => `c-x-${i}`);
      await harness.rejects(harness.call('previewTransfer', selection('on-job', { customerIds: many })), 'invalid');
      await harness.rejects(harness.call('previewTransfer', selection('on-job', {})), 'invalid');
      await harness.rejects(
        harness.call('previewTransfer', selection('on-job', { customerIds: ['c-1'] }, ids.me, ids.me)),
        'invalid',
      );
      await harness.rejects(
        harness.call('transferCustomers', {
          requestId: harness.rid(),
          ...selection('on-job', { customerIds: [transferIds.rich] }),
          message: '好'.repeat(LIMITS.transferMessageMaxLength + 1),
        }),
        'invalid',
      );
      const thousand = await harness.call(
        'previewTransfer',
        selection('on-job', { customerIds: [...many.slice(0, 999), transferIds.rich] }),
      );
      same([thousand.counts.ok, thousand.counts['not-owned']], [1, 999], 'unknown customers are not-owned');
    },
    (dataset) => transferWorld(dataset),
  );

  define(
    'transfers',
    'on-job: waiting until 24 h after the request, then done; a refusing customer stays',
    async (harness) => {
      const chosen = [transferIds.rich, 'c-leave-002', transferIds.refuses];
      const result = await transfer(harness, 'on-job', { customerIds: chosen });
      same(
        result.customers.map((customer) => customer.status),
        ['waiting', 'waiting', 'waiting'],
        'waiting',
      );
      same(result.completesAt, iso(start + DAY), 'completes 24 h later');
      check(result.message?.startsWith('您好'), 'the message is kept');
      same((await summaryOf(harness, ids.me)).incomingCount, 3, 'on their way to 王丽');
      same(
        (await harness.call('previewTransfer', selection('on-job', { customerIds: chosen }))).counts['in-transfer'],
        3,
        'in a transfer while waiting',
      );
      await harness.rejects(harness.call('listCustomerActivity', { customerId: transferIds.rich }), [
        'not-found',
        'forbidden',
      ]);
      harness.clock.set(iso(start + DAY - MINUTE));
      const before = await harness.call('getTransfer', { transferId: result.id });
      same(before.counts.waiting, 3, 'still waiting a minute before');
      harness.clock.set(iso(start + DAY));
      const after = await harness.call('getTransfer', { transferId: result.id });
      same(
        chosen.map((id) => statusOf(after, id)),
        ['done', 'done', 'refused'],
        'at 24 h',
      );
      check(
        after.customers.every((customer) => customer.settledAt === after.completesAt),
        'settled when the takeover completed',
      );
      same(after.counts, { ...emptyCounts, done: 2, refused: 1 }, 'counts');
      const customer = await harness.call('getCustomer', { customerId: transferIds.rich });
      same(customer.ownerStaffId, ids.me, 'taken over');
      const [latest] = (await harness.call('listCustomerActivity', { customerId: transferIds.rich })).items;
      check(latest?.kind === 'transferred' && latest.at === iso(start + DAY), `transferred at 24 h: ${show(latest)}`);
      const leaving = await summaryOf(harness, transferIds.leaving);
      same([leaving.customerCount, (await summaryOf(harness, ids.me)).incomingCount], [248, 0], 'the refusal stays');
      const listed = await harness.call('listTransfers', {});
      same(listed.items[0]?.counts.done, 2, 'listTransfers shows the statuses of now');
    },
    (dataset) => transferWorld(dataset),
  );

  define(
    'transfers',
    'on-job: each customer at most twice in 90 days, exactly at the boundary; resigned is not counted',
    async (harness) => {
      const customerIds = [transferIds.rich];
      await transfer(harness, 'on-job', { customerIds });
      harness.clock.set(iso(start + DAY));
      await transfer(harness, 'on-job', { customerIds }, ids.me, transferIds.leaving);
      harness.clock.set(iso(start + 2 * DAY));
      const owner = (await harness.call('listStaff', { limit: 50 })).items.find(
        (item) => item.staff.id === transferIds.leaving,
      )!;
      same(owner.customerCount, 250, 'back with 张伟 after two transfers');
      const third = selection('on-job', { customerIds });
      same(
        (await harness.call('previewTransfer', third)).customers,
        [{ customerId: transferIds.rich, status: 'too-frequent' }],
        'a third within 90 days',
      );
      const refused = await transfer(harness, 'on-job', { customerIds });
      same(statusOf(refused, transferIds.rich), 'too-frequent', 'the transfer answers it');
      same(refused.counts['too-frequent'], 1, 'and counts it');
      same(refused.customers[0]!.batch, undefined, 'not sent');
      same(
        (await harness.call('previewTransfer', selection('resigned', { customerIds }))).counts.ok,
        1,
        'resigned is not bound by it',
      );
      harness.clock.set(iso(start + 90 * DAY - 1));
      same(
        (await harness.call('previewTransfer', third)).customers[0]!.status,
        'too-frequent',
        'a millisecond before 90 days',
      );
      harness.clock.set(iso(start + 90 * DAY));
      same((await harness.call('previewTransfer', third)).customers[0]!.status, 'ok', 'at 90 days');
      const fourth = await transfer(harness, 'on-job', { customerIds });
      same(statusOf(fourth, transferIds.rich), 'waiting', 'sent at 90 days');
    },
    (dataset) => transferWorld(dataset),
  );

  define(
    'transfers',
    "a dataset's earlier transfers count for the 90-day rule and are listed",
    async (harness) => {
      const again = selection('on-job', { customerIds: [transferIds.rich] });
      same((await harness.call('previewTransfer', again)).customers[0]!.status, 'too-frequent', '60 and 30 days ago');
      const listed = await harness.call('listTransfers', { fromStaffId: transferIds.leaving });
      same(
        listed.items.map((item) => item.id),
        ['transfer-earlier-1'],
        'the earlier transfer from 张伟',
      );
      harness.clock.set(iso(start + 30 * DAY));
      same((await harness.call('previewTransfer', again)).counts.ok, 1, '90 days after the first');
    },
    (dataset) => {
      transferWorld(dataset);
      const earlier = (n: number, daysAgo: number, from: string, to: string): Transfer => {
        const completesAt = iso(start - daysAgo * DAY + DAY);
        return {
          id: `transfer-earlier-${n}`,
          requestId: `earlier-request-000${n}`,
          mode: 'on-job',
          fromStaffId: from,
          toStaffId: to,
          staffId: ids.me,
          createdAt: iso(start - daysAgo * DAY),
          completesAt,
          customers: [{ customerId: transferIds.rich, status: 'done', batch: 0, settledAt: completesAt }],
          groups: [],
          counts: { ...emptyCounts, done: 1 },
        };
      };
      // To 李强 and back: 张伟 owns the customer again.
      dataset.transfers = [
        earlier(1, 60, transferIds.leaving, ids.other),
        earlier(2, 30, ids.other, transferIds.leaving),
      ];
    },
  );

  define(
    'transfers',
    'the successor takes customers up to their cap, counting those on their way',
    async (harness) => {
      // 王丽 owns 8 customers; the cap is 12: room for 4.
      const first = await transfer(harness, 'on-job', { customerIds: transferIds.leavingCustomers.slice(0, 3) });
      same(first.counts.waiting, 3, 'three on their way');
      const chosen = transferIds.leavingCustomers.slice(3, 6);
      const preview = await harness.call('previewTransfer', selection('on-job', { customerIds: chosen }));
      same(
        preview.customers.map((customer) => customer.status),
        ['ok', 'successor-over-cap', 'successor-over-cap'],
        'room for one more',
      );
      same(
        [preview.successor.customerCount, preview.successor.incomingCount, preview.successor.customerCap],
        [8, 3, 12],
        'the successor as the preview saw them',
      );
      same(preview.batches, 1, 'one request');
      const result = await transfer(harness, 'resigned', { customerIds: chosen });
      same(
        chosen.map((id) => statusOf(result, id)),
        ['done', 'successor-over-cap', 'successor-over-cap'],
        'the transfer keeps the cap',
      );
      same((await summaryOf(harness, transferIds.leaving)).customerCount, 249, 'the others stay');
      const other = await harness.call(
        'previewTransfer',
        selection('resigned', { customerIds: chosen }, transferIds.leaving, ids.other),
      );
      same(other.counts.ok, 2, 'another successor has room');
    },
    (dataset) => transferWorld(dataset, { customerCap: 12 }),
  );

  define(
    'transfers',
    'groups move at once, at most groupTransfersPerDay a day, and only the departing associate’s',
    async (harness) => {
      const groupIds = [...transferIds.groups, 'g-admin'];
      const preview = await harness.call('previewTransfer', selection('resigned', { groupIds }));
      same(
        preview.groups.map((group) => group.status),
        ['ok', 'ok', 'limited', 'not-owned'],
        'preview',
      );
      same(preview.customers, [], 'no customer chosen');
      const result = await transfer(harness, 'resigned', { groupIds });
      same(
        result.groups.map((group) => group.status),
        ['done', 'done', 'limited', 'not-owned'],
        'transfer',
      );
      const moved = await harness.call('getGroup', { groupId: transferIds.groups[0] });
      same([moved.ownerId, moved.viewerRole], [ids.me, 'owner'], 'owned by the successor');
      const members = await harness.call('listGroupMembers', { groupId: transferIds.groups[0], limit: 50 });
      same(
        members.items.find((member) => member.id === transferIds.leaving)?.role,
        'member',
        'the departing associate stays a member',
      );
      same(
        (await harness.call('previewTransfer', selection('resigned', { groupIds: [transferIds.groups[2]] }))).groups[0]!
          .status,
        'limited',
        'still limited today',
      );
      harness.clock.set('2026-11-11T00:00:00+08:00');
      const tomorrow = await transfer(harness, 'resigned', { groupIds: [transferIds.groups[2]] });
      same(tomorrow.groups[0]!.status, 'done', 'the next day in the store’s time zone');
    },
    (dataset) => transferWorld(dataset, { groupTransfersPerDay: 2 }),
  );

  define(
    'transfers',
    'listTransfers: newest first in keyset pages, by departing associate; getTransfer',
    async (harness) => {
      const made: string[] = [];
      for (const [i, customerId] of transferIds.leavingCustomers.slice(0, 4).entries()) {
        harness.clock.set(iso(start + i * HOUR));
        made.push((await transfer(harness, 'on-job', { customerIds: [customerId] })).id);
      }
      harness.clock.set(iso(start + 4 * HOUR));
      made.push((await transfer(harness, 'resigned', { customerIds: ['c-other'] }, ids.other, ids.me)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Transfer[]; nextCursor: string | null } = await harness.call('listTransfers', {
          cursor,
          limit: 2,
        });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      same(seen, [...made].reverse(), 'newest first');
      const his = await harness.call('listTransfers', { fromStaffId: transferIds.leaving });
      same(
        his.items.map((item) => item.id),
        made.slice(0, 4).reverse(),
        'of 张伟',
      );
      same((await harness.call('getTransfer', { transferId: made[0]! })).id, made[0], 'getTransfer');
      await harness.rejects(harness.call('getTransfer', { transferId: 'transfer-unknown' }), 'not-found');
    },
    (dataset) => transferWorld(dataset),
  );
}

const emptyCounts: Transfer['counts'] = {
  waiting: 0,
  done: 0,
  refused: 0,
  'too-frequent': 0,
  'successor-over-cap': 0,
  'not-owned': 0,
  'in-transfer': 0,
};
