import { defineElement } from '@clienteling/core/elements.js';
import {
  GroupMemberList,
  type GroupInviteDetail,
  type MemberRemovedDetail,
  type MembersSelectDetail,
} from './group-member-list.js';

defineElement('cl-group-member-list', GroupMemberList);

declare global {
  interface HTMLElementTagNameMap {
    'cl-group-member-list': GroupMemberList;
  }
  interface HTMLElementEventMap {
    'cl-group-invite': CustomEvent<GroupInviteDetail>;
    'cl-member-removed': CustomEvent<MemberRemovedDetail>;
    'cl-members-select': CustomEvent<MembersSelectDetail>;
  }
}

export { GroupMemberList };
