import '@clienteling/core/define.js';
import '@clienteling/group-member-list/define.js';
