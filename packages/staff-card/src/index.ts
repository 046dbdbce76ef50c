export {
  StaffCard,
  type StaffCardLayout,
  type StaffContactDetail,
  type ContactWayReadyDetail,
  type PhoneCopyDetail,
  type MiniprogramOpenDetail,
} from './staff-card.js';
export { safeHref } from './safe-href.js';
export { DEFAULT_MAP_URL_TEMPLATE, maskPhone, mapUrl, initials } from './format.js';
export { staffCardMessages, type StaffCardMessages } from './staff-card.messages.js';
