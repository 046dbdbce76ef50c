import { defineMessages, type MessagesOf } from '@clienteling/core/elements.js';

const zhCN = {
  'taskList.label': '跟进任务',
  'taskList.bucket.today': '今天',
  'taskList.bucket.upcoming': '以后',
  'taskList.bucket.done': '已完成',
  'taskList.reason.birthdayIn': (days: number) => (days === 1 ? '明天生日' : `生日还有 ${days} 天`),
  'taskList.reason.birthdayToday': '今天生日',
  'taskList.reason.birthdayPast': (days: number) => (days === 1 ? '昨天生日' : `生日已过 ${days} 天`),
  'taskList.reason.couponIn': (days: number) => (days === 1 ? '优惠券明天到期' : `优惠券 ${days} 天后到期`),
  'taskList.reason.couponToday': '优惠券今天到期',
  'taskList.reason.couponPast': '优惠券已过期',
  'taskList.reason.afterPurchase': (days: number) => `购买 ${days} 天了，回访一下`,
  'taskList.reason.newCustomer': '新客户，还没打招呼',
  'taskList.reason.quiet': (days: number) => `${days} 天没联系的高价值客户`,
  'taskList.overdueDays': (days: number) => (days === 1 ? '逾期 1 天' : `逾期 ${days} 天`),
  'taskList.dueAt': (when: string) => `${when} 到期`,
  'taskList.snoozedUntil': (when: string) => `推迟到 ${when}`,
  'taskList.closedDone': (when: string) => `${when} 完成`,
  'taskList.closedDismissed': (when: string) => `${when} 忽略`,
  'taskList.customer': '客户',
  'taskList.action.send-coupon': '发优惠券',
  'taskList.action.send-message': '发消息',
  'taskList.action.open-profile': '看资料',
  'taskList.action.call': '打电话',
  'taskList.actionFor': (action: string, customer: string) => `${action}：${customer}`,
  'taskList.complete': '完成',
  'taskList.snooze': '稍后',
  'taskList.snoozeOptions': '推迟到',
  'taskList.snooze.later-today': '今天晚些',
  'taskList.snooze.tomorrow': '明天',
  'taskList.snooze.next-week': '下周',
  'taskList.dismiss': '忽略',
  'taskList.reopen': '重新打开',
  'taskList.completed': (customer: string) => `已完成：${customer}`,
  'taskList.snoozed': (customer: string, when: string) => `${customer}：${when}再提醒`,
  'taskList.dismissed': (customer: string) => `已忽略：${customer}`,
  'taskList.reopened': (customer: string) => `已重新打开：${customer}`,
  'taskList.undo': '撤销',
  'taskList.notChanged': (reason: string) => `没有保存：${reason}`,
  'taskList.more': '加载更多',
  'taskList.loadingMore': '正在加载更多…',
  'taskList.moreFailed': '更多任务没有加载出来。',
  'taskList.empty.today': '今天的跟进都完成了',
  'taskList.emptyHint.today': '干得漂亮！生日、优惠券到期、购买回访这些提醒会自动出现在这里。',
  'taskList.empty.upcoming': '以后暂时没有安排',
  'taskList.emptyHint.upcoming': '推迟的任务和以后到期的任务会显示在这里。',
  'taskList.empty.done': '还没有完成的任务',
  'taskList.emptyHint.done': '完成或忽略的任务会显示在这里，可以重新打开。',
  'taskList.add': '添加任务',
  'taskList.created': (customer: string) => `已为${customer}添加任务`,
};

/** Their keys and arguments, which the English module translates. */
export type TaskListStrings = typeof zhCN;

/**
 * Strings of `<cl-task-list>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const taskListMessages = defineMessages(zhCN, () => import('./task-list.messages.en.js'));

export type TaskListMessages = MessagesOf<typeof taskListMessages>;
