// Public exports of @clienteling/task-list, free of side effects: import './define.js' to
// register `<cl-task-list>`.
export { TaskList, type TaskActionDetail, type TaskChangeDetail, type TaskChangeKind } from './task-list.js';
export { taskListMessages, type TaskListMessages } from './task-list.messages.js';
export { SNOOZE_CHOICES, snoozeUntil, type SnoozeChoice } from './task-time.js';
