import { defineMessages } from '@clienteling/core/elements.js';

/** The cap's period in words: today, this week, this month. */
export type CapPeriod = 'day' | 'week' | 'month';
const ZH_PERIOD: Record<CapPeriod, string> = { day: '今天', week: '本周', month: '本月' };

const zhCN = {
  'broadcast.heading': '新建群发',
  'broadcast.intro': '一条消息发给多位客户；超出频次的客户会在发送前跳过。',
  'broadcast.placeholder': '输入群发内容…',
  'broadcast.textLabel': '群发内容',
  'broadcast.bytes': (bytes: string, maxBytes: string) => `${bytes}/${maxBytes} 字节`,
  'broadcast.attachments': '附件',
  'broadcast.attachmentCount': (count: number, maxCount: number) => `${count}/${maxCount} 个附件`,
  'broadcast.addMedia': '图片或视频',
  'broadcast.addLink': '链接',
  'broadcast.addMiniprogram': '小程序',
  'broadcast.card.link': (position: number) => `链接 ${position}`,
  'broadcast.card.miniprogram': (position: number) => `小程序 ${position}`,
  'broadcast.given.image': (position: number) => `素材图片 ${position}`,
  'broadcast.given.video': (position: number) => `素材视频 ${position}`,
  'broadcast.remove': (what: string) => `删除${what}`,
  'broadcast.audience': '发送给',
  'broadcast.audience.all': '我的全部客户',
  'broadcast.audience.tags': '带任一所选标签的客户',
  'broadcast.audience.customers': (count: string) => `已选的 ${count} 位客户`,
  'broadcast.reach.checking': '正在计算可送达的客户…',
  'broadcast.reach.failed': '无法计算可送达的客户。',
  'broadcast.reach': (recipients: string) => `将发送给 ${recipients} 位客户`,
  'broadcast.reach.customers': (recipients: string) => `将发送给 ${recipients} 位客户`,
  'broadcast.reach.skipped': (skipped: string) => `${skipped} 位跳过`,
  'broadcast.reason.limit-reached': (count: string, perCustomer: number, period: CapPeriod) =>
    perCustomer === 1
      ? `${count} 位${ZH_PERIOD[period]}已收到消息`
      : `${count} 位${ZH_PERIOD[period]}已收到 ${perCustomer} 条消息`,
  'broadcast.reason.unreachable': (count: string) => `${count} 位无法联系`,
  'broadcast.reason.not-own-customer': (count: string) => `${count} 位不是你的客户`,
  'broadcast.reason.unsubscribed': (count: string) => `${count} 位已拒收`,
  'broadcast.why.limit-reached': (perCustomer: number, period: CapPeriod) =>
    perCustomer === 1 ? `${ZH_PERIOD[period]}已收到消息` : `${ZH_PERIOD[period]}已收到 ${perCustomer} 条消息`,
  'broadcast.why.unreachable': '无法联系',
  'broadcast.why.not-own-customer': '不是你的客户',
  'broadcast.why.unsubscribed': '已拒收企业消息',
  'broadcast.unknownCustomer': (customerId: string) => `客户 ${customerId}`,
  'broadcast.skippedShow': '查看跳过的客户',
  'broadcast.skippedHide': '收起名单',
  'broadcast.skippedMore': (count: string) => `另有 ${count} 位`,
  'broadcast.send': '发送…',
  'broadcast.block.offline': '网络已断开，草稿会保留。',
  'broadcast.block.empty': '请填写内容或添加附件。',
  'broadcast.block.text': (extraBytes: string) => `内容超出 ${extraBytes} 字节。`,
  'broadcast.block.variable': (variables: string) => `群发时每位客户收到相同的文字，${variables} 不会被替换，请改写。`,
  'broadcast.block.uploading': '请等待上传完成。',
  'broadcast.block.upload': '请重试或删除失败的文件。',
  'broadcast.block.card': '请补全或删除链接和小程序卡片。',
  'broadcast.block.tags': '请至少选择一个标签。',
  'broadcast.block.preview': '请等待计算可送达的客户。',
  'broadcast.block.noRecipients': '没有可发送的客户。',
  'broadcast.block.maxRecipients': (maxRecipients: string) => `每次群发最多 ${maxRecipients} 位客户。`,
  'broadcast.readOnly': '你可以查看群发，但不能发送：你的账号没有群发权限。',
  'broadcast.empty': '你还没有可以群发的客户。',
  'broadcast.doneFeedback': (sent: string) => `已发送给 ${sent} 位客户`,
};

/** Their keys and arguments, which the English module translates. */
export type BroadcastComposerStrings = typeof zhCN;

/**
 * Strings of `<cl-broadcast-composer>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const broadcastComposerMessages = defineMessages(zhCN, () => import('./broadcast-composer.messages.en.js'));
