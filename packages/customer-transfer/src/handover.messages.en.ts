/** English strings of the hand-over of `<cl-customer-transfer>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { HandoverStrings } from './handover.messages.js';

const en: Translation<HandoverStrings> = {
  'transfer.previewSummary': (ok: string, blocked: string) => `${ok} can go, ${blocked} cannot.`,
  'transfer.previewGroups': (ok: string, limited: string) => `${ok} groups move now, ${limited} later.`,
  'transfer.previewBatches': (batches: string) => `Sent in ${batches} requests.`,
  'transfer.reason.too-frequent': (times: string, days: string) =>
    `Handed over ${times} times in the last ${days} days`,
  'transfer.reason.successor-over-cap': 'The successor is at their cap',
  'transfer.reason.not-owned': 'No longer this associate’s customer',
  'transfer.reason.in-transfer': 'Already on the way to a successor',
  'transfer.submit': (count: string) => `Hand over ${count} customers`,
  'transfer.submitGroupsOnly': (count: string) => `Hand over ${count} groups`,
  'transfer.confirmTitle': 'Hand these customers over?',
  'transfer.confirmBody': (count: string, groups: string, from: string, to: string) =>
    `${count} customers and ${groups} groups of ${from} go to ${to}. ` +
    'Their tags, notes, history and coupons stay with them.',
  'transfer.confirmOnJob': 'Customers receive your message and may refuse within 24 hours.',
  'transfer.confirmResigned': 'The takeover completes at once.',
  'transfer.confirm': 'Hand over',
  'transfer.sending': 'Handing over…',
  'transfer.unconfirmedTitle': 'Not confirmed yet',
  'transfer.failedTitle': 'Not handed over',
  'transfer.retryHint': 'Retrying never hands over twice.',
  'transfer.done': 'Handover requested',
  'transfer.refreshing': 'Following the status…',
  'transfer.newTransfer': 'Start another handover',
};

export default en;
