import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, type Task } from '@clienteling/core';
import '@clienteling/core/define.js';
import '../src/define.js';
import type { TaskActionDetail, TaskChangeDetail, TaskList } from '../src/define.js';
import { snoozeUntil } from '../src/index.js';
import { NOW, customers, manyTasks, taskBackend, taskOfEveryKind, type TaskBackend } from './task-backend.js';
import { deferred } from '../../../test/helpers/stub-adapter.js';

type Lang = 'zh-CN' | 'en';

async function mount(
  adapter: TaskBackend,
  lang: Lang = 'zh-CN',
  attrs: { customerId?: string; pageSize?: number } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <cl-task-list
        .adapter=${adapter}
        .now=${NOW}
        customer-id=${attrs.customerId ?? ''}
        page-size=${attrs.pageSize ?? 20}
      ></cl-task-list>
    </div>`,
  );
  const el = wrapper.querySelector('cl-task-list')!;
  return el;
}

const root = (el: TaskList) => el.shadowRoot!;
const rows = (el: TaskList) => [...root(el).querySelectorAll<HTMLElement>('[part~="task"]')];
const rowOf = (el: TaskList, taskId: string) => root(el).querySelector<HTMLElement>(`[data-task="${taskId}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tab = (el: TaskList, bucket: string) => root(el).querySelector<HTMLButtonElement>(`#tab-${bucket}`)!;
const button = (el: TaskList, taskId: string, part: string) =>
  rowOf(el, taskId)!.querySelector<HTMLElement>(`[part~="${part}"]`)!;

/** Waits until the list shows its tasks (and the customers' names have arrived). */
async function loaded(el: TaskList, count?: number) {
  await waitUntil(() => root(el).querySelector('[part~="list"], [part~="empty"], [part~="error"]'), 'list shown');
  if (count !== undefined) await waitUntil(() => rows(el).length === count, `${count} tasks shown`);
  await waitUntil(
    () => rows(el).every((row) => !/^(客户|Customer)$/.test(text(row.querySelector('[part~="customer"]')))),
    'names shown',
  );
}

const reasonOf = (el: TaskList, taskId: string) => text(rowOf(el, taskId)?.querySelector('[part~="reason"]'));
/** Lets the feedback's entrance animation end (axe measures contrast mid-fade otherwise). */
const animated = () => aTimeout(250);
/** Waits until the form for a new task shows (its code loads on demand). */
const formShown = (el: TaskList) => waitUntil(() => root(el).querySelector('[part~="form"]'), 'form shown');
const undoButton = (el: TaskList) => root(el).querySelector<HTMLButtonElement>('[part~="undo"] button');

describe('<cl-task-list>', () => {
  describe('wording', () => {
    const expected: Record<Lang, Record<string, string>> = {
      'zh-CN': {
        'task-birthday-cust-1-2026': '生日还有 3 天',
        'task-coupon-expiring-cust-2-coupon-1': '优惠券 3 天后到期',
        'task-after-purchase-cust-3-act-1': '购买 3 天了，回访一下',
        'task-new-customer-cust-4-added': '新客户，还没打招呼',
        'task-high-value-quiet-cust-5-x': '30 天没联系的高价值客户',
        'task-manual-1': '问问她上次看中的那件大衣要不要调货',
      },
      en: {
        'task-birthday-cust-1-2026': 'Birthday in 3 days',
        'task-coupon-expiring-cust-2-coupon-1': 'A coupon expires in 3 days',
        'task-after-purchase-cust-3-act-1': '3 days since a purchase: check in',
        'task-new-customer-cust-4-added': 'New customer, not greeted yet',
        'task-high-value-quiet-cust-5-x': 'High-value customer, no contact for 30 days',
        'task-manual-1': '问问她上次看中的那件大衣要不要调货',
      },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`words why each kind of task exists, and its customer (${lang})`, async () => {
        const el = await mount(taskBackend(), lang);
        await loaded(el, 6);
        for (const [taskId, words] of Object.entries(expected[lang])) expect(reasonOf(el, taskId)).to.equal(words);
        expect(text(rowOf(el, 'task-birthday-cust-1-2026')!.querySelector('[part~="customer"]'))).to.equal(
          '陈静-南京东路VIP',
        );
        expect(text(rowOf(el, 'task-manual-1')!.querySelector('[part~="customer"]'))).to.equal('吴倩');
        await expect(el).to.be.accessible();
      });
    }

    it('words birthdays today, tomorrow and past, and coupons expiring today', async () => {
      const tasks = taskOfEveryKind();
      const birthday = (id: string, eventDate: string) => ({ ...tasks[0]!, id, eventDate });
      const el = await mount(
        taskBackend({
          tasks: [
            birthday('b0', '2026-12-01'),
            birthday('b1', '2026-12-02'),
            birthday('b-2', '2026-11-29'),
            { ...tasks[1]!, id: 'c0', eventAt: '2026-12-01T15:00:00.000Z' },
          ],
        }),
      );
      await loaded(el, 4);
      expect(reasonOf(el, 'b0')).to.equal('今天生日');
      expect(reasonOf(el, 'b1')).to.equal('明天生日');
      expect(reasonOf(el, 'b-2')).to.equal('生日已过 2 天');
      expect(reasonOf(el, 'c0')).to.equal('优惠券今天到期');
    });

    it('marks a birthday late only once the day has passed, and a coupon once it has expired', async () => {
      const tasks = taskOfEveryKind();
      const earlyDue = '2026-11-25T16:00:00.000Z'; // the lead began six days ago
      const el = await mount(
        taskBackend({
          tasks: [
            { ...tasks[0]!, id: 'b1', dueAt: earlyDue, eventDate: '2026-12-02' },
            { ...tasks[0]!, id: 'b-2', dueAt: earlyDue, eventDate: '2026-11-29' },
            { ...tasks[1]!, id: 'c1', dueAt: earlyDue, eventAt: '2026-12-02T15:00:00.000Z' },
          ],
        }),
      );
      await loaded(el, 3);
      expect(rowOf(el, 'b1')!.getAttribute('part')).to.equal('task');
      expect(rowOf(el, 'c1')!.getAttribute('part')).to.equal('task');
      expect(rowOf(el, 'b-2')!.getAttribute('part')).to.include('task-overdue');
      expect(text(rowOf(el, 'b-2')!.querySelector('[part~="when"]'))).to.equal('逾期 2 天');
    });

    it('marks overdue tasks, with how late they are', async () => {
      const el = await mount(taskBackend());
      await loaded(el, 6);
      const overdue = rowOf(el, 'task-manual-1')!;
      expect(overdue.getAttribute('part')).to.include('task-overdue');
      expect(text(overdue.querySelector('[part~="when"]'))).to.equal('逾期 2 天');
      expect(rowOf(el, 'task-new-customer-cust-4-added')!.getAttribute('part')).to.equal('task');
    });
  });

  describe('tabs', () => {
    it('shows today and overdue first, each tab with its count, and switches with the arrow keys', async () => {
      const adapter = taskBackend({
        tasks: [
          ...taskOfEveryKind(),
          { ...taskOfEveryKind()[5]!, id: 'later', dueAt: '2026-12-05T02:00:00.000Z' },
          { ...taskOfEveryKind()[5]!, id: 'closed', state: 'done', closedAt: '2026-11-30T02:00:00.000Z' },
        ],
      });
      const el = await mount(adapter);
      await loaded(el, 6);
      const tabs = [...root(el).querySelectorAll('[role="tab"]')].map(text);
      expect(tabs).to.deep.equal(['今天6', '以后1', '已完成1']);
      tab(el, 'today').focus();
      await sendKeys({ press: 'ArrowRight' });
      await loaded(el, 1);
      expect(el.bucket).to.equal('upcoming');
      expect(root(el).activeElement).to.equal(tab(el, 'upcoming'));
      expect(rowOf(el, 'later')).to.not.equal(null);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'End' });
      await loaded(el, 1);
      expect(rowOf(el, 'closed')!.querySelector('[part~="reopen"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('actions', () => {
    it('emits a cancelable cl-task-action with the task, its action and its customer', async () => {
      const el = await mount(taskBackend());
      await loaded(el, 6);
      const seen: TaskActionDetail[] = [];
      el.addEventListener('cl-task-action', (e) => seen.push(e.detail));
      button(el, 'task-birthday-cust-1-2026', 'action').click();
      expect(seen).to.have.length(1);
      expect(seen[0]!.action).to.equal('send-coupon');
      expect(seen[0]!.customerId).to.equal('cust-1');
      expect(seen[0]!.task.id).to.equal('task-birthday-cust-1-2026');
      expect(text(button(el, 'task-birthday-cust-1-2026', 'action'))).to.equal('发优惠券');
    });

    it('a call is a tel: link to the customer, not followed when the page cancels the event', async () => {
      const el = await mount(taskBackend({ tasks: [{ ...taskOfEveryKind()[4]!, customerId: 'cust-3' }] }));
      await loaded(el, 1);
      await waitUntil(() => root(el).querySelector('a[part~="action"]'), 'call link');
      const link = root(el).querySelector<HTMLAnchorElement>('a[part~="action"]')!;
      expect(link.getAttribute('href')).to.equal('tel:13912345678');
      el.addEventListener('cl-task-action', (e) => e.preventDefault());
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      link.dispatchEvent(click);
      expect(click.defaultPrevented).to.equal(true);
    });
  });

  describe('done, snooze, dismiss and undo', () => {
    it('done takes the task out at once, moves the count, and undo reopens it where it was', async () => {
      const adapter = taskBackend();
      const el = await mount(adapter);
      await loaded(el, 6);
      const changes: TaskChangeDetail[] = [];
      el.addEventListener('cl-task-change', (e) => changes.push(e.detail));
      const index = rows(el).findIndex((row) => row.dataset.task === 'task-coupon-expiring-cust-2-coupon-1');
      button(el, 'task-coupon-expiring-cust-2-coupon-1', 'complete').click();
      await el.updateComplete;
      expect(rowOf(el, 'task-coupon-expiring-cust-2-coupon-1')).to.equal(null);
      expect(text(tab(el, 'done'))).to.equal('已完成1');
      await waitUntil(() => undoButton(el), 'undo offered');
      expect(text(root(el).querySelector('[part~="undo"]'))).to.equal('已完成：李娜 撤销');
      expect(adapter.tasks().find((task) => task.id === 'task-coupon-expiring-cust-2-coupon-1')!.state).to.equal(
        'done',
      );
      expect(changes.map((change) => change.change)).to.deep.equal(['complete']);
      await animated();
      await expect(el).to.be.accessible();
      undoButton(el)!.click();
      await el.updateComplete;
      expect(rows(el)[index]!.dataset.task).to.equal('task-coupon-expiring-cust-2-coupon-1');
      await waitUntil(() => changes.length === 2, 'reopened');
      expect(adapter.callsTo('reopenTask')).to.deep.equal([{ taskId: 'task-coupon-expiring-cust-2-coupon-1' }]);
      expect(adapter.tasks().find((task) => task.id === 'task-coupon-expiring-cust-2-coupon-1')!.state).to.equal(
        'open',
      );
      expect(text(tab(el, 'done'))).to.equal('已完成0');
    });

    it('snoozes to later today, tomorrow or next week, in the store time zone', async () => {
      const adapter = taskBackend();
      const el = await mount(adapter, 'en');
      await loaded(el, 6);
      const snooze = button(el, 'task-new-customer-cust-4-added', 'snooze') as HTMLButtonElement;
      snooze.click();
      await el.updateComplete;
      expect(snooze.getAttribute('aria-expanded')).to.equal('true');
      const options = root(el).querySelector('[part~="snooze-options"]')!;
      expect([...options.querySelectorAll('button')].map((choice) => choice.dataset.choice)).to.deep.equal([
        'later-today',
        'tomorrow',
        'next-week',
      ]);
      expect(root(el).activeElement).to.equal(options.querySelector('button'));
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('[part~="snooze-options"]')).to.equal(null);
      expect(root(el).activeElement).to.equal(snooze);
      snooze.click();
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('[data-choice="next-week"]')!.click();
      await waitUntil(() => adapter.callsTo('snoozeTask').length === 1, 'snoozed');
      // 1 December 2026 is a Tuesday: next Monday is 7 December, 9:00 in Shanghai.
      expect(adapter.callsTo('snoozeTask')).to.deep.equal([
        { taskId: 'task-new-customer-cust-4-added', until: '2026-12-07T01:00:00.000Z' },
      ]);
      expect(rowOf(el, 'task-new-customer-cust-4-added')).to.equal(null);
      expect(text(tab(el, 'upcoming'))).to.equal('Later1');
      await waitUntil(() => undoButton(el), 'undo offered');
      undoButton(el)!.click();
      await waitUntil(
        () => adapter.tasks().find((task) => task.id === 'task-new-customer-cust-4-added')!.state === 'open',
      );
      expect(rowOf(el, 'task-new-customer-cust-4-added')).to.not.equal(null);
    });

    it('computes the snooze times from the store day', () => {
      const zone = 'Asia/Shanghai';
      expect(snoozeUntil('later-today', NOW, zone)!.toISOString()).to.equal('2026-12-01T05:00:00.000Z');
      expect(snoozeUntil('tomorrow', NOW, zone)!.toISOString()).to.equal('2026-12-02T01:00:00.000Z');
      expect(snoozeUntil('later-today', new Date('2026-12-01T14:00:00.000Z'), zone)).to.equal(undefined);
      // On a Monday, next week is the Monday after.
      expect(snoozeUntil('next-week', new Date('2026-12-07T02:00:00.000Z'), zone)!.toISOString()).to.equal(
        '2026-12-14T01:00:00.000Z',
      );
    });

    it('dismiss rolls back when the adapter refuses, and says why', async () => {
      const adapter = taskBackend({ failing: { dismissTask: new AdapterError('unavailable', 'down') } });
      const el = await mount(adapter);
      await loaded(el, 6);
      const index = rows(el).findIndex((row) => row.dataset.task === 'task-after-purchase-cust-3-act-1');
      button(el, 'task-after-purchase-cust-3-act-1', 'dismiss').click();
      await el.updateComplete;
      expect(rowOf(el, 'task-after-purchase-cust-3-act-1')).to.equal(null);
      expect(text(tab(el, 'done'))).to.equal('已完成1');
      await waitUntil(() => rowOf(el, 'task-after-purchase-cust-3-act-1'), 'rolled back');
      expect(rows(el)[index]!.dataset.task).to.equal('task-after-purchase-cust-3-act-1');
      expect(text(tab(el, 'done'))).to.equal('已完成0');
      expect(text(root(el).querySelector('[part~="feedback"]'))).to.equal('没有保存：服务暂不可用，请检查网络后重试。');
      expect(undoButton(el)).to.equal(null);
      await animated();
      await expect(el).to.be.accessible();
    });

    it('an undo the adapter refuses takes the task out again', async () => {
      const adapter = taskBackend();
      const el = await mount(adapter);
      await loaded(el, 6);
      button(el, 'task-manual-1', 'complete').click();
      await waitUntil(() => undoButton(el), 'undo offered');
      adapter.fail('reopenTask', new AdapterError('unavailable', 'down'));
      undoButton(el)!.click();
      await el.updateComplete;
      expect(rowOf(el, 'task-manual-1')).to.not.equal(null);
      await waitUntil(() => !rowOf(el, 'task-manual-1'), 'taken out again');
      expect(text(tab(el, 'done'))).to.equal('已完成1');
    });

    it('reopens a done task from the done tab', async () => {
      const adapter = taskBackend({
        tasks: [{ ...taskOfEveryKind()[5]!, state: 'done', closedAt: '2026-11-30T02:00:00.000Z' }],
      });
      const el = await mount(adapter);
      await loaded(el);
      el.bucket = 'done';
      await loaded(el, 1);
      button(el, 'task-manual-1', 'reopen').click();
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      expect(text(tab(el, 'today'))).to.equal('今天1');
      await waitUntil(() => adapter.tasks()[0]!.state === 'open');
    });
  });

  describe('states', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`loading, empty and error with retry are accessible (${lang})`, async () => {
        const loading = await mount(taskBackend({ hang: true }), lang);
        await waitUntil(() => root(loading).querySelector('[part~="skeleton"]'));
        await expect(loading).to.be.accessible();

        const empty = await mount(taskBackend({ tasks: [] }), lang);
        await loaded(empty);
        expect(text(root(empty).querySelector('[part~="empty"] .empty-title'))).to.equal(
          lang === 'zh-CN' ? '今天的跟进都完成了' : 'All of today’s follow-ups are done',
        );
        await expect(empty).to.be.accessible();

        const adapter = taskBackend({ failing: { listTasks: new AdapterError('unavailable', 'down') } });
        const failed = await mount(adapter, lang);
        await loaded(failed);
        const error = root(failed).querySelector('[part~="error"]')!;
        expect(error.getAttribute('role')).to.equal('alert');
        await expect(failed).to.be.accessible();
        adapter.fail('listTasks', undefined);
        error.querySelector('button')!.click();
        await loaded(failed, 6);
      });
    }

    it('says when the browser is offline', async () => {
      const el = await mount(taskBackend());
      await loaded(el, 6);
      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        window.dispatchEvent(new Event('offline'));
        await el.updateComplete;
        expect(text(root(el).querySelector('[part~="offline"]'))).to.include('网络已断开');
        await expect(el).to.be.accessible();
      } finally {
        Object.defineProperty(navigator, 'onLine', onLine);
        delete (navigator as { onLine?: boolean }).onLine;
        window.dispatchEvent(new Event('online'));
      }
    });
  });

  describe('paging', () => {
    it('loads a long list a page at a time, by cursor', async () => {
      const adapter = taskBackend({ tasks: manyTasks(45) });
      const el = await mount(adapter, 'zh-CN', { pageSize: 20 });
      await loaded(el, 20);
      expect(text(tab(el, 'today'))).to.equal('今天45');
      root(el).querySelector<HTMLButtonElement>('[part~="more"]')!.click();
      await loaded(el, 40);
      root(el).querySelector<HTMLButtonElement>('[part~="more"]')!.click();
      await loaded(el, 45);
      expect(root(el).querySelector('[part~="more"]')).to.equal(null);
      const calls = adapter.callsTo('listTasks') as Array<{ cursor?: string }>;
      expect(calls).to.have.length(3);
      expect(calls[1]!.cursor).to.be.a('string');
      expect(new Set(rows(el).map((row) => row.dataset.task)).size).to.equal(45);
      await expect(el).to.be.accessible();
    });
  });

  it('a refresh while the next page is on its way lets the list page on', async () => {
    const adapter = taskBackend({ tasks: manyTasks(45) });
    const el = await mount(adapter, 'zh-CN', { pageSize: 20 });
    await loaded(el, 20);
    const held = deferred<void>();
    const list = adapter.listTasks;
    let firstPages = 0;
    adapter.listTasks = async (input) => {
      if (input.cursor) await held.promise;
      else firstPages++;
      return list(input);
    };
    root(el).querySelector<HTMLButtonElement>('[part~="more"]')!.click();
    el.refresh();
    await waitUntil(() => firstPages === 1, 'refreshed');
    held.resolve();
    await aTimeout(20);
    const more = root(el).querySelector<HTMLButtonElement>('[part~="more"]')!;
    expect(more.disabled).to.equal(false);
    adapter.listTasks = list;
    more.click();
    await loaded(el, 40);
  });

  describe('refresh', () => {
    it('loads again after a coupon was sent or a note written anywhere on the page', async () => {
      const adapter = taskBackend();
      const el = await mount(adapter);
      await loaded(el, 6);
      // The adapter completed the birthday task with the coupon.
      adapter.tasks()[0]!.state = 'done';
      adapter.tasks()[0]!.closedAt = NOW.toISOString();
      document.body.dispatchEvent(new CustomEvent('cl-coupon-issued', { bubbles: true, composed: true, detail: {} }));
      await loaded(el, 5);
      expect(rowOf(el, 'task-birthday-cust-1-2026')).to.equal(null);
      expect(adapter.callsTo('listTasks')).to.have.length(2);
      document.body.dispatchEvent(new CustomEvent('cl-note-add', { bubbles: true, composed: true, detail: {} }));
      await waitUntil(() => adapter.callsTo('listTasks').length === 3);
    });

    it('refresh() keeps the tasks shown until the new page arrives', async () => {
      const adapter = taskBackend();
      const el = await mount(adapter);
      await loaded(el, 6);
      const held = deferred<void>();
      const list = adapter.listTasks;
      adapter.listTasks = async (input) => {
        await held.promise;
        return list(input);
      };
      el.refresh();
      await el.updateComplete;
      expect(rows(el)).to.have.length(6);
      held.resolve();
      await aTimeout(0);
    });
  });

  describe('adding a task', () => {
    it('is hidden without the capability createTask', async () => {
      const el = await mount(taskBackend({ capabilities: { createTask: false } }));
      await loaded(el, 6);
      expect(root(el).querySelector('[part~="add"]')).to.equal(null);
    });

    for (const lang of ['zh-CN', 'en'] as const) {
      it(`picks a customer by search, counts the title to 200, and adds once (${lang})`, async () => {
        const adapter = taskBackend();
        const el = await mount(adapter, lang);
        await loaded(el, 6);
        const add = root(el).querySelector<HTMLButtonElement>('[part~="add"]')!;
        add.click();
        await formShown(el);
        const form = root(el).querySelector<HTMLFormElement>('[part~="form"]')!;
        // The form's strings load with it; on an English list it is English from its first render.
        const words = lang === 'en' ? ['New task', 'Add', 'Change'] : ['新任务', '添加', '更换'];
        expect(text(form.querySelector('#form-title'))).to.equal(words[0]);
        expect(text(form.querySelector('[type="submit"]'))).to.equal(words[1]);
        expect(root(el).activeElement!.id).to.equal('task-customer');
        await sendKeys({ type: '李' });
        await waitUntil(() => form.querySelector('.match'), 'matches');
        await expect(el).to.be.accessible();
        form.querySelector<HTMLButtonElement>('.match')!.click();
        await el.updateComplete;
        expect(text(form.querySelector('.picked strong'))).to.equal('李娜');
        expect(text(form.querySelector('.picked button'))).to.equal(words[2]);
        expect(text(form.querySelector('.picked span'))).to.equal(lang === 'en' ? 'Customer: 李娜' : '客户：李娜');
        const title = form.querySelector<HTMLTextAreaElement>('#task-title')!;
        expect(root(el).activeElement).to.equal(title);
        title.value = 'x'.repeat(201);
        title.dispatchEvent(new Event('input'));
        await el.updateComplete;
        const submit = form.querySelector<HTMLButtonElement>('[type="submit"]')!;
        expect(text(form.querySelector('[part~="counter"] [aria-hidden]'))).to.equal('201/200');
        expect(submit.disabled).to.equal(true);
        expect(title.getAttribute('aria-invalid')).to.equal('true');
        title.value = '送一份新品小样';
        title.dispatchEvent(new Event('input'));
        const due = form.querySelector<HTMLInputElement>('#task-due')!;
        expect(due.value).to.equal('2026-12-01T11:00');
        due.value = '2026-12-01T18:30';
        due.dispatchEvent(new Event('input'));
        await el.updateComplete;
        await expect(el).to.be.accessible();
        adapter.fail('createTask', new AdapterError('unavailable', 'down'));
        submit.click();
        await waitUntil(() => form.querySelector('[role="alert"]'), 'failure shown');
        adapter.fail('createTask', undefined);
        submit.click();
        await waitUntil(() => !root(el).querySelector('[part~="form"]'), 'form closed');
        const calls = adapter.callsTo('createTask') as Array<{ requestId: string; dueAt: string; title: string }>;
        expect(calls).to.have.length(2);
        expect(calls[1]!.requestId).to.equal(calls[0]!.requestId);
        expect(calls[1]!.dueAt).to.equal('2026-12-01T10:30:00.000Z');
        expect(calls[1]!.title).to.equal('送一份新品小样');
        await waitUntil(() => rows(el).length === 7, 'added to today');
        expect(reasonOf(el, rows(el)[0]!.dataset.task!)).to.equal('送一份新品小样');
        expect(root(el).activeElement).to.equal(add);
      });
    }

    it('adds for the element’s own customer without a picker', async () => {
      const adapter = taskBackend();
      const el = await mount(adapter, 'zh-CN', { customerId: 'cust-1' });
      await loaded(el, 1);
      root(el).querySelector<HTMLButtonElement>('[part~="add"]')!.click();
      await formShown(el);
      expect(root(el).querySelector('#task-customer')).to.equal(null);
      expect(root(el).activeElement!.id).to.equal('task-title');
      await sendKeys({ type: '生日前一天提醒她来取货' });
      const changes: TaskChangeDetail[] = [];
      el.addEventListener('cl-task-change', (e) => changes.push(e.detail));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('[part~="form"]')).to.equal(null);
      expect(root(el).activeElement).to.equal(root(el).querySelector('[part~="add"]'));
      root(el).querySelector<HTMLButtonElement>('[part~="add"]')!.click();
      await el.updateComplete;
      expect(root(el).querySelector<HTMLTextAreaElement>('#task-title')!.value).to.equal('生日前一天提醒她来取货');
      root(el).querySelector<HTMLButtonElement>('[type="submit"]')!.click();
      await waitUntil(() => changes.length === 1, 'added');
      expect(changes[0]!.change).to.equal('create');
      expect(changes[0]!.task.customerId).to.equal('cust-1');
      expect((adapter.callsTo('listTasks')[0] as { customerId?: string }).customerId).to.equal('cust-1');
    });

    it('tapped before its code has arrived, says it is loading, then opens with a due time and focus', async () => {
      const el = document.createElement('cl-task-list');
      el.adapter = taskBackend();
      el.now = NOW;
      document.body.append(el);
      try {
        await el.updateComplete;
        root(el).querySelector<HTMLButtonElement>('[part~="add"]')!.click();
        await el.updateComplete;
        expect(root(el).querySelector('[part~="form"]')).to.equal(null);
        expect(text(root(el).querySelector('.add-area .cl-on-demand[role="status"]'))).to.equal('加载中…');
        await formShown(el);
        expect(root(el).querySelector('.cl-on-demand')).to.equal(null);
        expect(root(el).activeElement!.id).to.equal('task-customer');
        expect(root(el).querySelector<HTMLInputElement>('#task-due')!.value).to.equal('2026-12-01T11:00');
      } finally {
        el.remove();
      }
    });

    it('forgets what was typed when the element is given another customer', async () => {
      const el = await mount(taskBackend(), 'zh-CN', { customerId: 'cust-1' });
      await loaded(el, 1);
      root(el).querySelector<HTMLButtonElement>('[part~="add"]')!.click();
      await formShown(el);
      await sendKeys({ type: '生日前一天提醒她来取货' });
      el.customerId = 'cust-2';
      await el.updateComplete;
      expect(root(el).querySelector<HTMLTextAreaElement>('#task-title')!.value).to.equal('');
    });
  });

  it('keeps its customers cached: one getCustomer per customer', async () => {
    const adapter = taskBackend({ tasks: manyTasks(12) });
    const el = await mount(adapter);
    await loaded(el, 12);
    expect(adapter.callsTo('getCustomer')).to.have.length(customers.length);
    el.refresh();
    await aTimeout(20);
    expect(adapter.callsTo('getCustomer')).to.have.length(customers.length);
  });
});

export type { Task };
