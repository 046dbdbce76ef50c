import '@clienteling/core/define.js';
import '@clienteling/staff-card/define.js';
import '@clienteling/tag-editor/define.js';
import '@clienteling/moments-composer/define.js';
import '@clienteling/coupon-dispenser/define.js';
import '@clienteling/group-member-list/define.js';
