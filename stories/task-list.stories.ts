import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { AdapterError, type Task } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/task-list/define.js';
import {
  NOW,
  manyTasks,
  taskBackend,
  taskOfEveryKind,
  type TaskBackendOptions,
} from '../packages/task-list/test/task-backend.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired } from './support/story-context.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

type Args = Record<string, unknown>;

/** The list with the story's args, on a backend with these options. */
const onBackend = (options: TaskBackendOptions = {}, args: Args = {}): Story => ({
  args,
  render: (storyArgs: Args, context: StoryContext) =>
    wired(context, { adapter: () => taskBackend(options) }, element('cl-task-list', storyArgs)),
});

/** The tasks of every kind, with one later and two closed. */
const aDay = (): Task[] => {
  const tasks = taskOfEveryKind();
  return [
    ...tasks,
    { ...tasks[5]!, id: 'task-later', title: '新款到店后约她来试穿', dueAt: '2026-12-05T06:00:00.000Z' },
    { ...tasks[1]!, id: 'task-snoozed', state: 'snoozed', snoozedUntil: '2026-12-02T01:00:00.000Z' },
    { ...tasks[3]!, id: 'task-closed', state: 'done', closedAt: '2026-11-30T09:20:00.000Z' },
    { ...tasks[2]!, id: 'task-dismissed', state: 'dismissed', closedAt: '2026-11-29T03:00:00.000Z' },
  ];
};

const inList = (canvas: HTMLElement, selector: string) => inShadow(canvas, 'cl-task-list', selector);

const DOCS = `
The associate's day: the follow-ups the data brings up by itself and the associate's own, today and overdue
first. Each task says who and why ("生日还有 3 天"), with one tap to do it; done, snooze and dismiss have an undo.

**Rules of the trade it shows**
- The rules run in the backend on its clock: a birthday in 7 days, a held coupon expiring within 3 days, 3 days
  after a purchase, a new customer not greeted after 24 hours, a high-value customer quiet for 30 days (policy).
- Doing the action completes the task: the list loads again after \`cl-coupon-issued\` and \`cl-note-add\`.
- Snoozes end later today (3 hours), tomorrow at 9:00 or next Monday at 9:00, in the store's time zone.
- A manual task says what to do in at most 200 characters; it is added once even when the network retries.

**Do** wire \`cl-task-action\` to the element that does the action for \`customerId\` (your coupon dispenser, the
chat, the profile), and pass \`now\` when your adapter runs on another clock. **Don't** remove a task yourself on
\`cl-task-action\`: the backend completes it when the action is done.
`;

const meta: Meta<Args> = {
  title: 'Elements/Task list',
  component: 'cl-task-list',
  args: { bucket: 'today', customerId: '', pageSize: 20, now: NOW.getTime() },
  argTypes: {
    bucket: { control: 'inline-radio', options: ['today', 'upcoming', 'done'] },
    now: { control: 'date' },
  },
  render: onBackend({ tasks: aDay() }).render,
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;
type Story = StoryObj<Args>;

/**
 * Today and overdue: one task of every kind (a birthday, an expiring coupon, a purchase, a new and a
 * quiet customer, a manual one).
 */
export const Today: Story = {};

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** Later: a task due on another day, and a snoozed one. */
export const Later: Story = { args: { bucket: 'upcoming' } };

/** Done and dismissed tasks, each with Reopen. */
export const Done: Story = { args: { bucket: 'done' } };

/** One customer's tasks (`customer-id`): the form adds for that customer without a picker. */
export const OneCustomer: Story = { args: { customerId: 'cust-1' } };

export const Loading: Story = onBackend({ hang: true });

/** Nothing left for today: an encouraging message, not a blank. */
export const Empty: Story = onBackend({ tasks: [] });

export const EmptyEnglish: Story = { ...onBackend({ tasks: [] }), globals: { locale: 'en' } };

/** The service could not be reached: the reason and a retry. */
export const LoadError: Story = onBackend({ failing: { listTasks: new AdapterError('unavailable', 'offline') } });

/** The browser has no network: the list says so (the adapter of this story still answers). */
export const Offline: Story = { beforeEach: browserOffline };

/** A long day: 45 tasks, a page of 20 at a time. */
export const ManyTasks: Story = onBackend({ tasks: manyTasks(45) });

/** An adapter without manual tasks (capability `createTask` off): no add form. */
export const NoManualTasks: Story = onBackend({ tasks: aDay(), capabilities: { createTask: false } });

/** A task marked done: it leaves the list at once, and the undo is offered. */
export const Undo: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(
      canvasElement,
      'cl-task-list',
      '[data-task="task-new-customer-cust-4-added"] [part~="complete"]',
    );
    await waitFor(() => inList(canvasElement, '[part~="undo"] button'), 'the undo');
  },
};

/** The snooze choices of a task: later today, tomorrow, next week. */
export const SnoozeChoices: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-task-list', '[data-task="task-birthday-cust-1-2026"] [part~="snooze"]');
    await waitFor(() => inList(canvasElement, '[part~="snooze-options"]'), 'the snooze choices');
  },
};

/** A dismiss the adapter refuses: the task returns where it was and the reason is announced. */
export const Rollback: Story = {
  ...onBackend({ tasks: aDay(), failing: { dismissTask: new AdapterError('unavailable', 'offline') } }),
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-task-list', '[data-task="task-manual-1"] [part~="dismiss"]');
    await waitFor(() => inList(canvasElement, '.cl-feedback-message[data-tone="error"]'), 'the rollback');
  },
};

/** The form for a manual task: a customer by search, what to do (200 characters) and when. */
export const AddTask: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-task-list', '[part~="add"]');
    await waitFor(() => inList(canvasElement, '[part~="form"]'), 'the form');
  },
};
