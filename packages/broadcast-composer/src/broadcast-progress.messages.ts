import { extendMessages } from '@clienteling/core/elements.js';
import { broadcastComposerMessages } from './broadcast-composer.messages.js';

const zhCN = {
  'broadcast.awaitingTitle': '请在企业微信中确认发送',
  'broadcast.awaitingText': (recipients: string) =>
    `企业微信要求每条群发在客户端确认：请在企业微信中打开发给 ${recipients} 位客户的消息并确认，然后点下方按钮。`,
  'broadcast.confirmedInClient': '已在企业微信确认',
  'broadcast.confirming': '确认中…',
  'broadcast.progressTitle': '群发进度',
  'broadcast.state.awaiting-confirmation': '等待你在企业微信中确认',
  'broadcast.state.sending': '发送中…',
  'broadcast.state.done': '已完成',
  'broadcast.progress': (done: string, total: string) => `已处理 ${done}/${total}`,
  'broadcast.refreshing': '进度会自动更新。',
  'broadcast.tabs': '按状态查看客户',
  'broadcast.tab.all': '全部',
  'broadcast.tab.sent': '已发送',
  'broadcast.tab.failed': '失败',
  'broadcast.tab.skipped': '已跳过',
  'broadcast.tab.awaiting-confirmation': '待确认',
  'broadcast.tab.pending': '待发送',
  'broadcast.status.pending': '待发送',
  'broadcast.status.awaiting-confirmation': '待确认',
  'broadcast.status.sent': '已发送',
  'broadcast.status.failed': '失败',
  'broadcast.status.skipped': '已跳过',
  'broadcast.noRecipients': '这里没有客户。',
  'broadcast.more': '加载更多',
  'broadcast.new': '新建群发',
};

/** Their keys and arguments, which the English module translates. */
export type BroadcastProgressStrings = typeof zhCN;

/**
 * Strings of the progress of a broadcast of `<cl-broadcast-composer>`, on top of the element's:
 * they load with it (`broadcast-progress.ts`), zh-CN, and English on demand; `setMessages`
 * overrides any.
 */
export const broadcastProgressMessages = extendMessages(
  broadcastComposerMessages,
  zhCN,
  () => import('./broadcast-progress.messages.en.js'),
);
