import { defineMessages } from '@clienteling/core/elements.js';

const zhCN = {
  'transfer.title': '客户转接',
  'transfer.intro': '导购离职或调岗时，客户和客户群留在企业，由同事继续服务。',
  'transfer.readOnly.title': '只有店长可以转接客户',
  'transfer.readOnly.body': '你当前以导购身份登录。如需转接客户，请联系门店店长。',
  'transfer.unsupported.title': '当前不支持客户转接',
  'transfer.unsupported.body': '该服务无法转接客户，请联系管理员。',
  'transfer.step.from': '1. 转出成员',
  'transfer.step.customers': '2. 选择客户',
  'transfer.step.groups': '3. 选择客户群',
  'transfer.step.to': '4. 接替成员',
  'transfer.step.mode': '5. 转接方式',
  'transfer.step.preview': '6. 检查并转接',
  'transfer.history': '转接记录',
  'transfer.searchStaff': '搜索同事',
  'transfer.searchCustomers': '搜索客户',
  'transfer.noStaff': '没有匹配的同事。',
  'transfer.customerCount': (count: string) => `${count} 位客户`,
  'transfer.capacity': (remaining: string, cap: string) => `还可接 ${remaining} 位（上限 ${cap}）`,
  'transfer.overCapacity': (over: string) => `超出上限 ${over} 位：预览会列出无法转接的客户`,
  'transfer.pickFromFirst': '请先选择转出成员。',
  'transfer.filterByTag': '按标签筛选',
  'transfer.filterActive': (count: string) => `按标签筛选（${count}）`,
  'transfer.clearFilter': '清除筛选',
  'transfer.selectAll': (total: string) => `全选 ${total} 位`,
  'transfer.selectAllMatching': '全选筛选结果',
  'transfer.selected': (count: string) => `已选 ${count} 位`,
  'transfer.noCustomers': '该成员没有客户。',
  'transfer.noMatch': '没有匹配的客户。',
  'transfer.showMore': '显示更多',
  'transfer.collectingIds': '正在选中全部结果…',
  'transfer.tooManyToSelect': (max: string) => `一次最多选择 ${max} 位客户。`,
  'transfer.limits.batches': (count: string, batches: string, max: string) =>
    `${count} 位客户将分 ${batches} 次提交，每次最多 ${max} 位（平台单次上限）。`,
  'transfer.limits.frequency': (times: string, days: string) =>
    `在职转接时，每位客户 ${days} 天内最多被转接 ${times} 次。`,
  'transfer.noGroups': '该成员没有作为群主的客户群。',
  'transfer.groupMembers': (count: string) => `${count} 位成员`,
  'transfer.groupsLimited': '客户群按每日限额分批转移，部分可能次日完成。',
  'transfer.mode': '转出成员',
  'transfer.mode.on-job': '仍在职（调岗）',
  'transfer.mode.on-job.hint': '客户会收到通知，24 小时后自动完成接替，客户拒绝的除外。',
  'transfer.mode.resigned': '已离职',
  'transfer.mode.resigned.hint': '立即完成接替，无需客户确认。',
  'transfer.message': '给客户的消息',
  'transfer.message.default': (from: string, to: string) =>
    `您好，我是${from}的同事${to}。${from}的工作有了调整，之后由我继续为您服务，` +
    '有任何需要随时联系我，您的权益和记录都会保留。',
  'transfer.message.reset': '使用推荐文案',
  'transfer.preview': '检查可转接客户',
  'transfer.previewing': '检查中…',
  'transfer.previewNeeds': '请选择转出成员、至少一位客户或一个客户群，以及接替成员。',
  'transfer.kind.on-job': '在职转接',
  'transfer.kind.resigned': '离职继承',
  'transfer.status.waiting': (count: string) => `${count} 位等待中（24 小时）`,
  'transfer.status.done': (count: string) => `${count} 位已完成`,
  'transfer.status.refused': (count: string) => `${count} 位已拒绝`,
  'transfer.status.successor-over-cap': (count: string) => `${count} 位超出上限`,
  'transfer.status.too-frequent': (count: string) => `${count} 位转接过于频繁`,
  'transfer.status.not-owned': (count: string) => `${count} 位已不是该成员的客户`,
  'transfer.status.in-transfer': (count: string) => `${count} 位正在转接中`,
  'transfer.groupsMoved': (moved: string, limited: string) => `客户群：${moved} 个已转移，${limited} 个稍后`,
  'transfer.fromTo': (from: string, to: string) => `${from} → ${to}`,
  'transfer.noHistory': '还没有转接记录。',
  'transfer.completeFeedback': (count: string) => `已转接 ${count} 位客户`,
  'transfer.someone': '同事',
};

/** Their keys and arguments, which the English module translates. */
export type CustomerTransferStrings = typeof zhCN;

/**
 * Strings of `<cl-customer-transfer>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const customerTransferMessages = defineMessages(zhCN, () => import('./customer-transfer.messages.en.js'));
