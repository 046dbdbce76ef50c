import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import {
  AdapterError,
  DEFAULT_POLICY,
  type ActivityKind,
  type Capabilities,
  type CustomerActivity,
  type OperationInput,
} from '@clienteling/core';
import { draftStore } from '@clienteling/core/drafts.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import '@clienteling/core/define.js';
import '../src/define.js';
import type { CustomerTimeline, NoteDraft } from '../src/index.js';
import { dayBefore, dayKey } from '../src/timeline-days.js';
import { fixtures, stubAdapter, type StubAdapter } from '../../../test/helpers/stub-adapter.js';
import { FRAME_PAGE_TIMEOUT, framePage, type FramePage } from '../../core/test/frame-page.js';

const ZONE = DEFAULT_POLICY.timeZone;
const MINUTE = 60_000;
const today = () => dayKey(Date.now(), ZONE);
/** An ISO time on the day `daysAgo` before today in the store's zone, at `clock` (HH:MM) there. */
const onDay = (daysAgo: number, clock: string) => {
  let day = today();
  for (let i = 0; i < daysAgo; i++) day = dayBefore(day);
  return new Date(`${day}T${clock}:00+08:00`).toISOString();
};
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

type ListInput = OperationInput<'listCustomerActivity'>;
type NoteInput = OperationInput<'addCustomerNote'>;

/**
 * A faithful in-memory timeline: newest first by time then id, keyset cursors (the last entry's
 * time and id), a kinds filter, and `addCustomerNote` once per request id.
 */
function timelineBackend(initial: CustomerActivity[]) {
  const activities = [...initial];
  const notesByRequest = new Map<string, CustomerActivity>();
  const order = (a: CustomerActivity, b: CustomerActivity) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id);
  const list = async ({ customerId, kinds, cursor, limit }: ListInput) => {
    const matching = activities
      .filter((a) => a.customerId === customerId && (!kinds || kinds.includes(a.kind)))
      .sort(order);
    const [at, id] = cursor ? (cursor.split('|') as [string, string]) : [];
    const after = at ? matching.filter((a) => a.at < at || (a.at === at && a.id < id!)) : matching;
    const items = after.slice(0, limit ?? 50);
    const last = items[items.length - 1];
    return { items, nextCursor: items.length < after.length && last ? `${last.at}|${last.id}` : null };
  };
  let noteCount = 0;
  const addNote = async ({ requestId, customerId, text }: NoteInput): Promise<CustomerActivity> => {
    const known = notesByRequest.get(requestId);
    if (known) return known;
    const note: CustomerActivity = {
      id: `note-${++noteCount}`,
      customerId,
      kind: 'note',
      at: new Date().toISOString(),
      staffId: 'staff-1',
      text,
    };
    notesByRequest.set(requestId, note);
    activities.push(note);
    return note;
  };
  return { activities, list, addNote, notes: () => activities.filter((a) => a.kind === 'note') };
}

const STAFF: Record<string, string> = { 'staff-1': '王丽', 'staff-2': '李娜', 'staff-3': '张伟' };

function adapterFor(
  backend: ReturnType<typeof timelineBackend>,
  over: Partial<Parameters<typeof stubAdapter>[0]> = {},
  caps: Partial<Capabilities> = {},
): StubAdapter {
  return stubAdapter(
    {
      getCurrentStaff: async () => fixtures.staff({ id: 'staff-1', name: '王丽' }),
      getStaff: async ({ staffId }) => fixtures.staff({ id: staffId, name: STAFF[staffId] ?? '某人' }),
      getPolicy: async () => DEFAULT_POLICY,
      listTagGroups: async () => [
        fixtures.tagGroup({
          id: 'g-style',
          name: '风格',
          tags: [
            fixtures.tag({ id: 't-sport', groupId: 'g-style', name: '运动风' }),
            fixtures.tag({ id: 't-office', groupId: 'g-style', name: '白领' }),
          ],
        }),
      ],
      listCustomerActivity: backend.list,
      addCustomerNote: backend.addNote,
      ...over,
    },
    caps,
  );
}

let seq = 0;
/** An activity of customer `cust-1`. */
const entry = <K extends ActivityKind>(kind: K, at: string, fields: Record<string, unknown> = {}) =>
  ({ id: `a-${String(++seq).padStart(5, '0')}`, customerId: 'cust-1', kind, at, ...fields }) as CustomerActivity;

const root = (el: CustomerTimeline) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CustomerTimeline, sel: string) => root(el).querySelector<T>(sel);
const $$ = (el: CustomerTimeline, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const entries = (el: CustomerTimeline) => $$(el, '.entry[role=listitem]');
const headlines = (el: CustomerTimeline) => entries(el).map((row) => text(row.querySelector('[part=headline]')));
const days = (el: CustomerTimeline) => $$(el, '[part=day]').map(text);
const textarea = (el: CustomerTimeline) => $<HTMLTextAreaElement>(el, 'textarea')!;
const saveButton = (el: CustomerTimeline) => $<HTMLButtonElement>(el, '[part=note-save]')!;
const listCalls = (a: StubAdapter) => a.callsTo('listCustomerActivity') as ListInput[];
const noteCalls = (a: StubAdapter) => a.callsTo('addCustomerNote') as NoteInput[];

/** A fresh draft key for each test: drafts live in IndexedDB across tests. */
let draftKeySeq = 0;
const freshDraftKey = () => `note:test-${Date.now()}-${++draftKeySeq}`;

interface MountOptions {
  locale?: string;
  customerId?: string;
  pageSize?: number;
  draftKey?: string;
  bridge?: ReturnType<typeof stubHostBridge>;
}

async function mount(adapter: StubAdapter, options: MountOptions = {}) {
  const page = await fixture<HTMLElement>(
    html`<cl-provider .adapter=${adapter} .bridge=${options.bridge} locale=${options.locale ?? 'zh-CN'}>
      <cl-customer-timeline
        customer-id=${options.customerId ?? 'cust-1'}
        page-size=${options.pageSize ?? 50}
        draft-key=${options.draftKey ?? freshDraftKey()}
      ></cl-customer-timeline>
    </cl-provider>`,
  );
  const el = page.querySelector('cl-customer-timeline')!;
  await settled(el);
  return el;
}

/** Mounts a timeline in `page` (its own window, IndexedDB connection and `pagehide`) and waits for it. */
async function mountInPage(page: FramePage<unknown>, adapter: StubAdapter, draftKey: string) {
  const el = page.document.createElement('cl-customer-timeline') as CustomerTimeline;
  el.setAttribute('customer-id', 'cust-1');
  el.setAttribute('draft-key', draftKey);
  el.adapter = adapter;
  page.document.body.append(el);
  await settled(el, FRAME_PAGE_TIMEOUT);
  return el;
}

/** Waits for the first page (or a state), the names and the time zone. */
async function settled(el: CustomerTimeline, timeout?: number) {
  await waitUntil(() => entries(el).length > 0 || $(el, '[part=state]'), 'the timeline did not load', { timeout });
  await aTimeout(0);
  await el.updateComplete;
}

async function type(el: CustomerTimeline, value: string) {
  const input = textarea(el);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('cl-customer-timeline', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => window.scrollTo(0, 0));

  describe('loading, days and states', () => {
    it('shows a skeleton while loading, then the entries newest first under 今天, 昨天 and dates', async () => {
      let answer!: () => void;
      const backend = timelineBackend([
        entry('note', minutesAgo(3), { staffId: 'staff-2', text: '喜欢浅色系' }),
        entry('note', onDay(1, '14:20'), { staffId: 'staff-2', text: '试穿了 M 码' }),
        entry('added', onDay(40, '10:00'), { staffId: 'staff-2', addWay: { kind: 'qrcode' } }),
      ]);
      const adapter = adapterFor(backend, {
        listCustomerActivity: (input) =>
          new Promise((resolve) => (answer = () => resolve(backend.list(input as ListInput)))),
      });
      const page = await fixture<HTMLElement>(
        html`<cl-provider .adapter=${adapter}
          ><cl-customer-timeline customer-id="cust-1" draft-key=${freshDraftKey()}></cl-customer-timeline
        ></cl-provider>`,
      );
      const el = page.querySelector('cl-customer-timeline')!;
      await el.updateComplete;
      expect($$(el, '.skeleton .entry')).to.have.length(6);
      expect(text($(el, '[role=status].cl-visually-hidden'))).to.equal('加载中…');
      await expect(el).to.be.accessible();
      const skeletonHeight = $(el, '.skeleton .entry')!.getBoundingClientRect().height;
      await waitUntil(() => answer);
      answer();
      await settled(el);
      expect(entries(el)).to.have.length(3);
      expect(entries(el)[0]!.getBoundingClientRect().height).to.equal(skeletonHeight);
      const labels = days(el);
      expect(labels.slice(0, 2)).to.deep.equal(['今天', '昨天']);
      expect(labels[2]).to.match(/月\d+日/);
      const times = entries(el).map((row) => text(row.querySelector('[part=time]')));
      expect(times[0]).to.equal('3 分钟前');
      expect(times[1]).to.equal('昨天 14:20');
      expect(headlines(el)[0]).to.equal('李娜写了跟进记录');
      await expect(el).to.be.accessible();
    });

    it('speaks English with English relative times', async () => {
      const backend = timelineBackend([
        entry('note', minutesAgo(3), { staffId: 'staff-1', text: 'Prefers light colours' }),
        entry('purchase', onDay(1, '14:20'), {
          amount: 128_000,
          storeName: '南京东路店',
          attributedStaffId: 'staff-2',
        }),
      ]);
      const el = await mount(adapterFor(backend), { locale: 'en' });
      expect(days(el)).to.deep.equal(['Today', 'Yesterday']);
      const times = entries(el).map((row) => text(row.querySelector('[part=time]')));
      expect(times).to.deep.equal(['3 minutes ago', 'yesterday 14:20']);
      expect(headlines(el)).to.deep.equal(['You wrote a note', 'Bought for ¥1,280.00']);
      expect(text($(el, 'label.note-label'))).to.equal('Follow-up note');
      await expect(el).to.be.accessible();
    });

    it('counts today and relative times from its `now` (a page with its own clock)', async () => {
      const backend = timelineBackend([
        entry('note', onDay(3, '09:00'), { staffId: 'staff-2', text: '三天前的记录' }),
        entry('note', onDay(4, '14:20'), { staffId: 'staff-2', text: '四天前的记录' }),
      ]);
      const el = await mount(adapterFor(backend));
      expect(days(el)[0]).to.not.equal('今天');
      el.now = new Date(onDay(3, '12:00'));
      await el.updateComplete;
      expect(days(el)).to.deep.equal(['今天', '昨天']);
      expect(text(entries(el)[1]!.querySelector('[part=time]'))).to.equal('昨天 14:20');
    });

    it('encourages the first note when nothing happened yet; the button goes to the note', async () => {
      const el = await mount(adapterFor(timelineBackend([])));
      expect(text($(el, '[part=state]'))).to.contain('写下第一条跟进记录吧');
      await expect(el).to.be.accessible();
      const button = $$(el, '[part=state] button')[0]!;
      button.click();
      expect(root(el).activeElement).to.equal(textarea(el));
    });

    it('shows a failed first page with Retry, and loads on retry', async () => {
      const backend = timelineBackend([entry('note', minutesAgo(5), { staffId: 'staff-1', text: '回访' })]);
      let fail = true;
      const adapter = adapterFor(backend, {
        listCustomerActivity: async (input) => {
          if (fail) throw new AdapterError('unavailable', 'down');
          return backend.list(input);
        },
      });
      const el = await mount(adapter);
      const state = $(el, '[part=state][role=alert]')!;
      expect(text(state)).to.contain('服务暂不可用');
      await expect(el).to.be.accessible();
      fail = false;
      state.querySelector('button')!.click();
      await waitUntil(() => entries(el).length === 1);
    });

    it('says when the network is gone', async () => {
      const setOnline = (online: boolean) => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
        dispatchEvent(new Event(online ? 'online' : 'offline'));
      };
      try {
        const el = await mount(adapterFor(timelineBackend([entry('note', minutesAgo(5), { text: 'x' })])));
        setOnline(false);
        await el.updateComplete;
        expect(text($(el, '[part=offline]'))).to.contain('网络已断开');
        await expect(el).to.be.accessible();
        setOnline(true);
        await el.updateComplete;
        expect($(el, '[part=offline]')).to.equal(null);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
    });

    it("shows the host page's current customer without a customer-id", async () => {
      const backend = timelineBackend([
        { ...entry('note', minutesAgo(5), { text: '宿主客户' }), customerId: 'cust-host' } as CustomerActivity,
      ]);
      const adapter = adapterFor(backend);
      const page = await fixture<HTMLElement>(
        html`<cl-provider .adapter=${adapter} .bridge=${stubHostBridge({ customerId: 'cust-host' })}
          ><cl-customer-timeline draft-key=${freshDraftKey()}></cl-customer-timeline
        ></cl-provider>`,
      );
      const el = page.querySelector('cl-customer-timeline')!;
      await waitUntil(() => entries(el).length === 1, 'the host customer was not shown');
      expect(listCalls(adapter)[0]!.customerId).to.equal('cust-host');
    });
  });

  describe('wording', () => {
    const everyKind = () => [
      entry('transferred', minutesAgo(10), { fromStaffId: 'staff-2', toStaffId: 'staff-1' }),
      entry('note', minutesAgo(20), { staffId: 'staff-2', text: '下周到店试穿' }),
      entry('purchase', minutesAgo(30), {
        amount: 128_050,
        storeId: 'store-1',
        storeName: '南京东路店',
        attributedStaffId: 'staff-2',
      }),
      entry('left-group', minutesAgo(40), { groupId: 'g1', groupName: '老客福利群' }),
      entry('joined-group', minutesAgo(50), { groupId: 'g1', groupName: '老客福利群' }),
      entry('moment-sent', onDay(1, '11:00'), { staffId: 'staff-3', momentId: 'mo1', text: '新品'.repeat(40) }),
      entry('coupon-redeemed', onDay(1, '10:00'), { couponId: 'c1', stockId: 's1', stockName: '满 300 减 50' }),
      entry('coupon-issued', onDay(1, '09:00'), {
        staffId: 'staff-1',
        couponId: 'c1',
        stockId: 's1',
        stockName: '满 300 减 50',
      }),
      entry('tags-changed', onDay(2, '11:00'), {
        staffId: 'staff-2',
        added: ['t-sport', 't-gone'],
        removed: ['t-office'],
      }),
      entry('profile-updated', onDay(2, '10:00'), {
        staffId: 'staff-2',
        changes: { remark: '陈姐', description: '', remarkPhones: ['13800138000', '13900139000'] },
      }),
      entry('added', onDay(3, '10:00'), { staffId: 'staff-2', addWay: { kind: 'contact-me', state: '南京东路店' } }),
    ];
    const detailOf = (el: CustomerTimeline) => entries(el).map((row) => text(row.querySelector('[part=detail]')));

    it('words every kind for an associate, in Chinese', async () => {
      const adapter = adapterFor(timelineBackend(everyKind()));
      const el = await mount(adapter);
      await waitUntil(() => !headlines(el).some((line) => line.includes('同事')), 'staff names did not arrive');
      expect(headlines(el)).to.deep.equal([
        '由李娜转给我',
        '李娜写了跟进记录',
        '消费 ¥1,280.50',
        '退出了群聊',
        '加入了群聊',
        '张伟的朋友圈送达客户',
        '客户使用了优惠券',
        '我发了一张优惠券',
        '李娜修改了标签',
        '李娜修改了客户资料',
        '李娜添加了客户',
      ]);
      const details = detailOf(el);
      expect(details[1]).to.equal('下周到店试穿');
      expect(details[2]).to.equal('南京东路店 · 归属李娜');
      expect(details[3]).to.equal('老客福利群');
      expect(details[5]).to.equal(`${'新品'.repeat(30)}…`);
      expect(details[6]).to.equal('满 300 减 50');
      expect(details[8]).to.equal('添加 运动风、已删除的标签，移除 白领');
      expect(details[9]).to.equal('备注名：陈姐；清空了描述；电话：13800138000、13900139000');
      expect(details[10]).to.equal('通过联系我二维码“南京东路店”添加');
      // Each staff member is asked for once, whatever the number of entries naming them.
      const asked = (adapter.callsTo('getStaff') as { staffId: string }[]).map((input) => input.staffId);
      expect(new Set(asked).size).to.equal(asked.length);
      await expect(el).to.be.accessible();
    });

    it('words every kind for an associate, in English', async () => {
      const el = await mount(adapterFor(timelineBackend(everyKind())), { locale: 'en' });
      await waitUntil(() => !headlines(el).some((line) => line.includes('colleague')), 'staff names did not arrive');
      expect(headlines(el)).to.deep.equal([
        'Passed from 李娜 to You',
        '李娜 wrote a note',
        'Bought for ¥1,280.50',
        'Left a group',
        'Joined a group',
        "张伟's moment reached the customer",
        'The customer used a coupon',
        'You sent a coupon',
        '李娜 changed the tags',
        '李娜 updated the profile',
        '李娜 added the customer',
      ]);
      const details = detailOf(el);
      expect(details[2]).to.equal('南京东路店 · attributed to 李娜');
      expect(details[8]).to.equal('Added 运动风, a deleted tag, removed 白领');
      expect(details[9]).to.equal('Remark: 陈姐; Description cleared; Phones: 13800138000, 13900139000');
      expect(details[10]).to.equal('through the contact-me code “南京东路店”');
    });

    it("says the associate's own moment as theirs", async () => {
      const moment = entry('moment-sent', minutesAgo(5), { staffId: 'staff-1', momentId: 'mo2', text: '会员日' });
      const zh = await mount(adapterFor(timelineBackend([moment])));
      await waitUntil(() => headlines(zh)[0] === '我的朋友圈送达客户', 'not worded as the associate’s own');
      const en = await mount(adapterFor(timelineBackend([moment])), { locale: 'en' });
      await waitUntil(() => headlines(en)[0] === 'Your moment reached the customer', 'not worded as yours');
    });

    it('opens the whole entry in a dialog, unless a page listener takes the select event', async () => {
      const long = '很长的跟进记录。'.repeat(40);
      const el = await mount(
        adapterFor(timelineBackend([entry('note', minutesAgo(5), { staffId: 'staff-2', text: long })])),
      );
      const button = $<HTMLButtonElement>(el, '[part=entry]')!;
      setTimeout(() => button.click());
      const event = await oneEvent(el, 'cl-activity-select');
      expect(event.detail.activity.kind).to.equal('note');
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.open).to.equal(true);
      expect(text(dialog.querySelector('.full-detail'))).to.equal(long);
      await expect(el).to.be.accessible();
      dialog.querySelector<HTMLButtonElement>('.actions button')!.click();
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      el.addEventListener('cl-activity-select', (e) => e.preventDefault(), { once: true });
      button.click();
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
    });
  });

  describe('paging and the kind filter', () => {
    /** Scrolls the page to the end until the last page has arrived. */
    async function scrollToTheEnd(el: CustomerTimeline, during?: () => void) {
      await waitUntil(
        () => {
          during?.();
          window.scrollTo(0, document.documentElement.scrollHeight);
          return listCallsDone(el);
        },
        'the last page never arrived',
        { timeout: 8000, interval: 30 },
      );
    }
    const listCallsDone = (el: CustomerTimeline) =>
      !$(el, '.sentinel') &&
      !$(el, '.skeleton') &&
      (el as unknown as { nextCursor: string | null }).nextCursor === null;

    it('loads keyset pages while entries are added at the top: no duplicates, no gaps', async () => {
      const old = Array.from({ length: 240 }, (_, i) =>
        entry('note', new Date(Date.now() - (i + 1) * 37 * MINUTE).toISOString(), {
          staffId: 'staff-2',
          text: `n${i}`,
        }),
      );
      const backend = timelineBackend(old);
      const adapter = adapterFor(backend);
      const el = await mount(adapter, { pageSize: 40 });
      let added = 0;
      await scrollToTheEnd(el, () => {
        // A colleague adds notes while the associate scrolls.
        if (added < 5) backend.activities.push(entry('note', new Date().toISOString(), { text: `new ${added++}` }));
      });
      const loaded = (el as unknown as { activities: CustomerActivity[] }).activities.map((a) => a.id);
      expect(loaded).to.deep.equal(old.map((a) => a.id));
      expect(listCalls(adapter).length).to.be.greaterThan(5);
      // The virtualizer renders a window of the rows, not all of them.
      expect(entries(el).length).to.be.lessThan(120);
      window.scrollTo(0, 0);
      el.refresh();
      const shown = () => (el as unknown as { activities: Array<{ id: string; text?: string }> }).activities;
      expect(added).to.be.greaterThan(0);
      const newest = `new ${added - 1}`;
      await waitUntil(() => shown()[0]!.text === newest, 'the refresh did not show the new entries');
      const refreshed = shown().map((a) => a.id);
      expect(new Set(refreshed).size).to.equal(refreshed.length);
    });

    it('jumps far down a long timeline scrolled in its own box, and shows the rows there', async () => {
      const backend = timelineBackend(
        Array.from({ length: 600 }, (_, i) =>
          entry('note', new Date(Date.now() - (i + 1) * 97 * MINUTE).toISOString(), { text: `n${i}` }),
        ),
      );
      const box = document.createElement('div');
      box.style.cssText = 'height:640px;width:375px;overflow:auto';
      document.body.append(box);
      try {
        render(
          html`<cl-provider .adapter=${adapterFor(backend)}
            ><cl-customer-timeline
              customer-id="cust-1"
              page-size="500"
              draft-key=${freshDraftKey()}
            ></cl-customer-timeline
          ></cl-provider>`,
          box,
        );
        const el = box.querySelector('cl-customer-timeline')!;
        await waitUntil(() => $(el, '.virtual') && entries(el).length > 0, 'the timeline was not virtualized');
        box.scrollTop = 1;
        await aTimeout(100);
        box.scrollTop = 20_000;
        await aTimeout(200);
        expect(box.scrollTop).to.equal(20_000);
        const shown = $$(el, '[role=listitem]').map((row) => Number(row.getAttribute('aria-posinset')));
        expect(Math.min(...shown)).to.be.greaterThan(150);
        // Positions are exact: the row at the top of the box is the one the offsets say.
        const first = entries(el).find((row) => row.getBoundingClientRect().bottom > box.getBoundingClientRect().top)!;
        expect(first.getBoundingClientRect().top - box.getBoundingClientRect().top).to.be.within(-90, 1);
      } finally {
        box.remove();
      }
    });

    it('shows a failed next page at the end with Retry, and goes on after it', async () => {
      const backend = timelineBackend(
        Array.from({ length: 30 }, (_, i) => entry('note', minutesAgo(100 + i * 60), { text: `n${i}` })),
      );
      let failNext = true;
      const adapter = adapterFor(backend, {
        listCustomerActivity: async (input) => {
          if (input.cursor && failNext) throw new AdapterError('unavailable', 'down');
          return backend.list(input);
        },
      });
      const el = await mount(adapter, { pageSize: 10 });
      await waitUntil(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return $(el, '.state.error');
      }, 'the next page error was not shown');
      await expect(el).to.be.accessible();
      failNext = false;
      $<HTMLButtonElement>(el, '.state.error button')!.click();
      await scrollToTheEnd(el);
      expect((el as unknown as { activities: unknown[] }).activities).to.have.length(30);
    });

    it('goes on paging after a refresh that came while a next page was on its way', async () => {
      const backend = timelineBackend(
        Array.from({ length: 30 }, (_, i) => entry('note', minutesAgo(100 + i * 60), { text: `n${i}` })),
      );
      let holdNext: (() => void) | undefined;
      let held = true;
      const adapter = adapterFor(backend, {
        listCustomerActivity: async (input) => {
          if (input.cursor && held) {
            held = false;
            await new Promise<void>((resolve) => (holdNext = resolve));
          }
          return backend.list(input);
        },
      });
      const el = await mount(adapter, { pageSize: 10 });
      await waitUntil(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return holdNext;
      }, 'no next page was asked for');
      el.refresh();
      await waitUntil(() => listCalls(adapter).filter((input) => !input.cursor).length === 2);
      holdNext!();
      await scrollToTheEnd(el);
      expect((el as unknown as { activities: unknown[] }).activities).to.have.length(30);
    });

    it('filters by kind from the first page, and offers everything when a kind has nothing', async () => {
      const backend = timelineBackend([
        entry('note', minutesAgo(5), { staffId: 'staff-1', text: '回访' }),
        entry('coupon-issued', minutesAgo(6), { staffId: 'staff-1', couponId: 'c', stockId: 's', stockName: '券' }),
        entry('coupon-redeemed', minutesAgo(7), { couponId: 'c', stockId: 's', stockName: '券' }),
      ]);
      const adapter = adapterFor(backend);
      const el = await mount(adapter);
      const select = $<HTMLSelectElement>(el, 'select')!;
      select.value = 'coupons';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => entries(el).length === 2);
      const last = listCalls(adapter).at(-1)!;
      expect(last.kinds).to.deep.equal(['coupon-issued', 'coupon-redeemed']);
      expect(last.cursor).to.equal(null);
      expect(headlines(el)).to.deep.equal(['我发了一张优惠券', '客户使用了优惠券']);
      select.value = 'purchases';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => $(el, '[part=state]'));
      expect(text($(el, '[part=state]'))).to.contain('还没有这类动态');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=state] button')!.click();
      await waitUntil(() => entries(el).length === 3);
      expect(listCalls(adapter).at(-1)!.kinds).to.equal(undefined);
    });

    it("refreshes by itself after another element's change of the same customer, not of another", async () => {
      const adapter = adapterFor(timelineBackend([entry('note', minutesAgo(5), { text: '回访' })]));
      await mount(adapter);
      const before = listCalls(adapter).length;
      document.body.dispatchEvent(
        new CustomEvent('cl-tags-change', { detail: { customerId: 'cust-2' }, bubbles: true, composed: true }),
      );
      await aTimeout(20);
      expect(listCalls(adapter).length).to.equal(before);
      document.body.dispatchEvent(
        new CustomEvent('cl-coupon-issued', {
          detail: { coupon: { customerId: 'cust-1' } },
          bubbles: true,
          composed: true,
        }),
      );
      await waitUntil(() => listCalls(adapter).length === before + 1);
      expect(listCalls(adapter).at(-1)!.cursor).to.equal(null);
    });
  });

  describe('notes', () => {
    it('counts characters and refuses more than 1,000', async () => {
      const el = await mount(adapterFor(timelineBackend([])));
      expect(saveButton(el).disabled).to.equal(true);
      await type(el, '好'.repeat(1001));
      expect(text($(el, '[part=note-count] [aria-hidden]'))).to.equal('1001/1000');
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '[part=note-error]'))).to.equal('最多 1000 个字。');
      expect(saveButton(el).disabled).to.equal(true);
      await type(el, '好'.repeat(1000));
      expect(saveButton(el).disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('saves with Ctrl+Enter: shown at the top at once, then saved, the draft cleared, cl-note-add sent', async () => {
      const backend = timelineBackend([entry('note', onDay(1, '10:00'), { staffId: 'staff-2', text: '旧记录' })]);
      let release!: () => void;
      const adapter = adapterFor(backend, {
        addCustomerNote: (input) =>
          new Promise((resolve) => (release = () => resolve(backend.addNote(input as NoteInput)))),
      });
      const draftKey = freshDraftKey();
      const el = await mount(adapter, { draftKey });
      await type(el, '客户想要 M 码的白色外套');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => release, 'the note was not sent');
      await el.updateComplete;
      const first = entries(el)[0]!;
      expect(first.hasAttribute('data-pending')).to.equal(true);
      expect(text(first.querySelector('[part=detail]'))).to.equal('客户想要 M 码的白色外套');
      expect(text(first.querySelector('[part=time]'))).to.equal('保存中…');
      expect(days(el)[0]).to.equal('今天');
      const added = oneEvent(el, 'cl-note-add');
      release();
      const event = await added;
      expect(event.detail.activity.text).to.equal('客户想要 M 码的白色外套');
      await el.updateComplete;
      expect(entries(el)[0]!.hasAttribute('data-pending')).to.equal(false);
      expect(headlines(el)).to.deep.equal(['我写了跟进记录', '李娜写了跟进记录']);
      expect(textarea(el).value).to.equal('');
      expect(await draftStore().get(draftKey)).to.equal(undefined);
      expect(backend.notes()).to.have.length(2);
    });

    it('takes a failed note back, keeps the text, and a retry never writes twice', async () => {
      const backend = timelineBackend([]);
      let attempt = 0;
      const adapter = adapterFor(backend, {
        // The first save reaches the backend, but its answer is lost (a timeout).
        addCustomerNote: async (input) => {
          const saved = await backend.addNote(input);
          if (++attempt === 1) throw new AdapterError('unavailable', 'lost', { reason: 'timeout', retryable: true });
          return saved;
        },
      });
      const el = await mount(adapter);
      await type(el, '约了周六到店');
      saveButton(el).click();
      await waitUntil(() => text($(el, '[part=note-error]')));
      expect(text($(el, '[part=note-error]'))).to.contain('跟进记录未保存');
      expect(textarea(el).value).to.equal('约了周六到店');
      expect(entries(el)).to.have.length(0);
      await expect(el).to.be.accessible();
      saveButton(el).click();
      await waitUntil(() => entries(el).length === 1 && !entries(el)[0]!.hasAttribute('data-pending'));
      const [firstTry, retry] = noteCalls(adapter);
      expect(retry!.requestId).to.equal(firstTry!.requestId);
      expect(backend.notes()).to.have.length(1);
      expect(textarea(el).value).to.equal('');
    });

    it('keeps the draft with its request id when the element is created again (a reload)', async () => {
      const backend = timelineBackend([]);
      const adapter = adapterFor(backend);
      const draftKey = freshDraftKey();
      const first = await mount(adapter, { draftKey });
      await type(first, '下次带新品目录');
      const saved = await draftStore().get<NoteDraft>(draftKey);
      expect(saved!.text).to.equal('下次带新品目录');
      first.closest('cl-provider')!.remove();
      const again = await mount(adapter, { draftKey });
      await waitUntil(() => textarea(again).value === '下次带新品目录', 'the draft was not restored');
      saveButton(again).click();
      await waitUntil(() => noteCalls(adapter).length === 1);
      expect(noteCalls(adapter)[0]!.requestId).to.equal(saved!.requestId);
    });

    it('saves each keystroke at once, not after a pause', async () => {
      const draftKey = freshDraftKey();
      const el = await mount(adapterFor(timelineBackend([])), { draftKey });
      await type(el, '下次');
      expect((await draftStore().get<NoteDraft>(draftKey))?.text).to.equal('下次');
      await type(el, '下次带新品');
      expect((await draftStore().get<NoteDraft>(draftKey))?.text).to.equal('下次带新品');
    });

    it('keeps what was typed right before the page reloads, without a pause for the save', async () => {
      const draftKey = freshDraftKey();
      const adapter = adapterFor(timelineBackend([]));
      const page = await framePage(new URL('../src/define.ts', import.meta.url).pathname);
      await type(await mountInPage(page, adapter, draftKey), '约了周六到店，最后几个字');
      await page.reload();
      const again = await mountInPage(page, adapter, draftKey);
      await waitUntil(() => textarea(again).value === '约了周六到店，最后几个字', 'the draft was not restored');
      page.remove();
    });

    it('keeps the draft per customer', async () => {
      const adapter = adapterFor(timelineBackend([]));
      const el = await mount(adapter, { customerId: 'cust-a', draftKey: '' });
      await type(el, 'A 的记录');
      el.customerId = 'cust-b';
      await waitUntil(() => textarea(el).value === '', 'the other customer showed the draft');
      el.customerId = 'cust-a';
      await waitUntil(() => textarea(el).value === 'A 的记录', 'the draft did not come back');
      await draftStore().delete('note:cust-a');
    });

    it('hides the note form when the adapter cannot add notes', async () => {
      const el = await mount(adapterFor(timelineBackend([]), {}, { addCustomerNote: false }));
      expect($(el, '[part=note-form]')).to.equal(null);
      expect(text($(el, '[part=state]'))).to.not.contain('写下第一条');
    });
  });
});
