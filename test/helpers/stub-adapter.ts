/**
 * A stub adapter for element tests: every operation rejects with `unavailable` unless the test gives
 * an implementation, and every call is recorded. Fixture builders return valid domain objects.
 */
import {
  AdapterError,
  FULL_CAPABILITIES,
  operationNames,
  type Capabilities,
  type ClientelingAdapter,
  type CouponOffer,
  type Customer,
  type Group,
  type GroupMember,
  type IssuedCoupon,
  type Moment,
  type StaffProfile,
  type StaffSummary,
  type Tag,
  type TagGroup,
  type Transfer,
} from '@clienteling/core';

export type StubAdapter = ClientelingAdapter & {
  /** Every call made, in order: `[operation, input]`. */
  calls: Array<[string, unknown]>;
  callsTo(name: string): unknown[];
};

export function stubAdapter(
  impl: Partial<Omit<ClientelingAdapter, 'capabilities'>> = {},
  capabilities: Partial<Capabilities> = {},
): StubAdapter {
  const calls: Array<[string, unknown]> = [];
  const adapter: Record<string, unknown> = {
    capabilities: { ...FULL_CAPABILITIES, ...capabilities },
    calls,
    callsTo: (name: string) => calls.filter(([n]) => n === name).map(([, i]) => i),
  };
  for (const name of [...operationNames, 'uploadMedia'] as const) {
    const given = (impl as Record<string, ((input: unknown) => Promise<unknown>) | undefined>)[name];
    adapter[name] = async (input: unknown) => {
      calls.push([name, input]);
      if (!given) throw new AdapterError('unavailable', `stub: ${name} not implemented`);
      return given(input);
    };
  }
  return adapter as unknown as StubAdapter;
}

/** A promise the test resolves or rejects by hand, to hold an element in a pending state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const at = '2026-11-01T02:00:00.000Z';

export const fixtures = {
  staff: (over: Partial<StaffProfile> = {}): StaffProfile => ({
    id: 'staff-1',
    name: '王丽',
    companyName: '百联',
    position: '美妆顾问',
    phone: '13800138000',
    verified: true,
    store: { id: 'store-1', name: '南京东路店', address: '上海市黄浦区南京东路 800 号', city: '上海' },
    externalAttributes: [],
    contactUrl: 'https://work.weixin.qq.com/ca/example',
    ...over,
  }),
  customer: (over: Partial<Customer> = {}): Customer => ({
    id: 'cust-1',
    name: '陈静',
    ownerStaffId: 'staff-1',
    addedAt: at,
    tagIds: [],
    ruleTagIds: [],
    ...over,
  }),
  tag: (over: Partial<Tag> & Pick<Tag, 'id' | 'groupId' | 'name'>): Tag => ({ order: 0, deleted: false, ...over }),
  tagGroup: (over: Partial<TagGroup> & Pick<TagGroup, 'id' | 'name'>): TagGroup => ({
    order: 0,
    deleted: false,
    selection: 'multiple',
    kind: 'manual',
    allowCreate: true,
    tags: [],
    ...over,
  }),
  couponOffer: (over: Partial<CouponOffer> = {}): CouponOffer => ({
    id: 'stock-1',
    name: '满300减50',
    benefit: { kind: 'amount-off', amountOff: 5000, threshold: 30000 },
    total: 100,
    remaining: 40,
    perCustomerLimit: 1,
    validFrom: '2026-11-01T00:00:00.000+08:00',
    validUntil: '2026-12-31T23:59:59.000+08:00',
    status: 'active',
    held: 0,
    ...over,
  }),
  issuedCoupon: (over: Partial<IssuedCoupon> = {}): IssuedCoupon => ({
    id: 'coupon-1',
    code: 'CL-0001-ABCD',
    stockId: 'stock-1',
    stockName: '满300减50',
    customerId: 'cust-1',
    staffId: 'staff-1',
    requestId: 'request-0001',
    issuedAt: at,
    validFrom: '2026-11-01T00:00:00.000+08:00',
    validUntil: '2026-12-31T23:59:59.000+08:00',
    status: 'unused',
    ...over,
  }),
  moment: (over: Partial<Moment> = {}): Moment => ({
    id: 'moment-1',
    staffId: 'staff-1',
    requestId: 'request-0001',
    text: '今日新品到店',
    audience: { type: 'all' },
    state: 'published',
    createdAt: at,
    publishedAt: at,
    unreachableCustomerIds: [],
    ...over,
  }),
  group: (over: Partial<Group> = {}): Group => ({
    id: 'group-1',
    name: '南京东路店 VIP 群',
    kind: 'external',
    ownerId: 'staff-1',
    ownerName: '王丽',
    memberCount: 87,
    memberCap: 100,
    createdAt: at,
    viewerRole: 'owner',
    ...over,
  }),
  member: (over: Partial<GroupMember> & Pick<GroupMember, 'id'>): GroupMember => ({
    groupId: 'group-1',
    type: 'customer',
    name: '陈静',
    role: 'member',
    joinedAt: at,
    joinScene: 'qrcode',
    ...over,
  }),
  staffSummary: (over: Partial<StaffSummary> = {}): StaffSummary => ({
    staff: fixtures.staff(),
    customerCount: 120,
    incomingCount: 0,
    customerCap: 2000,
    ...over,
  }),
  transfer: (over: Partial<Transfer> = {}): Transfer => ({
    id: 'transfer-1',
    requestId: 'request-0001',
    mode: 'on-job',
    fromStaffId: 'staff-2',
    toStaffId: 'staff-3',
    staffId: 'staff-1',
    createdAt: at,
    completesAt: '2026-11-02T02:00:00.000Z',
    customers: [{ customerId: 'cust-1', status: 'waiting', batch: 0 }],
    groups: [],
    counts: {
      waiting: 1,
      done: 0,
      refused: 0,
      'too-frequent': 0,
      'successor-over-cap': 0,
      'not-owned': 0,
      'in-transfer': 0,
    },
    ...over,
  }),
};
