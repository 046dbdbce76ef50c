// Public exports of @clienteling/customer-profile, free of side effects: import './define.js' to
// register `<cl-customer-profile>`.
export {
  CustomerProfile,
  type CustomerAction,
  type CustomerActionDetail,
  type CustomerChangeDetail,
  type EditTagsDetail,
  type ProfileField,
} from './customer-profile.js';
export { customerProfileMessages, type CustomerProfileMessages } from './customer-profile.messages.js';
export { daysUntilNext, initials } from './profile-format.js';
