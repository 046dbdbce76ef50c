import { defineMessages, type MessagesOf } from '@clienteling/core/elements.js';

const zhCN = {
  'staffResults.label': '我的业绩',
  'staffResults.storeLabel': '门店业绩',
  'staffResults.period': '时间',
  'staffResults.period.today': '今天',
  'staffResults.period.7d': '近 7 天',
  'staffResults.period.30d': '近 30 天',
  'staffResults.period.custom': '自定义',
  'staffResults.from': '开始日期',
  'staffResults.to': '结束日期',
  'staffResults.range': (from: string, to: string) => (from === to ? from : `${from} 至 ${to}`),
  'staffResults.range.missing': '请选择开始和结束日期。',
  'staffResults.range.reversed': '开始日期不能晚于结束日期。',
  'staffResults.range.future': '结束日期不能晚于今天。',
  'staffResults.range.too-long': (max: number) => `最多 ${max} 天。`,
  'staffResults.figure.customersAdded': '新增客户',
  'staffResults.figure.customersServed': '服务客户',
  'staffResults.figure.couponsSent': '发券',
  'staffResults.figure.couponsRedeemed': '核销',
  'staffResults.figure.attributedSales': '带来的销售额',
  'staffResults.figure.afterHoursShare': '闭店后销售',
  'staffResults.figure.repurchaseRate': '复购率',
  'staffResults.redemptionRate': (rate: string) => `核销率 ${rate}`,
  'staffResults.couponSales': '券带动',
  'staffResults.otherSales': '其他',
  'staffResults.afterHoursHint': '的销售额发生在闭店以后',
  'staffResults.repurchaseHint': '的购买客户再次购买',
  'staffResults.byChannel': '按渠道',
  'staffResults.channel.contact-me': '联系我二维码',
  'staffResults.channel.qrcode': '扫码',
  'staffResults.channel.search': '搜索',
  'staffResults.channel.group-chat': '群聊',
  'staffResults.channel.shared-card': '名片分享',
  'staffResults.channel.other': '其他',
  'staffResults.previous.today': '昨天',
  'staffResults.previous.days': (days: number) => (days === 1 ? '前一天' : `前 ${days} 天`),
  'staffResults.change.up': (change: string, previous: string) => `比${previous}增长 ${change}%`,
  'staffResults.change.down': (change: string, previous: string) => `比${previous}下降 ${change}%`,
  'staffResults.change.upPoints': (change: string, previous: string) => `比${previous}提高 ${change} 个百分点`,
  'staffResults.change.downPoints': (change: string, previous: string) => `比${previous}降低 ${change} 个百分点`,
  'staffResults.change.same': (previous: string) => `与${previous}持平`,
  'staffResults.change.new': (previous: string) => `${previous}没有数据`,
  'staffResults.shown.points': (change: string) => `${change} 个百分点`,
  'staffResults.shown.same': '持平',
  'staffResults.shown.new': '新增',
  'staffResults.chartCaption': (figure: string) => `每日${figure}`,
  'staffResults.day': '日期',
  'staffResults.ranking': '导购排行',
  'staffResults.rankingHint': '按带来的销售额排序',
  'staffResults.rank': (rank: number) => `第 ${rank} 名`,
  'staffResults.rankingAdded': (count: string) => `新增 ${count}`,
  'staffResults.rankingServed': (count: string) => `服务 ${count}`,
  'staffResults.rankingEmpty': '这段时间还没有导购的业绩。',
  'staffResults.empty': '这段时间还没有业绩',
  'staffResults.emptyHint': '通过你的联系我二维码添加的客户、你发出的优惠券和它们带来的销售额会显示在这里。',
  'staffResults.loadFailed': '业绩没有加载出来。',
};

/** Their keys and arguments, which the English module translates. */
export type StaffResultsStrings = typeof zhCN;

/**
 * Strings of `<cl-staff-results>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const staffResultsMessages = defineMessages(zhCN, () => import('./staff-results.messages.en.js'));

export type StaffResultsMessages = MessagesOf<typeof staffResultsMessages>;
