import { extendMessages } from '@clienteling/core/elements.js';
import { broadcastComposerMessages } from './broadcast-composer.messages.js';

const zhCN = {
  'broadcast.confirmTitle': '确认群发？',
  'broadcast.confirmBody': (recipients: string) => `将发送给 ${recipients} 位客户。`,
  'broadcast.confirmNext': '接下来请在企业微信中确认发送：每条群发都需在客户端确认。',
  'broadcast.confirm': '发送',
  'broadcast.creating': '发送中…',
  'broadcast.unconfirmedTitle': '不确定是否已发出',
  'broadcast.retryHint': '重试发送的是同一条群发，不会重复创建。',
};

/** Their keys and arguments, which the English module translates. */
export type SendConfirmStrings = typeof zhCN;

/**
 * Strings of the send confirmation of `<cl-broadcast-composer>`, on top of the element's: they load
 * with it (`send-confirm.ts`), zh-CN, and English on demand; `setMessages` overrides any.
 */
export const sendConfirmMessages = extendMessages(
  broadcastComposerMessages,
  zhCN,
  () => import('./send-confirm.messages.en.js'),
);
