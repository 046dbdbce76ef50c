/**
 * A deterministic generator of believable data for a Chinese department-store chain (东方百货):
 * 3 stores, 20 staff (some not verified), 2,000 customers, 6 tag groups with about 60 tags, 10 coupon
 * stocks, 8 customer groups of 20 to 500 members and one internal group of 2,000; every customer with
 * a profile and a history (`activity`, see `seed-history.ts`).
 *
 * Pure: no IndexedDB, no DOM. The in-browser adapter and the reference server (Node, Postgres) seed
 * from the same function, so the same seed gives the same data everywhere.
 */
import { DEFAULT_POLICY } from '@clienteling/core/adapter-kit.js';
import type {
  CouponBenefit,
  CouponStock,
  Customer,
  Group,
  GroupMember,
  IssuedCoupon,
  JoinScene,
  MemberRole,
  Moment,
  StaffProfile,
  Store,
  Tag,
  TagGroup,
} from '@clienteling/core/adapter-kit.js';
import { UNREACHABLE_TAG_ID, type Dataset } from './dataset.js';
import { historySteps } from './seed-history.js';
import { seedScripts } from './seed-scripts.js';
import { seedBroadcasts } from './seed-broadcasts.js';

export {
  SEED_MANAGER_STAFF_ID,
  UNREACHABLE_TAG_ID,
  type Dataset,
  type DatasetScript,
  type ScriptUse,
} from './dataset.js';
import { runInSlices, type SliceStep } from './next-task.js';
export { AFTER_HOURS_SHARE, STORE_OPENING_HOURS } from './seed-history.js';

export interface SeedOptions {
  /** Seed of the pseudo-random generator: the same seed (and `now`) gives the same dataset. Default 20261111. */
  seed?: number;
  /** Language of names and texts. Default `zh-CN`. */
  locale?: 'zh-CN' | 'en';
  /** The moment the data is relative to (validity windows, join times). Default: the current time. */
  now?: Date;
}

/** Counts of the full dataset, for tests and documentation. */
export const SEED_COUNTS = {
  stores: 3,
  staff: 20,
  customers: 2000,
  tagGroups: 6,
  couponStocks: 10,
  groups: 9,
} as const;

const DAY = 86_400_000;

/** mulberry32: a small, fast, good-enough seeded generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let bits = state;
    bits = Math.imul(bits ^ (bits >>> 15), bits | 1);
    bits ^= bits + Math.imul(bits ^ (bits >>> 7), bits | 61);
    return ((bits ^ (bits >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严';
const ZH_GIVEN =
  '静丽敏娜婷雪慧颖洁琳晶欣怡佳悦思雨梦涵萱芳燕霞红玲秀英华明伟强磊军洋勇杰涛斌超浩宇轩博文睿鹏飞俊峰凯晨阳子然嘉琪瑶月冰璐倩蕾菲露薇岚诗';
const EN_FIRST = (
  'Emma Olivia Ava Sophia Mia Lily Grace Chloe Zoe Ella Amy Lucy Anna Ruby Iris Nina Kate Jane Rose Ivy ' +
  'Leo Jack Max Sam Ben Tom Ryan Eric Kevin Jason David Daniel Peter Alex Chris Henry Oscar Ethan Noah Luke'
).split(' ');
const EN_LAST =
  'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Song Tang'.split(
    ' ',
  );

/** A pair of display texts: [zh-CN, en]. */
type Text2 = readonly [string, string];

const STORES: ReadonlyArray<{ name: Text2; address: Text2; phone: string; lat: number; lng: number }> = [
  {
    name: ['南京东路店', 'Nanjing Road East'],
    address: ['上海市黄浦区南京东路 800 号', '800 East Nanjing Road, Huangpu, Shanghai'],
    phone: '021-6322 5888',
    lat: 31.2366,
    lng: 121.4789,
  },
  {
    name: ['淮海中路店', 'Middle Huaihai Road'],
    address: ['上海市黄浦区淮海中路 999 号', '999 Middle Huaihai Road, Huangpu, Shanghai'],
    phone: '021-6386 1888',
    lat: 31.2181,
    lng: 121.4612,
  },
  {
    name: ['徐家汇店', 'Xujiahui'],
    address: ['上海市徐汇区肇嘉浜路 1111 号', '1111 Zhaojiabang Road, Xuhui, Shanghai'],
    phone: '021-6426 9888',
    lat: 31.1945,
    lng: 121.4376,
  },
];
const COMPANY: Text2 = ['东方百货', 'Orient Dept. Store'];
const POSITIONS: Text2[] = [
  ['美妆顾问', 'Beauty advisor'],
  ['店长', 'Store manager'],
  ['女装导购', 'Womenswear associate'],
  ['男装导购', 'Menswear associate'],
  ['运动专柜顾问', 'Sportswear advisor'],
  ['珠宝顾问', 'Jewellery advisor'],
  ['童装导购', 'Kidswear associate'],
];
/** The index in POSITIONS of the store manager: one staff member per store (staff-02, staff-09, staff-16). */
const MANAGER_POSITION = 1;
/** Staff indexes (0-based) whose real-name check has not passed. */
const UNVERIFIED = [6, 13, 17];

/**
 * Tag groups: id, [zh, en] name, selection, kind, allowCreate, and the tags as comma-separated
 * "zh|en" pairs ("~" marks a soft-deleted tag).
 */
const TAG_GROUPS: ReadonlyArray<
  [id: string, name: Text2, single: boolean, rule: boolean, create: boolean, tags: string]
> = [
  [
    'tg-age',
    ['年龄段', 'Age range'],
    true,
    false,
    false,
    '18-25|18-25,26-30|26-30,31-40|31-40,41-50|41-50,51-60|51-60,60 以上|Over 60',
  ],
  [
    'tg-job',
    ['职业', 'Occupation'],
    true,
    false,
    true,
    '白领|White collar,教师|Teacher,医护|Healthcare,学生|Student,自由职业|Freelancer,' +
      '企业主|Business owner,公务员|Civil servant,互联网|Tech,全职妈妈|Stay-at-home mum,退休|Retired',
  ],
  [
    'tg-style',
    ['风格偏好', 'Style'],
    false,
    false,
    true,
    '运动|Sportswear,休闲|Casual,通勤|Workwear,轻奢|Affordable luxury,国潮|Guochao,简约|Minimal,复古|Vintage,' +
      '甜美|Sweet,商务|Business,户外|Outdoor,街头|Streetwear,优雅|Elegant,~森系|Mori',
  ],
  [
    'tg-size',
    ['尺码', 'Sizes'],
    false,
    false,
    false,
    'XS|XS,S|S,M|M,L|L,XL|XL,XXL|XXL,' +
      '鞋码 36|Shoe 36,鞋码 37|Shoe 37,鞋码 38|Shoe 38,鞋码 39|Shoe 39,鞋码 40|Shoe 40,鞋码 41|Shoe 41',
  ],
  [
    'tg-interest',
    ['关注品类', 'Interests'],
    false,
    false,
    true,
    '美妆|Make-up,护肤|Skincare,珠宝|Jewellery,腕表|Watches,童装|Kidswear,' +
      '家居|Home,数码|Electronics,箱包|Bags,香水|Fragrance,~奢侈品回收|Resale',
  ],
  [
    'tg-rule',
    ['客户分层（系统）', 'Segments (system)'],
    false,
    true,
    false,
    '高价值|High value,活跃|Active,沉睡|Dormant,新客|New,生日月|Birthday month,已删除好友|Removed you',
  ],
];
const RULE_TAG_IDS = ['rt-vip', 'rt-active', 'rt-dormant', 'rt-new', 'rt-birthday', UNREACHABLE_TAG_ID];
const REMARKS: Text2[] = [
  ['老客户，喜欢运动品牌', 'Long-time customer, loves sports brands'],
  ['VIP 金卡', 'Gold card VIP'],
  ['周末常来店', 'Comes in at weekends'],
  ['给孩子买童装', 'Buys kidswear for her children'],
  ['对香水感兴趣', 'Interested in fragrance'],
  ['只在大促时购买', 'Buys during big sales only'],
];
const NICKNAMES: Text2[] = [
  ['爱跑步的', 'runner '],
  ['小', 'little '],
  ['阿', 'A-'],
  ['美美', 'pretty '],
];

interface StockSpec {
  name: Text2;
  benefit: CouponBenefit;
  total: number;
  limit: number;
  /** Window in days relative to now. */
  from: number;
  until: number;
  issued: number;
  soldOut?: boolean;
}
const GIFT = (zh: string, en: string, threshold: number, english: number): CouponBenefit => ({
  kind: 'gift',
  gift: english ? en : zh,
  threshold,
});
/** The coupon stocks; `english` is 1 for English texts, 0 for Chinese. */
const stockSpecs = (english: number): StockSpec[] => [
  {
    name: ['满 300 减 50', '¥50 off ¥300'],
    benefit: { kind: 'amount-off', amountOff: 5000, threshold: 30000 },
    total: 1000,
    limit: 1,
    from: -10,
    until: 50,
    issued: 40,
  },
  {
    name: ['满 1000 减 150', '¥150 off ¥1,000'],
    benefit: { kind: 'amount-off', amountOff: 15000, threshold: 100000 },
    total: 300,
    limit: 2,
    from: -5,
    until: 25,
    issued: 25,
  },
  {
    name: ['美妆 8.5 折', '15% off make-up'],
    benefit: { kind: 'discount', percentOff: 15, threshold: 0 },
    total: 500,
    limit: 1,
    from: -20,
    until: 40,
    issued: 30,
  },
  {
    name: ['全场 9 折', '10% off storewide'],
    benefit: { kind: 'discount', percentOff: 10, threshold: 50000 },
    total: 200,
    limit: 3,
    from: -3,
    until: 27,
    issued: 12,
  },
  {
    name: ['生日礼：护手霜小样', 'Birthday gift: hand cream'],
    benefit: GIFT('护手霜小样', 'Hand cream sample', 0, english),
    total: 150,
    limit: 1,
    from: -30,
    until: 60,
    issued: 18,
  },
  {
    name: ['满 200 减 30', '¥30 off ¥200'],
    benefit: { kind: 'amount-off', amountOff: 3000, threshold: 20000 },
    total: 30,
    limit: 1,
    from: -15,
    until: 15,
    issued: 30,
    soldOut: true,
  },
  {
    name: ['双十二预热券 满 500 减 100', 'Double 12: ¥100 off ¥500'],
    benefit: { kind: 'amount-off', amountOff: 10000, threshold: 50000 },
    total: 400,
    limit: 1,
    from: 5,
    until: 40,
    issued: 0,
  },
  {
    name: ['国庆焕新券 满 400 减 60', 'National Day: ¥60 off ¥400'],
    benefit: { kind: 'amount-off', amountOff: 6000, threshold: 40000 },
    total: 300,
    limit: 1,
    from: -60,
    until: -10,
    issued: 35,
  },
  {
    name: ['会员专享 8 折', 'Members: 20% off'],
    benefit: { kind: 'discount', percentOff: 20, threshold: 80000 },
    total: 100,
    limit: 1,
    from: -28,
    until: 2,
    issued: 15,
  },
  {
    name: ['满 399 赠定制帆布袋', 'Free tote bag over ¥399'],
    benefit: GIFT('定制帆布袋', 'Custom tote bag', 39900, english),
    total: 80,
    limit: 1,
    from: -7,
    until: 23,
    issued: 9,
  },
];

const GROUPS: ReadonlyArray<[name: Text2, size: number, cap: number, owner: number, viewer: MemberRole | 'none']> = [
  [['南京东路店 VIP 群', 'Nanjing Rd VIP'], 20, 500, 0, 'owner'],
  [['美妆爱好者群', 'Beauty lovers'], 45, 500, 0, 'owner'],
  [['运动俱乐部', 'Sports club'], 86, 500, 4, 'admin'],
  [['宝妈育儿交流群', 'Mums’ circle'], 100, 100, 0, 'owner'],
  [['轻奢会员群', 'Affordable luxury members'], 150, 500, 7, 'admin'],
  [['周末跑团', 'Weekend runners'], 240, 500, 10, 'member'],
  [['新品尝鲜群', 'New arrivals first'], 360, 500, 0, 'owner'],
  [['会员福利群', 'Member perks'], 500, 500, 13, 'none'],
];
const SCENES: JoinScene[] = ['invited', 'link', 'qrcode'];
const MOMENTS: Text2[] = [
  [
    '双十一预售开启！南京东路店会员专享满 1000 减 150，欢迎到店试穿。',
    'Singles’ Day pre-sale is on: ¥150 off ¥1,000 for members at Nanjing Road East.',
  ],
  [
    '秋冬新款羊绒大衣到店，三种颜色可选，私信我预约试穿。',
    'New cashmere coats in three colours: message me to book a fitting.',
  ],
  ['本周六下午美妆沙龙，名额有限，先到先得。', 'Beauty salon this Saturday afternoon: places are limited.'],
  ['运动专柜跑鞋 8.5 折，周末跑团成员额外赠送运动袜。', '15% off running shoes; weekend runners get free socks.'],
  [
    '感谢大家一年来的支持，生日月会员到店可领取小礼物。',
    'Thank you for a great year: birthday-month members get a gift in store.',
  ],
];

/** Generates the full dataset. Deterministic for a given `seed`, `locale` and `now`. */
export function generateSeed(options: SeedOptions = {}): Dataset {
  const steps = seedSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long a slice of {@link generateSeedInSlices} runs before the page gets the main thread back (ms). */
const SLICE_MS = 4;

/**
 * The same dataset as {@link generateSeed}, generated in slices of about {@link SLICE_MS} with the main
 * thread given back in between, so that a page seeding its first visit stays responsive. A slice is
 * measured in time, not in steps: a slow phone pauses more often than a laptop.
 */
export const generateSeedInSlices = (options: SeedOptions = {}): Promise<Dataset> =>
  runInSlices(seedSteps(options), SLICE_MS);

/** Customers (and internal members) generated between two points where {@link generateSeedInSlices} may pause. */
const SLICE = 50;
/** Customers whose history is generated between two such points (a history is a dozen records). */
const HISTORY_SLICE = 10;

/** The generator behind both: each `yield` is a point where the work may pause. */
function* seedSteps(options: SeedOptions): Generator<SliceStep, Dataset> {
  const random = seededRandom(options.seed ?? 20261111);
  /** 1 for English, 0 for Chinese: the index into a `Text2` pair. */
  const english = options.locale === 'en' ? 1 : 0;
  const now = (options.now ?? new Date()).getTime();
  /** The text of `pair` in the dataset's language. */
  const localized = (pair: Text2) => pair[english]!;
  const int = (bound: number) => Math.floor(random() * bound);
  const pick = <T>(list: ArrayLike<T>): T => list[int(list.length)]!;
  const chance = (probability: number) => random() < probability;
  const iso = (time: number) => new Date(Math.floor(time / 1000) * 1000).toISOString();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const personName = () =>
    english
      ? `${pick(EN_FIRST)} ${pick(EN_LAST)}`
      : pick(ZH_SURNAMES) + pick(ZH_GIVEN) + (chance(0.7) ? pick(ZH_GIVEN) : '');
  const phone = () => `1${pick('3579')}${pad(int(1e9), 9)}`;
  const company = localized(COMPANY);

  /* stores and staff */
  const stores: Store[] = STORES.map((store, i) => ({
    id: `store-${i + 1}`,
    name: `${company}${english ? ' ' : ''}${localized(store.name)}`,
    address: localized(store.address),
    city: english ? 'Shanghai' : '上海',
    phone: store.phone,
    latitude: store.lat,
    longitude: store.lng,
  }));
  const staff: StaffProfile[] = [];
  for (let i = 0; i < 20; i++) {
    const id = `staff-${pad(i + 1, 2)}`;
    staff.push({
      id,
      name: i === 0 ? (english ? 'Lily Wang' : '王丽') : personName(),
      companyName: company,
      position: localized(POSITIONS[i % POSITIONS.length]!),
      // The store manager (店长) of each store manages its transfers (issue 22).
      ...(i % POSITIONS.length === MANAGER_POSITION ? { role: 'manager' as const } : {}),
      phone: phone(),
      verified: !UNVERIFIED.includes(i),
      store: stores[i % 3]!,
      externalAttributes: [
        { type: 'text', name: english ? 'Opening hours' : '营业时间', value: '10:00–22:00' },
        ...(i % 2 === 0
          ? [
              {
                type: 'web' as const,
                name: english ? 'Online mall' : '官方商城',
                title: english ? 'Orient online mall' : '东方百货线上商城',
                url: 'https://mall.example.com/',
              },
            ]
          : []),
        {
          type: 'miniprogram',
          name: english ? 'Membership' : '会员中心',
          title: english ? 'Orient membership' : '东方百货会员',
          appId: 'wx8d5b3e0c1f2a4b6c',
          pagePath: `pages/member/index?staff=${id}`,
        },
      ],
      contactUrl: `https://work.weixin.qq.com/ca/cawcde${(0x10000000 + i * 7919).toString(16)}`,
    });
  }
  const signedIn = staff[0]!;
  yield;

  /* tags */
  const tagGroups: TagGroup[] = TAG_GROUPS.map(([id, name, single, rule, create, list], groupIndex) => {
    const entries = list.split(',');
    const tags: Tag[] = entries.map((entry, tagIndex) => {
      const deleted = entry.startsWith('~');
      const [zhName, enName] = entry.replace('~', '').split('|') as [string, string];
      return {
        id: rule ? RULE_TAG_IDS[tagIndex]! : `${id.slice(3)}-${tagIndex + 1}`,
        groupId: id,
        name: english ? enName : zhName,
        order: entries.length - tagIndex,
        deleted,
      };
    });
    return {
      id,
      name: localized(name),
      order: TAG_GROUPS.length - groupIndex,
      deleted: false,
      selection: single ? 'single' : 'multiple',
      kind: rule ? 'rule' : 'manual',
      allowCreate: create,
      tags,
    };
  });
  const live = (groupIndex: number) => tagGroups[groupIndex]!.tags.filter((tag) => !tag.deleted).map((tag) => tag.id);
  const [ages, jobs, styles, sizes, interests] = [0, 1, 2, 3, 4].map(live) as string[][];
  const some = (ids: string[], max: number) => {
    const chosen = new Set<string>();
    for (let draws = int(max + 1); draws > 0; draws--) chosen.add(pick(ids));
    return [...chosen];
  };

  /* customers: the signed-in associate owns the first 240 and a share of the rest */
  const customers: Customer[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i > 0 && i % SLICE === 0) yield;
    const addedAt = now - int(700 * DAY) - DAY;
    const tagIds = [
      ...(chance(0.8) ? [pick(ages!)] : []),
      ...(chance(0.6) ? [pick(jobs!)] : []),
      ...some(styles!, 3),
      ...some(sizes!, 2),
      ...some(interests!, 2),
    ];
    const ruleTagIds = [
      chance(0.1) && 'rt-vip',
      chance(0.3) && 'rt-active',
      chance(0.15) && 'rt-dormant',
      now - addedAt < 30 * DAY && 'rt-new',
      chance(0.08) && 'rt-birthday',
      chance(0.03) && UNREACHABLE_TAG_ID,
    ].filter((x): x is string => typeof x === 'string');
    const customer: Customer = {
      id: `cust-${pad(i + 1, 4)}`,
      name: personName(),
      ownerStaffId: i < 240 ? signedIn.id : staff[i % 20]!.id,
      addedAt: iso(addedAt),
      tagIds,
      ruleTagIds,
    };
    if (chance(0.25)) customer.remark = localized(pick(REMARKS));
    customers.push(customer);
  }

  yield;

  /* coupon stocks and the coupons already issued */
  const couponStocks: CouponStock[] = [];
  const issuedCoupons: IssuedCoupon[] = [];
  stockSpecs(english).forEach((spec, stockIndex) => {
    const id = `stock-${pad(stockIndex + 1, 2)}`;
    const validFrom = iso(now + spec.from * DAY);
    const validUntil = iso(now + spec.until * DAY);
    const remaining = spec.total - spec.issued;
    const name = localized(spec.name);
    couponStocks.push({
      id,
      name,
      benefit: spec.benefit,
      total: spec.total,
      remaining,
      perCustomerLimit: spec.limit,
      validFrom,
      validUntil,
      status: remaining <= 0 ? 'sold-out' : spec.from > 0 ? 'not-started' : spec.until < 0 ? 'expired' : 'active',
    });
    const start = int(1500);
    for (let i = 0; i < spec.issued; i++) {
      const customer = customers[(start + i * 7) % 2000]!;
      const issuedAt = Math.min(
        now - 3600_000,
        now + spec.from * DAY + int((Math.min(spec.until, 0) - spec.from) * DAY),
      );
      const redeemed = chance(0.3);
      const coupon: IssuedCoupon = {
        id: `coupon-${pad(stockIndex + 1, 2)}-${pad(i + 1, 4)}`,
        code: `DF${pad(stockIndex + 1, 2)}${pad(int(1e8), 8)}`,
        stockId: id,
        stockName: name,
        customerId: customer.id,
        staffId: customer.ownerStaffId,
        requestId: `seed-${id}-${i + 1}`,
        issuedAt: iso(issuedAt),
        validFrom,
        validUntil,
        status: redeemed ? 'redeemed' : spec.until < 0 ? 'expired' : 'unused',
      };
      if (redeemed) coupon.redeemedAt = iso(Math.min(now, issuedAt + int(5 * DAY) + 3600_000));
      issuedCoupons.push(coupon);
    }
  });

  yield;

  /* customer groups and the internal all-staff group */
  const groups: Group[] = [];
  const members: GroupMember[] = [];
  const addMember = (
    group: Group,
    person: { id: string; name: string },
    type: 'staff' | 'customer',
    role: MemberRole,
    inviter?: StaffProfile,
  ) => {
    const createdAt = Date.parse(group.createdAt);
    const member: GroupMember = {
      id: person.id,
      groupId: group.id,
      type,
      name: person.name,
      role,
      joinedAt: iso(role === 'owner' ? createdAt : createdAt + int(now - createdAt)),
      joinScene: role === 'owner' ? 'invited' : pick(SCENES),
    };
    if (type === 'staff') member.companyName = company;
    else if (chance(0.2)) {
      const prefix = localized(pick(NICKNAMES));
      member.nickname = english ? prefix + person.name.split(' ')[0] : prefix + person.name.slice(1);
    }
    if (inviter && inviter.id !== person.id) {
      member.inviterId = inviter.id;
      member.inviterName = inviter.name;
    }
    members.push(member);
    return member;
  };
  GROUPS.forEach(([name, size, cap, ownerIndex, viewer], groupIndex) => {
    const groupOwner = staff[ownerIndex]!;
    const group: Group = {
      id: `group-${groupIndex + 1}`,
      name: localized(name),
      kind: 'external',
      ownerId: groupOwner.id,
      ownerName: groupOwner.name,
      memberCount: size,
      memberCap: cap,
      createdAt: iso(now - (200 + int(300)) * DAY),
      viewerRole: viewer,
    };
    if (groupIndex % 2 === 0)
      group.notice = english
        ? 'Members get early access to new arrivals. Please keep the chat friendly.'
        : '群成员可优先参加新品活动，请文明发言。';
    groups.push(group);
    addMember(group, groupOwner, 'staff', 'owner');
    let count = 1;
    if (viewer !== 'none' && viewer !== 'owner') {
      addMember(group, signedIn, 'staff', viewer, groupOwner);
      count++;
    }
    const colleague = staff[(ownerIndex + 5) % 20]!;
    if (colleague !== signedIn && count < size) {
      addMember(group, colleague, 'staff', 'admin', groupOwner);
      count++;
    }
    const start = int(2000);
    for (let i = 0; count < size; i++, count++) {
      const customer = customers[(start + i * 3) % 2000]!;
      addMember(group, customer, 'customer', 'member', chance(0.5) ? groupOwner : undefined);
    }
  });
  yield;
  const internal: Group = {
    id: 'group-staff',
    name: english ? 'Orient all staff' : '东方百货全员群',
    kind: 'internal',
    ownerId: staff[1]!.id,
    ownerName: staff[1]!.name,
    memberCount: 2000,
    memberCap: DEFAULT_POLICY.internalGroupMemberCap,
    createdAt: iso(now - 720 * DAY),
    viewerRole: 'member',
    notice: english ? 'Company announcements only.' : '公司通知群，请勿闲聊。',
  };
  groups.push(internal);
  const internalRole = (staffIndex: number): MemberRole => {
    if (staffIndex === 1) return 'owner';
    return staffIndex > 1 && staffIndex < 5 ? 'admin' : 'member';
  };
  staff.forEach((person, i) => addMember(internal, person, 'staff', internalRole(i), staff[1]));
  for (let i = 21; i <= 2000; i++) {
    if (i % SLICE === 0) yield;
    addMember(internal, { id: `emp-${pad(i, 4)}`, name: personName() }, 'staff', 'member', staff[1]);
  }
  yield;

  /* the associate's past moments, one a day before today */
  const mine = customers.filter((c) => c.ownerStaffId === signedIn.id);
  const moments: Moment[] = MOMENTS.map((text, i) => {
    const createdAt = now - (i + 1) * DAY - int(8) * 3600_000;
    const audience = i % 2 ? ({ type: 'tags', tagIds: [styles![0]!] } as const) : ({ type: 'all' } as const);
    const reached = audience.type === 'all' ? mine : mine.filter((c) => c.tagIds.includes(styles![0]!));
    return {
      id: `moment-${i + 1}`,
      staffId: signedIn.id,
      requestId: `seed-moment-${i + 1}`,
      text: localized(text),
      audience: audience.type === 'all' ? { type: 'all' } : { type: 'tags', tagIds: [...audience.tagIds] },
      state: 'published',
      createdAt: iso(createdAt),
      publishedAt: iso(createdAt + 60_000),
      unreachableCustomerIds: reached.filter((c) => c.ruleTagIds.includes(UNREACHABLE_TAG_ID)).map((c) => c.id),
    };
  });

  yield;

  /* the customers' profiles and history, on a random stream of their own (the data above stays as it was) */
  const activity = yield* historySteps(
    {
      now,
      english,
      signedInStaffId: signedIn.id,
      staff,
      customers,
      tagGroups,
      couponStocks,
      issuedCoupons,
      groups,
      members,
      moments,
    },
    seededRandom((options.seed ?? 20261111) ^ 0x9e3779b9),
    HISTORY_SLICE,
  );
  yield;
  const library = seedScripts({
    now,
    english: english === 1,
    signedInStaffId: signedIn.id,
    colleagueStaffId: staff[1]!.id,
  });
  yield;
  const broadcasts = yield* seedBroadcasts({ now, english: english === 1, signedInStaffId: signedIn.id, customers });

  return {
    // A successor's cap the demo reaches: the signed-in associate's 328 customers do not all fit
    // with another associate's 88 (the platform's is larger; see DEFAULT_POLICY).
    policy: { ...DEFAULT_POLICY, customerCap: 400 },
    signedInStaffId: signedIn.id,
    stores,
    staff,
    customers,
    tagGroups,
    couponStocks,
    issuedCoupons,
    groups,
    members,
    moments,
    activity,
    ...library,
    ...broadcasts,
  };
}
