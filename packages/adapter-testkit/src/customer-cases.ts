/**
 * The customer cases: the profile an associate sees and edits (`updateCustomer`), and the timeline
 * (`listCustomerActivity`, `addCustomerNote`) that every change of a customer writes in the same
 * transaction. Registered by {@link conformanceCases} through {@link defineCustomerCases}.
 */
import { LIMITS, type ActivityKind, type CustomerActivity } from '@clienteling/core';
import { ConformanceError, type Harness } from './cases.js';
import { ids } from './dataset.js';
import type { DefineCase } from './media-cases.js';

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new ConformanceError(message);
};
/** JSON with keys sorted: a backend may store a document with its keys in another order (jsonb). */
const show = (value: unknown) =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
const same = (actual: unknown, expected: unknown, what: string) =>
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);

/** One second: cases advance the clock between changes, so that "newest first" has one answer. */
const SECOND = 1000;

/** Every activity of a customer, newest first, read page by page. */
async function timeline(harness: Harness, customerId: string, kinds?: ActivityKind[]): Promise<CustomerActivity[]> {
  const entries: CustomerActivity[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: CustomerActivity[]; nextCursor: string | null } = await harness.call('listCustomerActivity', {
      customerId,
      cursor,
      limit: 50,
      ...(kinds ? { kinds } : {}),
    });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}
const kindsOf = (entries: CustomerActivity[]) => entries.map((entry) => entry.kind);
const pick = <K extends ActivityKind>(entry: CustomerActivity | undefined, kind: K) => {
  check(entry?.kind === kind, `expected a ${kind} activity, got ${show(entry)}`);
  return entry as Extract<CustomerActivity, { kind: K }>;
};

/** Registers the customer cases in group `customers`. */
export function defineCustomerCases(define: DefineCase): void {
  /* ---------------------------------------------------------------- the profile */
  define('customers', 'getCustomer carries the profile the backend has', async (harness) => {
    const customer = await harness.call('getCustomer', { customerId: 'c-1' });
    const given = harness.dataset.customers.find((candidate) => candidate.id === 'c-1')!;
    same(
      [customer.type, customer.corpName, customer.remarkCompany, customer.description, customer.remarkPhones],
      [given.type, given.corpName, given.remarkCompany, given.description, given.remarkPhones],
      'type, company, description, phones',
    );
    same([customer.addedBy, customer.addWay], [ids.me, { kind: 'contact-me', state: 'store-s-1' }], 'added by, how');
    same(customer.followerStaffIds, [ids.me], 'followers');
    same(customer.importantDates, given.importantDates, 'important dates');
    if (harness.adapter.capabilities.purchaseData) same(customer.purchases, given.purchases, 'purchases');
    else same(customer.purchases, undefined, 'purchases of an adapter without purchase data');
  });

  define('customers', 'the timeline holds the history the backend started with, oldest last', async (harness) => {
    const history = await timeline(harness, 'c-1');
    same(kindsOf(history), ['purchase', 'added'], 'kinds');
    const purchase = pick(history[0], 'purchase');
    same([purchase.amount, purchase.storeId, purchase.attributedStaffId], [298000, 's-1', ids.me], 'purchase');
    same(pick(history[1], 'added').addWay, { kind: 'contact-me', state: 'store-s-1' }, 'how the customer was added');
    same(kindsOf(await timeline(harness, 'c-1', ['purchase'])), ['purchase'], 'purchases only');
  });

  define(
    'customers',
    'updateCustomer changes only the fields given, and clears with an empty value',
    async (harness) => {
      const updated = await harness.call('updateCustomer', { customerId: 'c-1', remark: '跑步达人', remarkPhones: [] });
      same([updated.remark, updated.remarkPhones], ['跑步达人', undefined], 'remark set, phones cleared');
      same([updated.description, updated.remarkCompany], ['喜欢跑步，周末常来店', '蓝天科技'], 'untouched fields');
      same(updated.tagIds, ['t-age-26', 't-sport'], 'tags untouched');
      const read = await harness.call('getCustomer', { customerId: 'c-1' });
      same(
        [read.remark, read.remarkPhones, read.description],
        ['跑步达人', undefined, updated.description],
        'read back',
      );
      const cleared = await harness.call('updateCustomer', { customerId: 'c-1', description: '' });
      same(cleared.description, undefined, 'description cleared');
    },
  );

  define('customers', 'updateCustomer keeps the platform limits', async (harness) => {
    const at = (length: number) => '备'.repeat(length);
    const remark = await harness.rejects(
      harness.adapter.updateCustomer({ customerId: 'c-2', remark: at(LIMITS.remarkMaxLength + 1) }),
      'invalid',
    );
    same(remark.field, 'remark', 'field of a long remark');
    const description = await harness.rejects(
      harness.adapter.updateCustomer({ customerId: 'c-2', description: at(LIMITS.descriptionMaxLength + 1) }),
      'invalid',
    );
    same(description.field, 'description', 'field of a long description');
    const company = await harness.rejects(
      harness.adapter.updateCustomer({ customerId: 'c-2', remarkCompany: at(LIMITS.remarkCompanyMaxLength + 1) }),
      'invalid',
    );
    same(company.field, 'remarkCompany', 'field of a long company');
    const phones = Array.from({ length: LIMITS.remarkPhonesMax + 1 }, (_, i) => `1380013800${i}`);
    await harness.rejects(harness.adapter.updateCustomer({ customerId: 'c-2', remarkPhones: phones }), 'invalid');
    await harness.rejects(harness.adapter.updateCustomer({ customerId: 'c-2' }), 'invalid');
    same(await timeline(harness, 'c-2'), [], 'no activity from refused updates');
    const longest = await harness.call('updateCustomer', {
      customerId: 'c-2',
      remark: at(LIMITS.remarkMaxLength),
      description: at(LIMITS.descriptionMaxLength),
      remarkCompany: at(LIMITS.remarkCompanyMaxLength),
      remarkPhones: phones.slice(1),
    });
    same(longest.remark, at(LIMITS.remarkMaxLength), 'a remark at the limit');
  });

  define('customers', 'only a following associate edits a customer or reads its timeline', async (harness) => {
    await harness.rejects(harness.adapter.updateCustomer({ customerId: ids.othersCustomer, remark: '不是我的' }), [
      'forbidden',
      'not-found',
    ]);
    await harness.rejects(harness.adapter.listCustomerActivity({ customerId: ids.othersCustomer }), [
      'forbidden',
      'not-found',
    ]);
    await harness.rejects(
      harness.adapter.addCustomerNote({ requestId: harness.rid(), customerId: ids.othersCustomer, text: '记录' }),
      ['forbidden', 'not-found'],
    );
    await harness.rejects(harness.adapter.updateCustomer({ customerId: 'nobody', remark: '无' }), 'not-found');
    // A follower who is not the owner may edit.
    const shared = await harness.call('updateCustomer', { customerId: ids.sharedCustomer, remark: '共同跟进' });
    same(shared.remark, '共同跟进', 'remark set by a follower');
    same(
      (await harness.call('getCustomer', { customerId: ids.sharedCustomer })).remark,
      '共同跟进',
      'read by a follower',
    );
    same(kindsOf(await timeline(harness, ids.sharedCustomer)), ['profile-updated'], 'timeline of the follower');
  });

  /* ---------------------------------------------------------------- the timeline */
  define(
    'customers',
    'updateCustomer writes what changed on the timeline, and nothing when nothing did',
    async (harness) => {
      await harness.call('updateCustomer', { customerId: 'c-3', remark: 'VIP', description: '爱买包' });
      const [entry, ...rest] = await timeline(harness, 'c-3');
      same(rest, [], 'one activity');
      const updated = pick(entry, 'profile-updated');
      same(updated.changes, { description: '爱买包' }, 'changes (the remark was VIP already)');
      same([updated.staffId, Date.parse(updated.at)], [ids.me, harness.clock.now().getTime()], 'who and when');
      harness.clock.advance(SECOND);
      await harness.call('updateCustomer', { customerId: 'c-3', remark: 'VIP' });
      same((await timeline(harness, 'c-3')).length, 1, 'activities after an update that changed nothing');
    },
  );

  define('customers', 'markTags writes its change on the timeline; a refused one writes nothing', async (harness) => {
    await harness.call('markTags', { customerId: 'c-1', add: ['t-age-31', 't-casual'], remove: ['t-sport'] });
    const changed = pick((await timeline(harness, 'c-1'))[0], 'tags-changed');
    same(
      [[...changed.added].sort(), [...changed.removed].sort()],
      [
        ['t-age-31', 't-casual'],
        ['t-age-26', 't-sport'],
      ],
      'diff',
    );
    same(changed.staffId, ids.me, 'who');
    harness.clock.advance(SECOND);
    await harness.rejects(harness.adapter.markTags({ customerId: 'c-1', add: ['t-nope'], remove: [] }), 'not-found');
    await harness.rejects(harness.adapter.markTags({ customerId: 'c-1', add: ['rt-vip'], remove: [] }), 'forbidden');
    await harness.rejects(
      harness.adapter.markTags({ customerId: 'c-1', add: ['t-age-18', 't-age-26'], remove: [] }),
      'invalid',
    );
    same(
      kindsOf(await timeline(harness, 'c-1')),
      ['tags-changed', 'purchase', 'added'],
      'activities after refused changes',
    );
    same(
      [...(await harness.call('getCustomer', { customerId: 'c-1' })).tagIds].sort(),
      ['t-age-31', 't-casual'],
      'tags after refused changes',
    );
  });

  define(
    'customers',
    'issueCoupon writes one activity, even when retried; a refused send writes none',
    async (harness) => {
      const requestId = harness.rid();
      const coupon = await harness.call('issueCoupon', { requestId, stockId: 'k-open', customerId: 'c-2' });
      await harness.call('issueCoupon', { requestId, stockId: 'k-open', customerId: 'c-2' });
      const entries = await timeline(harness, 'c-2');
      same(kindsOf(entries), ['coupon-issued'], 'activities after a retried send');
      const issued = pick(entries[0], 'coupon-issued');
      same([issued.couponId, issued.stockId, issued.stockName], [coupon.id, 'k-open', coupon.stockName], 'coupon');
      await harness.rejects(
        harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-open', customerId: ids.unreachable }),
        'forbidden',
      );
      same(await timeline(harness, ids.unreachable), [], 'activities of a refused send');
    },
  );

  define('customers', 'a published moment is on the timeline of each customer it reached', async (harness) => {
    const draft = { text: '周末新品到店', audience: { type: 'tags' as const, tagIds: ['t-sport'] } };
    const moment = await harness.call('publishMoment', { requestId: harness.rid(), draft });
    let state = moment.state;
    for (let read = 0; state === 'submitted' && read < 20; read++)
      state = (await harness.call('getMoment', { momentId: moment.id })).state;
    same(state, 'published', 'state');
    const sent = pick((await timeline(harness, 'c-1'))[0], 'moment-sent');
    same([sent.momentId, sent.text], [moment.id, '周末新品到店'], 'moment');
    same(await timeline(harness, ids.unreachable), [], 'timeline of an unreachable customer in the audience');
    same(await timeline(harness, 'c-2'), [], 'timeline of a customer outside the audience');
  });

  define('customers', 'joining and leaving a group are on the timeline', async (harness) => {
    await harness.call('addGroupMember', {
      requestId: harness.rid(),
      groupId: 'g-big',
      customerId: 'c-5',
      scene: 'link',
    });
    const joined = pick((await timeline(harness, 'c-5'))[0], 'joined-group');
    same([joined.groupId, joined.groupName], ['g-big', '会员福利群'], 'group joined');
    await harness.rejects(
      harness.adapter.addGroupMember({ requestId: harness.rid(), groupId: 'g-big', customerId: 'c-5', scene: 'link' }),
      'conflict',
    );
    same((await timeline(harness, 'c-5')).length, 1, 'activities after a refused second join');
    harness.clock.advance(SECOND);
    same(await harness.call('removeGroupMember', { groupId: 'g-full', memberId: 'c-1' }), { removed: true }, 'removed');
    const left = pick((await timeline(harness, 'c-1'))[0], 'left-group');
    same([left.groupId, left.groupName], ['g-full', '快满的群'], 'group left');
  });

  define('customers', 'listCustomerActivity is newest first and filters by kind', async (harness) => {
    await harness.call('addCustomerNote', { requestId: harness.rid(), customerId: 'c-6', text: '想要新款跑鞋' });
    harness.clock.advance(SECOND);
    await harness.call('markTags', { customerId: 'c-6', add: ['t-work'], remove: [] });
    harness.clock.advance(SECOND);
    await harness.call('updateCustomer', { customerId: 'c-6', remark: '郑小姐' });
    same(kindsOf(await timeline(harness, 'c-6')), ['profile-updated', 'tags-changed', 'note'], 'newest first');
    same(kindsOf(await timeline(harness, 'c-6', ['note', 'tags-changed'])), ['tags-changed', 'note'], 'two kinds');
    same(kindsOf(await timeline(harness, 'c-6', ['coupon-issued'])), [], 'a kind with no entry');
    await harness.rejects(harness.adapter.listCustomerActivity({ customerId: 'c-6', cursor: 'garbage' }), 'invalid');
    await harness.rejects(harness.adapter.listCustomerActivity({ customerId: 'c-6', kinds: [] }), 'invalid');
  });

  define('customers', 'keyset pages of the timeline stay stable while entries are added', async (harness) => {
    const note = (text: string) =>
      harness.call('addCustomerNote', { requestId: harness.rid(), customerId: 'c-7', text });
    for (let i = 1; i <= 7; i++) {
      await note(`第 ${i} 条`);
      harness.clock.advance(SECOND);
    }
    const first = await harness.call('listCustomerActivity', { customerId: 'c-7', limit: 3 });
    same(
      first.items.map((entry) => pick(entry, 'note').text),
      ['第 7 条', '第 6 条', '第 5 条'],
      'first page',
    );
    for (let i = 8; i <= 10; i++) {
      await note(`第 ${i} 条`);
      harness.clock.advance(SECOND);
    }
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page: { items: CustomerActivity[]; nextCursor: string | null } = await harness.call(
        'listCustomerActivity',
        { customerId: 'c-7', limit: 3, cursor },
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    same(
      seen.map((entry) => pick(entry, 'note').text),
      [7, 6, 5, 4, 3, 2, 1].map((i) => `第 ${i} 条`),
      'pages after entries were added',
    );
    const fresh = await harness.call('listCustomerActivity', { customerId: 'c-7', limit: 1 });
    same(pick(fresh.items[0], 'note').text, '第 10 条', 'a new first page starts with the newest');
  });

  define('customers', 'addCustomerNote adds a note once per request id, within 1,000 characters', async (harness) => {
    const requestId = harness.rid();
    const text = '客户想要 38 码的新款跑鞋，到货后通知';
    const note = await harness.call('addCustomerNote', { requestId, customerId: 'c-8', text });
    same([note.kind, note.customerId, note.staffId], ['note', 'c-8', ids.me], 'note');
    same(Date.parse(note.at), harness.clock.now().getTime(), 'at is now');
    harness.clock.advance(SECOND);
    const again = await harness.call('addCustomerNote', { requestId, customerId: 'c-8', text });
    same(again, note, 'the retry answers the first note');
    same(await timeline(harness, 'c-8'), [note], 'one note after a retry');
    await harness.rejects(
      harness.adapter.addCustomerNote({ requestId, customerId: 'c-8', text: '另一条' }),
      'conflict',
    );
    const long = await harness.rejects(
      harness.adapter.addCustomerNote({
        requestId: harness.rid(),
        customerId: 'c-8',
        text: '记'.repeat(LIMITS.noteMaxLength + 1),
      }),
      'invalid',
    );
    same(long.field, 'text', 'field of a long note');
    await harness.rejects(
      harness.adapter.addCustomerNote({ requestId: harness.rid(), customerId: 'c-8', text: '   ' }),
      'invalid',
    );
    await harness.call('addCustomerNote', {
      requestId: harness.rid(),
      customerId: 'c-8',
      text: '记'.repeat(LIMITS.noteMaxLength),
    });
    same((await timeline(harness, 'c-8')).length, 2, 'notes after refused ones');
  });
}
