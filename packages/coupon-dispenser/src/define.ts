import { defineElement } from '@clienteling/core/elements.js';
import { CouponDispenser, type CouponIssuedDetail } from './coupon-dispenser.js';

defineElement('cl-coupon-dispenser', CouponDispenser);

declare global {
  interface HTMLElementTagNameMap {
    'cl-coupon-dispenser': CouponDispenser;
  }
  interface HTMLElementEventMap {
    'cl-coupon-issued': CustomEvent<CouponIssuedDetail>;
  }
}

export { CouponDispenser };
export type { CouponIssuedDetail };
