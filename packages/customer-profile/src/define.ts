import { defineElement } from '@clienteling/core/elements.js';
import {
  CustomerProfile,
  type CustomerActionDetail,
  type CustomerChangeDetail,
  type EditTagsDetail,
} from './customer-profile.js';

defineElement('cl-customer-profile', CustomerProfile);

export { CustomerProfile };
export type { CustomerActionDetail, CustomerChangeDetail, EditTagsDetail } from './customer-profile.js';

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-profile': CustomerProfile;
  }
  interface HTMLElementEventMap {
    'cl-customer-change': CustomEvent<CustomerChangeDetail>;
    'cl-edit-tags': CustomEvent<EditTagsDetail>;
    'cl-customer-action': CustomEvent<CustomerActionDetail>;
  }
}
