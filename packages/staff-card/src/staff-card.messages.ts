import { defineMessages, type MessagesOf } from '@clienteling/core/elements.js';

const zhCN = {
  'staffCard.verified': '已实名认证',
  'staffCard.phone': '电话',
  'staffCard.store': '门店',
  'staffCard.newWindow': '（新窗口打开）',
  'staffCard.miniprogram': '（小程序）',
  'staffCard.call': '打电话',
  'staffCard.copy': '复制号码',
  'staffCard.copied': '号码已复制',
  'staffCard.copyFailed': '复制失败，请长按号码复制',
  'staffCard.add': '添加企业微信',
  'staffCard.qrLabel': (name: string) => `添加${name}为企业微信好友的二维码`,
  'staffCard.qrCaption': '微信扫码加我为好友',
  'staffCard.qrFailed': '二维码无法显示',
  'staffCard.qrLoadFailed': (reason: string) => `加好友二维码没能加载。${reason}`,
  'error.not-found': '找不到该导购，可能已离职',
  'error.invalid': '名片信息有误，无法显示',
};

/** Their keys and arguments, which the English module translates. */
export type StaffCardStrings = typeof zhCN;

/**
 * Strings of `<cl-staff-card>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const staffCardMessages = defineMessages(zhCN, () => import('./staff-card.messages.en.js'));

export type StaffCardMessages = MessagesOf<typeof staffCardMessages>;
