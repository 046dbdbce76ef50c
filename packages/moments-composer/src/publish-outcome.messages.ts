import { extendMessages } from '@clienteling/core/elements.js';
import { messages } from './moments-composer.messages.js';

const zhCN = {
  'momentsComposer.published': '已发表。',
  'momentsComposer.unreached': (count: number) => `${count} 位客户未能送达。`,
  'momentsComposer.unreachedShow': '查看名单',
  'momentsComposer.unreachedHide': '收起名单',
  'momentsComposer.unreachedMore': (count: number) => `另有 ${count} 位`,
  'momentsComposer.failed': '发表失败。',
  'momentsComposer.again': '修改后重发',
  'momentsComposer.new': '再发一条',
};

/** Their keys and arguments, which the English module translates. */
export type PublishOutcomeStrings = typeof zhCN;

/**
 * Strings of the outcome of a publication of `<cl-moments-composer>`, on top of the element's: they
 * load with it (`publish-outcome.ts`), zh-CN, and English on demand; `setMessages` overrides any.
 */
export const publishOutcomeMessages = extendMessages(messages, zhCN, () => import('./publish-outcome.messages.en.js'));
