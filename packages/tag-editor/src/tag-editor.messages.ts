import { defineMessages } from '@clienteling/core/elements.js';

/** Strings of `<cl-tag-editor>` (override any of them with `setMessages`). */
export const editorMessages = defineMessages(
  {
    'tagEditor.label': (customer: string) => `Tags of ${customer}`,
    'tagEditor.search': 'Search tags',
    'tagEditor.rules': 'Set by rules',
    'tagEditor.noCustomer': 'Choose a customer first.',
    'tagEditor.noTags': 'No tags to show.',
    'tagEditor.newTag': 'New tag',
    'tagEditor.newTagIn': (group: string) => `New tag in ${group}`,
    'tagEditor.failed': (tag: string, reason: string) => `Could not change “${tag}”: ${reason}`,
    'tagEditor.kept': 'Other changes are kept.',
    'tagEditor.saveFailed': (reason: string) => `Not saved: ${reason}`,
    'tagEditor.unsaved': (count: number) => (count === 1 ? '1 unsaved change' : `${count} unsaved changes`),
    'tagEditor.save': 'Save',
    'tagEditor.discard': 'Discard',
    'tagEditor.saved': 'Saved.',
  },
  {
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
  },
);
