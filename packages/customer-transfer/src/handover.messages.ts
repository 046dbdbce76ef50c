import { extendMessages } from '@clienteling/core/elements.js';
import { customerTransferMessages } from './customer-transfer.messages.js';

const zhCN = {
  'transfer.previewSummary': (ok: string, blocked: string) => `${ok} 位可以转接，${blocked} 位无法转接。`,
  'transfer.previewGroups': (ok: string, limited: string) => `${ok} 个群立即转移，${limited} 个稍后转移。`,
  'transfer.previewBatches': (batches: string) => `将分 ${batches} 次提交。`,
  'transfer.reason.too-frequent': (times: string, days: string) => `${days} 天内已被转接 ${times} 次`,
  'transfer.reason.successor-over-cap': '接替成员的客户数已达上限',
  'transfer.reason.not-owned': '已不是该成员的客户',
  'transfer.reason.in-transfer': '正在转接给其他成员',
  'transfer.submit': (count: string) => `转接 ${count} 位客户`,
  'transfer.submitGroupsOnly': (count: string) => `转接 ${count} 个客户群`,
  'transfer.confirmTitle': '确定转接这些客户？',
  'transfer.confirmBody': (count: string, groups: string, from: string, to: string) =>
    `${from}的 ${count} 位客户和 ${groups} 个客户群将转给${to}。客户的标签、跟进记录、动态和优惠券都会保留。`,
  'transfer.confirmOnJob': '客户会收到你的消息，可在 24 小时内拒绝。',
  'transfer.confirmResigned': '接替将立即完成。',
  'transfer.confirm': '确定转接',
  'transfer.sending': '转接中…',
  'transfer.unconfirmedTitle': '尚未确认结果',
  'transfer.failedTitle': '未能转接',
  'transfer.retryHint': '重试不会重复转接。',
  'transfer.done': '已提交转接',
  'transfer.refreshing': '正在跟进状态…',
  'transfer.newTransfer': '发起新的转接',
};

/** Their keys and arguments, which the English module translates. */
export type HandoverStrings = typeof zhCN;

/**
 * Strings of the hand-over of `<cl-customer-transfer>` (the preview's answer, the confirmation, the
 * status), on top of the element's: they load with it (`handover.ts`), zh-CN, and English
 * on demand; `setMessages` overrides any.
 */
export const handoverMessages = extendMessages(
  customerTransferMessages,
  zhCN,
  () => import('./handover.messages.en.js'),
);
