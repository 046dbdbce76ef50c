export {
  GroupMemberList,
  VIRTUALIZE_AFTER,
  SEARCH_DEBOUNCE_MS,
  type GroupInviteDetail,
  type MemberRemovedDetail,
  type MembersSelectDetail,
} from './group-member-list.js';
export { messages as groupMemberListMessages } from './group-member-list.messages.js';
