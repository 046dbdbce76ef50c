import { defineMessages } from '@clienteling/core/elements.js';

const zhCN = {
  'groupMembers.countLong': (count: number, cap: number) => `${count} 位成员，上限 ${cap} 人`,
  'groupMembers.owner': (name: string) => `群主：${name}`,
  'groupMembers.full': '已满',
  'groupMembers.fullReason': (cap: number) => `群成员已满（${cap} 人），移出成员后才能邀请。`,
  'groupMembers.invite': '邀请',
  'groupMembers.manage': '管理',
  'groupMembers.manageDone': '完成',
  'groupMembers.search': '搜索姓名或群昵称',
  'groupMembers.filter': '显示',
  'groupMembers.filter.all': '全部',
  'groupMembers.filter.staff': '员工',
  'groupMembers.filter.customer': '客户',
  'groupMembers.filter.admin': '管理员',
  'groupMembers.sort': '排序',
  'groupMembers.sort.joinedAt': '入群时间',
  'groupMembers.sort.name': '名称',
  'groupMembers.list': '群成员',
  'groupMembers.found': (count: number) => `找到 ${count} 位成员`,
  'groupMembers.customer': '客户',
  'groupMembers.staff': '员工',
  'groupMembers.role.owner': '群主',
  'groupMembers.role.admin': '管理员',
  'groupMembers.scene.qrcode': '通过扫描群二维码加入',
  'groupMembers.scene.link': '通过群链接加入',
  'groupMembers.scene.invited': '受邀加入',
  'groupMembers.scene.invitedBy': (name: string) => `由 ${name} 邀请加入`,
  'groupMembers.empty': '群里还没有成员。',
  'groupMembers.noMatch': '没有符合条件的成员。',
  'groupMembers.clearSearch': '显示全部成员',
  'groupMembers.noGroup': '未选择群。',
  'groupMembers.remove': '移出',
  'groupMembers.removeLabel': (name: string) => `将 ${name} 移出群聊`,
  'groupMembers.removeTitle': '移出群聊？',
  'groupMembers.removeText': (name: string) => `${name} 将离开本群。`,
  'groupMembers.removed': (name: string) => `已将 ${name} 移出群聊。`,
  'groupMembers.selected': (count: number) => `已选 ${count} 人`,
  'groupMembers.clearSelection': '清除选择',
};

/** Their keys and arguments, which the English module translates. */
export type GroupMemberListStrings = typeof zhCN;

/**
 * Strings of `<cl-group-member-list>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const messages = defineMessages(zhCN, () => import('./group-member-list.messages.en.js'));
