/** English strings of the attachment editor's file checks, loaded the first time they run in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { AttachmentIntakeStrings } from './attachment-intake.messages.js';

/** `1 image`, `2 images`: English nouns by count. */
const plural = (count: number, one: string, other = `${one}s`) => `${count} ${count === 1 ? one : other}`;

const en: Translation<AttachmentIntakeStrings> = {
  'attachments.refused.type': (name: string) => `${name}: unsupported file`,
  'attachments.refused.images': (maxCount: number) => `At most ${plural(maxCount, 'image')}: the rest left out`,
  'attachments.refused.video': 'One video at most: the rest left out',
  'attachments.refused.attachments': (maxCount: number) =>
    `At most ${plural(maxCount, 'attachment')}: the rest left out`,
  'attachments.refused.size': (name: string, megabytes: number) => `${name}: over ${megabytes} MB`,
  'attachments.refused.pixels': (name: string, megapixels: number) => `${name}: over ${megapixels} megapixels`,
  'attachments.refused.duration': (name: string, seconds: number) => `${name}: longer than ${seconds} s`,
};

export default en;
