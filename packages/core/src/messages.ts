/**
 * Strings every element shares: adapter errors in words a store associate understands, common words.
 * zh-CN here, loaded with every element; English in messages.en.ts, loaded when an element renders in English.
 */
import { lazyCatalogs } from './catalogs.js';

const zhCN = {
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
  'error.unavailable.timeout': '服务响应超时，请检查网络后重试。',
  'common.retry': '重试',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.close': '关闭',
  'common.loading': '加载中…',
  'common.noAdapter': '未连接：没有为该组件提供适配器。',
  'common.offline': '网络已断开，联网前发送或保存的内容可能无法完成。',
  /** A part of an element that loads on demand (a form, a dialog) could not load. */
  'common.partFailed': '这部分未能加载，请检查网络后重试。',
  /** A field's character counter, as shown ("12/30") and as a screen reader says it. */
  'common.charCount': (length: number, max: number) => `${length}/${max}`,
  'common.charCountLabel': (length: number, max: number) => `已输入 ${length} 个字，最多 ${max} 个字`,
  /** Why a field's text cannot be saved: it is longer than its limit. */
  'common.tooLong': (max: number) => `最多 ${max} 个字。`,
  'host.no-permission': '应用没有该企业微信接口权限，请联系管理员。',
  'host.no-context': '请从与客户的聊天中打开后再操作。',
  'host.unsupported-version': '企业微信版本过低，请升级后再试。',
  'host.not-capable': '当前环境不支持该操作。',
  'host.cancelled': '已取消。',
  'host.failed': '企业微信未能完成该操作，请重试。',
};

export type CoreMessages = typeof zhCN;

export const coreMessages = lazyCatalogs(zhCN, {
  en: () => import('./messages.en.js').then((module) => module.default),
});
