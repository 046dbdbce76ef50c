import { expect } from '@open-wc/testing';
import {
  AdapterError,
  DEFAULT_POLICY,
  FIXED_OFFSET_ZONES,
  applyTagDiff,
  assertCouponSendable,
  couponStockStatus,
  couponUnavailableReason,
  dayKey,
  isValidityWindowAllowed,
  momentQuota,
  nextMidnight,
  tagNameProblem,
  visibleTagGroups,
  wallTimeIn,
} from '@clienteling/core';
import { fixtures } from '../../../test/helpers/stub-adapter.js';

const thrown = (fn: () => unknown): AdapterError => {
  try {
    fn();
  } catch (e) {
    return e as AdapterError;
  }
  throw new Error('expected an error');
};

describe("rules: days in the store's time zone", () => {
  it('counts the calendar day in the policy time zone, not UTC', () => {
    // 2026-11-24T16:30Z is 00:30 on the 25th in Shanghai, still the 24th in UTC and New York.
    const t = new Date('2026-11-24T16:30:00Z');
    expect(dayKey(t, 'Asia/Shanghai')).to.equal('2026-11-25');
    expect(dayKey(t, 'UTC')).to.equal('2026-11-24');
    expect(dayKey(t, 'America/New_York')).to.equal('2026-11-24');
  });

  /** The wall time as ICU computes it, the reference for the arithmetic of the fixed-offset zones. */
  const intlWallTime = (date: Date, timeZone: string) => {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const parts = Object.fromEntries(
      format
        .formatToParts(date)
        .filter((part) => part.type !== 'literal')
        .map((part) => [part.type, Number(part.value)]),
    );
    return parts;
  };

  it('reads the wall time of every fixed-offset zone as Intl does, from 2000 to 2040', () => {
    expect(FIXED_OFFSET_ZONES.size).to.be.greaterThan(5);
    const day = 24 * 3600_000;
    for (const timeZone of FIXED_OFFSET_ZONES.keys()) {
      // Every 5 days and 7 hours and 13 minutes: each hour of the day, each month, 40 years.
      for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2040, 0, 1); t += 5 * day + 7 * 3600_000 + 13 * 60_000 + 17_000) {
        const date = new Date(t);
        expect(wallTimeIn(date, timeZone), `${timeZone} at ${date.toISOString()}`).to.deep.equal(
          intlWallTime(date, timeZone),
        );
      }
    }
  });

  it('asks Intl for other zones, and for fixed-offset zones before 2000', () => {
    // Shanghai kept daylight saving until 1991: 1990-07-01 12:00Z was 21:00 there, not 20:00.
    expect(wallTimeIn(new Date('1990-07-01T12:00:00Z'), 'Asia/Shanghai').hour).to.equal(21);
    expect(wallTimeIn(new Date('2026-07-01T12:00:00Z'), 'Asia/Shanghai').hour).to.equal(20);
    // New York in summer and in winter.
    expect(wallTimeIn(new Date('2026-07-01T12:00:00Z'), 'America/New_York').hour).to.equal(8);
    expect(wallTimeIn(new Date('2026-12-01T12:00:00Z'), 'America/New_York').hour).to.equal(7);
  });

  it('finds the next local midnight', () => {
    const t = new Date('2026-11-25T03:00:00Z'); // 11:00 in Shanghai
    expect(nextMidnight(t, 'Asia/Shanghai').toISOString()).to.equal('2026-11-25T16:00:00.000Z');
    expect(nextMidnight(t, 'UTC').toISOString()).to.equal('2026-11-26T00:00:00.000Z');
  });

  it('handles a daylight-saving change before midnight', () => {
    // New York leaves DST on 2026-11-01 at 02:00 local; the next midnight after Oct 31 noon is EDT.
    expect(nextMidnight(new Date('2026-10-31T16:00:00Z'), 'America/New_York').toISOString()).to.equal(
      '2026-11-01T04:00:00.000Z',
    );
    expect(nextMidnight(new Date('2026-11-01T16:00:00Z'), 'America/New_York').toISOString()).to.equal(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it('computes the moments quota with its reset time', () => {
    const now = new Date('2026-11-25T03:00:00Z');
    expect(momentQuota(DEFAULT_POLICY, 0, now)).to.deep.equal({
      limit: 1,
      used: 0,
      remaining: 1,
      resetsAt: '2026-11-25T16:00:00.000Z',
    });
    expect(momentQuota({ ...DEFAULT_POLICY, momentsPerDay: 3 }, 5, now).remaining).to.equal(0);
  });
});

describe('rules: coupons', () => {
  const stock = fixtures.couponOffer({ remaining: 5, perCustomerLimit: 2 });
  const during = new Date('2026-11-15T00:00:00Z');

  it('derives the stock status, sold out first', () => {
    expect(couponStockStatus(stock, during)).to.equal('active');
    expect(couponStockStatus(stock, new Date('2026-10-01T00:00:00Z'))).to.equal('not-started');
    expect(couponStockStatus(stock, new Date('2027-01-01T00:00:00Z'))).to.equal('expired');
    expect(couponStockStatus({ ...stock, remaining: 0 }, new Date('2027-01-01T00:00:00Z'))).to.equal('sold-out');
  });

  it('gives the reason a customer cannot receive a stock', () => {
    expect(couponUnavailableReason(stock, 1, during)).to.equal(null);
    expect(couponUnavailableReason(stock, 2, during)).to.equal('limit-reached');
    expect(couponUnavailableReason({ ...stock, remaining: 0 }, 0, during)).to.equal('sold-out');
  });

  it('throws the matching adapter error codes', () => {
    expect(thrown(() => assertCouponSendable({ ...stock, remaining: 0 }, 0, during)).code).to.equal('sold-out');
    expect(thrown(() => assertCouponSendable(stock, 2, during)).code).to.equal('limit-reached');
    const early = thrown(() => assertCouponSendable(stock, 0, new Date('2026-10-01T00:00:00Z')));
    expect([early.code, early.reason]).to.deep.equal(['expired', 'not-started']);
    const late = thrown(() => assertCouponSendable(stock, 0, new Date('2027-10-01T00:00:00Z')));
    expect([late.code, late.reason]).to.deep.equal(['expired', 'expired']);
    expect(() => assertCouponSendable(stock, 1, during)).not.to.throw();
  });

  it('allows validity windows of at most 90 days', () => {
    expect(isValidityWindowAllowed('2026-01-01T00:00:00Z', '2026-03-31T00:00:00Z')).to.equal(true);
    expect(isValidityWindowAllowed('2026-01-01T00:00:00Z', '2026-04-02T00:00:00Z')).to.equal(false);
    expect(isValidityWindowAllowed('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).to.equal(false);
  });
});

describe('rules: tags', () => {
  const age = fixtures.tagGroup({
    id: 'age',
    name: '年龄段',
    selection: 'single',
    order: 10,
    tags: [
      fixtures.tag({ id: 'a20', groupId: 'age', name: '20-30' }),
      fixtures.tag({ id: 'a30', groupId: 'age', name: '30-40' }),
    ],
  });
  const style = fixtures.tagGroup({
    id: 'style',
    name: '偏好',
    order: 20,
    tags: [
      fixtures.tag({ id: 'sport', groupId: 'style', name: '运动', order: 1 }),
      fixtures.tag({ id: 'biz', groupId: 'style', name: '商务', order: 5 }),
      fixtures.tag({ id: 'gone', groupId: 'style', name: '旧标签', deleted: true }),
    ],
  });
  const rule = fixtures.tagGroup({
    id: 'rule',
    name: '规则',
    kind: 'rule',
    tags: [fixtures.tag({ id: 'hv', groupId: 'rule', name: '高价值' })],
  });
  const hidden = fixtures.tagGroup({ id: 'old', name: '旧分组', deleted: true });
  const groups = [age, style, rule, hidden];

  it('replaces the previous tag of a single-select group', () => {
    expect(applyTagDiff(['a20', 'sport'], { add: ['a30'], remove: [] }, groups)).to.deep.equal({
      tagIds: ['sport', 'a30'],
      removed: ['a20'],
    });
  });

  it('adds to multi-select groups and removes', () => {
    expect(applyTagDiff(['sport'], { add: ['biz'], remove: ['sport'] }, groups)).to.deep.equal({
      tagIds: ['biz'],
      removed: ['sport'],
    });
  });

  it('refuses empty diffs, unknown, soft-deleted and rule tags, and two tags of one single group', () => {
    expect(thrown(() => applyTagDiff([], { add: [], remove: [] }, groups)).code).to.equal('invalid');
    expect(thrown(() => applyTagDiff([], { add: ['nope'], remove: [] }, groups)).code).to.equal('not-found');
    expect(thrown(() => applyTagDiff([], { add: ['gone'], remove: [] }, groups)).code).to.equal('not-found');
    expect(thrown(() => applyTagDiff([], { add: ['hv'], remove: [] }, groups)).code).to.equal('forbidden');
    expect(thrown(() => applyTagDiff([], { add: ['a20', 'a30'], remove: [] }, groups)).field).to.equal('add.1');
  });

  it('validates new tag names', () => {
    expect(tagNameProblem('  ', style)).to.equal('empty');
    expect(tagNameProblem('字'.repeat(31), style)).to.equal('too-long');
    expect(tagNameProblem('字'.repeat(30), style)).to.equal(null);
    expect(tagNameProblem(' 运动 ', style)).to.equal('duplicate');
    expect(tagNameProblem('旧标签', style)).to.equal(null);
  });

  it('hides soft-deleted groups and tags and sorts by order, larger first', () => {
    const visible = visibleTagGroups(groups);
    expect(visible.map((g) => g.id)).to.deep.equal(['style', 'age', 'rule']);
    expect(visible[0]!.tags.map((t) => t.id)).to.deep.equal(['biz', 'sport']);
  });
});
