import { defineMessages } from '@clienteling/core/elements.js';

const zhCN = {
  'attachments.drop': '可拖入、粘贴或选择文件',
  'attachments.image': (position: number, count: number) => `图片 ${position}/${count}`,
  'attachments.video': (seconds: number) => `视频，${seconds} 秒`,
  'attachments.moveHint': 'Alt + 方向键移动，Delete 删除',
  'attachments.touchMoveHint': '长按图片后拖动可调整顺序',
  'attachments.remove': (what: string) => `删除${what}`,
  'attachments.uploadFailed': '上传失败',
  'attachments.url': '网址',
  'attachments.urlInvalid': '需以 https:// 开头',
  'attachments.title': '标题',
  'attachments.titleBytes': (bytes: number, maxBytes: number) => `${bytes}/${maxBytes} 字节`,
  'attachments.coverUrl': '封面图网址（选填）',
  'attachments.appId': '小程序 AppID',
  'attachments.pagePath': '页面路径',
};

/** Their keys and arguments, which the English module translates. */
export type AttachmentsStrings = typeof zhCN;

/**
 * Strings of the attachment editor both composers share (moments, broadcasts):
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const attachmentsMessages = defineMessages(zhCN, () => import('./attachments.messages.en.js'));
