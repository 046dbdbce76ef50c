import { defineElement } from '@clienteling/core/elements.js';
import { CustomerTransfer, type TransferCompleteDetail, type TransferSubmitDetail } from './customer-transfer.js';

defineElement('cl-customer-transfer', CustomerTransfer);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-transfer': CustomerTransfer;
  }
  interface HTMLElementEventMap {
    'cl-transfer-submit': CustomEvent<TransferSubmitDetail>;
    'cl-transfer-complete': CustomEvent<TransferCompleteDetail>;
  }
}

export { CustomerTransfer };
export type { TransferCompleteDetail, TransferSubmitDetail };
