/**
 * The seeded customers' profiles and their history (issue 20 #4): how and by whom each customer was
 * added, remark fields, important dates, the purchase summary, and a timeline that agrees with the
 * rest of the seed (the coupons issued and redeemed, the moments that reached them, the groups they
 * joined, purchases in and after the stores' opening hours).
 *
 * Runs after the rest of the seed is generated, on a random stream of its own: the customers, coupons
 * and groups the seed always had keep their names and ids.
 */
import {
  DEFAULT_POLICY,
  LIMITS,
  attributePurchase,
  isAfterHours,
  isServingActivity,
  type Touch,
} from '@clienteling/core/adapter-kit.js';
import type {
  AddWay,
  CouponBenefit,
  CouponStock,
  Customer,
  CustomerActivity,
  Group,
  GroupMember,
  ImportantDate,
  IssuedCoupon,
  Moment,
  PurchaseSummary,
  StaffProfile,
  Store,
  TagGroup,
} from '@clienteling/core/adapter-kit.js';
import { UNREACHABLE_TAG_ID } from '@clienteling/core/backend.js';

/**
 * The seeded stores' opening hours, local time in their time zone (the policy's `timeZone`). A seed
 * constant for now: issue 24 makes opening hours policy, per store. A purchase outside them is
 * "after hours" (an order the associate took in the chat at night).
 */
export const STORE_OPENING_HOURS = { timeZone: 'Asia/Shanghai', opens: '10:00', closes: '22:00' } as const;

/** The share of the seeded orders placed after closing time (the approach's reported 16%). */
export const AFTER_HOURS_SHARE = 0.16;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year (no daylight saving): local times without `Intl`, which is slow to create. */
const UTC_OFFSET = 8 * HOUR;
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const OPENS = minuteOf(STORE_OPENING_HOURS.opens);
const CLOSES = minuteOf(STORE_OPENING_HOURS.closes);

/** A pair of display texts: [zh-CN, en]. */
type Text2 = readonly [string, string];

/** What the purchases are of; prices in yuan (the seed's range of one order). */
const CATEGORIES: ReadonlyArray<{ name: Text2; min: number; max: number }> = [
  { name: ['女装', 'Womenswear'], min: 299, max: 3999 },
  { name: ['男装', 'Menswear'], min: 299, max: 3999 },
  { name: ['运动户外', 'Sports & outdoor'], min: 199, max: 1999 },
  { name: ['鞋履', 'Shoes'], min: 299, max: 2599 },
  { name: ['美妆', 'Make-up'], min: 159, max: 1299 },
  { name: ['护肤', 'Skincare'], min: 199, max: 3299 },
  { name: ['珠宝', 'Jewellery'], min: 1599, max: 19999 },
  { name: ['腕表', 'Watches'], min: 1999, max: 29999 },
  { name: ['童装', 'Kidswear'], min: 99, max: 899 },
  { name: ['家居', 'Home'], min: 99, max: 2999 },
  { name: ['数码', 'Electronics'], min: 499, max: 8999 },
  { name: ['箱包', 'Bags'], min: 499, max: 12999 },
  { name: ['香水', 'Fragrance'], min: 399, max: 1999 },
];
const [WOMENSWEAR, MENSWEAR, SPORTS, SHOES] = [0, 1, 2, 3];
/** The category each interest tag (`interest-1` … `interest-9`) points to. */
const INTEREST_CATEGORY: Record<string, number> = {
  'interest-1': 4,
  'interest-2': 5,
  'interest-3': 6,
  'interest-4': 7,
  'interest-5': 8,
  'interest-6': 9,
  'interest-7': 10,
  'interest-8': 11,
  'interest-9': 12,
};
/** Style tags that mean sportswear (运动, 户外). */
const SPORTY_STYLES = ['style-1', 'style-10'];
const KIDSWEAR_INTEREST = 'interest-5';
/** Size tags: `size-1` … `size-6` are clothing sizes, `size-7` … `size-12` shoe sizes. */
const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const SHOE_SIZES = ['36', '37', '38', '39', '40', '41'];
const SIZE_CATEGORY: { clothing: Text2; shoes: Text2 } = { clothing: ['服装', 'Clothing'], shoes: ['鞋', 'Shoes'] };
/** Age range tags and the ages they stand for (a birth year, when a customer gave it, agrees). */
const AGE_RANGES: Record<string, [number, number]> = {
  'age-1': [18, 25],
  'age-2': [26, 30],
  'age-3': [31, 40],
  'age-4': [41, 50],
  'age-5': [51, 60],
  'age-6': [61, 75],
};

const CORP_NAMES: Text2[] = [
  ['蓝天科技', 'Blue Sky Tech'],
  ['申城律师事务所', 'Shencheng Law'],
  ['浦江设计', 'Pujiang Design'],
  ['东华医院', 'Donghua Hospital'],
  ['云帆物流', 'Yunfan Logistics'],
  ['明德教育', 'Mingde Education'],
];
const DESCRIPTIONS: Text2[] = [
  [
    '喜欢简约风格，对面料很讲究，偏爱羊绒和真丝。',
    'Likes minimal styles, particular about fabrics: cashmere and silk.',
  ],
  ['每年双十一囤护肤品，关注满减活动。', 'Stocks up on skincare every Singles’ Day; watches for discounts.'],
  ['两个孩子，常给孩子买童装和运动鞋。', 'Two children; often buys kidswear and trainers for them.'],
  ['工作日午休时间来店，时间紧，提前备好尺码。', 'Comes in at lunchtime on weekdays: have the sizes ready.'],
  ['送礼需求多，偏好珠宝和香水，需要礼盒包装。', 'Buys gifts: jewellery and fragrance, gift-wrapped.'],
  ['跑步爱好者，每月跑量 200 公里。', 'Runner, about 200 km a month.'],
];
const NOTES: Text2[] = [
  ['试穿了羊绒大衣，M 码偏大，下次推荐 S 码。', 'Tried the cashmere coat: M is loose, suggest S next time.'],
  ['想要的口红色号缺货，到货后通知她。', 'Her lipstick shade is out of stock: tell her when it arrives.'],
  ['下周出差，周末前把外套寄到公司。', 'Travelling next week: send the jacket to her office before the weekend.'],
  ['对双十一预售感兴趣，记得发券。', 'Interested in the Singles’ Day pre-sale: send a coupon.'],
  ['给先生挑生日礼物，预算 3000 左右。', 'Choosing a birthday present for her husband, about ¥3,000.'],
  ['电话回访：对上次购买的跑鞋很满意。', 'Follow-up call: happy with the running shoes.'],
  [
    '晚上在微信下单了两件毛衣，次日门店发货。',
    'Ordered two jumpers in the chat at night; shipped from the store next day.',
  ],
];
const ANNIVERSARY: Text2 = ['结婚纪念日', 'Wedding anniversary'];
const CHILD_BIRTHDAY: Text2 = ['孩子生日', 'Child’s birthday'];
/** The channels named by contact-me codes' `state` (a store and a campaign or a spot in the store). */
const CONTACT_CHANNELS = ['counter', 'double11', '618', 'member-day', 'fitting-room'];

/** The rest of the seed, as the history sees it. */
export interface SeedWorld {
  now: number;
  /** 1 for English texts, 0 for Chinese. */
  english: number;
  signedInStaffId: string;
  staff: StaffProfile[];
  customers: Customer[];
  tagGroups: TagGroup[];
  couponStocks: CouponStock[];
  issuedCoupons: IssuedCoupon[];
  groups: Group[];
  members: GroupMember[];
  moments: Moment[];
}

type Entry<K extends CustomerActivity['kind']> = Extract<CustomerActivity, { kind: K }>;

interface Order {
  at: number;
  amount: number;
  category: number;
  storeStaffId: string;
  /** The associate who took the order in the chat (a note of theirs just before it: their last touch). */
  servedBy?: string;
  /** Core's attribution rule decides (attribution.ts), over the customer's whole timeline. */
  attributedStaffId?: string;
  attribution?: 'coupon' | 'last-touch' | 'none';
  afterHours?: boolean;
  couponId?: string;
}

/**
 * Gives every customer of `world` a profile and a history, in place, and returns the history: each
 * customer's entries newest first, customer after customer. Issued coupons get plausible times (sent
 * in working hours after the customer was added, redeemed by a purchase within the validity window).
 * Each `yield` is a point where the work may pause: after the set-up, then every `slice` customers.
 */
export function* historySteps(
  world: SeedWorld,
  random: () => number,
  slice: number,
): Generator<void, CustomerActivity[]> {
  const { now, english, customers } = world;
  const localized = (pair: Text2) => pair[english]!;
  const int = (bound: number) => Math.floor(random() * bound);
  const pick = <T>(list: ArrayLike<T>): T => list[int(list.length)]!;
  const chance = (probability: number) => random() < probability;
  const between = (from: number, to: number) => from + random() * (to - from);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const two = (value: number) => (value < 10 ? `0${value}` : `${value}`);
  /** `Date#toISOString` of the whole second, the date part of each day made once (thousands of entries). */
  const dayTexts = new Map<number, string>();
  const iso = (time: number) => {
    const seconds = Math.floor(time / 1000);
    const day = Math.floor(seconds / 86_400);
    let date = dayTexts.get(day);
    if (date === undefined) dayTexts.set(day, (date = new Date(day * DAY).toISOString().slice(0, 11)));
    const second = seconds - day * 86_400;
    return `${date}${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}.000Z`;
  };
  const phone = () => `1${pick('3579')}${pad(int(1e9), 9)}`;
  /** The start of the local (store) day `time` falls in. */
  const dayStart = (time: number) => Math.floor((time + UTC_OFFSET) / DAY) * DAY - UTC_OFFSET;
  const localDate = (time: number) => new Date(time + UTC_OFFSET);
  /** A time of day: in opening hours, or (with `AFTER_HOURS_SHARE`) late in the evening, after closing. */
  const shopMinute = (afterHours: boolean) => (afterHours ? CLOSES + int(180) : OPENS + int(CLOSES - OPENS));
  /** `time`'s day at `minute`, moved a day back or on to fall within [from, to]; undefined when it cannot. */
  const onDay = (time: number, minute: number, from: number, to: number) => {
    const at = dayStart(time) + minute * MINUTE + int(60) * 1000;
    if (at >= from && at <= to) return at;
    if (at - DAY >= from && at - DAY <= to) return at - DAY;
    return at + DAY >= from && at + DAY <= to ? at + DAY : undefined;
  };

  /** The first whole quarter of an hour in [from, to] in opening hours or the late evening after them. */
  const firstShoppingTime = (from: number, to: number) => {
    for (let at = Math.ceil(from / (15 * MINUTE)) * 15 * MINUTE; at <= to; at += 15 * MINUTE) {
      const minute = (at - dayStart(at)) / MINUTE;
      if ((minute >= OPENS && minute < CLOSES + 180) || minute < CLOSES + 180 - 24 * 60) return at;
    }
    return undefined;
  };
  const staffById = new Map(world.staff.map((person) => [person.id, person]));
  const storeIndexById = new Map(world.staff.map((person, index) => [person.id, index % 3]));
  const storeIndexOf = (staffId: string) => storeIndexById.get(staffId) ?? 0;
  /** Colleagues of the same store (the signed-in associate left out: she sees only what she follows). */
  const colleaguesById = new Map(
    world.staff.map((person) => [
      person.id,
      world.staff.filter(
        (other) =>
          other.id !== person.id &&
          other.id !== world.signedInStaffId &&
          storeIndexOf(other.id) === storeIndexOf(person.id),
      ),
    ]),
  );
  const colleaguesOf = (staffId: string) => colleaguesById.get(staffId) ?? [];
  /** The signed-in associate's posts, with when they went out and the excerpt their entries keep. */
  const posts = world.moments.map((moment) => ({
    moment,
    sentAt: Date.parse(moment.publishedAt ?? moment.createdAt),
    excerpt: momentExcerpt(moment),
  }));
  const stockById = new Map(world.couponStocks.map((stock) => [stock.id, stock]));
  const groupById = new Map(world.groups.map((group) => [group.id, group]));
  const couponsOf = groupBy(world.issuedCoupons, (coupon) => coupon.customerId);
  const joinsOf = groupBy(
    world.members.filter((member) => member.type === 'customer'),
    (member) => member.id,
  );
  const tagName = new Map(world.tagGroups.flatMap((group) => group.tags.map((tag) => [tag.id, tag.name])));
  const nowYear = localDate(now).getUTCFullYear();
  const nowMonth = localDate(now).getUTCMonth() + 1;

  const history: CustomerActivity[] = [];
  for (let index = 0; index < customers.length; index++) {
    if (index % slice === 0) yield;
    const customer = customers[index]!;
    const mine = customer.ownerStaffId === world.signedInStaffId;
    const owner = customer.ownerStaffId;
    const coupons = couponsOf.get(customer.id) ?? [];
    const joins = [...(joinsOf.get(customer.id) ?? [])].sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : 1));
    const timeline = new Timeline(customer.id, iso);

    /* coupons: sent in working hours, after the customer was added, within the stock's window */
    for (const coupon of coupons) retimeIssue(coupon, customer);
    const addedAt = Date.parse(customer.addedAt);

    /* who added them, and a hand-over from a colleague for a few long-standing customers */
    const colleagues = colleaguesOf(owner);
    const handover =
      addedAt < now - 150 * DAY && colleagues.length > 0 && chance(0.05)
        ? { from: pick(colleagues).id, at: between(addedAt + 30 * DAY, now - 90 * DAY) }
        : undefined;
    const ownerAt = (time: number) => (handover && time < handover.at ? handover.from : owner);
    customer.type = chance(0.1) ? 'wecom' : 'wechat';
    if (customer.type === 'wecom') customer.corpName = localized(pick(CORP_NAMES));
    customer.addedBy = ownerAt(addedAt);
    customer.addWay = addWayOf(customer, joins, addedAt);
    customer.followerStaffIds = [owner];
    const follower = colleagues.length > 0 && chance(0.15) ? pick(colleagues).id : undefined;
    if (follower && follower !== handover?.from) customer.followerStaffIds.push(follower);
    const importantDates = importantDatesOf(customer);
    if (importantDates.length > 0) customer.importantDates = importantDates;
    if (chance(0.2)) customer.description = localized(pick(DESCRIPTIONS));
    if (chance(0.3)) customer.remarkPhones = chance(0.2) ? [phone(), phone()] : [phone()];
    if (customer.corpName && chance(0.6)) customer.remarkCompany = customer.corpName;

    /* the timeline */
    timeline.added(addedAt, customer.addedBy, customer.addWay);
    if (handover) timeline.transferred(handover.at, handover.from, owner);
    recordTags(customer, addedAt, mine, ownerAt, timeline);
    for (const coupon of coupons) timeline.coupon('coupon-issued', Date.parse(coupon.issuedAt), coupon, coupon.staffId);
    if (mine)
      for (const { moment, sentAt, excerpt } of posts)
        if (sentAt > addedAt && reaches(moment, customer)) timeline.momentSent(sentAt, moment, excerpt);
    for (const join of joins)
      timeline.joinedGroup(Date.parse(join.joinedAt), groupById.get(join.groupId)!, join.inviterId);
    const orders = [...ordersOf(customer, addedAt, mine, ownerAt), ...couponOrders(coupons, addedAt, ownerAt)];
    const notes = mine ? (chance(0.45) ? 1 + int(2) : 0) : chance(0.1) ? 1 : 0;
    for (let note = 0; note < notes; note++) {
      const at = onDay(between(addedAt, now), shopMinute(false), addedAt, now - MINUTE);
      const text = localized(pick(NOTES));
      if (at !== undefined) timeline.note(at, ownerAt(at), text);
    }
    // An order taken in the chat: the associate's note of the conversation a little before it.
    for (const order of orders)
      if (order.servedBy) {
        const at = Math.max(addedAt + MINUTE, order.at - (5 + int(55)) * MINUTE);
        timeline.note(at, order.servedBy, localized(pick(NOTES)));
      }
    // Each order attributed by core's rule over what the timeline holds (as recordPurchase would).
    const touches = timeline.touches();
    for (const order of orders) {
      const redeemed = order.couponId ? coupons.find((coupon) => coupon.id === order.couponId) : undefined;
      const store = staffById.get(order.storeStaffId)?.store;
      const at = iso(order.at);
      const rule = attributePurchase({
        at,
        ...(redeemed ? { couponStaffId: redeemed.staffId } : {}),
        touches,
        policy: DEFAULT_POLICY,
      });
      order.attribution = rule.attribution;
      if (rule.attributedStaffId) order.attributedStaffId = rule.attributedStaffId;
      order.afterHours = isAfterHours(at, store?.id ?? 'store-unknown', DEFAULT_POLICY);
      if (redeemed) timeline.coupon('coupon-redeemed', order.at, redeemed);
      timeline.purchase(order, store);
    }
    customer.purchases = summaryOf(customer, orders);
    for (const entry of timeline.newestFirst()) history.push(entry);
  }
  return history;

  function retimeIssue(coupon: IssuedCoupon, customer: Customer) {
    const stock = stockById.get(coupon.stockId)!;
    const latest = Math.min(now - HOUR, Date.parse(stock.validUntil));
    let earliest = Math.max(Date.parse(stock.validFrom), Date.parse(customer.addedAt) + HOUR);
    // A customer added after the stock's window closed would hold a coupon sent before they were a
    // contact: they were added earlier.
    if (earliest > latest) {
      customer.addedAt = iso(latest - DAY);
      earliest = Math.max(Date.parse(stock.validFrom), latest - DAY + HOUR);
    }
    const issuedAt = Math.min(Math.max(Date.parse(coupon.issuedAt), earliest), latest);
    const sent = onDay(issuedAt, 9 * 60 + int(13 * 60), earliest, latest) ?? issuedAt;
    coupon.issuedAt = iso(sent);
  }

  function addWayOf(customer: Customer, joins: GroupMember[], addedAt: number): AddWay {
    const firstJoin = joins[0];
    if (firstJoin && Date.parse(firstJoin.joinedAt) < addedAt)
      return { kind: 'group-chat', groupId: firstJoin.groupId };
    const draw = random();
    if (draw < 0.4) {
      const state = `store-${storeIndexOf(customer.ownerStaffId) + 1}-${pick(CONTACT_CHANNELS)}`;
      return { kind: 'contact-me', state: state.slice(0, LIMITS.contactStateMaxLength) };
    }
    if (draw < 0.65) return { kind: 'qrcode' };
    if (draw < 0.78) return { kind: 'search' };
    if (draw < 0.9) return { kind: 'shared-card', sharedBy: pick(customers).name };
    return { kind: 'other' };
  }

  function importantDatesOf(customer: Customer): ImportantDate[] {
    const dates: ImportantDate[] = [];
    const monthDay = (month: number) => `${pad(month, 2)}-${pad(1 + int(month === 2 ? 28 : 30), 2)}`;
    const birthdayMonth = customer.ruleTagIds.includes('rt-birthday');
    if (birthdayMonth || chance(0.85)) {
      // The rule tag "birthday month" and the birthday agree: this month for those who carry it, another for the rest.
      const month = birthdayMonth ? nowMonth : ((nowMonth + int(11)) % 12) + 1;
      const range = AGE_RANGES[customer.tagIds.find((id) => id in AGE_RANGES) ?? ''] ?? [22, 60];
      const year = nowYear - range[0] - int(range[1] - range[0] + 1);
      dates.push({ kind: 'birthday', date: chance(0.4) ? `${year}-${monthDay(month)}` : monthDay(month) });
    }
    if (chance(0.12)) {
      const month = 1 + int(12);
      dates.push({
        kind: 'anniversary',
        date: chance(0.5) ? `${nowYear - 1 - int(20)}-${monthDay(month)}` : monthDay(month),
        label: localized(ANNIVERSARY),
      });
    }
    if (customer.tagIds.includes(KIDSWEAR_INTEREST) && chance(0.5))
      dates.push({ kind: 'other', date: monthDay(1 + int(12)), label: localized(CHILD_BIRTHDAY) });
    return dates;
  }

  /** Tagging as it happened: what was noted at the first chat, then (her own customers) the rest later. */
  function recordTags(
    customer: Customer,
    addedAt: number,
    mine: boolean,
    ownerAt: (time: number) => string,
    timeline: Timeline,
  ) {
    const tagIds = customer.tagIds;
    if (tagIds.length === 0) return;
    const firstAt = addedAt + 10 * MINUTE + int(20 * 60) * MINUTE;
    const split = mine && tagIds.length >= 3 ? 1 + int(tagIds.length - 1) : tagIds.length;
    timeline.tagsAdded(firstAt, ownerAt(firstAt), tagIds.slice(0, split));
    if (split < tagIds.length) {
      const laterAt = between(firstAt, now - MINUTE);
      timeline.tagsAdded(laterAt, ownerAt(laterAt), tagIds.slice(split));
    }
  }

  function reaches(moment: Moment, customer: Customer) {
    if (customer.ruleTagIds.includes(UNREACHABLE_TAG_ID)) return false;
    return moment.audience.type === 'all' || moment.audience.tagIds.some((id) => customer.tagIds.includes(id));
  }

  /** The categories a customer buys from: their interests, sportswear and shoes if they say so, and clothing. */
  function categoriesOf(customer: Customer): number[] {
    const pool = [chance(0.75) ? WOMENSWEAR : MENSWEAR];
    for (const id of customer.tagIds) {
      const interest = INTEREST_CATEGORY[id];
      if (interest !== undefined) pool.push(interest);
      if (SPORTY_STYLES.includes(id)) pool.push(SPORTS);
      if (id.startsWith('size-') && Number(id.slice(5)) > CLOTHING_SIZES.length) pool.push(SHOES);
    }
    return pool;
  }

  function priceOf(category: number, vip: boolean) {
    const { min, max } = CATEGORIES[category]!;
    const yuan = min + (max - min) * random() ** (vip ? 1.5 : 2.5);
    return (Math.max(10, Math.round(yuan / 10) * 10) - 1) * 100;
  }

  /** The customer's orders without a coupon: in the store in opening hours, or in the chat at night. */
  function ordersOf(customer: Customer, addedAt: number, mine: boolean, ownerAt: (time: number) => string): Order[] {
    const vip = customer.ruleTagIds.includes('rt-vip');
    const dormant = customer.ruleTagIds.includes('rt-dormant');
    let count = mine ? 1 + int(5) : int(3);
    if (vip) count += 3 + int(5);
    if (customer.ruleTagIds.includes('rt-new')) count = Math.min(count, 1);
    const until = dormant ? now - 90 * DAY : now - MINUTE;
    const pool = categoriesOf(customer);
    const orders: Order[] = [];
    for (let i = 0; i < count && until > addedAt; i++) {
      const afterHours = chance(AFTER_HOURS_SHARE);
      const at = onDay(between(addedAt, until), shopMinute(afterHours), addedAt, until);
      if (at === undefined) continue;
      const category = chance(0.8) ? pick(pool) : int(CATEGORIES.length);
      const served = afterHours || chance(0.7);
      orders.push({
        at,
        amount: priceOf(category, vip),
        category,
        storeStaffId: ownerAt(at),
        ...(served ? { servedBy: ownerAt(at) } : {}),
      });
    }
    return orders;
  }

  /** The order that redeemed each redeemed coupon: within its window, at least the threshold, less the benefit. */
  function couponOrders(coupons: IssuedCoupon[], addedAt: number, ownerAt: (time: number) => string): Order[] {
    const orders: Order[] = [];
    for (const coupon of coupons) {
      if (coupon.status !== 'redeemed') continue;
      const stock = stockById.get(coupon.stockId)!;
      const to = Math.min(now - MINUTE, Date.parse(coupon.validUntil));
      const from = Math.min(Math.max(Date.parse(coupon.issuedAt), Date.parse(coupon.validFrom), addedAt) + MINUTE, to);
      const target = between(from, Math.min(to, from + 5 * DAY));
      const afterHours = chance(AFTER_HOURS_SHARE);
      // A window too short for the time drawn (a coupon sent last night, redeemed this morning) takes the other
      // kind of time, else the first shopping time in it, else (outside both) any.
      const at =
        onDay(target, shopMinute(afterHours), from, to) ??
        onDay(target, shopMinute(!afterHours), from, to) ??
        firstShoppingTime(from, to) ??
        Math.min(Math.max(target, from), to);
      coupon.redeemedAt = iso(at);
      const category = int(CATEGORIES.length);
      const price = Math.max(priceOf(category, false), stock.benefit.threshold + (int(20) * 10 + 9) * 100);
      orders.push({
        at: Date.parse(coupon.redeemedAt),
        amount: paidWith(stock.benefit, price),
        category,
        storeStaffId: ownerAt(at),
        couponId: coupon.id,
      });
    }
    return orders;
  }

  function summaryOf(customer: Customer, orders: Order[]): PurchaseSummary {
    const spentBy = new Map<number, number>();
    let totalSpent = 0;
    let lastPurchaseAt = 0;
    for (const order of orders) {
      totalSpent += order.amount;
      lastPurchaseAt = Math.max(lastPurchaseAt, order.at);
      spentBy.set(order.category, (spentBy.get(order.category) ?? 0) + order.amount);
    }
    const favourites = [...spentBy].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3);
    const sizes = customer.tagIds
      .filter((id) => id.startsWith('size-'))
      .map((id) => {
        const number = Number(id.slice(5));
        const shoe = number > CLOTHING_SIZES.length;
        const size = shoe ? SHOE_SIZES[number - 1 - CLOTHING_SIZES.length] : CLOTHING_SIZES[number - 1];
        return {
          category: localized(shoe ? SIZE_CATEGORY.shoes : SIZE_CATEGORY.clothing),
          size: size ?? tagName.get(id) ?? id,
        };
      });
    return {
      totalSpent,
      orderCount: orders.length,
      ...(orders.length > 0 ? { lastPurchaseAt: iso(lastPurchaseAt) } : {}),
      averageOrderValue: orders.length > 0 ? Math.round(totalSpent / orders.length) : 0,
      favouriteCategories: favourites.map(([category]) => localized(CATEGORIES[category]!.name)),
      sizes,
    };
  }
}

/** What the customer paid for an order of `price` with a coupon of `benefit` (fen). */
function paidWith(benefit: CouponBenefit, price: number): number {
  if (benefit.kind === 'amount-off') return price - benefit.amountOff;
  if (benefit.kind === 'discount') return Math.round((price * (100 - benefit.percentOff)) / 100);
  return price;
}

/** How much of a post's text its `moment-sent` entry keeps (as `momentSentActivity` of core's backend rules). */
const MOMENT_EXCERPT_LENGTH = 100;
const momentExcerpt = (moment: Moment) => [...moment.text].slice(0, MOMENT_EXCERPT_LENGTH).join('');

/**
 * One customer's timeline as it is built, in the shapes core's backend rules give each change's
 * activity. Thousands of entries: each is one plain object literal (no spreads, no closures).
 */
class Timeline {
  private readonly entries: CustomerActivity[] = [];

  constructor(
    private readonly customerId: string,
    private readonly iso: (time: number) => string,
  ) {}

  /** The customer's id and the entry's number: unique in the dataset, never like a live `activity-…` id. */
  private nextId() {
    return `${this.customerId}-${String(this.entries.length + 1).padStart(3, '0')}`;
  }

  /** The serving activities so far (core's `isServingActivity`), for the attribution rule. */
  touches(): Touch[] {
    const touches: Touch[] = [];
    for (const entry of this.entries)
      if (entry.staffId && isServingActivity(entry.kind)) touches.push({ staffId: entry.staffId, at: entry.at });
    return touches;
  }

  added(at: number, staffId: string, addWay: AddWay) {
    const { customerId } = this;
    this.entries.push({ id: this.nextId(), customerId, kind: 'added', at: this.iso(at), staffId, addWay });
  }

  transferred(at: number, fromStaffId: string, toStaffId: string) {
    const { customerId } = this;
    this.entries.push({ id: this.nextId(), customerId, kind: 'transferred', at: this.iso(at), fromStaffId, toStaffId });
  }

  tagsAdded(at: number, staffId: string, added: string[]) {
    const { customerId } = this;
    this.entries.push({
      id: this.nextId(),
      customerId,
      kind: 'tags-changed',
      at: this.iso(at),
      staffId,
      added,
      removed: [],
    });
  }

  /** A coupon sent (by `staffId`) or redeemed (by the customer). */
  coupon(kind: 'coupon-issued' | 'coupon-redeemed', at: number, coupon: IssuedCoupon, staffId?: string) {
    const entry: Entry<typeof kind> = {
      id: this.nextId(),
      customerId: this.customerId,
      kind,
      at: this.iso(at),
      couponId: coupon.id,
      stockId: coupon.stockId,
      stockName: coupon.stockName,
    };
    if (staffId) entry.staffId = staffId;
    this.entries.push(entry);
  }

  momentSent(at: number, moment: Moment, text: string) {
    const { customerId } = this;
    const { staffId, id: momentId } = moment;
    this.entries.push({
      id: this.nextId(),
      customerId,
      kind: 'moment-sent',
      at: this.iso(at),
      staffId,
      momentId,
      text,
    });
  }

  joinedGroup(at: number, group: Group, inviterId?: string) {
    const entry: Entry<'joined-group'> = {
      id: this.nextId(),
      customerId: this.customerId,
      kind: 'joined-group',
      at: this.iso(at),
      groupId: group.id,
      groupName: group.name,
    };
    if (inviterId) entry.staffId = inviterId;
    this.entries.push(entry);
  }

  purchase(order: Order, store: Store | undefined) {
    const entry: Entry<'purchase'> = {
      id: this.nextId(),
      customerId: this.customerId,
      kind: 'purchase',
      at: this.iso(order.at),
      amount: order.amount,
    };
    if (store) {
      entry.storeId = store.id;
      entry.storeName = store.name;
    }
    if (order.attributedStaffId) entry.attributedStaffId = order.attributedStaffId;
    if (order.couponId) entry.couponId = order.couponId;
    if (order.attribution) entry.attribution = order.attribution;
    if (order.afterHours !== undefined) entry.afterHours = order.afterHours;
    this.entries.push(entry);
  }

  note(at: number, staffId: string, text: string) {
    const { customerId } = this;
    this.entries.push({ id: this.nextId(), customerId, kind: 'note', at: this.iso(at), staffId, text });
  }

  /**
   * The entries newest first, then by id: the order of every timeline (`activityPage`). The times
   * are ISO strings of one format, so they sort as text.
   */
  newestFirst(): CustomerActivity[] {
    return this.entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
