import { defineElement } from '@clienteling/core/elements.js';
import {
  StaffCard,
  type ContactWayReadyDetail,
  type MiniprogramOpenDetail,
  type PhoneCopyDetail,
  type StaffContactDetail,
} from './staff-card.js';

defineElement('cl-staff-card', StaffCard);

export { StaffCard };

declare global {
  interface HTMLElementTagNameMap {
    'cl-staff-card': StaffCard;
  }
  interface HTMLElementEventMap {
    'cl-staff-contact': CustomEvent<StaffContactDetail>;
    'cl-contact-way-ready': CustomEvent<ContactWayReadyDetail>;
    'cl-phone-copy': CustomEvent<PhoneCopyDetail>;
    'cl-miniprogram-open': CustomEvent<MiniprogramOpenDetail>;
  }
}
