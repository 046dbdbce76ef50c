import { extendMessages } from '@clienteling/core/elements.js';
import { taskListMessages } from './task-list.messages.js';

const zhCN = {
  'taskList.addTitle': '新任务',
  'taskList.formCustomer': '客户',
  'taskList.pickedCustomer': '客户：',
  'taskList.searchCustomer': '搜索客户姓名或备注',
  'taskList.noMatch': '没有找到客户',
  'taskList.changeCustomer': '更换',
  'taskList.formTitle': '要做什么',
  'taskList.formDue': '到期时间',
  'taskList.save': '添加',
  'taskList.saving': '正在添加…',
  'taskList.notCreated': (reason: string) => `任务没有添加：${reason}可再次添加重试。`,
};

/** Their keys and arguments, which the English module translates. */
export type TaskFormStrings = typeof zhCN;

/**
 * Strings of the add-task form of `<cl-task-list>`, on top of the element's: they load with it
 * (`task-form.ts`), zh-CN, and English on demand; `setMessages` overrides any.
 */
export const taskFormMessages = extendMessages(taskListMessages, zhCN, () => import('./task-form.messages.en.js'));
