import { extendMessages } from '@clienteling/core/elements.js';
import { scriptLibraryMessages } from './script-library.messages.js';

const zhCN = {
  'scriptLibrary.addTitle': '新建话术',
  'scriptLibrary.editTitle': '编辑话术',
  'scriptLibrary.formCategory': '分类',
  'scriptLibrary.formTitle': '标题',
  'scriptLibrary.formText': '内容',
  'scriptLibrary.insert': '插入',
  'scriptLibrary.insertVariable': (what: string) => `插入${what}`,
  'scriptLibrary.unknownVariables': (names: string, known: string) =>
    `${names} 无法自动填写。可用的变量：${known}。如要按原样发送，请去掉花括号。`,
  'scriptLibrary.save': '保存',
  'scriptLibrary.saving': '正在保存…',
  'scriptLibrary.saved': (title: string) => `已保存：${title}`,
  'scriptLibrary.notSaved': (reason: string) => `没有保存：${reason}可再次保存重试。`,
};

/** Their keys and arguments, which the English module translates. */
export type ScriptFormStrings = typeof zhCN;

/**
 * Strings of the script form of `<cl-script-library>`, on top of the element's: they load with it
 * (`script-form.ts`), zh-CN, and English on demand; `setMessages` overrides any.
 */
export const scriptFormMessages = extendMessages(
  scriptLibraryMessages,
  zhCN,
  () => import('./script-form.messages.en.js'),
);
