/**
 * Whether a coupon stock can be sent, a module of its own: the coupon dispenser lists each stock with its
 * reason on its first render, without the platform's other rules (rules.ts re-exports these).
 */
import type { CouponStock, CouponStockStatus } from './schemas.js';

/** A stock's status at `now`: sold out wins over the validity window. */
export function couponStockStatus(
  stock: Pick<CouponStock, 'remaining' | 'validFrom' | 'validUntil'>,
  now: Date,
): CouponStockStatus {
  if (stock.remaining <= 0) return 'sold-out';
  const time = now.getTime();
  if (time < Date.parse(stock.validFrom)) return 'not-started';
  if (time > Date.parse(stock.validUntil)) return 'expired';
  return 'active';
}

/** Why a stock cannot be sent to a customer who holds `held` of it, or null when it can. */
export type CouponUnavailableReason = 'sold-out' | 'limit-reached' | 'not-started' | 'expired';

export function couponUnavailableReason(
  stock: Pick<CouponStock, 'remaining' | 'validFrom' | 'validUntil' | 'perCustomerLimit'>,
  held: number,
  now: Date,
): CouponUnavailableReason | null {
  const status = couponStockStatus(stock, now);
  if (status !== 'active') return status;
  if (held >= stock.perCustomerLimit) return 'limit-reached';
  return null;
}
