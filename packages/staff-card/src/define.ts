import { defineElement } from '@clienteling/core/elements.js';
import { StaffCard, type MiniprogramOpenDetail, type PhoneCopyDetail, type StaffContactDetail } from './staff-card.js';

defineElement('cl-staff-card', StaffCard);

export { StaffCard };

declare global {
  interface HTMLElementTagNameMap {
    'cl-staff-card': StaffCard;
  }
  interface HTMLElementEventMap {
    'cl-staff-contact': CustomEvent<StaffContactDetail>;
    'cl-phone-copy': CustomEvent<PhoneCopyDetail>;
    'cl-miniprogram-open': CustomEvent<MiniprogramOpenDetail>;
  }
}
