import { expect } from '@open-wc/testing';
import {
  AdapterError,
  assertBroadcastSendable,
  audienceCandidates,
  broadcastCounts,
  broadcastMaxRecipients,
  broadcastPeriod,
  confirmedBroadcast,
  inPeriod,
  newBroadcast,
  planBroadcast,
  recipientSendAt,
  sentRecipient,
  settledBroadcast,
  type BroadcastFacts,
  type Customer,
} from '@clienteling/core';
import { broadcastPeriod as broadcastPeriodOfTrade } from '@clienteling/core/trade.js';

const SHANGHAI = 'Asia/Shanghai';
const iso = (date: Date) => date.toISOString();
const period = (now: string, kind: 'day' | 'week' | 'month', timeZone = SHANGHAI) => {
  const { start, end } = broadcastPeriod(new Date(now), { period: kind }, timeZone);
  return [iso(start), iso(end)];
};
const customer = (id: string, over: Partial<Customer> = {}): Customer => ({
  id,
  name: id,
  ownerStaffId: 'st-me',
  addedAt: '2026-01-01T00:00:00.000Z',
  tagIds: [],
  ruleTagIds: [],
  ...over,
});
const facts = (over: Partial<BroadcastFacts> = {}): BroadcastFacts => ({
  staffId: 'st-me',
  candidates: [],
  receivedInPeriod: () => 0,
  policy: { timeZone: SHANGHAI },
  now: new Date('2026-11-10T02:00:00.000Z'),
  ...over,
});

describe('broadcast rules: the period of the cap', () => {
  it('a day is the local calendar day: the last millisecond before Shanghai midnight is still today', () => {
    // 23:59:59.999 on 10 November in Shanghai is 15:59:59.999 UTC.
    expect(period('2026-11-10T15:59:59.999Z', 'day')).to.deep.equal([
      '2026-11-09T16:00:00.000Z',
      '2026-11-10T16:00:00.000Z',
    ]);
    expect(period('2026-11-10T16:00:00.000Z', 'day')).to.deep.equal([
      '2026-11-10T16:00:00.000Z',
      '2026-11-11T16:00:00.000Z',
    ]);
  });

  it('the same instants fall into other days in UTC', () => {
    expect(period('2026-11-10T15:59:59.999Z', 'day', 'UTC')).to.deep.equal([
      '2026-11-10T00:00:00.000Z',
      '2026-11-11T00:00:00.000Z',
    ]);
    expect(period('2026-11-10T23:59:59.999Z', 'day', 'UTC')[1]).to.equal('2026-11-11T00:00:00.000Z');
    expect(period('2026-11-11T00:00:00.000Z', 'day', 'UTC')[0]).to.equal('2026-11-11T00:00:00.000Z');
  });

  it('a week is the ISO week from Monday 00:00 local', () => {
    // Sunday 15 November 2026, 23:59:59.999 in Shanghai; Monday 16 November starts the next week.
    expect(period('2026-11-15T15:59:59.999Z', 'week')).to.deep.equal([
      '2026-11-08T16:00:00.000Z',
      '2026-11-15T16:00:00.000Z',
    ]);
    expect(period('2026-11-15T16:00:00.000Z', 'week')).to.deep.equal([
      '2026-11-15T16:00:00.000Z',
      '2026-11-22T16:00:00.000Z',
    ]);
    // In UTC the same instant is still Sunday afternoon.
    expect(period('2026-11-15T16:00:00.000Z', 'week', 'UTC')).to.deep.equal([
      '2026-11-09T00:00:00.000Z',
      '2026-11-16T00:00:00.000Z',
    ]);
    // A Monday morning is the first day of its week; a week across a month and a year ends.
    expect(period('2026-11-16T01:00:00.000Z', 'week')[0]).to.equal('2026-11-15T16:00:00.000Z');
    expect(period('2026-12-31T12:00:00.000Z', 'week', 'UTC')).to.deep.equal([
      '2026-12-28T00:00:00.000Z',
      '2027-01-04T00:00:00.000Z',
    ]);
  });

  it('a month is the local calendar month', () => {
    // 30 November 2026, 23:59:59.999 in Shanghai; 1 December starts the next month there, not in UTC.
    expect(period('2026-11-30T15:59:59.999Z', 'month')).to.deep.equal([
      '2026-10-31T16:00:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ]);
    expect(period('2026-11-30T16:00:00.000Z', 'month')).to.deep.equal([
      '2026-11-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ]);
    expect(period('2026-11-30T16:00:00.000Z', 'month', 'UTC')).to.deep.equal([
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
    ]);
    expect(period('2026-12-31T23:59:59.999Z', 'month', 'UTC')[1]).to.equal('2027-01-01T00:00:00.000Z');
    expect(period('2028-02-29T12:00:00.000Z', 'month', 'UTC')[1]).to.equal('2028-03-01T00:00:00.000Z');
  });

  it('a period counts its start and not its end; elements read the same rule from trade.js', () => {
    const day = broadcastPeriod(new Date('2026-11-10T02:00:00.000Z'), { period: 'day' }, SHANGHAI);
    expect(inPeriod('2026-11-09T16:00:00.000Z', day)).to.equal(true);
    expect(inPeriod('2026-11-10T15:59:59.999Z', day)).to.equal(true);
    expect(inPeriod('2026-11-10T16:00:00.000Z', day)).to.equal(false);
    expect(inPeriod('2026-11-09T15:59:59.999Z', day)).to.equal(false);
    expect(broadcastPeriodOfTrade).to.equal(broadcastPeriod);
  });
});

describe('broadcast rules: the plan', () => {
  it('skips in the precedence not-own, unsubscribed, unreachable, limit-reached', () => {
    const both = { unsubscribedAt: '2026-11-01T00:00:00.000Z', ruleTagIds: ['rt-unreachable'] };
    const candidates = [
      { customerId: 'absent' },
      { customerId: 'theirs', customer: customer('theirs', { ownerStaffId: 'st-other', ...both }) },
      { customerId: 'gone', customer: customer('gone', both) },
      { customerId: 'lost', customer: customer('lost', { ruleTagIds: ['rt-unreachable'] }) },
      { customerId: 'full', customer: customer('full') },
      { customerId: 'ok', customer: customer('ok') },
    ];
    const plan = planBroadcast(facts({ candidates, receivedInPeriod: (id) => (id === 'ok' ? 0 : 1) }));
    expect(plan.recipients.map((c) => c.id)).to.deep.equal(['ok']);
    const reasons = Object.fromEntries(plan.skipped.map((s) => [s.customerId, s.reason]));
    expect(reasons).to.deep.equal({
      absent: 'not-own-customer',
      theirs: 'not-own-customer',
      gone: 'unsubscribed',
      lost: 'unreachable',
      full: 'limit-reached',
    });
    expect(plan.preview.skippedByReason).to.deep.equal({
      'limit-reached': 1,
      unreachable: 1,
      'not-own-customer': 2,
      unsubscribed: 1,
    });
    // Another associate's customer is not named.
    expect(plan.skipped.find((s) => s.customerId === 'theirs')!.name).to.equal(undefined);
    expect(plan.preview.recipientCount).to.equal(1);
    expect(plan.preview.skippedCount).to.equal(5);
  });

  it('takes the cap from the policy: a customer under it is sent to, at it skipped', () => {
    const candidates = [{ customerId: 'a', customer: customer('a') }];
    const cap = { perCustomer: 2, period: 'week' as const };
    const under = planBroadcast(
      facts({ candidates, receivedInPeriod: () => 1, policy: { timeZone: SHANGHAI, broadcastCap: cap } }),
    );
    expect(under.recipients).to.have.length(1);
    expect(under.preview.cap).to.deep.equal(cap);
    expect(under.preview.periodStart).to.equal('2026-11-08T16:00:00.000Z');
    expect(under.preview.periodEnd).to.equal('2026-11-15T16:00:00.000Z');
    const at = planBroadcast(
      facts({ candidates, receivedInPeriod: () => 2, policy: { timeZone: SHANGHAI, broadcastCap: cap } }),
    );
    expect(at.skipped.map((s) => s.reason)).to.deep.equal(['limit-reached']);
    expect(planBroadcast(facts()).preview.cap).to.deep.equal({ perCustomer: 1, period: 'day' });
  });

  it('lists at most 200 skipped, counting them all, and orders by name then id', () => {
    const candidates = Array.from({ length: 250 }, (_, i) => ({
      customerId: `c-${String(i).padStart(3, '0')}`,
      customer: customer(`c-${String(i).padStart(3, '0')}`, {
        name: i % 2 ? '乙' : '甲',
        unsubscribedAt: '2026-11-01T00:00:00.000Z',
      }),
    }));
    const plan = planBroadcast(facts({ candidates }));
    expect(plan.preview.skipped).to.have.length(200);
    expect(plan.preview.skippedCount).to.equal(250);
    expect(plan.skipped).to.have.length(250);
    expect(plan.skipped[0]!.customerId).to.equal('c-000');
    expect(plan.skipped[124]!.name).to.equal('甲');
    expect(plan.skipped[125]!.name).to.equal('乙');
  });

  it('an audience: own customers, by tags, or an explicit list once each', () => {
    const own = [customer('a', { tagIds: ['t-1'] }), customer('b', { ruleTagIds: ['rt-vip'] }), customer('c')];
    const lookUp = (id: string) =>
      id === 'x' ? customer('x', { ownerStaffId: 'st-other' }) : own.find((c) => c.id === id);
    expect(audienceCandidates({ type: 'all' }, own, lookUp).map((c) => c.customerId)).to.deep.equal(['a', 'b', 'c']);
    expect(
      audienceCandidates({ type: 'tags', tagIds: ['t-1', 'rt-vip'] }, own, lookUp).map((c) => c.customerId),
    ).to.deep.equal(['a', 'b']);
    const listed = audienceCandidates({ type: 'customers', customerIds: ['x', 'a', 'x', 'nobody'] }, own, lookUp);
    expect(listed.map((c) => [c.customerId, c.customer?.ownerStaffId])).to.deep.equal([
      ['x', 'st-other'],
      ['a', 'st-me'],
      ['nobody', undefined],
    ]);
  });

  it('refuses no recipients and more than the maximum', () => {
    const none = planBroadcast(facts());
    expect(() => assertBroadcastSendable(none))
      .to.throw(AdapterError)
      .with.property('reason', 'no-recipients');
    const two = [customer('a'), customer('b')].map((c) => ({ customerId: c.id, customer: c }));
    const policy = { timeZone: SHANGHAI, broadcastMaxRecipients: 1 };
    const over = planBroadcast(facts({ candidates: two, policy }));
    expect(() => assertBroadcastSendable(over))
      .to.throw(AdapterError)
      .with.property('reason', 'max-recipients');
    expect(() => assertBroadcastSendable(planBroadcast(facts({ candidates: two })))).not.to.throw();
    expect(broadcastMaxRecipients({ broadcastMaxRecipients: 20_000 })).to.equal(10_000);
  });
});

describe('broadcast rules: after confirmation', () => {
  const now = new Date('2026-11-10T02:00:00.000Z');
  const plan = planBroadcast(
    facts({ candidates: [customer('a'), customer('b')].map((c) => ({ customerId: c.id, customer: c })) }),
  );
  const created = newBroadcast(plan, {
    id: 'b-1',
    requestId: 'r-1',
    staffId: 'st-me',
    content: { text: 'hi', attachments: [] },
    audience: { type: 'all' },
    now,
  });

  it('starts waiting for the confirmation, then sends and is done when none waits', () => {
    expect(created.broadcast.state).to.equal('awaiting-confirmation');
    expect(created.broadcast.counts['awaiting-confirmation']).to.equal(2);
    const confirmed = confirmedBroadcast(created.broadcast, now);
    expect(confirmed.state).to.equal('sending');
    expect(confirmedBroadcast(confirmed, new Date(now.getTime() + 5000)).confirmedAt).to.equal(iso(now));
    const [first, second] = created.recipients;
    const halfway = [sentRecipient(first!, customer('a'), now), second!];
    expect(settledBroadcast(confirmed, halfway, now).state).to.equal('sending');
    const failed = sentRecipient(second!, customer('b', { ruleTagIds: ['rt-unreachable'] }), now);
    expect(failed.status).to.equal('failed');
    const done = settledBroadcast(confirmed, [halfway[0]!, failed], now);
    expect(done.state).to.equal('done');
    expect(done.completedAt).to.equal(iso(now));
    expect(done.counts).to.deep.equal(broadcastCounts([{ status: 'sent' }, { status: 'failed' }]));
    // Not confirmed yet: never done, whatever the recipients say.
    expect(settledBroadcast(created.broadcast, [], now).state).to.equal('awaiting-confirmation');
  });

  it('paces the sending: 100 a second, the first a second after confirmation', () => {
    const at = iso(now);
    expect(iso(recipientSendAt(at, 0))).to.equal('2026-11-10T02:00:01.000Z');
    expect(iso(recipientSendAt(at, 99))).to.equal('2026-11-10T02:00:01.000Z');
    expect(iso(recipientSendAt(at, 100))).to.equal('2026-11-10T02:00:02.000Z');
  });
});
