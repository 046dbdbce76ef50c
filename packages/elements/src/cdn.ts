// The CDN build (dist/cdn/clienteling-elements.js and its chunks), for a page without a bundler:
// <cl-provider> registered, every other element loaded the first time its tag is in the page (the
// autoloader), both adapters (the IndexedDB default and HTTP), and what a page needs to write its own
// adapter (errors, capabilities, the operations' kinds and groups, request ids and the rules of the
// trade; the schemas and validation through `loadOperation(name)`, which loads those of the
// operation's group with its first call, or `loadValidation()` for all of them) and
// to localize and theme the elements. An element's class: `customElements.get('cl-staff-card')` once
// defined.
import '@clienteling/core/define.js';
import { autoload } from './autoloader.js';

export { ClProvider } from '@clienteling/core/elements.js';
export { AUTOLOADED_TAGS, autoload, loadElement } from './autoloader.js';
export { createLocalAdapter } from '@clienteling/adapter-local';
export { createHttpAdapter } from '@clienteling/adapter-http';
export {
  AdapterError,
  FULL_CAPABILITIES,
  READ_ONLY_CAPABILITIES,
  DEFAULT_POLICY,
  LIMITS,
  OPERATION_KINDS,
  OPERATION_GROUPS,
  operationNames,
  loadMediaValidation,
  loadOperation,
  loadValidation,
  createRequestId,
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
} from '@clienteling/core/adapter-kit.js';
export { setMessages, themeStylesheet } from '@clienteling/core/elements.js';

autoload();
