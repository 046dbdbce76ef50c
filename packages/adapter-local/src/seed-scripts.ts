/**
 * The seed's script library (话术库, issue 21): six categories, 32 company scripts (texts with
 * `{customerName}`, `{staffName}` and `{storeName}`, images, link and mini-program cards), three scripts of
 * the signed-in associate's own, one of a colleague's (which she never sees), and how often the two used
 * some of them. Deterministic: no random numbers, times relative to the seed's `now`.
 */
import type { ScriptCategory, ScriptContent } from '@clienteling/core/adapter-kit.js';
import type { DatasetScript, ScriptUse } from './dataset.js';

/** A text in Chinese and English. */
type Text2 = readonly [zh: string, en: string];

const DAY = 86_400_000;
/** The retailer's mini-program (the one its cards open). */
const MINI_PROGRAM_APP_ID = 'wx5f3c9d2e8a1b4c70';
const MALL = 'https://mall.example.com';

const CATEGORIES: ReadonlyArray<[id: string, name: Text2]> = [
  ['script-cat-greeting', ['问候', 'Greetings']],
  ['script-cat-new', ['新品', 'New in']],
  ['script-cat-promo', ['活动', 'Events']],
  ['script-cat-service', ['售后', 'After-sales']],
  ['script-cat-holiday', ['节日', 'Holidays']],
  ['script-cat-member', ['会员', 'Members']],
];

/** A poster as an inline SVG (no network in the demo): a gradient, a sun and two hills in the brand's colours. */
const poster = (from: string, to: string, accent: string): string => {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800" viewBox="0 0 600 800">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="600" height="800" fill="url(#g)"/>` +
    `<circle cx="420" cy="220" r="110" fill="${accent}" opacity="0.85"/>` +
    `<path d="M0 620 Q150 500 300 600 T600 560 V800 H0Z" fill="#ffffff" opacity="0.35"/>` +
    `<path d="M0 700 Q200 610 380 690 T600 660 V800 H0Z" fill="#ffffff" opacity="0.55"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
};
const image = (from: string, to: string, accent: string): ScriptContent => ({
  kind: 'image',
  image: { url: poster(from, to, accent), width: 600, height: 800 },
});
const text = (value: string): ScriptContent => ({ kind: 'text', text: value });
const link = (path: string, title: string, cover?: string): ScriptContent => ({
  kind: 'link',
  link: { url: `${MALL}${path}`, title, ...(cover ? { coverUrl: cover } : {}) },
});
const miniprogram = (pagePath: string, title: string, cover?: string): ScriptContent => ({
  kind: 'miniprogram',
  miniprogram: { appId: MINI_PROGRAM_APP_ID, pagePath, title, ...(cover ? { coverUrl: cover } : {}) },
});

/** A script of the seed: its category, title and content in both languages. */
interface SeedScript {
  category: string;
  title: Text2;
  content: (english: boolean) => ScriptContent;
}
const say =
  (zh: string, en: string) =>
  (english: boolean): ScriptContent =>
    text(english ? en : zh);
const bilingual =
  (make: (title: string) => ScriptContent, [zh, en]: Text2) =>
  (english: boolean) =>
    make(english ? en : zh);

const COVER_NEW = poster('#f6d8c4', '#c9856b', '#fff3e6');
const COVER_PROMO = poster('#ffd6d6', '#e0565b', '#ffe9a8');
const COVER_MEMBER = poster('#e8e2ff', '#7b6cd9', '#fff6d6');

const COMPANY: SeedScript[] = [
  /* greetings */
  {
    category: 'script-cat-greeting',
    title: ['添加好友后的问候', 'After adding a customer'],
    content: say(
      '{customerName}您好，我是{storeName}的导购{staffName}，以后有任何需要随时找我哦～',
      "Hi {customerName}, I'm {staffName} from {storeName}. Message me any time you need anything.",
    ),
  },
  {
    category: 'script-cat-greeting',
    title: ['新朋友到店礼', 'A gift for new friends'],
    content: say(
      '{customerName}，感谢添加！第一次到{storeName}出示这条消息，可以领取一份小礼品。',
      'Thanks for adding me, {customerName}! Show this message on your first visit to {storeName} for a small gift.',
    ),
  },
  {
    category: 'script-cat-greeting',
    title: ['工作日邀请试穿', 'A quiet weekday'],
    content: say(
      '早上好{customerName}，今天店里人不多，适合慢慢试穿，欢迎过来坐坐。',
      'Good morning {customerName}: the store is quiet today, a good day to try things on at leisure.',
    ),
  },
  {
    category: 'script-cat-greeting',
    title: ['久未到店的问候', 'Not seen for a while'],
    content: say(
      '{customerName}，好久没见您来店里啦，最近到了几款很适合您的新品，方便时我发您看看？',
      "{customerName}, it's been a while! A few new pieces came in that would suit you: shall I send you photos?",
    ),
  },
  {
    category: 'script-cat-greeting',
    title: ['门店欢迎海报', 'Store welcome poster'],
    content: () => image('#dff3ea', '#4f9d7e', '#fff7d6'),
  },
  {
    category: 'script-cat-greeting',
    title: ['会员中心小程序', 'Member centre (mini-program)'],
    content: bilingual(
      (title) => miniprogram('pages/member/index', title, COVER_MEMBER),
      ['会员中心', 'Member centre'],
    ),
  },
  /* new in */
  {
    category: 'script-cat-new',
    title: ['羊绒大衣到店', 'Cashmere coats are in'],
    content: say(
      '{customerName}，秋冬羊绒大衣到店了，有驼色、黑色和燕麦色三种，我给您留了您的尺码。',
      '{customerName}, the autumn cashmere coats are in: camel, black and oatmeal. I have put your size aside.',
    ),
  },
  {
    category: 'script-cat-new',
    title: ['新款跑鞋可预留', 'New running shoes'],
    content: say(
      '新款跑鞋到店啦，{storeName}三楼运动专柜可以试穿，{staffName}可以帮您先预留。',
      'New running shoes are in at the sports counter on the third floor of {storeName}; {staffName} can hold a pair.',
    ),
  },
  {
    category: 'script-cat-new',
    title: ['秋冬新品海报', 'Autumn arrivals poster'],
    content: () => image('#f6d8c4', '#c9856b', '#fff3e6'),
  },
  {
    category: 'script-cat-new',
    title: ['本周搭配推荐', "This week's outfit"],
    content: () => image('#e4ecf7', '#5b7db1', '#ffe3c2'),
  },
  {
    category: 'script-cat-new',
    title: ['秋冬新品目录', 'Autumn catalogue'],
    content: bilingual((title) => link('/new-arrivals', title, COVER_NEW), ['秋冬新品目录', 'Autumn–winter catalogue']),
  },
  {
    category: 'script-cat-new',
    title: ['新品专区小程序', 'New in (mini-program)'],
    content: bilingual((title) => miniprogram('pages/new/index', title, COVER_NEW), ['新品专区', 'New in']),
  },
  /* events */
  {
    category: 'script-cat-promo',
    title: ['双十一会员锁价', "Singles' Day price lock"],
    content: say(
      '双十一会员专享满 1000 减 150，{customerName}需要的话我可以提前帮您下单锁价。',
      "Singles' Day: ¥150 off ¥1,000 for members. {customerName}, I can place your order early to lock the price.",
    ),
  },
  {
    category: 'script-cat-promo',
    title: ['美妆沙龙邀约', 'Beauty salon invitation'],
    content: say(
      '本周六下午{storeName}有美妆沙龙，名额有限，{customerName}要不要我给您留个位置？',
      'Beauty salon at {storeName} this Saturday afternoon, places limited: shall I keep one for you, {customerName}?',
    ),
  },
  {
    category: 'script-cat-promo',
    title: ['周末第二件八折', 'Second item 20% off'],
    content: say(
      '这个周末全场第二件 8 折，跑鞋、羽绒服都参加，到店报{staffName}的名字还有小礼物。',
      'This weekend the second item is 20% off, running shoes and down jackets too; mention {staffName} for a gift.',
    ),
  },
  {
    category: 'script-cat-promo',
    title: ['双十一活动规则', "Singles' Day rules"],
    content: bilingual(
      (title) => link('/events/double-11', title, COVER_PROMO),
      ['双十一活动规则', "Singles' Day rules"],
    ),
  },
  {
    category: 'script-cat-promo',
    title: ['领券中心小程序', 'Coupons (mini-program)'],
    content: bilingual(
      (title) => miniprogram('pages/coupons/index', title, COVER_PROMO),
      ['领券中心', 'Coupon centre'],
    ),
  },
  {
    category: 'script-cat-promo',
    title: ['周末活动海报', 'Weekend event poster'],
    content: () => image('#ffd6d6', '#e0565b', '#ffe9a8'),
  },
  /* after-sales */
  {
    category: 'script-cat-service',
    title: ['订单已发货', 'Your order has shipped'],
    content: say(
      '{customerName}，您的订单已经发货，预计 2–3 天送达，收到后有任何问题随时找我。',
      '{customerName}, your order has shipped and should arrive in 2–3 days. Tell me if anything is not right.',
    ),
  },
  {
    category: 'script-cat-service',
    title: ['羊绒洗护建议', 'Caring for cashmere'],
    content: say(
      '羊绒衣物建议手洗或干洗，平铺晾干，避免暴晒。有问题随时问{staffName}。',
      'Hand-wash or dry-clean cashmere and dry it flat, out of the sun. Ask {staffName} any time.',
    ),
  },
  {
    category: 'script-cat-service',
    title: ['七天换货', 'Exchanges within 7 days'],
    content: say(
      '商品不合适的话，7 天内凭小票可以到{storeName}免费换货，{customerName}不用担心。',
      "If it doesn't fit, exchange it free at {storeName} within 7 days with the receipt, {customerName}.",
    ),
  },
  {
    category: 'script-cat-service',
    title: ['售后政策', 'Returns policy'],
    content: bilingual((title) => link('/service/returns', title), ['退换货与售后政策', 'Returns and exchanges']),
  },
  {
    category: 'script-cat-service',
    title: ['订单查询小程序', 'My orders (mini-program)'],
    content: bilingual((title) => miniprogram('pages/orders/index', title), ['订单查询', 'My orders']),
  },
  /* holidays */
  {
    category: 'script-cat-holiday',
    title: ['冬至问候', 'Winter solstice'],
    content: say(
      '{customerName}，冬至快乐！天冷了注意保暖，{storeName}全体同事祝您阖家幸福。',
      'Happy winter solstice, {customerName}! Keep warm; everyone at {storeName} wishes you and your family well.',
    ),
  },
  {
    category: 'script-cat-holiday',
    title: ['新年祝福', 'New Year wishes'],
    content: say(
      '新年快乐，{customerName}！感谢这一年的支持，新的一年也请多多关照。—— {staffName}',
      'Happy New Year, {customerName}! Thank you for this year; here is to the next. — {staffName}',
    ),
  },
  {
    category: 'script-cat-holiday',
    title: ['生日祝福', 'Birthday wishes'],
    content: say(
      '{customerName}，生日快乐！生日月到店可以领取一份专属礼物，{staffName}在店里等您。',
      'Happy birthday, {customerName}! Collect your birthday gift in store this month; {staffName} will be there.',
    ),
  },
  {
    category: 'script-cat-holiday',
    title: ['节日贺卡', 'Holiday card'],
    content: () => image('#fde2c8', '#d2653f', '#fff1b8'),
  },
  {
    category: 'script-cat-holiday',
    title: ['春节礼盒', 'Spring Festival gift boxes'],
    content: bilingual((title) => link('/events/spring-gifts', title, COVER_PROMO), ['春节礼盒预订', 'Gift boxes']),
  },
  /* members */
  {
    category: 'script-cat-member',
    title: ['积分可兑换', 'Points to spend'],
    content: say(
      '{customerName}，您的积分已经可以兑换礼品了，需要我帮您查一下吗？',
      '{customerName}, you have enough points for a gift. Shall I look up what you can choose?',
    ),
  },
  {
    category: 'script-cat-member',
    title: ['金卡升级提醒', 'Almost gold'],
    content: say(
      '金卡会员全年 95 折、免费停车，{customerName}再消费一次就能升级啦。',
      'Gold members get 5% off all year and free parking: one more purchase and you are there, {customerName}.',
    ),
  },
  {
    category: 'script-cat-member',
    title: ['会员权益', 'Member benefits'],
    content: bilingual((title) => link('/member/benefits', title, COVER_MEMBER), ['会员权益一览', 'Member benefits']),
  },
  {
    category: 'script-cat-member',
    title: ['积分商城小程序', 'Points shop (mini-program)'],
    content: bilingual((title) => miniprogram('pages/points/index', title, COVER_MEMBER), ['积分商城', 'Points shop']),
  },
];

/** The signed-in associate's own scripts. */
const OWN: SeedScript[] = [
  {
    category: 'script-cat-greeting',
    title: ['我明天在店', "I'm in tomorrow"],
    content: say(
      '{customerName}，我明天全天在店，您来之前发我消息，我先把您的尺码找出来。',
      "{customerName}, I'm in all day tomorrow: message me before you come and I'll have your size ready.",
    ),
  },
  {
    category: 'script-cat-new',
    title: ['看中的款补货了', 'Back in stock'],
    content: say(
      '上次您看中的那款补货了，{customerName}要不要我先帮您留一件？',
      'The piece you liked last time is back in stock, {customerName}. Shall I keep one for you?',
    ),
  },
  {
    category: 'script-cat-service',
    title: ['改衣已完成', 'Alterations done'],
    content: say(
      '{customerName}，您的裤长已经改好了，放在{storeName}一楼服务台，随时可以来取。',
      '{customerName}, your alterations are done and waiting at the service desk on the ground floor of {storeName}.',
    ),
  },
];

/** A colleague's own script: the signed-in associate never sees it. */
const COLLEAGUES: SeedScript = {
  category: 'script-cat-promo',
  title: ['跑团专属福利', 'For the running club'],
  content: say(
    '跑团的朋友到店报暗号“周末跑”，运动袜免费送一双。',
    'Running club members: say “weekend run” in store for a free pair of socks.',
  ),
};

/** How often each associate used which script: `[script id, count, days since the last use]`. */
const SIGNED_IN_USES: ReadonlyArray<[script: string, count: number, daysAgo: number]> = [
  ['script-001', 14, 0],
  ['script-007', 9, 1],
  ['script-013', 6, 2],
  ['script-own-01', 4, 1],
  ['script-019', 3, 5],
  ['script-026', 2, 12],
  ['script-011', 1, 20],
];
const COLLEAGUE_USES: ReadonlyArray<[script: string, count: number, daysAgo: number]> = [
  ['script-015', 11, 0],
  ['script-001', 2, 3],
];

export interface SeedScriptsInput {
  now: number;
  english: boolean;
  signedInStaffId: string;
  /** Whose own script the signed-in associate must not see. */
  colleagueStaffId: string;
}

/** The script library of the seed (see the file's comment). */
export function seedScripts({ now, english, signedInStaffId, colleagueStaffId }: SeedScriptsInput): {
  scriptCategories: ScriptCategory[];
  scripts: DatasetScript[];
  scriptUses: ScriptUse[];
} {
  const localized = (pair: Text2) => pair[english ? 1 : 0];
  const iso = (time: number) => new Date(Math.floor(time / 60_000) * 60_000).toISOString();
  const scriptCategories = CATEGORIES.map(([id, name], order) => ({ id, name: localized(name), order }));
  const toScript = (
    { category, title, content }: SeedScript,
    id: string,
    ageDays: number,
    owner?: string,
  ): DatasetScript => ({
    id,
    categoryId: category,
    title: localized(title),
    content: content(english),
    ...(owner ? { scope: 'own' as const, ownerId: owner } : { scope: 'company' as const }),
    createdAt: iso(now - ageDays * DAY),
    // Every third script was revised a few days after it was written.
    updatedAt: iso(now - ageDays * DAY + (Number(id.slice(-2)) % 3 === 0 ? 3 * DAY : 0)),
  });
  const scripts = [
    ...COMPANY.map((script, i) => toScript(script, `script-${String(i + 1).padStart(3, '0')}`, 90 - i * 2)),
    ...OWN.map((script, i) =>
      toScript(script, `script-own-${String(i + 1).padStart(2, '0')}`, 20 - i * 6, signedInStaffId),
    ),
    toScript(COLLEAGUES, 'script-colleague-01', 15, colleagueStaffId),
  ];
  const usesOf = (staffId: string, uses: typeof SIGNED_IN_USES) =>
    uses.map(([scriptId, useCount, daysAgo]) => ({
      scriptId,
      staffId,
      useCount,
      lastUsedAt: iso(now - daysAgo * DAY - 2 * 3_600_000),
    }));
  return {
    scriptCategories,
    scripts,
    scriptUses: [...usesOf(signedInStaffId, SIGNED_IN_USES), ...usesOf(colleagueStaffId, COLLEAGUE_USES)],
  };
}
