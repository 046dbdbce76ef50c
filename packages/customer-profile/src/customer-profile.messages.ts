import { defineMessages, type MessagesOf } from '@clienteling/core/elements.js';

const zhCN = {
  'customerProfile.label': (customer: string) => `${customer}的客户资料`,
  'customerProfile.noCustomer': '请先选择客户。',
  'customerProfile.wechat': '@微信',
  'customerProfile.nickname': (name: string) => `昵称：${name}`,
  'customerProfile.remark': '备注名',
  'customerProfile.description': '描述',
  'customerProfile.remarkPhones': '电话',
  'customerProfile.remarkCompany': '企业',
  'customerProfile.empty': '未填写',
  'customerProfile.edit': '编辑',
  'customerProfile.editField': (field: string) => `编辑${field}`,
  'customerProfile.save': '保存',
  'customerProfile.saving': '保存中…',
  'customerProfile.saved': (field: string) => `${field}已保存`,
  'customerProfile.notSaved': (field: string, reason: string) =>
    `${field}未保存：${reason}输入的内容已保留，可再次保存重试。`,
  'customerProfile.phone': (index: number) => `电话 ${index}`,
  'customerProfile.addPhone': '添加电话',
  'customerProfile.removePhone': (index: number) => `删除电话 ${index}`,
  'customerProfile.phoneCount': (count: number, max: number) => `已有 ${count} 个号码，最多 ${max} 个`,
  'customerProfile.keys': '按回车保存，按 Esc 取消。',
  'customerProfile.readOnlyNotFollowing': '你不是该客户的跟进人，只能查看，不能修改资料。',
  'customerProfile.readOnlyAdapter': '当前环境不支持修改，客户资料为只读。',
  'customerProfile.tags': '标签',
  'customerProfile.ruleTags': '规则标签',
  'customerProfile.noTags': '暂无标签。',
  'customerProfile.tagsUnavailable': '标签名称暂时无法加载。',
  'customerProfile.editTags': '编辑标签',
  'customerProfile.purchases': '消费概况',
  'customerProfile.totalSpent': '累计消费',
  'customerProfile.orders': '订单数',
  'customerProfile.lastPurchase': '最近消费',
  'customerProfile.averageOrder': '客单价',
  'customerProfile.categories': '偏好品类',
  'customerProfile.sizes': '尺码',
  'customerProfile.never': '暂无',
  'customerProfile.dates': '重要日子',
  'customerProfile.birthday': '生日',
  'customerProfile.anniversary': '纪念日',
  'customerProfile.otherDate': '日子',
  'customerProfile.birthdayIn': (days: number) => (days === 1 ? '明天生日' : `生日还有 ${days} 天`),
  'customerProfile.birthdayToday': '今天生日',
  'customerProfile.dateIn': (days: number) => (days === 1 ? '明天' : `还有 ${days} 天`),
  'customerProfile.dateToday': '今天',
  'customerProfile.origin': '添加来源',
  'customerProfile.addedBy': '添加人',
  'customerProfile.addedAt': '添加时间',
  'customerProfile.addWay': '添加方式',
  'customerProfile.way.qrcode': '扫描二维码',
  'customerProfile.way.contact-me': '联系我二维码',
  'customerProfile.way.search': '搜索添加',
  'customerProfile.way.group-chat': '群聊添加',
  'customerProfile.way.shared-card': '名片分享',
  'customerProfile.way.other': '其他方式',
  'customerProfile.channel': (state: string) => `渠道“${state}”`,
  'customerProfile.sharedBy': (name: string) => `由${name}分享`,
  'customerProfile.actions': '快捷操作',
  'customerProfile.sendCoupon': '发优惠券',
  'customerProfile.call': '打电话',
  'customerProfile.copyName': '复制名字',
  'customerProfile.copyPhone': '复制电话',
  'customerProfile.copied': '已复制',
  'customerProfile.copyFailed': '复制失败，请长按文字复制',
  'error.not-found': '找不到该客户，可能已被删除或转交他人。',
};

/** Their keys and arguments, which the English module translates. */
export type CustomerProfileStrings = typeof zhCN;

/**
 * Strings of `<cl-customer-profile>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const customerProfileMessages = defineMessages(zhCN, () => import('./customer-profile.messages.en.js'));

export type CustomerProfileMessages = MessagesOf<typeof customerProfileMessages>;
