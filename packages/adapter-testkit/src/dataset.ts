/**
 * The small, fixed dataset every conformance case starts from: a handful of customers, tag groups of
 * every kind, coupon stocks in every state, groups near their cap, and a policy of one moment a day
 * in Asia/Shanghai.
 */
import {
  DEFAULT_POLICY,
  type CouponStock,
  type Customer,
  type GroupMember,
  type StaffProfile,
} from '@clienteling/core';
import { UNREACHABLE_TAG_ID, type Dataset } from '@clienteling/adapter-local/seed.js';

/** "Now" when a case starts: 10:00 on 10 November 2026 in Shanghai. */
export const CONFORMANCE_START = '2026-11-10T02:00:00.000Z';
const DAY = 86_400_000;
/** The time `days` (and `hours`) after {@link CONFORMANCE_START}, as ISO 8601. */
const fromStart = (days: number, hours = 0) =>
  new Date(Date.parse(CONFORMANCE_START) + days * DAY + hours * 3_600_000).toISOString();

/** Ids the cases refer to. */
export const ids = {
  me: 'st-me',
  other: 'st-other',
  unverified: 'st-new',
  /** Customers of the signed-in staff member. */
  mine: ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', 'c-7', 'c-8'],
  /** Flagged by the rule engine as having deleted the associate. */
  unreachable: 'c-4',
  othersCustomer: 'c-other',
  /** Another associate's customer that the signed-in one follows too. */
  sharedCustomer: 'c-shared',
} as const;

export function conformanceDataset(): Dataset {
  const store = { id: 's-1', name: '南京东路店', address: '上海市黄浦区南京东路 800 号', city: '上海' };
  const person = (id: string, name: string, verified: boolean): StaffProfile => ({
    id,
    name,
    companyName: '东方百货',
    position: '导购',
    phone: '13800138000',
    verified,
    store,
    externalAttributes: [{ type: 'text', name: '营业时间', value: '10:00–22:00' }],
  });
  const customer = (suffix: string, name: string, over: Partial<Customer> = {}): Customer => ({
    id: `c-${suffix}`,
    name,
    ownerStaffId: 'st-me',
    addedAt: fromStart(-100 + Number(suffix) || -50),
    tagIds: [],
    ruleTagIds: [],
    ...over,
  });
  const stock = (id: string, over: Partial<CouponStock>): CouponStock => ({
    id,
    name: `券 ${id}`,
    benefit: { kind: 'amount-off', amountOff: 5000, threshold: 30000 },
    total: 100,
    remaining: 50,
    perCustomerLimit: 1,
    validFrom: fromStart(-10),
    validUntil: fromStart(20),
    status: 'active',
    ...over,
  });
  const member = (groupId: string, id: string, name: string, over: Partial<GroupMember> = {}): GroupMember => ({
    id,
    groupId,
    type: 'customer',
    name,
    role: 'member',
    joinedAt: fromStart(-30),
    joinScene: 'invited',
    ...over,
  });
  const staffMember = (groupId: string, id: string, name: string, role: GroupMember['role'], days: number) =>
    member(groupId, id, name, { type: 'staff', companyName: '东方百货', role, joinedAt: fromStart(days) });
  const group = (
    id: string,
    name: string,
    ownerId: string,
    count: number,
    cap: number,
    days: number,
    viewerRole: 'owner' | 'admin' | 'member' | 'none',
    kind: 'external' | 'internal' = 'external',
  ) => ({
    id,
    name,
    kind,
    ownerId,
    ownerName: ownerId === 'st-me' ? '王丽' : '李强',
    memberCount: count,
    memberCap: cap,
    createdAt: fromStart(days),
    viewerRole,
  });
  const bigNames =
    '赵一 钱二 孙三 李四 周五 吴六 郑七 王八 冯九 陈十 褚明 卫东 蒋华 沈冰 韩雪 杨帆 朱琳 秦岚 尤佳 许诺 何欣 吕方 施恩 张弛 孔晴 曹阳 严肃 Amy'.split(
      ' ',
    );
  return {
    policy: { ...DEFAULT_POLICY, momentsPerDay: 1, timeZone: 'Asia/Shanghai' },
    signedInStaffId: 'st-me',
    stores: [store],
    staff: [person('st-me', '王丽', true), person('st-other', '李强', true), person('st-new', '赵敏', false)],
    customers: [
      customer('1', '陈静', {
        tagIds: ['t-age-26', 't-sport'],
        ruleTagIds: ['rt-vip'],
        type: 'wecom',
        corpName: '蓝天科技',
        remarkCompany: '蓝天科技',
        description: '喜欢跑步，周末常来店',
        remarkPhones: ['13900139000'],
        addedBy: 'st-me',
        addWay: { kind: 'contact-me', state: 'store-s-1' },
        followerStaffIds: ['st-me'],
        importantDates: [
          { kind: 'birthday', date: '1994-11-20' },
          { kind: 'other', date: '06-01', label: '结婚纪念日' },
        ],
        purchases: {
          totalSpent: 1288000,
          orderCount: 6,
          lastPurchaseAt: fromStart(-12),
          averageOrderValue: 214667,
          favouriteCategories: ['运动鞋', '外套'],
          sizes: [{ category: '鞋', size: '38' }],
        },
      }),
      customer('2', '刘洋', { remark: 'Lily 的朋友' }),
      customer('3', 'Lily Zhang', { remark: 'VIP' }),
      customer('4', '周敏', { tagIds: ['t-sport'], ruleTagIds: [UNREACHABLE_TAG_ID] }),
      customer('5', '吴婷'),
      customer('6', '郑佳', { tagIds: ['t-casual'] }),
      customer('7', '王芳'),
      customer('8', '林悦'),
      customer('other', '孙磊', { ownerStaffId: 'st-other', tagIds: ['t-sport'] }),
      /** Owned by another associate, followed by the signed-in one too. */
      customer('shared', '何琳', { ownerStaffId: 'st-other', followerStaffIds: ['st-other', 'st-me'], type: 'wechat' }),
    ],
    tagGroups: [
      {
        id: 'tg-age',
        name: '年龄段',
        order: 30,
        deleted: false,
        selection: 'single',
        kind: 'manual',
        allowCreate: false,
        tags: [
          { id: 't-age-18', groupId: 'tg-age', name: '18-25', order: 3, deleted: false },
          { id: 't-age-26', groupId: 'tg-age', name: '26-30', order: 2, deleted: false },
          { id: 't-age-31', groupId: 'tg-age', name: '31-40', order: 1, deleted: false },
        ],
      },
      {
        id: 'tg-style',
        name: '风格偏好',
        order: 20,
        deleted: false,
        selection: 'multiple',
        kind: 'manual',
        allowCreate: true,
        tags: [
          { id: 't-sport', groupId: 'tg-style', name: '运动', order: 4, deleted: false },
          { id: 't-casual', groupId: 'tg-style', name: '休闲', order: 3, deleted: false },
          { id: 't-work', groupId: 'tg-style', name: 'Office', order: 2, deleted: false },
          { id: 't-old', groupId: 'tg-style', name: '森系', order: 1, deleted: true },
        ],
      },
      {
        id: 'tg-size',
        name: '尺码',
        order: 10,
        deleted: false,
        selection: 'multiple',
        kind: 'manual',
        allowCreate: false,
        tags: [
          { id: 't-m', groupId: 'tg-size', name: 'M', order: 2, deleted: false },
          { id: 't-l', groupId: 'tg-size', name: 'L', order: 1, deleted: false },
        ],
      },
      {
        id: 'tg-rule',
        name: '客户分层',
        order: 5,
        deleted: false,
        selection: 'multiple',
        kind: 'rule',
        allowCreate: false,
        tags: [
          { id: 'rt-vip', groupId: 'tg-rule', name: '高价值', order: 2, deleted: false },
          { id: UNREACHABLE_TAG_ID, groupId: 'tg-rule', name: '已删除好友', order: 1, deleted: false },
        ],
      },
      {
        id: 'tg-gone',
        name: '已停用',
        order: 1,
        deleted: true,
        selection: 'multiple',
        kind: 'manual',
        allowCreate: true,
        tags: [{ id: 't-gone', groupId: 'tg-gone', name: '旧标签', order: 1, deleted: false }],
      },
    ],
    couponStocks: [
      stock('k-open', {}),
      stock('k-two', {
        perCustomerLimit: 2,
        total: 101,
        remaining: 100,
        benefit: { kind: 'discount', percentOff: 15, threshold: 0 },
      }),
      stock('k-last', { remaining: 1, benefit: { kind: 'gift', gift: '护手霜小样', threshold: 0 } }),
      stock('k-sold', { remaining: 0, status: 'sold-out' }),
      stock('k-soon', { validFrom: fromStart(2), validUntil: fromStart(30), status: 'not-started' }),
      stock('k-past', { validFrom: fromStart(-40), validUntil: fromStart(-1), status: 'expired' }),
    ],
    issuedCoupons: [
      {
        id: 'coupon-seeded',
        code: 'CL-SEEDED-0001',
        stockId: 'k-two',
        stockName: '券 k-two',
        customerId: 'c-6',
        staffId: 'st-me',
        requestId: 'seed-request-0001',
        issuedAt: fromStart(-2),
        validFrom: fromStart(-10),
        validUntil: fromStart(20),
        status: 'unused',
      },
    ],
    groups: [
      group('g-full', '快满的群', 'st-me', 4, 5, -50, 'owner'),
      group('g-big', '会员福利群', 'st-me', 30, 500, -40, 'owner'),
      group('g-admin', '运动俱乐部', 'st-other', 5, 500, -30, 'admin'),
      group('g-member', '周末跑团', 'st-other', 3, 500, -20, 'member'),
      group('g-none', '别人的群', 'st-other', 2, 500, -10, 'none'),
      { ...group('g-staff', '全员群', 'st-other', 3, 2000, -60, 'member', 'internal') },
    ],
    members: [
      staffMember('g-full', 'st-me', '王丽', 'owner', -50),
      member('g-full', 'c-1', '陈静', { joinedAt: fromStart(-45) }),
      member('g-full', 'c-2', '刘洋', { joinedAt: fromStart(-44) }),
      member('g-full', 'c-3', 'Lily Zhang', { joinedAt: fromStart(-43) }),
      staffMember('g-big', 'st-me', '王丽', 'owner', -40),
      staffMember('g-big', 'st-other', '李强', 'admin', -39),
      ...bigNames.map((name, i) =>
        member('g-big', `gm-${String(i + 1).padStart(2, '0')}`, name, {
          joinedAt: fromStart(-38 + i, i % 3),
          joinScene: (['invited', 'link', 'qrcode'] as const)[i % 3],
          ...(i % 4 === 0 ? { nickname: `Nick${i}` } : {}),
        }),
      ),
      staffMember('g-admin', 'st-other', '李强', 'owner', -30),
      staffMember('g-admin', 'st-me', '王丽', 'admin', -29),
      staffMember('g-admin', 'st-new', '赵敏', 'admin', -28),
      member('g-admin', 'c-1', '陈静', { joinedAt: fromStart(-27) }),
      member('g-admin', 'c-other', '孙磊', { joinedAt: fromStart(-26) }),
      staffMember('g-member', 'st-other', '李强', 'owner', -20),
      staffMember('g-member', 'st-me', '王丽', 'member', -19),
      member('g-member', 'c-2', '刘洋', { joinedAt: fromStart(-18) }),
      staffMember('g-none', 'st-other', '李强', 'owner', -10),
      member('g-none', 'c-other', '孙磊', { joinedAt: fromStart(-9) }),
      staffMember('g-staff', 'st-other', '李强', 'owner', -60),
      staffMember('g-staff', 'st-me', '王丽', 'member', -59),
      staffMember('g-staff', 'st-new', '赵敏', 'member', -58),
    ],
    moments: [
      {
        id: 'moment-old',
        staffId: 'st-me',
        requestId: 'seed-moment-0001',
        text: '秋冬新款到店',
        audience: { type: 'all' },
        state: 'published',
        createdAt: fromStart(-3),
        publishedAt: fromStart(-3, 1),
        unreachableCustomerIds: ['c-4'],
      },
    ],
    /** The history of 陈静 (c-1) before the suite starts: added through the store's code, then a purchase. */
    activity: [
      {
        id: 'act-c1-added',
        customerId: 'c-1',
        kind: 'added',
        at: fromStart(-99),
        staffId: 'st-me',
        addWay: { kind: 'contact-me', state: 'store-s-1' },
      },
      {
        id: 'act-c1-purchase',
        customerId: 'c-1',
        kind: 'purchase',
        at: fromStart(-12),
        amount: 298000,
        storeId: 's-1',
        storeName: '南京东路店',
        attributedStaffId: 'st-me',
      },
    ],
  };
}
