import { defineMessages } from '@clienteling/core/elements.js';

const zhCN = {
  'tagEditor.label': (customer: string) => `${customer}的标签`,
  'tagEditor.search': '搜索标签',
  'tagEditor.rules': '规则标签',
  'tagEditor.noCustomer': '请先选择客户。',
  'tagEditor.noTags': '暂无可显示的标签。',
  'tagEditor.newTag': '新建标签',
  'tagEditor.newTagIn': (group: string) => `在“${group}”中新建标签`,
  'tagEditor.failed': (tag: string, reason: string) => `“${tag}”修改失败：${reason}`,
  'tagEditor.kept': '其他修改已保留。',
  'tagEditor.saveFailed': (reason: string) => `修改未保存：${reason}`,
  'tagEditor.unsaved': (count: number) => `${count} 项修改未保存`,
  'tagEditor.save': '保存',
  'tagEditor.discard': '放弃修改',
  'tagEditor.saved': '已保存。',
  'tagEditor.added': (tag: string) => `已添加“${tag}”`,
  'tagEditor.removed': (tag: string) => `已移除“${tag}”`,
  'tagEditor.created': (tag: string) => `已新建标签“${tag}”`,
};

/** Their keys and arguments, which the English module translates. */
export type TagEditorStrings = typeof zhCN;

/**
 * Strings of `<cl-tag-editor>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const editorMessages = defineMessages(zhCN, () => import('./tag-editor.messages.en.js'));
