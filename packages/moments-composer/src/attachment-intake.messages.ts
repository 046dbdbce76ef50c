import { extendMessages } from '@clienteling/core/elements.js';
import { attachmentsMessages } from './attachments.messages.js';

const zhCN = {
  'attachments.refused.type': (name: string) => `${name}：不支持的文件`,
  'attachments.refused.images': (maxCount: number) => `最多 ${maxCount} 张图片，多余的未添加`,
  'attachments.refused.video': '只能添加 1 个视频，多余的未添加',
  'attachments.refused.attachments': (maxCount: number) => `最多 ${maxCount} 个附件，多余的未添加`,
  'attachments.refused.size': (name: string, megabytes: number) => `${name}：超过 ${megabytes} MB`,
  'attachments.refused.pixels': (name: string, megapixels: number) => `${name}：超过 ${megapixels} 百万像素`,
  'attachments.refused.duration': (name: string, seconds: number) => `${name}：超过 ${seconds} 秒`,
};

/** Their keys and arguments, which the English module translates. */
export type AttachmentIntakeStrings = typeof zhCN;

/**
 * Strings of the file checks of the attachment editor, on top of the editor's: they load with the
 * checks (`attachment-intake.ts`), zh-CN, and English on demand; `setMessages` overrides any.
 */
export const attachmentIntakeMessages = extendMessages(
  attachmentsMessages,
  zhCN,
  () => import('./attachment-intake.messages.en.js'),
);
