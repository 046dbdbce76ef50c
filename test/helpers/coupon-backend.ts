/**
 * A small faithful coupon backend for tests and stories: it keeps issued coupons by request id (a
 * repeated request returns the first coupon) and enforces stock and the per-customer limit with
 * core's rule. `control` lets a test hold, fail or lose the answer of the next sends.
 */
import {
  AdapterError,
  assertCouponSendable,
  type ClientelingAdapter,
  type CouponStock,
  type IssuedCoupon,
} from '@clienteling/core';
import { fixtures } from './stub-adapter.js';

export interface CouponBackendControl {
  /** Sends wait for this promise. */
  gate?: Promise<unknown>;
  /** Sends fail with this error, before any change. */
  failWith?: AdapterError;
  /** The next send issues the coupon but its answer is lost (a retryable `unavailable`). */
  loseNextResponse?: boolean;
}

export function couponBackend(
  stocks: CouponStock[],
  held: IssuedCoupon[],
  now: Date,
  code = (n: number) => `CODE-${n}`,
) {
  const issued = [...held];
  const byRequest = new Map<string, IssuedCoupon>();
  const control: CouponBackendControl = {};
  const heldBy = (stockId: string, customerId: string) =>
    issued.filter((c) => c.stockId === stockId && c.customerId === customerId).length;
  const operations: Pick<ClientelingAdapter, 'listCouponStocks' | 'listCustomerCoupons' | 'issueCoupon'> = {
    listCouponStocks: async ({ customerId }) => stocks.map((s) => ({ ...s, held: heldBy(s.id, customerId) })),
    listCustomerCoupons: async ({ customerId }) => issued.filter((c) => c.customerId === customerId),
    issueCoupon: async ({ requestId, stockId, customerId }) => {
      await control.gate;
      if (control.failWith) throw control.failWith;
      const again = byRequest.get(requestId);
      if (again) return again;
      const s = stocks.find((x) => x.id === stockId);
      if (!s) throw new AdapterError('not-found', 'no such stock');
      assertCouponSendable(s, heldBy(stockId, customerId), now);
      s.remaining -= 1;
      const n = issued.length + 1;
      const coupon = fixtures.issuedCoupon({
        id: `coupon-${n}`,
        code: code(n),
        stockId,
        stockName: s.name,
        customerId,
        requestId,
        validFrom: s.validFrom,
        validUntil: s.validUntil,
      });
      issued.push(coupon);
      byRequest.set(requestId, coupon);
      if (control.loseNextResponse) {
        control.loseNextResponse = false;
        throw new AdapterError('unavailable', 'connection reset after the coupon was issued', { retryable: true });
      }
      return coupon;
    },
  };
  return { operations, issued, stocks, control };
}
