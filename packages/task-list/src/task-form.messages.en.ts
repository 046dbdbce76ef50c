/** English strings of the add-task form of `<cl-task-list>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { TaskFormStrings } from './task-form.messages.js';

const en: Translation<TaskFormStrings> = {
  'taskList.addTitle': 'New task',
  'taskList.formCustomer': 'Customer',
  'taskList.pickedCustomer': 'Customer: ',
  'taskList.searchCustomer': 'Search by name or remark',
  'taskList.noMatch': 'No customer found',
  'taskList.changeCustomer': 'Change',
  'taskList.formTitle': 'What to do',
  'taskList.formDue': 'Due',
  'taskList.save': 'Add',
  'taskList.saving': 'Adding…',
  'taskList.notCreated': (reason: string) => `The task was not added: ${reason} Add again to retry.`,
};

export default en;
