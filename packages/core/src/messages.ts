/** Strings every element shares: adapter errors in words a store associate understands, common words. */
const en = {
  'error.not-found': 'This could not be found. It may have been removed.',
  'error.conflict': 'Someone else changed this at the same time. Refresh and try again.',
  'error.limit-reached': 'A limit has been reached.',
  'error.sold-out': 'None left: this is sold out.',
  'error.expired': 'This is no longer valid.',
  'error.expired.not-started': 'This has not started yet.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.forbidden.customer-unreachable': 'This customer cannot be reached.',
  'error.invalid': 'Some information is not valid. Check and try again.',
  'error.unavailable': 'The service is unavailable. Check the network and try again.',
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.noAdapter': 'Not connected: no adapter was given to this element.',
  'host.no-permission': 'This app has no permission for that in WeCom. Ask your administrator.',
  'host.no-context': 'Open this from a chat with a customer to do that.',
  'host.unsupported-version': 'Your WeCom version is too old for that. Please update WeCom.',
  'host.not-capable': 'This is not available here.',
  'host.cancelled': 'Cancelled.',
  'host.failed': 'WeCom could not do that. Try again.',
};

export type CoreMessages = typeof en;

const zhCN: CoreMessages = {
  'error.not-found': '找不到该内容，可能已被删除。',
  'error.conflict': '其他人同时修改了该内容，请刷新后重试。',
  'error.limit-reached': '已达到上限。',
  'error.sold-out': '已抢光，没有剩余了。',
  'error.expired': '已失效。',
  'error.expired.not-started': '尚未开始。',
  'error.forbidden': '你没有权限进行此操作。',
  'error.forbidden.customer-unreachable': '无法触达该客户。',
  'error.invalid': '部分信息不正确，请检查后重试。',
  'error.unavailable': '服务暂不可用，请检查网络后重试。',
  'common.retry': '重试',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.close': '关闭',
  'common.loading': '加载中…',
  'common.noAdapter': '未连接：没有为该组件提供适配器。',
  'host.no-permission': '应用没有该企业微信接口权限，请联系管理员。',
  'host.no-context': '请从与客户的聊天中打开后再操作。',
  'host.unsupported-version': '企业微信版本过低，请升级后再试。',
  'host.not-capable': '当前环境不支持该操作。',
  'host.cancelled': '已取消。',
  'host.failed': '企业微信未能完成该操作，请重试。',
};

export const coreMessages = { en, 'zh-CN': zhCN } as const;
