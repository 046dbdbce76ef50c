// An in-memory task backend for the task list's tests and stories: core's own task rules (pages,
// changes, manual tasks) over a few customers and tasks, with failures to order.
import {
  AdapterError,
  DEFAULT_POLICY,
  changeTask,
  manualTask,
  taskPage,
  type Capabilities,
  type Customer,
  type Task,
  type TaskChange,
} from '@clienteling/core';
import { fixtures, stubAdapter } from '../../../test/helpers/stub-adapter.js';

/** The moment the fixtures are written for: 1 December 2026, 10:00 in Shanghai. */
export const NOW = new Date('2026-12-01T02:00:00.000Z');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (time: number) => new Date(time).toISOString();
/** Midnight of 1 December 2026 in Shanghai. */
const TODAY = Date.parse('2026-11-30T16:00:00.000Z');

export const customers: Customer[] = [
  fixtures.customer({ id: 'cust-1', name: '陈静', remark: '陈静-南京东路VIP', remarkPhones: ['138 0013 8001'] }),
  fixtures.customer({ id: 'cust-2', name: '李娜' }),
  fixtures.customer({ id: 'cust-3', name: '王芳', remarkPhones: ['139 1234 5678'] }),
  fixtures.customer({ id: 'cust-4', name: '赵敏' }),
  fixtures.customer({ id: 'cust-5', name: '周婷' }),
  fixtures.customer({ id: 'cust-6', name: '吴倩' }),
];

const base = (over: Partial<Task> & Pick<Task, 'id' | 'customerId' | 'kind' | 'action'>): Task => ({
  staffId: 'staff-1',
  state: 'open',
  dueAt: iso(TODAY),
  createdAt: iso(TODAY),
  ...over,
});

/** One task of every kind, as the rules bring them up on 1 December, and a manual one overdue. */
export const taskOfEveryKind = (): Task[] => [
  base({
    id: 'task-birthday-cust-1-2026',
    customerId: 'cust-1',
    kind: 'birthday',
    action: 'send-coupon',
    eventDate: '2026-12-04',
    dueAt: iso(TODAY - 4 * DAY),
  }),
  base({
    id: 'task-coupon-expiring-cust-2-coupon-1',
    customerId: 'cust-2',
    kind: 'coupon-expiring',
    action: 'send-coupon',
    couponId: 'coupon-1',
    eventAt: iso(TODAY + 3 * DAY + 15 * HOUR),
  }),
  base({
    id: 'task-after-purchase-cust-3-act-1',
    customerId: 'cust-3',
    kind: 'after-purchase',
    action: 'send-message',
    activityId: 'act-1',
    eventAt: iso(TODAY - 3 * DAY + 4 * HOUR),
  }),
  base({
    id: 'task-new-customer-cust-4-added',
    customerId: 'cust-4',
    kind: 'new-customer',
    action: 'send-message',
    eventAt: iso(TODAY - DAY),
  }),
  base({
    id: 'task-high-value-quiet-cust-5-x',
    customerId: 'cust-5',
    kind: 'high-value-quiet',
    action: 'call',
    eventAt: iso(TODAY - 30 * DAY),
  }),
  base({
    id: 'task-manual-1',
    customerId: 'cust-6',
    kind: 'manual',
    action: 'open-profile',
    title: '问问她上次看中的那件大衣要不要调货',
    dueAt: iso(TODAY - 2 * DAY + 10 * HOUR),
  }),
];

/** `count` manual tasks due today, for paging. */
export const manyTasks = (count: number): Task[] =>
  Array.from({ length: count }, (_, index) =>
    base({
      id: `task-manual-${String(index).padStart(3, '0')}`,
      customerId: customers[index % customers.length]!.id,
      kind: 'manual',
      action: 'open-profile',
      title: `回访第 ${index + 1} 位客户`,
      dueAt: iso(TODAY + 10 * HOUR + index * 60_000),
    }),
  );

export interface TaskBackendOptions {
  tasks?: Task[];
  now?: Date;
  capabilities?: Partial<Capabilities>;
  /** Operations that fail (with this error) from now on. */
  failing?: Partial<Record<string, AdapterError>>;
  /** listTasks never answers. */
  hang?: boolean;
}

export type TaskBackend = ReturnType<typeof taskBackend>;

/** A stub adapter that keeps tasks and applies core's rules to them. */
export function taskBackend(options: TaskBackendOptions = {}) {
  let tasks = (options.tasks ?? taskOfEveryKind()).map((task) => ({ ...task }));
  const now = () => options.now ?? NOW;
  const failing: Partial<Record<string, AdapterError>> = { ...options.failing };
  const requests = new Map<string, Task>();
  const check = (name: string) => {
    const error = failing[name];
    if (error) throw error;
  };
  const change = async (name: string, taskId: string, what: TaskChange) => {
    check(name);
    const stored = tasks.find((task) => task.id === taskId);
    if (!stored) throw new AdapterError('not-found', `No task ${taskId}`);
    const next = changeTask(stored, what, now());
    tasks = tasks.map((task) => (task.id === taskId ? next : task));
    return next;
  };
  const adapter = stubAdapter(
    {
      getPolicy: async () => DEFAULT_POLICY,
      getCustomer: async ({ customerId }) => {
        const customer = customers.find((one) => one.id === customerId);
        if (!customer) throw new AdapterError('not-found', 'No such customer');
        return customer;
      },
      searchCustomers: async ({ query }) => {
        const items = customers.filter((one) => `${one.name}${one.remark ?? ''}`.includes(query ?? ''));
        return { items, nextCursor: null };
      },
      listTasks: (input) => {
        if (options.hang) return new Promise(() => {});
        check('listTasks');
        const mine = input.customerId ? tasks.filter((task) => task.customerId === input.customerId) : tasks;
        return Promise.resolve(taskPage(mine, input, now(), DEFAULT_POLICY.timeZone));
      },
      completeTask: ({ taskId }) => change('completeTask', taskId, { kind: 'complete' }),
      dismissTask: ({ taskId }) => change('dismissTask', taskId, { kind: 'dismiss' }),
      reopenTask: ({ taskId }) => change('reopenTask', taskId, { kind: 'reopen' }),
      snoozeTask: ({ taskId, until }) => change('snoozeTask', taskId, { kind: 'snooze', until }),
      createTask: async (input) => {
        check('createTask');
        const earlier = requests.get(input.requestId);
        if (earlier) return earlier;
        const task = manualTask(input, { id: `task-manual-${input.requestId}`, staffId: 'staff-1' }, now());
        requests.set(input.requestId, task);
        tasks = [...tasks, task];
        return task;
      },
    },
    options.capabilities,
  );
  return Object.assign(adapter, {
    /** The tasks as the backend holds them now. */
    tasks: () => tasks,
    /** Makes `name` fail with `error` (or succeed again with undefined). */
    fail(name: string, error: AdapterError | undefined) {
      failing[name] = error;
    },
  });
}
