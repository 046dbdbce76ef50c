// Public exports of @clienteling/coupon-dispenser, free of side effects. Import
// `@clienteling/coupon-dispenser/define.js` to register <cl-coupon-dispenser>.
export { CouponDispenser, type CouponIssuedDetail } from './coupon-dispenser.js';
export { messages as couponDispenserMessages } from './coupon-dispenser.messages.js';
// The send sheet's strings load with it (keys and arguments, for `setMessages`).
export type { SendSheetStrings } from './send-sheet.messages.js';
