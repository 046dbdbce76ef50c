// Public exports of @clienteling/customer-transfer (no side effects: import `./define.js` to register).
export {
  CustomerTransfer,
  DEFAULT_REFRESH_INTERVAL,
  SEARCH_DEBOUNCE_MS,
  TRANSFER_STATUSES,
  type TransferCompleteDetail,
  type TransferSubmitDetail,
} from './customer-transfer.js';
export { customerTransferMessages } from './customer-transfer.messages.js';
// The hand-over's strings load with it (keys and arguments, for `setMessages`).
export type { HandoverStrings } from './handover.messages.js';
