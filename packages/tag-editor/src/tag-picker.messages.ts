import { defineMessages } from '@clienteling/core/elements.js';

const zhCN = {
  'tagPicker.single': '单选',
  'tagPicker.multiple': '可多选',
  'tagPicker.rule': '规则标签，只读',
  'tagPicker.pending': '待保存',
  'tagPicker.error': '修改失败',
  'tagPicker.empty': '暂无标签。',
  'tagPicker.noMatch': (query: string) => `没有与“${query}”匹配的标签。`,
  'tagPicker.matches': (count: number) => `找到 ${count} 个标签`,
  'tagPicker.expand': (hidden: number) => `展开（还有 ${hidden} 个）`,
  'tagPicker.fold': '收起',
};

/** Their keys and arguments, which the English module translates. */
export type TagPickerStrings = typeof zhCN;

/**
 * Strings of `<cl-tag-picker>`:
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const pickerMessages = defineMessages(zhCN, () => import('./tag-picker.messages.en.js'));
