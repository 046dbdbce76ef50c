/**
 * Benchmark: first render of `<cl-task-list>` with a first page of 20 tasks (every kind, the
 * customers named), from attaching the element to the named tasks laid out, through an adapter that
 * answers at once (validation included, as on a page). The baseline, in the same run, is a plain
 * Lit element with the same styles drawing the same 20 tasks from data it is given: the cost the
 * list adds is its loading (a skeleton, then the list), the validation of the page, the policy and
 * six customers, the wording of each task in the store's days, and localization. Target: at most 4x
 * (measured here 3.0x at 1x and at 4x CPU, on a busy 2-core machine).
 * At 1x and 4x CPU, medians of alternating runs (see packages/core/bench/kit.ts).
 */
import { LitElement, html } from 'lit';
import {
  DEFAULT_POLICY,
  FULL_CAPABILITIES,
  taskPage,
  type ClientelingAdapter,
  type Customer,
  type Task,
} from '@clienteling/core';
import { baseStyles } from '@clienteling/core/elements.js';
import { compareAtEachRate, timeFirstRender } from '../../core/bench/kit.js';
import '../src/define.js';
import type { TaskList } from '../src/task-list.js';
import { styles } from '../src/task-list.styles.js';

const NOW = new Date('2026-12-01T02:00:00.000Z');
const TODAY = Date.parse('2026-11-30T16:00:00.000Z');
const DAY = 86_400_000;
const KINDS = [
  { kind: 'birthday', action: 'send-coupon', eventDate: '2026-12-04' },
  { kind: 'coupon-expiring', action: 'send-coupon', couponId: 'coupon-1', eventAt: '2026-12-04T07:00:00.000Z' },
  { kind: 'after-purchase', action: 'send-message', activityId: 'act-1', eventAt: '2026-11-28T04:00:00.000Z' },
  { kind: 'new-customer', action: 'send-message', eventAt: '2026-11-30T02:00:00.000Z' },
  { kind: 'high-value-quiet', action: 'call', eventAt: '2026-11-01T02:00:00.000Z' },
  { kind: 'manual', action: 'open-profile', title: '问问她上次看中的那件大衣要不要调货' },
] as const;

const customers: Customer[] = ['陈静', '李娜', '王芳', '赵敏', '周婷', '吴倩'].map((name, index) => ({
  id: `cust-${index}`,
  name,
  ownerStaffId: 'staff-1',
  addedAt: '2026-03-02T02:00:00.000Z',
  tagIds: [],
  ruleTagIds: [],
}));

const tasks: Task[] = Array.from({ length: 20 }, (_, index) => ({
  id: `task-${String(index).padStart(2, '0')}`,
  staffId: 'staff-1',
  customerId: customers[index % customers.length]!.id,
  state: 'open',
  dueAt: new Date(TODAY - (index % 3) * DAY).toISOString(),
  createdAt: new Date(TODAY - 3 * DAY).toISOString(),
  ...KINDS[index % KINDS.length]!,
}));

const page = taskPage(tasks, { bucket: 'today', limit: 20 }, NOW, DEFAULT_POLICY.timeZone);

/** An adapter that answers at once with the page, the policy and the customers. */
const adapter = {
  capabilities: FULL_CAPABILITIES,
  listTasks: async () => page,
  getPolicy: async () => DEFAULT_POLICY,
  getCustomer: async ({ customerId }: { customerId: string }) => customers.find((one) => one.id === customerId)!,
} as unknown as ClientelingAdapter;

const REASONS: Record<string, string> = {
  birthday: '生日还有 3 天',
  'coupon-expiring': '优惠券 3 天后到期',
  'after-purchase': '购买 3 天了，回访一下',
  'new-customer': '新客户，还没打招呼',
  'high-value-quiet': '30 天没联系的高价值客户',
};
const ACTIONS: Record<string, string> = {
  'send-coupon': '发优惠券',
  'send-message': '发消息',
  'open-profile': '看资料',
  call: '打电话',
};

/** The baseline: the same tasks in the same markup and styles, from data it is given. */
class PlainTaskList extends LitElement {
  static override styles = [baseStyles, styles];

  private renderTask(task: Task) {
    const name = customers.find((one) => one.id === task.customerId)!.name;
    const overdue = Date.parse(task.dueAt) < TODAY;
    return html`<li part="task" class="task ${overdue ? 'overdue' : ''}">
      <div class="task-main">
        <p part="customer" class="customer">${name}</p>
        <p part="reason" class="reason">${task.title ?? REASONS[task.kind]}</p>
        ${overdue ? html`<p part="when" class="when"><span class="overdue-mark">逾期 1 天</span></p>` : ''}
      </div>
      <div class="buttons">
        <button part="action" class="cl-button" data-variant="primary" type="button">${ACTIONS[task.action]}</button>
        <button class="cl-button" type="button">完成</button><button class="cl-button" type="button">稍后</button
        ><button class="cl-button" type="button">忽略</button>
      </div>
    </li>`;
  }

  protected override render() {
    return html`<div part="tabs" class="tabs" role="tablist">
        <button class="tab" role="tab" aria-selected="true">今天<span class="count">20</span></button
        ><button class="tab" role="tab">以后<span class="count">0</span></button
        ><button class="tab" role="tab">已完成<span class="count">0</span></button>
      </div>
      <div class="add-area"><button class="cl-button add" type="button">+ 添加任务</button></div>
      <ul part="list" class="list">
        ${page.items.map((task) => this.renderTask(task))}
      </ul>`;
  }
}
customElements.define('bench-plain-task-list', PlainTaskList);

async function listFirstRender(): Promise<number> {
  const el = document.createElement('cl-task-list') as TaskList;
  el.adapter = adapter;
  el.now = NOW;
  // Until every task's customer has their name (names arrive after the page).
  return timeFirstRender(el, () => {
    const names = [...(el.shadowRoot?.querySelectorAll('[part~="customer"]') ?? [])];
    return names.length === 20 && names.every((name) => name.textContent !== '客户');
  });
}

const baselineFirstRender = () => timeFirstRender(document.createElement('bench-plain-task-list') as PlainTaskList);

describe('cl-task-list benchmark', () => {
  it('first render of a page of 20 tasks against a plain Lit list', async () => {
    await compareAtEachRate('task-list: first render, 20 tasks named', listFirstRender, baselineFirstRender, {
      target: 4,
      baselineName: 'plain Lit list',
      runs: 15,
    });
  });
});
