// Public exports of @clienteling/task-list, free of side effects: import './define.js' to
// register `<cl-task-list>`.
export { TaskList, type TaskActionDetail, type TaskChangeDetail, type TaskChangeKind } from './task-list.js';
export { taskListMessages, type TaskListMessages } from './task-list.messages.js';
// The add-task form's strings load with it (keys and arguments, for `setMessages`).
export type { TaskFormStrings } from './task-form.messages.js';
export { SNOOZE_CHOICES, snoozeUntil, type SnoozeChoice } from './task-time.js';
