import { extendMessages } from '@clienteling/core/elements.js';
import { messages } from './coupon-dispenser.messages.js';

const zhCN = {
  'couponDispenser.confirmTitle': '确认发送这张优惠券？',
  'couponDispenser.to': '发给',
  'couponDispenser.unconfirmedTitle': '未确认是否发出',
  'couponDispenser.confirmHint': '客户将立即收到，发出后无法撤回。',
  'couponDispenser.confirmSend': '确认发送',
  'couponDispenser.sending': '发送中…',
  'couponDispenser.failedTitle': '未发送',
  'couponDispenser.sentTitle': '发送成功',
  'couponDispenser.code': '券码',
  'couponDispenser.done': '完成',
  'couponDispenser.error.sold-out': '这张券刚刚被领完了。',
  'couponDispenser.error.limit-reached': '该客户已领满这张券的限领数量。',
  'couponDispenser.error.expired': '这张券已过期。',
  'couponDispenser.error.expired.not-started': '这张券尚未开始，暂不能发送。',
  'couponDispenser.error.forbidden.customer-unreachable': '暂时无法给该客户发券（客户可能已将你删除）。',
  'couponDispenser.error.unavailable': '网络异常，券可能未发出。重试不会重复发券。',
  'couponDispenser.error.unavailable.timeout': '等待超时，券可能已发出也可能未发出。重试即可确认，不会重复发券。',
};

/** Their keys and arguments, which the English module translates. */
export type SendSheetStrings = typeof zhCN;

/**
 * Strings of the send sheet of `<cl-coupon-dispenser>`, on top of the dispenser's: they load with the
 * sheet (`send-sheet.ts`), zh-CN, and English on demand; `setMessages` overrides any.
 */
export const sendSheetMessages = extendMessages(messages, zhCN, () => import('./send-sheet.messages.en.js'));
