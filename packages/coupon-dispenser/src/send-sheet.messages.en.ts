/** English strings of the send sheet of `<cl-coupon-dispenser>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { SendSheetStrings } from './send-sheet.messages.js';

const en: Translation<SendSheetStrings> = {
  'couponDispenser.confirmTitle': 'Send this coupon?',
  'couponDispenser.to': 'To',
  'couponDispenser.unconfirmedTitle': 'Not confirmed',
  'couponDispenser.confirmHint': 'The customer receives it at once. It cannot be taken back.',
  'couponDispenser.confirmSend': 'Send coupon',
  'couponDispenser.sending': 'Sending…',
  'couponDispenser.failedTitle': 'Coupon not sent',
  'couponDispenser.sentTitle': 'Coupon sent',
  'couponDispenser.code': 'Code',
  'couponDispenser.done': 'Done',
  'couponDispenser.error.sold-out': 'This coupon just ran out.',
  'couponDispenser.error.limit-reached': 'The customer already holds as many of this coupon as allowed.',
  'couponDispenser.error.expired': 'This coupon has expired.',
  'couponDispenser.error.expired.not-started': 'This coupon cannot be sent before it starts.',
  'couponDispenser.error.forbidden.customer-unreachable':
    'The customer cannot receive coupons from you (they may have removed you).',
  'couponDispenser.error.unavailable':
    'Network error: the coupon may not have been sent. Retrying never sends it twice.',
  'couponDispenser.error.unavailable.timeout':
    'No answer in time: the coupon may or may not have been sent. Retry to find out; it is never sent twice.',
};

export default en;
