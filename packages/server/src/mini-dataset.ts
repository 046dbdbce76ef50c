/**
 * A small, readable data set: two associates, a few customers, tag groups of each kind, coupon
 * stocks in every state, and two groups. The server's tests start from it; `npm run server` falls
 * back to it when the default adapter's seed generator is not available.
 */
import { DEFAULT_POLICY } from './core.js';
import type { Dataset } from './dataset.js';

const DAY = 86_400_000;

export function miniDataset(now: Date = new Date()): Dataset {
  const fromNow = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const store = {
    id: 'store-1',
    name: '南京东路店',
    address: '上海市黄浦区南京东路 800 号',
    city: '上海',
    phone: '021-63223344',
  };
  const staff = (id: string, name: string, position: string) => ({
    id,
    name,
    companyName: '百联',
    position,
    phone: '13800138000',
    verified: true,
    store,
    externalAttributes: [],
    contactUrl: `https://work.weixin.qq.com/ca/${id}`,
  });
  const customer = (
    id: string,
    name: string,
    owner: string,
    days: number,
    tagIds: string[] = [],
    ruleTagIds: string[] = [],
  ) => ({
    id,
    name,
    ownerStaffId: owner,
    addedAt: fromNow(-days),
    tagIds,
    ruleTagIds,
  });
  const tag = (id: string, groupId: string, name: string, order: number) => ({
    id,
    groupId,
    name,
    order,
    deleted: false,
  });
  const stock = (id: string, name: string, remaining: number, from: number, until: number, perCustomerLimit = 1) => ({
    id,
    name,
    benefit: { kind: 'amount-off' as const, amountOff: 5000, threshold: 30000 },
    total: 100,
    remaining,
    perCustomerLimit,
    validFrom: fromNow(from),
    validUntil: fromNow(until),
    status: 'active' as const,
  });
  const member = (
    groupId: string,
    id: string,
    name: string,
    type: 'staff' | 'customer',
    role: 'owner' | 'admin' | 'member',
    days: number,
  ) => ({
    id,
    groupId,
    type,
    name,
    ...(type === 'staff' ? { companyName: '百联' } : {}),
    role,
    joinedAt: fromNow(-days),
    joinScene: 'invited' as const,
  });
  return {
    policy: { ...DEFAULT_POLICY },
    signedInStaffId: 'staff-1',
    stores: [store],
    staff: [staff('staff-1', '王丽', '美妆顾问'), { ...staff('staff-2', '李强', '店长'), role: 'manager' as const }],
    customers: [
      customer('cust-1', '陈静', 'staff-1', 30, ['tag-age-20'], ['tag-rule-vip']),
      customer('cust-2', '刘洋', 'staff-1', 20, ['tag-pref-sport']),
      customer('cust-3', '张敏', 'staff-1', 10),
      customer('cust-4', 'Amy Zhou', 'staff-1', 5),
      customer('cust-9', '赵雷', 'staff-2', 3),
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
        tags: [tag('tag-age-20', 'tg-age', '20-30', 2), tag('tag-age-30', 'tg-age', '30-40', 1)],
      },
      {
        id: 'tg-pref',
        name: '偏好',
        order: 20,
        deleted: false,
        selection: 'multiple',
        kind: 'manual',
        allowCreate: true,
        tags: [tag('tag-pref-sport', 'tg-pref', '运动装', 2), tag('tag-pref-beauty', 'tg-pref', '美妆', 1)],
      },
      {
        id: 'tg-rule',
        name: '会员等级',
        order: 10,
        deleted: false,
        selection: 'single',
        kind: 'rule',
        allowCreate: false,
        tags: [tag('tag-rule-vip', 'tg-rule', 'VIP', 1)],
      },
    ],
    couponStocks: [
      stock('stock-1', '满300减50', 40, -1, 30),
      stock('stock-2', '新客立减', 0, -1, 30),
      stock('stock-3', '双十二预售券', 100, 5, 40),
      stock('stock-4', '会员专享', 1, -1, 30, 5),
      stock('stock-5', '国庆券', 10, -60, -1),
    ],
    issuedCoupons: [],
    groups: [
      {
        id: 'group-1',
        name: '南京东路店 VIP 群',
        kind: 'external',
        ownerId: 'staff-1',
        ownerName: '王丽',
        memberCount: 3,
        memberCap: 100,
        createdAt: fromNow(-60),
        viewerRole: 'owner',
      },
      {
        id: 'group-2',
        name: '李强的客户群',
        kind: 'external',
        ownerId: 'staff-2',
        ownerName: '李强',
        memberCount: 2,
        memberCap: 100,
        createdAt: fromNow(-50),
        viewerRole: 'none',
      },
    ],
    members: [
      member('group-1', 'staff-1', '王丽', 'staff', 'owner', 60),
      member('group-1', 'cust-1', '陈静', 'customer', 'member', 40),
      member('group-1', 'cust-2', '刘洋', 'customer', 'member', 30),
      member('group-2', 'staff-2', '李强', 'staff', 'owner', 50),
      member('group-2', 'cust-9', '赵雷', 'customer', 'member', 20),
    ],
    moments: [],
  };
}
