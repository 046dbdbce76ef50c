/** English strings of `<cl-coupon-dispenser>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { CouponDispenserStrings } from './coupon-dispenser.messages.js';

const en: Translation<CouponDispenserStrings> = {
  'couponDispenser.offers': 'Coupons to send',
  'couponDispenser.noOffers': 'No coupons to send right now.',
  'couponDispenser.noCustomer': 'Choose a customer to send a coupon.',
  'couponDispenser.amountOff': (amount: string, over: string) =>
    over ? `${amount} off orders over ${over}` : `${amount} off`,
  'couponDispenser.discount': (percentOff: number, over: string) =>
    `${percentOff}% off${over ? ` orders over ${over}` : ''}`,
  'couponDispenser.gift': (gift: string, over: string) => `Free ${gift}${over ? ` with orders over ${over}` : ''}`,
  'couponDispenser.validity': (from: string, until: string) => `Valid ${from} – ${until}`,
  'couponDispenser.stock': (remaining: string, total: string) => `${remaining} of ${total} left`,
  'couponDispenser.limit': (limit: string) => `Limit ${limit} per customer`,
  'couponDispenser.heldCount': (held: string) => `holds ${held}`,
  'couponDispenser.heldLink': (count: string) => `Customer’s coupons (${count})`,
  'couponDispenser.unavailable': (count: string) => `Unavailable now (${count})`,
  'couponDispenser.noneSendable': 'None of these coupons can be sent to this customer now.',
  'couponDispenser.send': 'Send',
  'couponDispenser.reason.sold-out': 'Sold out',
  'couponDispenser.reason.limit-reached': 'Customer has reached the limit',
  'couponDispenser.reason.not-started': (date: string) => `Starts ${date}`,
  'couponDispenser.reason.expired': 'Expired',
  'couponDispenser.sentFeedback': (name: string) => `Sent: ${name}`,
  'couponDispenser.validUntil': (date: string) => `Valid until ${date}`,
  'couponDispenser.held': 'Customer’s coupons',
  'couponDispenser.noCoupons': 'This customer holds no coupons yet.',
  'couponDispenser.status.unused': (count: string) => `Unused (${count})`,
  'couponDispenser.status.redeemed': (count: string) => `Redeemed (${count})`,
  'couponDispenser.status.expired': (count: string) => `Expired (${count})`,
  'couponDispenser.redeemedOn': (date: string) => `Redeemed ${date}`,
  'couponDispenser.expiredOn': (date: string) => `Expired ${date}`,
};

export default en;
