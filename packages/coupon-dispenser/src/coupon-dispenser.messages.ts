import { defineMessages } from '@clienteling/core/elements.js';

/** 折: the share of the price paid, in tenths (15% off is 8.5折). */
const zhe = (percentOff: number) => `${(100 - percentOff) / 10}折`;

const zhCN = {
  'couponDispenser.offers': '可发送的优惠券',
  'couponDispenser.noOffers': '暂时没有可发送的优惠券。',
  'couponDispenser.noCustomer': '请先选择要发券的客户。',
  'couponDispenser.amountOff': (amount: string, over: string) => (over ? `满${over}减${amount}` : `立减${amount}`),
  'couponDispenser.discount': (percentOff: number, over: string) => `${over ? `满${over}享` : ''}${zhe(percentOff)}`,
  'couponDispenser.gift': (gift: string, over: string) => `${over ? `满${over}` : ''}赠${gift}`,
  'couponDispenser.validity': (from: string, until: string) => `有效期 ${from} 至 ${until}`,
  'couponDispenser.stock': (remaining: string, total: string) => `剩余 ${remaining}/${total} 张`,
  'couponDispenser.limit': (limit: string) => `每人限领 ${limit} 张`,
  'couponDispenser.heldCount': (held: string) => `已领 ${held} 张`,
  'couponDispenser.heldLink': (count: string) => `客户已有的券（${count}）`,
  'couponDispenser.unavailable': (count: string) => `暂不可用（${count}）`,
  'couponDispenser.noneSendable': '这些券现在都不能发给该客户。',
  'couponDispenser.send': '发送',
  'couponDispenser.reason.sold-out': '已抢光',
  'couponDispenser.reason.limit-reached': '客户已达限领数量',
  'couponDispenser.reason.not-started': (date: string) => `${date} 开始`,
  'couponDispenser.reason.expired': '已过期',
  'couponDispenser.sentFeedback': (name: string) => `已发送：${name}`,
  'couponDispenser.validUntil': (date: string) => `有效期至 ${date}`,
  'couponDispenser.held': '客户已有的券',
  'couponDispenser.noCoupons': '该客户还没有领过券。',
  'couponDispenser.status.unused': (count: string) => `未使用（${count}）`,
  'couponDispenser.status.redeemed': (count: string) => `已核销（${count}）`,
  'couponDispenser.status.expired': (count: string) => `已过期（${count}）`,
  'couponDispenser.redeemedOn': (date: string) => `${date} 已核销`,
  'couponDispenser.expiredOn': (date: string) => `${date} 已过期`,
};

/** Their keys and arguments, which the English module translates. */
export type CouponDispenserStrings = typeof zhCN;

/**
 * Strings of `<cl-coupon-dispenser>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const messages = defineMessages(zhCN, () => import('./coupon-dispenser.messages.en.js'));
