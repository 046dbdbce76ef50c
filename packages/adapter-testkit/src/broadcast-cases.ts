/**
 * The broadcast cases (群发, issue 21): who a broadcast reaches and who it skips and why, the
 * per-customer cap counted over its period in the store's time zone (a minute before and at local
 * midnight, an ISO week from Monday, a local month) on the injected clock, a customer over the cap
 * shown skipped before sending and not sent to, idempotent creation, the associate's confirmation and
 * the progress to done, recipient paging, the maximum and no recipients, and another associate's
 * broadcast not found. Registered by {@link conformanceCases} through {@link defineBroadcastCases}.
 *
 * The conformance dataset's policy counts in Asia/Shanghai and the suite starts at 10:00 on Tuesday
 * 10 November 2026 there. Cases add broadcasts made before the start with {@link earlierBroadcast}.
 */
import type {
  Broadcast,
  BroadcastAudience,
  BroadcastCap,
  BroadcastRecipient,
  BroadcastRecipientStatus,
  Customer,
  Page,
} from '@clienteling/core';
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
const sorted = (list: readonly string[]) => [...list].sort();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = Date.parse(CONFORMANCE_START);
const iso = (time: number) => new Date(time).toISOString();
/** A wall-clock time in Shanghai (`2026-11-10T23:59:00`) as ISO 8601 UTC. */
const shanghai = (local: string) => new Date(`${local}+08:00`).toISOString();

const content = { text: '周末会员日，全场八折，欢迎到店', attachments: [] };
const ALL: BroadcastAudience = { type: 'all' };
/** The signed-in associate's customers who can receive a broadcast (c-4 is unreachable). */
const REACHABLE = ['c-1', 'c-2', 'c-3', 'c-5', 'c-6', 'c-7', 'c-8'];

/**
 * A broadcast made before the suite starts, with its recipients: by `staffId`, created `hoursAgo`
 * hours before the start, each customer of `statuses` with that status.
 */
export function earlierBroadcast(
  dataset: Dataset,
  id: string,
  staffId: string,
  hoursAgo: number,
  statuses: Record<string, BroadcastRecipientStatus>,
): void {
  const createdAt = iso(start - hoursAgo * HOUR);
  const recipients = Object.entries(statuses).map(([customerId, status]): BroadcastRecipient => {
    const name = dataset.customers.find((customer) => customer.id === customerId)?.name;
    return {
      customerId,
      ...(name ? { name } : {}),
      status,
      ...(status === 'sent' ? { sentAt: createdAt } : {}),
      ...(status === 'skipped' ? { reason: 'limit-reached' as const } : {}),
      ...(status === 'failed' ? { failureReason: 'The customer can no longer be reached' } : {}),
    };
  });
  const counts = { pending: 0, 'awaiting-confirmation': 0, sent: 0, failed: 0, skipped: 0 };
  for (const { status } of recipients) counts[status]++;
  const waiting = counts.pending + counts['awaiting-confirmation'];
  const broadcast: Broadcast = {
    id,
    requestId: `seed-${id}`,
    staffId,
    content,
    audience: { type: 'customers', customerIds: Object.keys(statuses) },
    state: counts['awaiting-confirmation'] ? 'awaiting-confirmation' : waiting ? 'sending' : 'done',
    counts,
    createdAt,
    ...(counts['awaiting-confirmation'] ? {} : { confirmedAt: createdAt }),
    ...(waiting ? {} : { completedAt: createdAt }),
  };
  (dataset.broadcasts ??= []).push({ broadcast, recipients });
}

const withCap = (cap: BroadcastCap) => (dataset: Dataset) => {
  dataset.policy.broadcastCap = cap;
};

/** Every recipient of a broadcast, page after page of `limit`, optionally of one status. */
async function allRecipients(harness: Harness, broadcastId: string, limit: number, status?: BroadcastRecipientStatus) {
  const listed: BroadcastRecipient[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page: Page<BroadcastRecipient> = await harness.call('listBroadcastRecipients', {
      broadcastId,
      limit,
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    });
    check(page.items.length <= limit, `a page holds at most ${limit}, got ${page.items.length}`);
    listed.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return listed;
  }
  throw new ConformanceError('listBroadcastRecipients never ends');
}

/** Creates a broadcast to `audience` and confirms it. */
async function sendTo(harness: Harness, audience: BroadcastAudience): Promise<Broadcast> {
  const created = await harness.call('createBroadcast', { requestId: harness.rid(), audience, content });
  return harness.call('confirmBroadcast', { broadcastId: created.id });
}

/** Whether `customerId` would be skipped now for the cap. */
async function limited(harness: Harness, customerId: string): Promise<boolean> {
  const preview = await harness.call('previewBroadcast', {
    audience: { type: 'customers', customerIds: [customerId] },
  });
  const reason = preview.skipped.find((skipped) => skipped.customerId === customerId)?.reason;
  check(reason === undefined || reason === 'limit-reached', `${customerId} skipped for ${reason}`);
  return reason === 'limit-reached';
}

export function defineBroadcastCases(define: DefineCase): void {
  define(
    'broadcasts',
    'previewBroadcast skips for each reason in precedence (not own, unsubscribed, unreachable, limit of any associate)',
    async (harness) => {
      const audience: BroadcastAudience = {
        type: 'customers',
        customerIds: ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', 'c-7', 'c-other', 'nobody', 'c-1'],
      };
      const preview = await harness.call('previewBroadcast', { audience, content });
      same(preview.recipientCount, 3, 'recipientCount (c-1, c-6, c-7)');
      same(preview.skippedCount, 6, 'skippedCount');
      same(
        preview.skippedByReason,
        { 'limit-reached': 1, unreachable: 1, 'not-own-customer': 2, unsubscribed: 2 },
        'skippedByReason',
      );
      const reasons = Object.fromEntries(
        preview.skipped.map((skipped) => [skipped.customerId, skipped.reason]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
      );
      same(
        reasons,
        {
          'c-2': 'unsubscribed',
          'c-3': 'limit-reached',
          'c-4': 'unreachable',
          'c-5': 'unsubscribed',
          'c-other': 'not-own-customer',
          nobody: 'not-own-customer',
        },
        'reason of each skipped customer (c-2 is unsubscribed and unreachable: unsubscribed first)',
      );
      same(preview.skipped.find((s) => s.customerId === 'c-other')?.name, undefined, "another's customer's name");
      same(preview.skipped.find((s) => s.customerId === 'c-3')?.name, 'Lily Zhang', 'name of a skipped customer');
      same(preview.cap, { perCustomer: 1, period: 'day' }, 'cap (the default)');
      same(preview.periodStart, shanghai('2026-11-10T00:00:00'), 'periodStart (Shanghai midnight)');
      same(preview.periodEnd, shanghai('2026-11-11T00:00:00'), 'periodEnd');
      same(preview.maxRecipients, 10_000, 'maxRecipients');
      const byTag = await harness.call('previewBroadcast', { audience: { type: 'tags', tagIds: ['t-sport'] } });
      same(byTag.recipientCount, 1, 'recipients of t-sport (c-1; c-other is not the associate’s)');
      same(
        byTag.skipped.map((s) => [s.customerId, s.reason]),
        [['c-4', 'unreachable']],
        'skipped of t-sport',
      );
    },
    (dataset) => {
      const customer = (id: string) => dataset.customers.find((c) => c.id === id)!;
      customer('c-2').unsubscribedAt = iso(start - 30 * 24 * HOUR);
      customer('c-2').ruleTagIds = ['rt-unreachable'];
      customer('c-5').unsubscribedAt = iso(start - 2 * HOUR);
      // Another associate's broadcast this morning reached c-3; a failed and a skipped message count for nothing.
      earlierBroadcast(dataset, 'b-morning', ids.other, 1, { 'c-3': 'sent', 'c-6': 'failed', 'c-7': 'skipped' });
      // Yesterday's broadcast to c-1 is of another day.
      earlierBroadcast(dataset, 'b-yesterday', ids.me, 11, { 'c-1': 'sent' });
    },
  );

  define('broadcasts', 'the daily cap turns over at local midnight, not a minute before', async (harness) => {
    await sendTo(harness, { type: 'customers', customerIds: ['c-1'] });
    check(await limited(harness, 'c-1'), 'c-1 is at the cap right after a broadcast');
    harness.clock.set(shanghai('2026-11-10T23:59:00'));
    check(await limited(harness, 'c-1'), 'c-1 is still at the cap at 23:59 in Shanghai');
    harness.clock.set(shanghai('2026-11-11T00:00:00'));
    check(!(await limited(harness, 'c-1')), 'c-1 can receive again at 00:00 in Shanghai');
    const preview = await harness.call('previewBroadcast', { audience: ALL });
    same(preview.periodStart, shanghai('2026-11-11T00:00:00'), 'periodStart the next day');
  });

  define('broadcasts', 'two broadcasts at once cannot both use a customer’s last place', async (harness) => {
    const audience = { type: 'customers' as const, customerIds: ['c-1', 'c-2'] };
    const results = await Promise.allSettled(
      [1, 2].map(() => harness.call('createBroadcast', { requestId: harness.rid(), audience, content })),
    );
    const made = results.filter((result) => result.status === 'fulfilled');
    same(made.length, 1, 'broadcasts made of two at once');
    const refused = results.find((result) => result.status === 'rejected');
    same((refused?.reason as { reason?: string })?.reason, 'no-recipients', 'the other is refused: nobody left');
    check(await limited(harness, 'c-1'), 'c-1 is at the cap');
  });

  define(
    'broadcasts',
    'a weekly cap of two counts from Monday 00:00 local',
    async (harness) => {
      const one = { type: 'customers' as const, customerIds: ['c-1'] };
      await sendTo(harness, one);
      check(!(await limited(harness, 'c-1')), 'one of two in the week: c-1 can receive');
      await sendTo(harness, one);
      check(await limited(harness, 'c-1'), 'two of two: c-1 is at the cap');
      harness.clock.set(shanghai('2026-11-15T23:59:00'));
      const preview = await harness.call('previewBroadcast', { audience: one });
      same(preview.periodStart, shanghai('2026-11-09T00:00:00'), 'the week starts on Monday 9 November');
      same(preview.periodEnd, shanghai('2026-11-16T00:00:00'), 'and ends on Monday 16 November');
      check(await limited(harness, 'c-1'), 'c-1 is still at the cap on Sunday 23:59 in Shanghai');
      harness.clock.set(shanghai('2026-11-16T00:00:00'));
      check(!(await limited(harness, 'c-1')), 'c-1 can receive again on Monday 00:00 in Shanghai (Sunday in UTC)');
    },
    withCap({ perCustomer: 2, period: 'week' }),
  );

  define(
    'broadcasts',
    'a monthly cap counts the local calendar month',
    async (harness) => {
      await sendTo(harness, { type: 'customers', customerIds: ['c-1'] });
      harness.clock.set(shanghai('2026-11-30T23:59:00'));
      check(await limited(harness, 'c-1'), 'c-1 is at the cap on 30 November 23:59 in Shanghai');
      harness.clock.set(shanghai('2026-12-01T00:00:00'));
      check(!(await limited(harness, 'c-1')), 'c-1 can receive on 1 December 00:00 in Shanghai (30 November in UTC)');
      const preview = await harness.call('previewBroadcast', { audience: ALL });
      same(
        [preview.periodStart, preview.periodEnd],
        [shanghai('2026-12-01T00:00:00'), shanghai('2027-01-01T00:00:00')],
        'December',
      );
    },
    withCap({ perCustomer: 1, period: 'month' }),
  );

  define(
    'broadcasts',
    'a customer over the cap is shown skipped before sending and is not sent to',
    async (harness) => {
      const preview = await harness.call('previewBroadcast', { audience: ALL, content });
      same(preview.skippedByReason['limit-reached'], 1, 'skipped for the cap in the preview');
      same(preview.skipped.find((s) => s.reason === 'limit-reached')?.customerId, 'c-3', 'who is over the cap');
      const created = await harness.call('createBroadcast', { requestId: harness.rid(), audience: ALL, content });
      same(created.state, 'awaiting-confirmation', 'state before the confirmation');
      same(created.counts['awaiting-confirmation'], preview.recipientCount, 'waiting for the confirmation');
      same(created.counts.skipped, preview.skippedCount, 'skipped as the preview said');
      await harness.call('confirmBroadcast', { broadcastId: created.id });
      harness.clock.advance(5 * MINUTE);
      const done = await harness.call('getBroadcast', { broadcastId: created.id });
      same(done.state, 'done', 'state after the sending');
      same(done.counts.sent, preview.recipientCount, 'sent');
      const recipients = await allRecipients(harness, created.id, 50);
      const c3 = recipients.find((recipient) => recipient.customerId === 'c-3');
      same([c3?.status, c3?.reason, c3?.sentAt], ['skipped', 'limit-reached', undefined], 'c-3 after the sending');
      same(
        sorted(recipients.filter((r) => r.status === 'sent').map((r) => r.customerId)),
        sorted(REACHABLE.filter((id) => id !== 'c-3')),
        'sent to',
      );
      check(
        recipients.filter((r) => r.status === 'sent').every((r) => r.sentAt),
        'every sent recipient has sentAt',
      );
    },
    (dataset) => earlierBroadcast(dataset, 'b-morning', ids.other, 1, { 'c-3': 'sent' }),
  );

  define(
    'broadcasts',
    'createBroadcast once per request id: a replay answers the same broadcast, another payload is a conflict',
    async (harness) => {
      const requestId = harness.rid();
      const input = { requestId, audience: ALL, content };
      const [first, second] = await Promise.all([
        harness.call('createBroadcast', input),
        harness.call('createBroadcast', input),
      ]);
      same(second.id, first.id, 'the same broadcast for the same request id at once');
      const replay = await harness.call('createBroadcast', input);
      same(replay.id, first.id, 'the same broadcast when replayed');
      same(replay.counts, first.counts, 'its counts');
      await harness.rejects(
        harness.call('createBroadcast', { ...input, content: { ...content, text: '另一条消息' } }),
        'conflict',
      );
      const listed = await harness.call('listBroadcasts', {});
      same(
        listed.items.map((b) => b.id),
        [first.id],
        'one broadcast made',
      );
      // The customers received one message: a second broadcast skips them all for the cap.
      const after = await harness.call('previewBroadcast', { audience: ALL });
      same(after.skippedByReason['limit-reached'], REACHABLE.length, 'at the cap after one broadcast');
    },
  );

  define(
    'broadcasts',
    'confirmBroadcast sends the waiting recipients: sending, then done with every count on the clock',
    async (harness) => {
      const created = await harness.call('createBroadcast', { requestId: harness.rid(), audience: ALL, content });
      const waiting = await allRecipients(harness, created.id, 50, 'awaiting-confirmation');
      same(sorted(waiting.map((r) => r.customerId)), REACHABLE, 'waiting for the confirmation');
      harness.clock.advance(MINUTE);
      const confirmed = await harness.call('confirmBroadcast', { broadcastId: created.id });
      check(['sending', 'done'].includes(confirmed.state), `state after confirming: ${confirmed.state}`);
      same(confirmed.confirmedAt, iso(start + MINUTE), 'confirmedAt');
      harness.clock.advance(2 * MINUTE);
      const done = await harness.call('getBroadcast', { broadcastId: created.id });
      same(done.state, 'done', 'state');
      check(
        done.completedAt && Date.parse(done.completedAt) <= harness.clock.now().getTime(),
        `completedAt ${done.completedAt} by now`,
      );
      same(
        done.counts,
        { pending: 0, 'awaiting-confirmation': 0, sent: REACHABLE.length, failed: 0, skipped: 1 },
        'counts when done',
      );
      same((await harness.call('confirmBroadcast', { broadcastId: created.id })).state, 'done', 'confirmed again');
      // A second broadcast the same day has no recipients: c-1 is at the cap, c-4 unreachable.
      const again = { type: 'customers' as const, customerIds: ['c-4', 'c-1'] };
      await harness.rejects(
        harness.call('createBroadcast', { requestId: harness.rid(), audience: again, content }),
        'invalid',
        'no-recipients',
      );
      harness.clock.set(shanghai('2026-11-11T09:00:00'));
      const tomorrow = await sendTo(harness, { type: 'customers', customerIds: ['c-1'] });
      const list = await harness.call('listBroadcasts', {});
      same(
        list.items.map((b) => b.id),
        [tomorrow.id, created.id],
        'listBroadcasts newest first',
      );
    },
  );

  define(
    'broadcasts',
    'listBroadcastRecipients pages by name then id, filters by status, without duplicates or gaps',
    async (harness) => {
      const created = await harness.call('createBroadcast', { requestId: harness.rid(), audience: ALL, content });
      const everyone = await allRecipients(harness, created.id, 7);
      const expected = [...REACHABLE, 'c-4', ...Array.from({ length: 60 }, (_, i) => `c-many-${i}`)];
      same(everyone.length, expected.length, 'recipients listed');
      same(sorted(everyone.map((r) => r.customerId)), sorted(expected), 'each recipient once');
      const collator = new Intl.Collator('zh-CN');
      everyone.slice(1).forEach((recipient, i) => {
        const before = everyone[i]!;
        const order = collator.compare(before.name ?? '', recipient.name ?? '');
        check(
          order < 0 || (order === 0 && before.customerId < recipient.customerId),
          `${before.customerId} (${before.name}) before ${recipient.customerId} (${recipient.name})`,
        );
      });
      const skipped = await allRecipients(harness, created.id, 4, 'skipped');
      same(
        sorted(skipped.map((r) => r.customerId)),
        sorted(['c-4', ...Array.from({ length: 20 }, (_, i) => `c-many-${i * 3}`)]),
        'the skipped',
      );
      check(
        skipped.every((r) => r.reason),
        'every skipped recipient has a reason',
      );
      const waiting = await allRecipients(harness, created.id, 10, 'awaiting-confirmation');
      same(waiting.length, created.counts['awaiting-confirmation'], 'waiting, as counted');
      same((await allRecipients(harness, created.id, 10, 'sent')).length, 0, 'none sent before the confirmation');
      await harness.rejects(
        harness.call('listBroadcastRecipients', { broadcastId: created.id, cursor: 'not a cursor' }),
        'invalid',
      );
    },
    (dataset) => {
      const me = dataset.customers.find((customer) => customer.id === 'c-1')!;
      for (let i = 0; i < 60; i++)
        dataset.customers.push({
          ...me,
          id: `c-many-${i}`,
          name: `顾客 ${String(i % 30).padStart(2, '0')}`,
          tagIds: [],
          ruleTagIds: [],
          ...(i % 3 === 0 ? { unsubscribedAt: iso(start - HOUR) } : {}),
        } as Customer);
    },
  );

  define(
    'broadcasts',
    'more recipients than the policy allows is limit-reached; none is invalid',
    async (harness) => {
      const preview = await harness.call('previewBroadcast', { audience: ALL });
      same([preview.recipientCount, preview.maxRecipients], [REACHABLE.length, 3], 'recipients and the maximum');
      await harness.rejects(
        harness.call('createBroadcast', { requestId: harness.rid(), audience: ALL, content }),
        'limit-reached',
        'max-recipients',
      );
      const three = { type: 'customers' as const, customerIds: ['c-1', 'c-2', 'c-3'] };
      same(
        (await harness.call('createBroadcast', { requestId: harness.rid(), audience: three, content })).counts[
          'awaiting-confirmation'
        ],
        3,
        'three fit',
      );
      for (const audience of [
        { type: 'customers' as const, customerIds: ['c-4', 'c-other', 'nobody'] },
        { type: 'tags' as const, tagIds: ['t-gone'] },
        three,
      ])
        await harness.rejects(
          harness.call('createBroadcast', { requestId: harness.rid(), audience, content }),
          'invalid',
          'no-recipients',
        );
      same((await harness.call('listBroadcasts', {})).items.length, 1, 'only the broadcast that fit was made');
    },
    (dataset) => {
      dataset.policy.broadcastMaxRecipients = 3;
    },
  );

  define(
    'broadcasts',
    'another associate’s broadcast is not found, like an absent one',
    async (harness) => {
      for (const broadcastId of ['b-theirs', 'b-nothing']) {
        await harness.rejects(harness.call('getBroadcast', { broadcastId }), 'not-found');
        await harness.rejects(harness.call('listBroadcastRecipients', { broadcastId }), 'not-found');
        await harness.rejects(harness.call('confirmBroadcast', { broadcastId }), 'not-found');
      }
      same((await harness.call('listBroadcasts', {})).items, [], 'the associate has made no broadcast');
    },
    (dataset) => earlierBroadcast(dataset, 'b-theirs', ids.other, 2, { 'c-other': 'awaiting-confirmation' }),
  );
}
