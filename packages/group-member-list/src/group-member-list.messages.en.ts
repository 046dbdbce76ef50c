/** English strings of `<cl-group-member-list>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { GroupMemberListStrings } from './group-member-list.messages.js';

const en: Translation<GroupMemberListStrings> = {
  'groupMembers.countLong': (count: number, cap: number) =>
    `${count} ${count === 1 ? 'member' : 'members'} of at most ${cap}`,
  'groupMembers.owner': (name: string) => `Owner: ${name}`,
  'groupMembers.full': 'Full',
  'groupMembers.fullReason': (cap: number) => `The group is full (${cap}): remove someone to invite.`,
  'groupMembers.invite': 'Invite',
  'groupMembers.manage': 'Manage',
  'groupMembers.manageDone': 'Done',
  'groupMembers.search': 'Search name or group nickname',
  'groupMembers.filter': 'Show',
  'groupMembers.filter.all': 'All',
  'groupMembers.filter.staff': 'Staff',
  'groupMembers.filter.customer': 'Customers',
  'groupMembers.filter.admin': 'Admins',
  'groupMembers.sort': 'Sort by',
  'groupMembers.sort.joinedAt': 'Join time',
  'groupMembers.sort.name': 'Name',
  'groupMembers.list': 'Group members',
  'groupMembers.found': (count: number) => (count === 1 ? '1 member found' : `${count} members found`),
  'groupMembers.customer': 'Customer',
  'groupMembers.staff': 'Staff',
  'groupMembers.role.owner': 'Owner',
  'groupMembers.role.admin': 'Admin',
  'groupMembers.scene.qrcode': 'joined via QR code',
  'groupMembers.scene.link': 'joined via link',
  'groupMembers.scene.invited': 'joined by invitation',
  'groupMembers.scene.invitedBy': (name: string) => `invited by ${name}`,
  'groupMembers.empty': 'No members in this group yet.',
  'groupMembers.noMatch': 'No member matches.',
  'groupMembers.clearSearch': 'Show all members',
  'groupMembers.noGroup': 'No group chosen.',
  'groupMembers.remove': 'Remove',
  'groupMembers.removeLabel': (name: string) => `Remove ${name} from the group`,
  'groupMembers.removeTitle': 'Remove from the group?',
  'groupMembers.removeText': (name: string) => `${name} will leave the group.`,
  'groupMembers.removed': (name: string) => `${name} was removed from the group.`,
  'groupMembers.selected': (count: number) => `${count} selected`,
  'groupMembers.clearSelection': 'Clear selection',
};

export default en;
