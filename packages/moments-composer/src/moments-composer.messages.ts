import { defineMessages } from '@clienteling/core/elements.js';

const zhCN = {
  'momentsComposer.heading': '发表到客户朋友圈',
  'momentsComposer.placeholder': '这一刻的想法…',
  'momentsComposer.kind': '附件',
  'momentsComposer.kind.images': '图片',
  'momentsComposer.kind.video': '视频',
  'momentsComposer.kind.link': '链接',
  'momentsComposer.kind.miniprogram': '小程序',
  'momentsComposer.imageCount': (count: number, maxCount: number) => `${count}/${maxCount} 张`,
  'momentsComposer.switchTitle': '替换附件？',
  'momentsComposer.switchText': '切换会删除当前附件。',
  'momentsComposer.switch': '删除并切换',
  'momentsComposer.audience': '谁可以看',
  'momentsComposer.all': '我的全部客户',
  'momentsComposer.byTags': '带任一所选标签的客户',
  // The count itself is for English's plural.
  'momentsComposer.reach': (formatted: string, _count?: number) => `预计 ${formatted} 位客户`,
  'momentsComposer.quota': (remaining: number, resetsAt: string) => `今天还可发 ${remaining} 条 · ${resetsAt} 重置`,
  'momentsComposer.quotaUsed': (resetsAt: string) => `今天的发表次数已用完，${resetsAt} 后可再发；草稿会保留。`,
  'momentsComposer.preview': '预览',
  'momentsComposer.fullText': '全文',
  'momentsComposer.collapse': '收起',
  'momentsComposer.publish': '发表',
  'momentsComposer.publishing': '发表中…',
  'momentsComposer.submitted': '已提交，发送中…',
  'momentsComposer.publishedFeedback': '已发表到客户朋友圈',
  'momentsComposer.block.quota': '今天的发表次数已用完。',
  'momentsComposer.block.capability': '不支持发表。',
  'momentsComposer.block.empty': '请填写正文或添加附件。',
  'momentsComposer.block.text': (extraChars: number) => `正文超出 ${extraChars} 字。`,
  'momentsComposer.block.uploading': '请等待上传完成。',
  'momentsComposer.block.upload': '请重试或删除失败的文件。',
  'momentsComposer.block.link': (maxBytes: number) => `链接需要网址和不超过 ${maxBytes} 字节的标题。`,
  'momentsComposer.block.miniprogram': '请补全小程序卡片。',
  'momentsComposer.block.tags': '请至少选择一个标签。',
};

/** Their keys and arguments, which the English module translates. */
export type MomentsComposerStrings = typeof zhCN;

/**
 * Strings of `<cl-moments-composer>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const messages = defineMessages(zhCN, () => import('./moments-composer.messages.en.js'));
