/** English strings of `<cl-broadcast-composer>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { BroadcastComposerStrings, CapPeriod } from './broadcast-composer.messages.js';

/** `1 customer`, `2 customers`: English nouns by count (the parts' English uses it too). */
export const plural = (count: number | string, one: string, other = `${one}s`) =>
  `${count} ${+count === 1 ? one : other}`;

/** The cap's period in words. */
const EN_PERIOD: Record<CapPeriod, string> = { day: 'today', week: 'this week', month: 'this month' };

const en: Translation<BroadcastComposerStrings> = {
  'broadcast.heading': 'New broadcast',
  'broadcast.intro': 'One message to many customers; those over the cap are skipped before sending.',
  'broadcast.placeholder': 'Write the message…',
  'broadcast.textLabel': 'Message',
  'broadcast.bytes': (bytes: string, maxBytes: string) => `${bytes}/${maxBytes} bytes`,
  'broadcast.attachments': 'Attachments',
  'broadcast.attachmentCount': (count: number, maxCount: number) => `${count} of ${plural(maxCount, 'attachment')}`,
  'broadcast.addMedia': 'Image or video',
  'broadcast.addLink': 'Link',
  'broadcast.addMiniprogram': 'Mini program',
  'broadcast.card.link': (position: number) => `Link ${position}`,
  'broadcast.card.miniprogram': (position: number) => `Mini program ${position}`,
  'broadcast.given.image': (position: number) => `Library image ${position}`,
  'broadcast.given.video': (position: number) => `Library video ${position}`,
  'broadcast.remove': (what: string) => `Remove ${what}`,
  'broadcast.audience': 'Send to',
  'broadcast.audience.all': 'All my customers',
  'broadcast.audience.tags': 'Customers with chosen tags',
  'broadcast.audience.customers': (count: string) => `The ${count} chosen customers`,
  'broadcast.reach.checking': 'Checking who it will reach…',
  'broadcast.reach.failed': 'Could not check who it will reach.',
  'broadcast.reach': (recipients: string) => `Will reach ${recipients}`,
  'broadcast.reach.customers': (recipients: string) => `Will reach ${plural(recipients, 'customer')}`,
  'broadcast.reach.skipped': (skipped: string) => `${skipped} skipped`,
  'broadcast.reason.limit-reached': (count: string, perCustomer: number, period: CapPeriod) =>
    perCustomer === 1
      ? `${count} already received a message ${EN_PERIOD[period]}`
      : `${count} already received ${perCustomer} messages ${EN_PERIOD[period]}`,
  'broadcast.reason.unreachable': (count: string) => `${count} not reachable`,
  'broadcast.reason.not-own-customer': (count: string) => `${count} not your customers`,
  'broadcast.reason.unsubscribed': (count: string) => `${count} refused company messages`,
  'broadcast.why.limit-reached': (perCustomer: number, period: CapPeriod) =>
    perCustomer === 1
      ? `already received a message ${EN_PERIOD[period]}`
      : `already received ${perCustomer} messages ${EN_PERIOD[period]}`,
  'broadcast.why.unreachable': 'not reachable',
  'broadcast.why.not-own-customer': 'not your customer',
  'broadcast.why.unsubscribed': 'refused company messages',
  'broadcast.unknownCustomer': (customerId: string) => `Customer ${customerId}`,
  'broadcast.skippedShow': 'Show who is skipped',
  'broadcast.skippedHide': 'Hide the list',
  'broadcast.skippedMore': (count: string) => `and ${count} more`,
  'broadcast.send': 'Send…',
  'broadcast.block.offline': 'You are offline; the draft is kept.',
  'broadcast.block.empty': 'Write a message or add an attachment.',
  'broadcast.block.text': (extraBytes: string) => `${extraBytes} bytes too many.`,
  'broadcast.block.variable': (variables: string) =>
    `A broadcast sends the same words to everyone: ${variables} would arrive as written. Rewrite it.`,
  'broadcast.block.uploading': 'Wait for uploads to finish.',
  'broadcast.block.upload': 'Retry or remove failed files.',
  'broadcast.block.card': 'Complete or remove the link and mini program cards.',
  'broadcast.block.tags': 'Choose at least one tag.',
  'broadcast.block.preview': 'Wait for the reach to be checked.',
  'broadcast.block.noRecipients': 'No one to send to.',
  'broadcast.block.maxRecipients': (maxRecipients: string) => `At most ${maxRecipients} recipients per broadcast.`,
  'broadcast.readOnly': 'You can read broadcasts but not send them: your account does not have broadcasts.',
  'broadcast.empty': 'You have no customers to send to yet.',
  'broadcast.doneFeedback': (sent: string) => `Sent to ${plural(sent, 'customer')}`,
};

export default en;
