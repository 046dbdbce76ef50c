import { expect } from '@open-wc/testing';
import {
  AdapterError,
  AudienceSchema,
  CouponOfferSchema,
  CouponStockSchema,
  CustomerSchema,
  GroupMemberSchema,
  GroupSchema,
  IssuedCouponSchema,
  MarkTagsInputSchema,
  MomentDraftSchema,
  MomentSchema,
  PolicySchema,
  DEFAULT_POLICY,
  StaffProfileSchema,
  TagGroupSchema,
  TagSchema,
  UploadedMediaSchema,
  pageOf,
  parseOrInvalid,
  byteLength,
} from '@clienteling/core';
import { fixtures } from '../../../test/helpers/stub-adapter.js';

/** Parses and returns the AdapterError, failing the test when the data is accepted. */
function rejection(schema: Parameters<typeof parseOrInvalid>[0], data: unknown): AdapterError {
  try {
    parseOrInvalid(schema, data, 'test');
  } catch (error) {
    expect(AdapterError.is(error)).to.equal(true);
    return error as AdapterError;
  }
  throw new Error('expected the data to be rejected');
}

const tagGroup = () =>
  fixtures.tagGroup({
    id: 'g1',
    name: '年龄段',
    selection: 'single',
    tags: [fixtures.tag({ id: 't1', groupId: 'g1', name: '20-30' })],
  });
const draft = () => ({ text: '新品到店', audience: { type: 'all' as const } });
const stock = () => {
  const { held: _held, ...rest } = fixtures.couponOffer();
  return rest;
};
const member = () => fixtures.member({ id: 'm1' });

describe('schemas: valid data round-trips', () => {
  const cases: Array<[string, Parameters<typeof parseOrInvalid>[0], unknown]> = [
    [
      'staff profile',
      StaffProfileSchema,
      fixtures.staff({
        externalAttributes: [
          { type: 'text', name: '擅长', value: '护肤' },
          { type: 'web', name: '官网', title: '百联', url: 'https://example.com' },
          { type: 'miniprogram', name: '商城', title: '百联商城', appId: 'wx123', pagePath: 'pages/index' },
        ],
      }),
    ],
    ['customer', CustomerSchema, fixtures.customer({ tagIds: ['t1'], ruleTagIds: ['r1'], remark: 'VIP' })],
    ['tag group', TagGroupSchema, tagGroup()],
    [
      'moment draft with images',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'images', images: [{ url: 'https://x/1.jpg' }] } },
    ],
    [
      'moment draft with link',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'link', link: { url: 'https://x', title: '双十一' } } },
    ],
    [
      'moment draft with video',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'video', video: { url: 'https://x/v.mp4', durationMs: 29_000, size: 1000 } } },
    ],
    [
      'moment draft with mini-program',
      MomentDraftSchema,
      {
        ...draft(),
        attachments: { kind: 'miniprogram', miniprogram: { appId: 'wx1', pagePath: 'p/i', title: '商城' } },
      },
    ],
    ['moment', MomentSchema, fixtures.moment({ state: 'failed', unreachableCustomerIds: ['c1'] })],
    ['coupon offer', CouponOfferSchema, fixtures.couponOffer()],
    ['discount stock', CouponStockSchema, { ...stock(), benefit: { kind: 'discount', percentOff: 15, threshold: 0 } }],
    [
      'issued coupon',
      IssuedCouponSchema,
      fixtures.issuedCoupon({ status: 'redeemed', redeemedAt: '2026-11-02T10:00:00+08:00' }),
    ],
    ['group', GroupSchema, fixtures.group()],
    [
      'member',
      GroupMemberSchema,
      fixtures.member({ id: 'm1', type: 'staff', role: 'admin', companyName: '百联', nickname: '小王' }),
    ],
    ['policy', PolicySchema, DEFAULT_POLICY],
    [
      'policy with opening hours by store',
      PolicySchema,
      {
        ...DEFAULT_POLICY,
        openingHours: { 'store-ny': { open: '09:00', close: '21:00', timeZone: 'America/New_York' } },
      },
    ],
    ['page of customers', pageOf(CustomerSchema), { items: [fixtures.customer()], nextCursor: 'abc', total: 1 }],
    ['audience by tags', AudienceSchema, { type: 'tags', tagIds: ['t1'] }],
  ];
  for (const [name, schema, value] of cases) {
    it(`accepts and round-trips a ${name}`, () => {
      const parsed = parseOrInvalid(schema, value, name);
      expect(parsed).to.deep.equal(value);
      expect(parseOrInvalid(schema, JSON.parse(JSON.stringify(parsed)), name)).to.deep.equal(parsed);
    });
  }
});

describe('schemas: malformed data names the field', () => {
  const cases: Array<[string, Parameters<typeof parseOrInvalid>[0], unknown, string]> = [
    ['staff without verified flag', StaffProfileSchema, { ...fixtures.staff(), verified: undefined }, 'verified'],
    ['staff verified as a string', StaffProfileSchema, { ...fixtures.staff(), verified: 'yes' }, 'verified'],
    ['staff with empty company', StaffProfileSchema, fixtures.staff({ companyName: '' }), 'companyName'],
    [
      'staff attribute of unknown type',
      StaffProfileSchema,
      fixtures.staff({ externalAttributes: [{ type: 'video', name: 'x' } as never] }),
      'externalAttributes.0.type',
    ],
    [
      'staff web attribute without url',
      StaffProfileSchema,
      fixtures.staff({ externalAttributes: [{ type: 'web', name: 'a', title: 'b' } as never] }),
      'externalAttributes.0.url',
    ],
    [
      'store latitude out of range',
      StaffProfileSchema,
      fixtures.staff({ store: { id: 's', name: 'n', latitude: 120 } }),
      'store.latitude',
    ],
    ['customer added time not a date', CustomerSchema, { ...fixtures.customer(), addedAt: 'yesterday' }, 'addedAt'],
    [
      'customer date-time without zone',
      CustomerSchema,
      { ...fixtures.customer(), addedAt: '2026-11-01T10:00:00' },
      'addedAt',
    ],
    ['customer tag ids not an array', CustomerSchema, { ...fixtures.customer(), tagIds: 't1' }, 'tagIds'],
    ['customer with empty id', CustomerSchema, { ...fixtures.customer(), id: '' }, 'id'],
    ['tag name over 30 characters', TagSchema, fixtures.tag({ id: 't', groupId: 'g', name: 'x'.repeat(31) }), 'name'],
    ['tag order not an integer', TagSchema, fixtures.tag({ id: 't', groupId: 'g', name: 'a', order: 1.5 }), 'order'],
    ['tag group selection unknown', TagGroupSchema, { ...tagGroup(), selection: 'some' }, 'selection'],
    ['tag inside group malformed', TagGroupSchema, { ...tagGroup(), tags: [{ id: 't1' }] }, 'tags.0.groupId'],
    ['moment text over 2,000 characters', MomentDraftSchema, { ...draft(), text: 'a'.repeat(2001) }, 'text'],
    [
      'moment with ten images',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'images', images: Array.from({ length: 10 }, () => ({ url: 'https://x' })) } },
      'attachments.images',
    ],
    [
      'moment image url missing',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'images', images: [{ width: 10 }] } },
      'attachments.images.0.url',
    ],
    [
      'moment video over 30 s',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'video', video: { url: 'https://x', durationMs: 31_000, size: 1 } } },
      'attachments.video.durationMs',
    ],
    [
      'moment video over 10 MB',
      MomentDraftSchema,
      {
        ...draft(),
        attachments: { kind: 'video', video: { url: 'https://x', durationMs: 1, size: 11 * 1024 * 1024 } },
      },
      'attachments.video.size',
    ],
    [
      'link title over 64 bytes',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'link', link: { url: 'https://x', title: '双'.repeat(22) } } },
      'attachments.link.title',
    ],
    [
      'mixed attachment kind',
      MomentDraftSchema,
      { ...draft(), attachments: { kind: 'images', video: { url: 'https://x' } } },
      'attachments.images',
    ],
    ['empty post', MomentDraftSchema, { text: '  ', audience: { type: 'all' } }, 'text'],
    [
      'audience by tags without tags',
      MomentDraftSchema,
      { ...draft(), audience: { type: 'tags', tagIds: [] } },
      'audience.tagIds',
    ],
    ['moment state unknown', MomentSchema, { ...fixtures.moment(), state: 'sent' }, 'state'],
    ['coupon remaining negative', CouponStockSchema, { ...fixtures.couponOffer(), remaining: -1 }, 'remaining'],
    ['coupon limit zero', CouponStockSchema, { ...fixtures.couponOffer(), perCustomerLimit: 0 }, 'perCustomerLimit'],
    [
      'discount of 100%',
      CouponStockSchema,
      { ...fixtures.couponOffer(), benefit: { kind: 'discount', percentOff: 100, threshold: 0 } },
      'benefit.percentOff',
    ],
    [
      'amount off in yuan with decimals',
      CouponStockSchema,
      { ...fixtures.couponOffer(), benefit: { kind: 'amount-off', amountOff: 49.5, threshold: 0 } },
      'benefit.amountOff',
    ],
    ['offer without held count', CouponOfferSchema, { ...fixtures.couponOffer(), held: undefined }, 'held'],
    ['issued coupon status unknown', IssuedCouponSchema, { ...fixtures.issuedCoupon(), status: 'used' }, 'status'],
    ['group cap zero', GroupSchema, { ...fixtures.group(), memberCap: 0 }, 'memberCap'],
    ['member type unknown', GroupMemberSchema, { ...member(), type: 'bot' }, 'type'],
    ['member join scene unknown', GroupMemberSchema, { ...member(), joinScene: 'shake' }, 'joinScene'],
    ['member role unknown', GroupMemberSchema, { ...member(), role: 'king' }, 'role'],
    [
      'policy tag names over the platform limit',
      PolicySchema,
      { ...DEFAULT_POLICY, tagNameMaxLength: 40 },
      'tagNameMaxLength',
    ],
    [
      'policy count beyond a safe integer',
      PolicySchema,
      { ...DEFAULT_POLICY, imageMaxPixels: 2 ** 53 },
      'imageMaxPixels',
    ],
    ['policy count of Infinity', PolicySchema, { ...DEFAULT_POLICY, customerCap: Infinity }, 'customerCap'],
    [
      'opening hours of a store malformed',
      PolicySchema,
      { ...DEFAULT_POLICY, openingHours: { 'store-1': { open: '9:00', close: '21:00' } } },
      'openingHours.store-1.open',
    ],
    [
      'opening hours keyed by an empty store id',
      PolicySchema,
      { ...DEFAULT_POLICY, openingHours: { '': { open: '09:00', close: '21:00' } } },
      'openingHours',
    ],
    [
      'important date not a month and day',
      CustomerSchema,
      { ...fixtures.customer(), importantDates: [{ kind: 'birthday', date: '1990-13-01' }] },
      'importantDates.0.date',
    ],
    ['opening hours not an object', PolicySchema, { ...DEFAULT_POLICY, openingHours: ['09:00'] }, 'openingHours'],
    [
      'page item malformed',
      pageOf(GroupMemberSchema),
      { items: [member(), { ...member(), joinedAt: 3 }], nextCursor: null },
      'items.1.joinedAt',
    ],
    ['page without cursor', pageOf(CustomerSchema), { items: [] }, 'nextCursor'],
    ['empty tag diff', MarkTagsInputSchema, { customerId: 'c1', add: [], remove: [] }, 'add'],
    ['upload over 10 MB', UploadedMediaSchema, { url: 'https://x', size: 20 * 1024 * 1024 }, 'size'],
  ];
  for (const [name, schema, value, field] of cases) {
    it(`rejects ${name} naming ${field}`, () => {
      const error = rejection(schema, value);
      expect(error.code).to.equal('invalid');
      expect(error.field).to.equal(field);
      expect(error.message).to.contain(field);
      expect(error.retryable).to.equal(false);
    });
  }

  it('counts link titles in UTF-8 bytes', () => {
    expect(byteLength('abc')).to.equal(3);
    expect(byteLength('双十一')).to.equal(9);
  });
});
