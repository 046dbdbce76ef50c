import { defineMessages } from '@clienteling/core/elements.js';

/** Strings of `<cl-staff-card>` (override any of them with `setMessages`). */
export const staffCardMessages = defineMessages(
  {
    'staffCard.verified': 'Verified',
    'staffCard.phone': 'Phone',
    'staffCard.store': 'Store',
    'staffCard.newWindow': '(new window)',
    'staffCard.miniprogram': '(mini-program)',
    'staffCard.call': 'Call',
    'staffCard.copy': 'Copy number',
    'staffCard.copied': 'Number copied',
    'staffCard.copyFailed': 'Copy failed: press and hold the number.',
    'staffCard.add': 'Add me on WeCom',
    'staffCard.qrLabel': (name: string) => `QR code to add ${name} on WeCom`,
    'staffCard.qrCaption': 'Scan with WeChat to add me',
    'staffCard.qrFailed': 'QR code unavailable',
    'staffCard.qrLoadFailed': (reason: string) => `The add-me code could not be loaded. ${reason}`,
    'error.not-found': 'Associate not found. They may have left.',
    'error.invalid': 'This card has invalid information.',
  },
  {
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
  },
);

export type StaffCardMessages = (typeof staffCardMessages)['en'];
