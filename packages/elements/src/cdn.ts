// The single-file CDN build: every element registered, plus what a page needs to write its own
// adapter inline (errors, capabilities, request ids) and to localize and theme the elements.
export * from './index.js';
export {
  AdapterError,
  FULL_CAPABILITIES,
  READ_ONLY_CAPABILITIES,
  DEFAULT_POLICY,
  LIMITS,
  createRequestId,
  withValidation,
} from '@clienteling/core';
export { setMessages, themeStylesheet } from '@clienteling/core/elements.js';
