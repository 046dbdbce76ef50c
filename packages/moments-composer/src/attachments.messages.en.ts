/** English strings of the attachment editor both composers share, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { AttachmentsStrings } from './attachments.messages.js';

// The strings of the attachment editor both composers share (moments, broadcasts): English here,
// zh-CN (the default) below; a page may override any.

const en: Translation<AttachmentsStrings> = {
  'attachments.drop': 'Drop, paste or pick files',
  'attachments.image': (position: number, count: number) => `Image ${position} of ${count}`,
  'attachments.video': (seconds: number) => `Video, ${seconds} s`,
  'attachments.moveHint': 'Alt + arrows move, Delete removes',
  'attachments.touchMoveHint': 'Touch and hold an image, then drag it to reorder',
  'attachments.remove': (what: string) => `Remove ${what}`,
  'attachments.uploadFailed': 'Upload failed',
  'attachments.url': 'Web address',
  'attachments.urlInvalid': 'Start with https://',
  'attachments.title': 'Title',
  'attachments.titleBytes': (bytes: number, maxBytes: number) => `${bytes}/${maxBytes} bytes`,
  'attachments.coverUrl': 'Cover image URL (optional)',
  'attachments.appId': 'Mini program AppID',
  'attachments.pagePath': 'Page path',
};

export default en;
