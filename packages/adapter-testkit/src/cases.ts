/**
 * The conformance cases: what every adapter must do, checked through the public contract only.
 * Each case starts from a fresh {@link conformanceDataset} and a {@link TestClock} at
 * {@link CONFORMANCE_START}, gets a new adapter from `create`, and hands it to `reset` afterwards.
 */
import {
  AdapterError,
  UploadedMediaSchema,
  operations,
  parseOrInvalid,
  type AdapterErrorCode,
  type ClientelingAdapter,
  type MomentDraft,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from '@clienteling/core';
import type { Dataset } from '@clienteling/adapter-local/seed.js';
import { createTestClock, type TestClock } from './clock.js';
import { CONFORMANCE_START, conformanceDataset, ids } from './dataset.js';
import { defineCustomerCases } from './customer-cases.js';
import { defineTaskCases } from './task-cases.js';
import { defineTransferCases } from './transfer-cases.js';
import { defineResultsCases } from './results-cases.js';
import { defineMediaCases } from './media-cases.js';
import { defineBroadcastCases } from './broadcast-cases.js';
import { defineScriptCases } from './script-cases.js';

export interface ConformanceContext {
  /** The data the adapter must serve, exactly. */
  dataset: Dataset;
  /** The adapter's "now": the suite sets and advances it. */
  clock: TestClock;
}

export interface ConformanceOptions {
  /** Shown in the name of the mocha `describe` block. */
  name: string;
  /** A new adapter over exactly `context.dataset` whose "now" follows `context.clock`. */
  create(context: ConformanceContext): ClientelingAdapter | Promise<ClientelingAdapter>;
  /** Called after each case with the adapter `create` returned (close it, delete its data…). */
  reset?(adapter: ClientelingAdapter): void | Promise<void>;
}

export interface ConformanceCase {
  /**
   * The area of the contract: `shapes`, `tags`, `moments`, `coupons`, `groups`, `media`, `customers`, `tasks`,
   * `transfers`, `results`, `scripts`, `broadcasts`.
   */
  group: string;
  name: string;
  run(): Promise<void>;
}

/** Thrown when an adapter does not behave as the contract says. */
export class ConformanceError extends Error {
  override name = 'ConformanceError';
}

/** What a case body works with. */
export interface Harness extends ConformanceContext {
  adapter: ClientelingAdapter;
  /** Calls an operation and validates its response against the contract's output schema. */
  call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
  /** Expects `promise` to reject with an AdapterError of `code` (one of them, when an array). */
  rejects(
    promise: Promise<unknown>,
    code: AdapterErrorCode | AdapterErrorCode[],
    reason?: string,
  ): Promise<AdapterError>;
  /** A fresh request id. */
  rid(): string;
}

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new ConformanceError(message);
};
const show = (value: unknown) => JSON.stringify(value);
const same = (actual: unknown, expected: unknown, what: string) =>
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
const sorted = (list: readonly string[]) => [...list].sort();
const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const fulfilled = <T>(results: PromiseSettledResult<T>[]) =>
  results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value);
const rejectedCodes = (results: PromiseSettledResult<unknown>[]) =>
  results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => (r.reason as AdapterError).code);

/** A wall-clock time in Shanghai (`2026-11-10T23:59:00`) as a Date. */
const inShanghai = (local: string) => new Date(`${local}+08:00`);
const draft = (text = '今日新品到店，欢迎试穿'): MomentDraft => ({ text, audience: { type: 'all' } });

type Body = (harness: Harness) => Promise<void>;

/** Every case, for `runAdapterConformance` to register or for a self-test to run by hand. */
export function conformanceCases(options: ConformanceOptions): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const define = (group: string, name: string, body: Body, prepare?: (dataset: Dataset) => void) =>
    cases.push({
      group,
      name,
      async run() {
        const dataset = conformanceDataset();
        prepare?.(dataset);
        const clock = createTestClock(CONFORMANCE_START);
        const adapter = await options.create({ dataset, clock });
        let requestCount = 0;
        const harness: Harness = {
          dataset,
          clock,
          adapter,
          rid: () => `conformance-${group}-${++requestCount}-${Math.random().toString(36).slice(2, 10)}`,
          async call(name, input) {
            const result = await (adapter[name] as (input: unknown) => Promise<unknown>).call(adapter, input);
            return parseOrInvalid(operations[name].output, result, `${name} response`) as never;
          },
          async rejects(promise, code, reason) {
            const codes = Array.isArray(code) ? code : [code];
            let value: unknown;
            try {
              value = await promise;
            } catch (error) {
              check(AdapterError.is(error), `expected an AdapterError, got ${String(error)}`);
              const adapterError = error as AdapterError;
              check(
                codes.includes(adapterError.code),
                `expected ${codes.join(' or ')}, got ${adapterError.code}: ${adapterError.message}`,
              );
              if (reason) same(adapterError.reason, reason, `reason of ${adapterError.code}`);
              return adapterError;
            }
            throw new ConformanceError(
              `expected ${codes.join(' or ')}, but it succeeded with ${show(value).slice(0, 200)}`,
            );
          },
        };
        try {
          await body(harness);
        } finally {
          await options.reset?.(adapter);
        }
      },
    });

  /* ---------------------------------------------------------------- shapes and reads */
  define('shapes', 'getCurrentStaff returns the signed-in staff member', async (harness) => {
    const staff = await harness.call('getCurrentStaff', {});
    same(staff.id, ids.me, 'id');
    same(staff.verified, true, 'verified');
    same(staff.companyName, '东方百货', 'companyName');
  });
  define('shapes', 'getStaff reports verification as the backend has it', async (harness) => {
    same((await harness.call('getStaff', { staffId: ids.unverified })).verified, false, 'verified of st-new');
    same((await harness.call('getStaff', { staffId: ids.other })).verified, true, 'verified of st-other');
  });
  define('shapes', 'getPolicy returns the dataset policy', async (harness) => {
    const policy = await harness.call('getPolicy', {});
    same(policy, harness.dataset.policy, 'policy');
  });
  define('shapes', 'searchCustomers returns only the staff member’s customers', async (harness) => {
    const page = await harness.call('searchCustomers', {});
    same(sorted(page.items.map((c) => c.id)), sorted(ids.mine), 'customers');
    same(page.nextCursor, null, 'nextCursor');
  });
  define('shapes', 'searchCustomers is case-insensitive on name and remark', async (harness) => {
    const page = await harness.call('searchCustomers', { query: 'LILY' });
    same(sorted(page.items.map((c) => c.id)), ['c-2', 'c-3'], 'matches of LILY');
    same(
      (await harness.call('searchCustomers', { query: '陈' })).items.map((c) => c.id),
      ['c-1'],
      'matches of 陈',
    );
  });
  define('shapes', 'getCustomer returns the customer with tags and rule tags', async (harness) => {
    const customer = await harness.call('getCustomer', { customerId: 'c-1' });
    same(sorted(customer.tagIds), ['t-age-26', 't-sport'], 'tagIds');
    same(customer.ruleTagIds, ['rt-vip'], 'ruleTagIds');
    same(customer.ownerStaffId, ids.me, 'ownerStaffId');
  });
  define('shapes', 'unknown ids are not-found', async (harness) => {
    await harness.rejects(harness.adapter.getStaff({ staffId: 'nobody' }), 'not-found');
    await harness.rejects(harness.adapter.getCustomer({ customerId: 'nobody' }), 'not-found');
    await harness.rejects(harness.adapter.getMoment({ momentId: 'nothing' }), 'not-found');
    await harness.rejects(harness.adapter.getGroup({ groupId: 'nothing' }), 'not-found');
    await harness.rejects(harness.adapter.listGroupMembers({ groupId: 'nothing' }), 'not-found');
    await harness.rejects(harness.adapter.listCouponStocks({ customerId: 'nobody' }), 'not-found');
  });
  define('shapes', 'malformed input is invalid', async (harness) => {
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: 'short', stockId: 'k-open', customerId: 'c-1' }),
      'invalid',
    );
    await harness.rejects(harness.adapter.searchCustomers({ limit: 0 }), 'invalid');
    await harness.rejects(harness.adapter.getCustomer({} as never), 'invalid');
  });
  define(
    'shapes',
    'text no database keeps (NUL, half a surrogate pair) is invalid, naming the field',
    async (harness) => {
      const nul = await harness.rejects(harness.adapter.getCustomer({ customerId: 'c-1\u0000' }), 'invalid');
      same(nul.field, 'customerId', 'field of a NUL');
      const draft: MomentDraft = { text: 'half \uD83D of a pair', audience: { type: 'all' } };
      const lone = await harness.rejects(harness.adapter.publishMoment({ requestId: harness.rid(), draft }), 'invalid');
      same(lone.field, 'draft.text', 'field of a lone surrogate');
      const tagName = await harness.rejects(
        harness.adapter.createTag({ groupId: 'tg-style', name: 'a\u0000' }),
        'invalid',
      );
      same(tagName.field, 'name', 'field of a NUL in a name');
    },
  );

  /* ---------------------------------------------------------------- tags */
  define('tags', 'listTagGroups hides soft-deleted groups and tags, larger order first', async (harness) => {
    const groups = await harness.call('listTagGroups', {});
    same(
      groups.map((g) => g.id),
      ['tg-age', 'tg-style', 'tg-size', 'tg-rule'],
      'groups',
    );
    same(
      groups[1]!.tags.map((tag) => tag.id),
      ['t-sport', 't-casual', 't-work'],
      'tags of tg-style',
    );
  });
  define('tags', 'listTagGroups reports selection and kind', async (harness) => {
    const groups = await harness.call('listTagGroups', {});
    same(
      groups.map((g) => `${g.selection}/${g.kind}`),
      ['single/manual', 'multiple/manual', 'multiple/manual', 'multiple/rule'],
      'selection/kind',
    );
  });
  define('tags', 'markTags adds tags of a multi-select group', async (harness) => {
    const customer = await harness.call('markTags', {
      customerId: 'c-1',
      add: ['t-casual', 't-m', 't-l'],
      remove: [],
    });
    same(sorted(customer.tagIds), ['t-age-26', 't-casual', 't-l', 't-m', 't-sport'], 'tagIds');
    const stored = await harness.call('getCustomer', { customerId: 'c-1' });
    same(sorted(stored.tagIds), sorted(customer.tagIds), 'stored tagIds');
  });
  define('tags', 'a single-select group replaces its previous tag', async (harness) => {
    const customer = await harness.call('markTags', { customerId: 'c-1', add: ['t-age-31'], remove: [] });
    same(sorted(customer.tagIds), ['t-age-31', 't-sport'], 'tagIds');
  });
  define('tags', 'two tags of one single-select group in one diff are invalid', async (harness) => {
    await harness.rejects(
      harness.adapter.markTags({ customerId: 'c-5', add: ['t-age-18', 't-age-31'], remove: [] }),
      'invalid',
    );
    same((await harness.call('getCustomer', { customerId: 'c-5' })).tagIds, [], 'tagIds unchanged');
  });
  define('tags', 'an empty diff is invalid', async (harness) => {
    await harness.rejects(harness.adapter.markTags({ customerId: 'c-1', add: [], remove: [] }), 'invalid');
  });
  define('tags', 'markTags removes tags and keeps rule tags', async (harness) => {
    const customer = await harness.call('markTags', { customerId: 'c-1', add: [], remove: ['t-sport'] });
    same(customer.tagIds, ['t-age-26'], 'tagIds');
    same(customer.ruleTagIds, ['rt-vip'], 'ruleTagIds');
  });
  define('tags', 'unknown and soft-deleted tags are not-found', async (harness) => {
    await harness.rejects(harness.adapter.markTags({ customerId: 'c-1', add: ['t-nothing'], remove: [] }), 'not-found');
    await harness.rejects(harness.adapter.markTags({ customerId: 'c-1', add: ['t-old'], remove: [] }), 'not-found');
    await harness.rejects(harness.adapter.markTags({ customerId: 'c-1', add: ['t-gone'], remove: [] }), 'not-found');
  });
  define('tags', 'rule tags cannot be marked by hand', async (harness) => {
    await harness.rejects(harness.adapter.markTags({ customerId: 'c-5', add: ['rt-vip'], remove: [] }), 'forbidden');
  });
  define('tags', 'another associate’s customer cannot be marked', async (harness) => {
    await harness.rejects(
      harness.adapter.markTags({ customerId: ids.othersCustomer, add: ['t-casual'], remove: [] }),
      // A backend may answer not-found so that others' ids cannot be probed (the reference server does).
      ['forbidden', 'not-found'],
    );
  });
  define('tags', 'a tag name of invisible characters only is invalid', async (harness) => {
    for (const name of ['\u200B', '\u202E', ' \u200D\uFEFF ']) {
      const error = await harness.rejects(harness.adapter.createTag({ groupId: 'tg-style', name }), 'invalid');
      same(error.field, 'name', `field of ${JSON.stringify(name)}`);
    }
  });
  define('tags', 'createTag adds a tag that can be listed and marked', async (harness) => {
    const tag = await harness.call('createTag', { groupId: 'tg-style', name: '国潮' });
    same([tag.groupId, tag.name, tag.deleted], ['tg-style', '国潮', false], 'tag');
    const groups = await harness.call('listTagGroups', {});
    check(
      groups.find((group) => group.id === 'tg-style')!.tags.some((listed) => listed.id === tag.id),
      'the new tag is listed',
    );
    check(
      (await harness.call('markTags', { customerId: 'c-5', add: [tag.id], remove: [] })).tagIds.includes(tag.id),
      'the new tag can be marked',
    );
  });
  define('tags', 'createTag refuses names over 30 characters', async (harness) => {
    await harness.rejects(harness.adapter.createTag({ groupId: 'tg-style', name: '超'.repeat(31) }), 'invalid');
  });
  define('tags', 'createTag refuses a duplicate name, case-insensitively', async (harness) => {
    await harness.rejects(harness.adapter.createTag({ groupId: 'tg-style', name: 'OFFICE' }), 'conflict');
  });
  define('tags', 'createTag is forbidden in rule groups and closed groups', async (harness) => {
    await harness.rejects(harness.adapter.createTag({ groupId: 'tg-rule', name: '新规则' }), 'forbidden');
    await harness.rejects(harness.adapter.createTag({ groupId: 'tg-size', name: 'XXL' }), 'forbidden');
    await harness.rejects(harness.adapter.createTag({ groupId: 'tg-nothing', name: 'x' }), 'not-found');
  });

  /* ---------------------------------------------------------------- moments */
  define('moments', 'getMomentQuota counts today in the policy time zone', async (harness) => {
    const quota = await harness.call('getMomentQuota', {});
    same([quota.limit, quota.used, quota.remaining], [1, 0, 1], 'limit, used, remaining');
    same(Date.parse(quota.resetsAt), Date.parse('2026-11-10T16:00:00.000Z'), 'resetsAt (midnight in Shanghai)');
  });
  define('moments', 'publishMoment stores the post and uses the quota', async (harness) => {
    const rid = harness.rid();
    const moment = await harness.call('publishMoment', { requestId: rid, draft: draft() });
    same([moment.staffId, moment.requestId, moment.text], [ids.me, rid, '今日新品到店，欢迎试穿'], 'moment');
    check(moment.state === 'submitted' || moment.state === 'published', `state is ${moment.state}`);
    same((await harness.call('getMomentQuota', {})).remaining, 0, 'remaining');
  });
  define('moments', 'a link that is not http(s) is invalid', async (harness) => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example',
    ]) {
      const draft: MomentDraft = {
        text: '',
        attachments: { kind: 'link', link: { url, title: '新品' } },
        audience: { type: 'all' },
      };
      const error = await harness.rejects(
        harness.adapter.publishMoment({ requestId: harness.rid(), draft }),
        'invalid',
      );
      same(error.field, 'draft.attachments.link.url', `field of ${url}`);
    }
    same((await harness.call('getMomentQuota', {})).used, 0, 'nothing published');
  });
  define('moments', 'a second post the same day is limit-reached', async (harness) => {
    await harness.call('publishMoment', { requestId: harness.rid(), draft: draft() });
    harness.clock.advance(6 * 3_600_000);
    await harness.rejects(
      harness.adapter.publishMoment({ requestId: harness.rid(), draft: draft('第二条') }),
      'limit-reached',
    );
  });
  define('moments', 'the same request id returns the first moment and never posts twice', async (harness) => {
    const rid = harness.rid();
    const first = await harness.call('publishMoment', { requestId: rid, draft: draft() });
    harness.clock.advance(60_000);
    const again = await harness.call('publishMoment', { requestId: rid, draft: draft() });
    same(again.id, first.id, 'id of the replay');
    same((await harness.call('getMomentQuota', {})).used, 1, 'used');
  });
  define('moments', 'the same request id with another draft is a conflict', async (harness) => {
    const rid = harness.rid();
    await harness.call('publishMoment', { requestId: rid, draft: draft() });
    await harness.rejects(harness.adapter.publishMoment({ requestId: rid, draft: draft('另一条') }), 'conflict');
  });
  define('moments', 'days roll over at midnight in the policy time zone', async (harness) => {
    harness.clock.set(inShanghai('2026-11-10T23:59:00'));
    await harness.call('publishMoment', { requestId: harness.rid(), draft: draft() });
    harness.clock.set(inShanghai('2026-11-11T00:01:00'));
    await harness.call('publishMoment', { requestId: harness.rid(), draft: draft('第二天') });
    same((await harness.call('getMomentQuota', {})).used, 1, 'used on the new day');
  });
  define('moments', 'a day is the local day, not the UTC day', async (harness) => {
    harness.clock.set(inShanghai('2026-11-11T00:30:00')); // 16:30 UTC on the 10th
    await harness.call('publishMoment', { requestId: harness.rid(), draft: draft() });
    harness.clock.set(inShanghai('2026-11-11T23:30:00')); // 15:30 UTC on the 11th
    await harness.rejects(
      harness.adapter.publishMoment({ requestId: harness.rid(), draft: draft('同一天') }),
      'limit-reached',
    );
  });
  define('moments', 'a submitted moment is published and lists unreachable customers', async (harness) => {
    const moment = await harness.call('publishMoment', { requestId: harness.rid(), draft: draft() });
    let read = await harness.call('getMoment', { momentId: moment.id });
    for (let i = 0; i < 50 && read.state === 'submitted'; i++) {
      harness.clock.advance(1000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      read = await harness.call('getMoment', { momentId: moment.id });
    }
    same(read.state, 'published', 'state');
    check(read.publishedAt !== undefined, 'publishedAt is set');
    same(read.unreachableCustomerIds, [ids.unreachable], 'unreachableCustomerIds');
    const again = await harness.call('getMoment', { momentId: moment.id });
    same(again.publishedAt, read.publishedAt, 'publishedAt is stable');
  });
  define('moments', 'estimateReach counts the customers carrying any audience tag', async (harness) => {
    same((await harness.call('estimateReach', { audience: { type: 'all' } })).count, ids.mine.length, 'all');
    same(
      (await harness.call('estimateReach', { audience: { type: 'tags', tagIds: ['t-sport', 't-casual'] } })).count,
      3,
      'sport or casual',
    );
  });
  define('moments', 'a draft without text or attachment is invalid', async (harness) => {
    await harness.rejects(
      harness.adapter.publishMoment({ requestId: harness.rid(), draft: { text: '  ', audience: { type: 'all' } } }),
      'invalid',
    );
    await harness.rejects(
      harness.adapter.publishMoment({ requestId: harness.rid(), draft: draft('字'.repeat(2001)) }),
      'invalid',
    );
    same((await harness.call('getMomentQuota', {})).used, 0, 'nothing was posted');
  });
  define('moments', 'an audience of unknown tags is refused', async (harness) => {
    const bad: MomentDraft = { text: '新品', audience: { type: 'tags', tagIds: ['t-nothing'] } };
    await harness.rejects(harness.adapter.publishMoment({ requestId: harness.rid(), draft: bad }), [
      'invalid',
      'not-found',
    ]);
  });

  /* ---------------------------------------------------------------- coupons */
  define('coupons', 'listCouponStocks reports every state and what the customer holds', async (harness) => {
    const offers = await harness.call('listCouponStocks', { customerId: 'c-6' });
    const statuses = sorted(offers.map((offer) => `${offer.id}: ${offer.status}/${offer.held}`));
    same(
      statuses,
      [
        'k-last: active/0',
        'k-open: active/0',
        'k-past: expired/0',
        'k-sold: sold-out/0',
        'k-soon: not-started/0',
        'k-two: active/1',
      ],
      'status/held',
    );
  });
  define('coupons', 'issueCoupon issues, decrements the stock and lists the coupon', async (harness) => {
    const rid = harness.rid();
    const coupon = await harness.call('issueCoupon', { requestId: rid, stockId: 'k-open', customerId: 'c-1' });
    same(
      [coupon.stockId, coupon.customerId, coupon.staffId, coupon.requestId, coupon.status],
      ['k-open', 'c-1', ids.me, rid, 'unused'],
      'coupon',
    );
    const offer = (await harness.call('listCouponStocks', { customerId: 'c-1' })).find((o) => o.id === 'k-open')!;
    same([offer.remaining, offer.held], [49, 1], 'remaining, held');
    same(
      (await harness.call('listCustomerCoupons', { customerId: 'c-1' })).map((c) => c.id),
      [coupon.id],
      'coupons of c-1',
    );
  });
  define('coupons', 'a customer at the per-customer limit of 1 gets limit-reached', async (harness) => {
    await harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-open', customerId: 'c-1' });
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-open', customerId: 'c-1' }),
      'limit-reached',
    );
  });
  define('coupons', 'a limit of 2 allows exactly two', async (harness) => {
    await harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-two', customerId: 'c-1' });
    await harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-two', customerId: 'c-1' });
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-two', customerId: 'c-1' }),
      'limit-reached',
    );
  });
  define('coupons', 'coupons held before count towards the limit', async (harness) => {
    await harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-two', customerId: 'c-6' });
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-two', customerId: 'c-6' }),
      'limit-reached',
    );
  });
  define('coupons', 'a sold-out stock is sold-out', async (harness) => {
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-sold', customerId: 'c-1' }),
      'sold-out',
    );
  });
  define('coupons', 'the last coupon of a stock sells it out', async (harness) => {
    await harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-last', customerId: 'c-1' });
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-last', customerId: 'c-2' }),
      'sold-out',
    );
    same(
      (await harness.call('listCouponStocks', { customerId: 'c-2' })).find((o) => o.id === 'k-last')!.status,
      'sold-out',
      'status',
    );
  });
  define('coupons', 'a stock not yet started is expired with reason not-started', async (harness) => {
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-soon', customerId: 'c-1' }),
      'expired',
      'not-started',
    );
  });
  define('coupons', 'an expired stock is expired', async (harness) => {
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-past', customerId: 'c-1' }),
      'expired',
    );
  });
  define('coupons', 'the validity window follows the clock', async (harness) => {
    harness.clock.advance(3 * 86_400_000); // k-soon has started
    await harness.call('issueCoupon', { requestId: harness.rid(), stockId: 'k-soon', customerId: 'c-1' });
    harness.clock.advance(30 * 86_400_000); // k-open has ended
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-open', customerId: 'c-1' }),
      'expired',
    );
  });
  define('coupons', 'the same request id returns the first coupon and issues once', async (harness) => {
    const rid = harness.rid();
    const first = await harness.call('issueCoupon', { requestId: rid, stockId: 'k-open', customerId: 'c-1' });
    const again = await harness.call('issueCoupon', { requestId: rid, stockId: 'k-open', customerId: 'c-1' });
    same([again.id, again.code], [first.id, first.code], 'replayed coupon');
    same(
      (await harness.call('listCouponStocks', { customerId: 'c-1' })).find((o) => o.id === 'k-open')!.remaining,
      49,
      'remaining',
    );
    same((await harness.call('listCustomerCoupons', { customerId: 'c-1' })).length, 1, 'coupons of c-1');
  });
  define('coupons', 'a retried send of the last coupon succeeds with the first result', async (harness) => {
    const rid = harness.rid();
    const first = await harness.call('issueCoupon', { requestId: rid, stockId: 'k-last', customerId: 'c-1' });
    same(
      (await harness.call('issueCoupon', { requestId: rid, stockId: 'k-last', customerId: 'c-1' })).id,
      first.id,
      'replayed coupon',
    );
  });
  define('coupons', 'the same request id for another send is a conflict', async (harness) => {
    const rid = harness.rid();
    await harness.call('issueCoupon', { requestId: rid, stockId: 'k-open', customerId: 'c-1' });
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: rid, stockId: 'k-open', customerId: 'c-2' }),
      'conflict',
    );
  });
  define('coupons', 'concurrent sends of the last coupon: exactly one succeeds', async (harness) => {
    const results = await settle(
      ['c-1', 'c-2', 'c-3', 'c-5', 'c-6'].map((customerId) =>
        harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-last', customerId }),
      ),
    );
    same(fulfilled(results).length, 1, 'sent');
    same(rejectedCodes(results), ['sold-out', 'sold-out', 'sold-out', 'sold-out'], 'the others');
  });
  define('coupons', 'concurrent sends to one customer never exceed the limit', async (harness) => {
    const results = await settle(
      [1, 2, 3, 4].map(() =>
        harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-open', customerId: 'c-2' }),
      ),
    );
    same(fulfilled(results).length, 1, 'sent');
    same(rejectedCodes(results), ['limit-reached', 'limit-reached', 'limit-reached'], 'the others');
    same(
      (await harness.call('listCouponStocks', { customerId: 'c-2' })).find((o) => o.id === 'k-open')!.remaining,
      49,
      'remaining',
    );
  });
  define('coupons', 'concurrent retries of one request issue one coupon', async (harness) => {
    const rid = harness.rid();
    const results = await settle(
      [1, 2, 3, 4].map(() => harness.adapter.issueCoupon({ requestId: rid, stockId: 'k-two', customerId: 'c-1' })),
    );
    const sent = fulfilled(results);
    same(sent.length, 4, 'all answered');
    same(new Set(sent.map((coupon) => coupon.id)).size, 1, 'distinct coupons');
    same((await harness.call('listCustomerCoupons', { customerId: 'c-1' })).length, 1, 'coupons of c-1');
  });
  define('coupons', 'sending to another associate’s customer is forbidden', async (harness) => {
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-open', customerId: ids.othersCustomer }),
      ['forbidden', 'not-found'],
    );
  });
  define('coupons', 'sending to an unreachable customer is forbidden', async (harness) => {
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-open', customerId: ids.unreachable }),
      'forbidden',
      'customer-unreachable',
    );
  });
  define('coupons', 'unknown stocks and customers are not-found', async (harness) => {
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-nothing', customerId: 'c-1' }),
      'not-found',
    );
    await harness.rejects(
      harness.adapter.issueCoupon({ requestId: harness.rid(), stockId: 'k-open', customerId: 'c-nobody' }),
      'not-found',
    );
  });
  define('coupons', 'listCustomerCoupons lists what the customer holds', async (harness) => {
    const coupons = await harness.call('listCustomerCoupons', { customerId: 'c-6' });
    same(
      coupons.map((coupon) => [coupon.id, coupon.stockId, coupon.status]),
      [['coupon-seeded', 'k-two', 'unused']],
      'coupons of c-6',
    );
  });

  /* ---------------------------------------------------------------- groups */
  define('groups', 'listGroups returns the groups the staff member owns or belongs to', async (harness) => {
    const page = await harness.call('listGroups', {});
    same(sorted(page.items.map((g) => g.id)), ['g-admin', 'g-big', 'g-full', 'g-member', 'g-staff'], 'groups');
    const roles = Object.fromEntries(page.items.map((group) => [group.id, group.viewerRole]));
    same(
      roles,
      { ...roles, 'g-full': 'owner', 'g-admin': 'admin', 'g-member': 'member', 'g-staff': 'member' },
      'viewerRole',
    );
  });
  define('groups', 'listGroups pages with a cursor', async (harness) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: OperationOutput<'listGroups'> = await harness.call('listGroups', { limit: 2, cursor });
      check(page.items.length <= 2, 'at most limit items');
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    same(sorted(seen), ['g-admin', 'g-big', 'g-full', 'g-member', 'g-staff'], 'all groups, once each');
  });
  define('groups', 'getGroup derives memberCount and viewerRole', async (harness) => {
    const group = await harness.call('getGroup', { groupId: 'g-big' });
    same([group.memberCount, group.memberCap, group.viewerRole, group.kind], [30, 500, 'owner', 'external'], 'group');
    same((await harness.call('listGroupMembers', { groupId: 'g-big', limit: 500 })).items.length, 30, 'members listed');
  });
  define('groups', 'listGroupMembers sorts by join time, newest first, by default', async (harness) => {
    const page = await harness.call('listGroupMembers', { groupId: 'g-full' });
    same(
      page.items.map((m) => m.id),
      ['c-3', 'c-2', 'c-1', 'st-me'],
      'order',
    );
  });
  define('groups', 'listGroupMembers sorts by name in zh-CN order', async (harness) => {
    const page = await harness.call('listGroupMembers', { groupId: 'g-big', sort: 'name', limit: 500 });
    const names = page.items.map((m) => m.name);
    same(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      'names',
    );
  });
  define('groups', 'listGroupMembers filters staff, customers and admins', async (harness) => {
    const ofFilter = async (filter: 'staff' | 'customer' | 'admin') =>
      sorted((await harness.call('listGroupMembers', { groupId: 'g-admin', filter })).items.map((m) => m.id));
    same(await ofFilter('staff'), ['st-me', 'st-new', 'st-other'], 'staff');
    same(await ofFilter('customer'), ['c-1', 'c-other'], 'customers');
    same(await ofFilter('admin'), ['st-me', 'st-new', 'st-other'], 'owner and admins');
  });
  define('groups', 'listGroupMembers searches name and nickname, case-insensitively', async (harness) => {
    same(
      (await harness.call('listGroupMembers', { groupId: 'g-big', query: 'nick4' })).items.map((m) => m.id),
      ['gm-05'],
      'nickname',
    );
    same(
      (await harness.call('listGroupMembers', { groupId: 'g-big', query: 'AMY' })).items.map((m) => m.id),
      ['gm-28'],
      'name',
    );
  });
  for (const sort of ['joinedAt', 'name'] as const)
    define('groups', `member pages stay consistent while members are added (sort ${sort})`, async (harness) => {
      const before = (await harness.call('listGroupMembers', { groupId: 'g-big', limit: 500 })).items.map((m) => m.id);
      const first = await harness.call('listGroupMembers', { groupId: 'g-big', sort, limit: 7 });
      const seen = first.items.map((m) => m.id);
      for (const customerId of ['c-5', 'c-7', 'c-8'])
        await harness.call('addGroupMember', {
          requestId: harness.rid(),
          groupId: 'g-big',
          customerId,
          scene: 'qrcode',
        });
      let cursor = first.nextCursor;
      for (let i = 0; cursor && i < 20; i++) {
        const page: OperationOutput<'listGroupMembers'> = await harness.call('listGroupMembers', {
          groupId: 'g-big',
          sort,
          limit: 7,
          cursor,
        });
        seen.push(...page.items.map((m) => m.id));
        cursor = page.nextCursor;
      }
      same(seen.length, new Set(seen).size, 'no member twice');
      const missed = before.filter((id) => !seen.includes(id));
      same(missed, [], 'members present before that were skipped');
    });
  define('groups', 'addGroupMember adds a customer with scene and inviter', async (harness) => {
    const member = await harness.call('addGroupMember', {
      requestId: harness.rid(),
      groupId: 'g-big',
      customerId: 'c-5',
      scene: 'link',
    });
    same(
      [member.id, member.groupId, member.type, member.role, member.joinScene, member.inviterId],
      ['c-5', 'g-big', 'customer', 'member', 'link', ids.me],
      'member',
    );
    same(Date.parse(member.joinedAt), harness.clock.now().getTime(), 'joinedAt is now');
    same((await harness.call('getGroup', { groupId: 'g-big' })).memberCount, 31, 'memberCount');
  });
  define('groups', 'a group at its member cap is limit-reached', async (harness) => {
    await harness.call('addGroupMember', {
      requestId: harness.rid(),
      groupId: 'g-full',
      customerId: 'c-5',
      scene: 'invited',
    });
    await harness.rejects(
      harness.adapter.addGroupMember({
        requestId: harness.rid(),
        groupId: 'g-full',
        customerId: 'c-6',
        scene: 'invited',
      }),
      'limit-reached',
    );
    same((await harness.call('getGroup', { groupId: 'g-full' })).memberCount, 5, 'memberCount');
  });
  define('groups', 'addGroupMember with the same request id adds once', async (harness) => {
    const rid = harness.rid();
    const first = await harness.call('addGroupMember', {
      requestId: rid,
      groupId: 'g-big',
      customerId: 'c-5',
      scene: 'invited',
    });
    harness.clock.advance(60_000);
    const again = await harness.call('addGroupMember', {
      requestId: rid,
      groupId: 'g-big',
      customerId: 'c-5',
      scene: 'invited',
    });
    same([again.id, again.joinedAt], [first.id, first.joinedAt], 'replayed member');
    same((await harness.call('getGroup', { groupId: 'g-big' })).memberCount, 31, 'memberCount');
    await harness.rejects(
      harness.adapter.addGroupMember({ requestId: rid, groupId: 'g-big', customerId: 'c-7', scene: 'invited' }),
      'conflict',
    );
  });
  define('groups', 'adding someone already in the group is a conflict', async (harness) => {
    await harness.rejects(
      harness.adapter.addGroupMember({
        requestId: harness.rid(),
        groupId: 'g-full',
        customerId: 'c-1',
        scene: 'invited',
      }),
      'conflict',
    );
  });
  define('groups', 'customers cannot be added to an internal group', async (harness) => {
    await harness.rejects(
      harness.adapter.addGroupMember({
        requestId: harness.rid(),
        groupId: 'g-staff',
        customerId: 'c-1',
        scene: 'invited',
      }),
      'forbidden',
    );
  });
  define('groups', 'the owner removes a member', async (harness) => {
    same(await harness.call('removeGroupMember', { groupId: 'g-full', memberId: 'c-2' }), { removed: true }, 'result');
    const members = (await harness.call('listGroupMembers', { groupId: 'g-full' })).items.map((m) => m.id);
    check(!members.includes('c-2'), 'c-2 is no longer listed');
    same((await harness.call('getGroup', { groupId: 'g-full' })).memberCount, 3, 'memberCount');
  });
  define('groups', 'removing someone not in the group removes nothing', async (harness) => {
    same(await harness.call('removeGroupMember', { groupId: 'g-full', memberId: 'c-8' }), { removed: false }, 'result');
  });
  define('groups', 'an admin removes customers but not the owner or other admins', async (harness) => {
    same(
      await harness.call('removeGroupMember', { groupId: 'g-admin', memberId: 'c-other' }),
      { removed: true },
      'result',
    );
    await harness.rejects(harness.adapter.removeGroupMember({ groupId: 'g-admin', memberId: ids.other }), 'forbidden');
    await harness.rejects(
      harness.adapter.removeGroupMember({ groupId: 'g-admin', memberId: ids.unverified }),
      'forbidden',
    );
  });
  define('groups', 'a plain member cannot remove anyone', async (harness) => {
    await harness.rejects(harness.adapter.removeGroupMember({ groupId: 'g-member', memberId: 'c-2' }), 'forbidden');
    same((await harness.call('getGroup', { groupId: 'g-member' })).memberCount, 3, 'memberCount');
  });

  /* ---------------------------------------------------------------- media */
  define('media', 'uploadMedia stores an image and returns its URL and size', async (harness) => {
    if (!harness.adapter.capabilities.uploadMedia) return;
    const canvas = new OffscreenCanvas(4, 3);
    canvas.getContext('2d')!.fillRect(0, 0, 4, 3);
    const file = await canvas.convertToBlob({ type: 'image/png' });
    const progress: number[] = [];
    const result = parseOrInvalid(
      UploadedMediaSchema,
      await harness.adapter.uploadMedia({ file, kind: 'image', onProgress: (fraction) => progress.push(fraction) }),
      'uploadMedia response',
    );
    same(result.size, file.size, 'size');
    check(progress.length === 0 || progress[progress.length - 1] === 1, `progress ends at 1: ${show(progress)}`);
  });
  define('media', 'uploadMedia refuses a file over the size limit', async (harness) => {
    if (!harness.adapter.capabilities.uploadMedia) return;
    const policy = await harness.call('getPolicy', {});
    const file = new Blob([new Uint8Array(policy.mediaMaxBytes + 1)], { type: 'image/png' });
    await harness.rejects(harness.adapter.uploadMedia({ file, kind: 'image' }), 'invalid');
  });
  defineMediaCases(define);
  defineCustomerCases(define);
  defineTaskCases(define);
  defineTransferCases(define);
  defineResultsCases(define);
  defineBroadcastCases(define);
  defineScriptCases(define);
  return cases;
}
