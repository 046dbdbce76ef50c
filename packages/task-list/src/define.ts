import { defineElement } from '@clienteling/core/elements.js';
import { TaskList, type TaskActionDetail, type TaskChangeDetail } from './task-list.js';

defineElement('cl-task-list', TaskList);

export { TaskList };
export type { TaskActionDetail, TaskChangeDetail, TaskChangeKind } from './task-list.js';

declare global {
  interface HTMLElementTagNameMap {
    'cl-task-list': TaskList;
  }
  interface HTMLElementEventMap {
    'cl-task-action': CustomEvent<TaskActionDetail>;
    'cl-task-change': CustomEvent<TaskChangeDetail>;
  }
}
