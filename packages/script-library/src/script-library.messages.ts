import { defineMessages, type MessagesOf } from '@clienteling/core/elements.js';

const zhCN = {
  'scriptLibrary.label': '话术',
  'scriptLibrary.all': '全部',
  'scriptLibrary.own': '我的',
  'scriptLibrary.search': '搜索话术',
  'scriptLibrary.searchPlaceholder': '搜索标题或内容',
  'scriptLibrary.variable.customerName': '客户姓名',
  'scriptLibrary.variable.staffName': '你的姓名',
  'scriptLibrary.variable.storeName': '门店名称',
  'scriptLibrary.unfilled': (what: string) => `未填写：${what}`,
  'scriptLibrary.unfilledNote': '标出的内容未填写，请复制后补全再发送。',
  'scriptLibrary.image': '图片',
  'scriptLibrary.link': '链接',
  'scriptLibrary.miniprogram': '小程序',
  'scriptLibrary.ownBadge': '我的',
  'scriptLibrary.used': (count: number) => `用过 ${count} 次`,
  'scriptLibrary.lastUsed': (when: string) => `最近 ${when}`,
  'scriptLibrary.copy': '复制',
  'scriptLibrary.copied': '已复制。',
  'scriptLibrary.copyFailed': '没能复制，请长按文字手动复制。',
  'scriptLibrary.broadcast': '用于群发',
  'scriptLibrary.actionsFor': (title: string) => `${title}的操作`,
  'scriptLibrary.edit': '编辑',
  'scriptLibrary.delete': '删除',
  'scriptLibrary.deleteConfirm': (title: string) => `删除“${title}”？`,
  'scriptLibrary.deleted': (title: string) => `已删除：${title}`,
  'scriptLibrary.notDeleted': (reason: string) => `没有删除：${reason}`,
  'scriptLibrary.more': '加载更多',
  'scriptLibrary.loadingMore': '正在加载更多…',
  'scriptLibrary.moreFailed': '更多话术没有加载出来。',
  'scriptLibrary.empty': '这里还没有话术',
  'scriptLibrary.emptyHint': '公司审核过的话术和素材添加后会显示在这里。',
  'scriptLibrary.emptyOwn': '你还没有自己的话术',
  'scriptLibrary.emptyOwnHint': '常用的话写一次，以后一点就能发送。',
  'scriptLibrary.noMatch': (query: string) => `没有找到“${query}”相关的话术`,
  'scriptLibrary.noMatchHint': '换个词或少写几个字试试，也可以在“全部”里找。',
  'scriptLibrary.add': '新建话术',
  'scriptLibrary.savingMark': '保存中…',
};

/** Their keys and arguments, which the English module translates. */
export type ScriptLibraryStrings = typeof zhCN;

/**
 * Strings of `<cl-script-library>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const scriptLibraryMessages = defineMessages(zhCN, () => import('./script-library.messages.en.js'));

export type ScriptLibraryMessages = MessagesOf<typeof scriptLibraryMessages>;
