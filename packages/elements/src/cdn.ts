// The single-file CDN build (dist/cdn/clienteling-elements.js), for a page without a bundler: every
// element registered, both adapters (the IndexedDB default and HTTP), and what a page needs to
// write its own adapter (errors, capabilities, request ids, validation and the rules of the trade)
// and to localize and theme the elements.
export * from './index.js';
export { createLocalAdapter } from '@clienteling/adapter-local';
export { createHttpAdapter } from '@clienteling/adapter-http';
export {
  AdapterError,
  FULL_CAPABILITIES,
  READ_ONLY_CAPABILITIES,
  DEFAULT_POLICY,
  LIMITS,
  createRequestId,
  withValidation,
  parseOrInvalid,
  operations,
  applyTagDiff,
  assertCouponSendable,
  couponStockStatus,
  couponUnavailableReason,
  dayKey,
  isValidityWindowAllowed,
  momentQuota,
  nextMidnight,
  tagNameProblem,
  visibleTagGroups,
} from '@clienteling/core';
export { setMessages, themeStylesheet } from '@clienteling/core/elements.js';
