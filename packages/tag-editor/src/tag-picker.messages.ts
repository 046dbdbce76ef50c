import { defineMessages } from '@clienteling/core/elements.js';

/** Strings of `<cl-tag-picker>` (override any of them with `setMessages`). */
export const pickerMessages = defineMessages(
  {
    'tagPicker.single': 'Choose one',
    'tagPicker.multiple': 'Choose any',
    'tagPicker.rule': 'Set by rules, read-only',
    'tagPicker.pending': 'not saved yet',
    'tagPicker.error': 'change failed',
    'tagPicker.empty': 'No tags yet.',
    'tagPicker.noMatch': (query: string) => `No tags match “${query}”.`,
    'tagPicker.matches': (count: number) => (count === 1 ? '1 tag found' : `${count} tags found`),
    'tagPicker.expand': (hidden: number) => `Show all (${hidden} more)`,
    'tagPicker.fold': 'Show fewer',
  },
  {
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
  },
);
