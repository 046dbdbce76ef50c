import { defineMessages } from '@clienteling/core/elements.js';

// The strings of the attachment editor both composers share (moments, broadcasts): English here,
// zh-CN (the default) below; a page may override any.

/** `1 image`, `2 images`: English nouns by count. */
const plural = (count: number, one: string, other = `${one}s`) => `${count} ${count === 1 ? one : other}`;

const en = {
  'attachments.drop': 'Drop, paste or pick files',
  'attachments.image': (position: number, count: number) => `Image ${position} of ${count}`,
  'attachments.video': (seconds: number) => `Video, ${seconds} s`,
  'attachments.moveHint': 'Alt + arrows move, Delete removes',
  'attachments.touchMoveHint': 'Touch and hold an image, then drag it to reorder',
  'attachments.remove': (what: string) => `Remove ${what}`,
  'attachments.uploadFailed': 'Upload failed',
  'attachments.refused.type': (name: string) => `${name}: unsupported file`,
  'attachments.refused.images': (maxCount: number) => `At most ${plural(maxCount, 'image')}: the rest left out`,
  'attachments.refused.video': 'One video at most: the rest left out',
  'attachments.refused.attachments': (maxCount: number) =>
    `At most ${plural(maxCount, 'attachment')}: the rest left out`,
  'attachments.refused.size': (name: string, megabytes: number) => `${name}: over ${megabytes} MB`,
  'attachments.refused.pixels': (name: string, megapixels: number) => `${name}: over ${megapixels} megapixels`,
  'attachments.refused.duration': (name: string, seconds: number) => `${name}: longer than ${seconds} s`,
  'attachments.url': 'Web address',
  'attachments.urlInvalid': 'Start with https://',
  'attachments.title': 'Title',
  'attachments.titleBytes': (bytes: number, maxBytes: number) => `${bytes}/${maxBytes} bytes`,
  'attachments.coverUrl': 'Cover image URL (optional)',
  'attachments.appId': 'Mini program AppID',
  'attachments.pagePath': 'Page path',
};

export const attachmentsMessages = defineMessages(en, {
  'attachments.drop': '可拖入、粘贴或选择文件',
  'attachments.image': (position: number, count: number) => `图片 ${position}/${count}`,
  'attachments.video': (seconds: number) => `视频，${seconds} 秒`,
  'attachments.moveHint': 'Alt + 方向键移动，Delete 删除',
  'attachments.touchMoveHint': '长按图片后拖动可调整顺序',
  'attachments.remove': (what: string) => `删除${what}`,
  'attachments.uploadFailed': '上传失败',
  'attachments.refused.type': (name: string) => `${name}：不支持的文件`,
  'attachments.refused.images': (maxCount: number) => `最多 ${maxCount} 张图片，多余的未添加`,
  'attachments.refused.video': '只能添加 1 个视频，多余的未添加',
  'attachments.refused.attachments': (maxCount: number) => `最多 ${maxCount} 个附件，多余的未添加`,
  'attachments.refused.size': (name: string, megabytes: number) => `${name}：超过 ${megabytes} MB`,
  'attachments.refused.pixels': (name: string, megapixels: number) => `${name}：超过 ${megapixels} 百万像素`,
  'attachments.refused.duration': (name: string, seconds: number) => `${name}：超过 ${seconds} 秒`,
  'attachments.url': '网址',
  'attachments.urlInvalid': '需以 https:// 开头',
  'attachments.title': '标题',
  'attachments.titleBytes': (bytes: number, maxBytes: number) => `${bytes}/${maxBytes} 字节`,
  'attachments.coverUrl': '封面图网址（选填）',
  'attachments.appId': '小程序 AppID',
  'attachments.pagePath': '页面路径',
});
