/** English strings of `<cl-moments-composer>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { MomentsComposerStrings } from './moments-composer.messages.js';

/** `1 post`, `2 posts`: English nouns by count (the outcome's English uses it too). */
export const plural = (count: number, one: string, other = `${one}s`) => `${count} ${count === 1 ? one : other}`;

const en: Translation<MomentsComposerStrings> = {
  'momentsComposer.heading': 'New moments post',
  'momentsComposer.placeholder': 'Say something…',
  'momentsComposer.kind': 'Attachment',
  'momentsComposer.kind.images': 'Images',
  'momentsComposer.kind.video': 'Video',
  'momentsComposer.kind.link': 'Link',
  'momentsComposer.kind.miniprogram': 'Mini program',
  'momentsComposer.imageCount': (count: number, maxCount: number) => `${count} of ${plural(maxCount, 'image')}`,
  'momentsComposer.switchTitle': 'Replace the attachment?',
  'momentsComposer.switchText': 'Switching removes the current attachment.',
  'momentsComposer.switch': 'Remove and switch',
  'momentsComposer.audience': 'Who sees it',
  'momentsComposer.all': 'All my customers',
  'momentsComposer.byTags': 'Customers with chosen tags',
  'momentsComposer.reach': (formatted: string, count = 0) =>
    `About ${formatted} ${count === 1 ? 'customer' : 'customers'}`,
  'momentsComposer.quota': (remaining: number, resetsAt: string) =>
    `${plural(remaining, 'post')} left today · resets ${resetsAt}`,
  'momentsComposer.quotaUsed': (resetsAt: string) =>
    `No posts left today. You can post again from ${resetsAt}; your draft is kept.`,
  'momentsComposer.preview': 'Preview',
  'momentsComposer.fullText': 'Full text',
  'momentsComposer.collapse': 'Collapse',
  'momentsComposer.publish': 'Publish',
  'momentsComposer.publishing': 'Publishing…',
  'momentsComposer.submitted': 'Submitted, sending…',
  'momentsComposer.publishedFeedback': 'Published to your customers’ moments',
  'momentsComposer.block.quota': 'No posts left today.',
  'momentsComposer.block.capability': 'Publishing is not supported.',
  'momentsComposer.block.empty': 'Write something or add an attachment.',
  'momentsComposer.block.text': (extraChars: number) => `${plural(extraChars, 'character')} too many.`,
  'momentsComposer.block.uploading': 'Wait for uploads to finish.',
  'momentsComposer.block.upload': 'Retry or remove failed files.',
  'momentsComposer.block.link': (maxBytes: number) =>
    `A link needs an address and a title of ${maxBytes} bytes at most.`,
  'momentsComposer.block.miniprogram': 'Complete the mini program card.',
  'momentsComposer.block.tags': 'Choose at least one tag.',
};

export default en;
