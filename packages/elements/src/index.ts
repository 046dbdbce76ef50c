// The all-in-one entry: registers <cl-provider> and every element, and re-exports their classes.
import '@clienteling/core/define.js';
import '@clienteling/staff-card/define.js';
import '@clienteling/tag-editor/define.js';
import '@clienteling/moments-composer/define.js';
import '@clienteling/coupon-dispenser/define.js';
import '@clienteling/group-member-list/define.js';
import '@clienteling/customer-profile/define.js';
import '@clienteling/customer-timeline/define.js';
import '@clienteling/task-list/define.js';
import '@clienteling/customer-transfer/define.js';
import '@clienteling/staff-results/define.js';
import '@clienteling/script-library/define.js';
import '@clienteling/broadcast-composer/define.js';

export { ClProvider } from '@clienteling/core/elements.js';
export { StaffCard } from '@clienteling/staff-card';
export { TagEditor, TagPicker } from '@clienteling/tag-editor';
export { MomentsComposer } from '@clienteling/moments-composer';
export { CouponDispenser } from '@clienteling/coupon-dispenser';
export { GroupMemberList } from '@clienteling/group-member-list';
export { CustomerProfile } from '@clienteling/customer-profile';
export { CustomerTimeline } from '@clienteling/customer-timeline';
export { TaskList } from '@clienteling/task-list';
export { CustomerTransfer } from '@clienteling/customer-transfer';
export { StaffResults } from '@clienteling/staff-results';
export { ScriptLibrary } from '@clienteling/script-library';
export { BroadcastComposer } from '@clienteling/broadcast-composer';
