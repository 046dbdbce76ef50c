import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  AdapterError,
  LIMITS,
  type Customer,
  type OperationInput,
  type StaffSummary,
  type Transfer,
  type TransferPreview,
} from '@clienteling/core';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { CustomerTransfer } from '../src/index.js';
import { deferred, fixtures, stubAdapter, type StubAdapter } from '../../../test/helpers/stub-adapter.js';

type PreviewInput = OperationInput<'previewTransfer'>;
type TransferInput = OperationInput<'transferCustomers'>;
type SearchInput = OperationInput<'searchCustomers'>;

const MANAGER = fixtures.staff({ id: 'mgr', name: '周店长', role: 'manager' });
const LEAVING = fixtures.staff({ id: 'leaving', name: '王丽', position: '美妆顾问' });
const SUCCESSOR = fixtures.staff({ id: 'successor', name: '李娜', position: '导购' });

interface BackendOptions {
  customers?: number;
  viewer?: typeof MANAGER;
  /** Customers already transferred twice in 90 days. */
  tooFrequent?: string[];
  successorRoom?: number;
}

/**
 * A faithful in-memory store for the transfer element: the leaving associate's customers in keyset
 * pages (search, tags), a preview with the 90-day rule and the successor's cap, and
 * `transferCustomers` once per request id.
 */
function transferBackend(options: BackendOptions = {}) {
  const customers: Customer[] = Array.from({ length: options.customers ?? 250 }, (_, i) =>
    fixtures.customer({
      id: `c-${String(i).padStart(4, '0')}`,
      name: `客户${i}`,
      ownerStaffId: 'leaving',
      tagIds: i % 5 === 0 ? ['t-vip'] : [],
    }),
  );
  const tooFrequent = new Set(options.tooFrequent ?? []);
  const room = options.successorRoom ?? 2000;
  const summaries: StaffSummary[] = [
    fixtures.staffSummary({ staff: LEAVING, customerCount: customers.length }),
    fixtures.staffSummary({ staff: SUCCESSOR, customerCount: 2000 - room, customerCap: 2000 }),
  ];
  const transfers = new Map<string, Transfer>();
  const matching = ({ staffId, query, tagIds }: SearchInput) =>
    customers.filter(
      (customer) =>
        (!staffId || customer.ownerStaffId === staffId) &&
        (!query || customer.name.includes(query)) &&
        (!tagIds?.length || tagIds.some((id) => customer.tagIds.includes(id))),
    );
  const chosen = (input: PreviewInput) =>
    input.allCustomers
      ? matching({ staffId: input.fromStaffId, query: input.query, tagIds: input.tagIds }).map(
          (customer) => customer.id,
        )
      : (input.customerIds ?? []);
  const preview = async (input: PreviewInput): Promise<TransferPreview> => {
    let free = room;
    const results = chosen(input).map((customerId) => {
      if (input.mode === 'on-job' && tooFrequent.has(customerId))
        return { customerId, status: 'too-frequent' as const };
      if (free-- <= 0) return { customerId, status: 'successor-over-cap' as const };
      return { customerId, status: 'ok' as const };
    });
    const count = (status: string) => results.filter((result) => result.status === status).length;
    return {
      customers: results,
      groups: [],
      counts: {
        ok: count('ok'),
        'too-frequent': count('too-frequent'),
        'successor-over-cap': count('successor-over-cap'),
        'not-owned': 0,
        'in-transfer': 0,
      },
      batches: Math.ceil(count('ok') / LIMITS.transferBatchMax),
      successor: summaries[1]!,
    };
  };
  const transfer = async (input: TransferInput): Promise<Transfer> => {
    const known = [...transfers.values()].find((made) => made.requestId === input.requestId);
    if (known) return known;
    const { customers: results, counts } = await preview(input);
    const waiting = input.mode === 'on-job' ? 'waiting' : 'done';
    const made = fixtures.transfer({
      id: `transfer-${transfers.size + 1}`,
      requestId: input.requestId,
      mode: input.mode,
      fromStaffId: input.fromStaffId,
      toStaffId: input.toStaffId,
      message: input.message,
      customers: results.map((result) => ({ ...result, status: result.status === 'ok' ? waiting : result.status })),
      counts: {
        waiting: waiting === 'waiting' ? counts.ok : 0,
        done: waiting === 'done' ? counts.ok : 0,
        refused: 0,
        'too-frequent': counts['too-frequent'],
        'successor-over-cap': counts['successor-over-cap'],
        'not-owned': 0,
        'in-transfer': 0,
      },
    });
    transfers.set(made.id, made);
    return made;
  };
  /** Completes a transfer's waiting customers (24 h passed). */
  const complete = (id: string) => {
    const made = transfers.get(id)!;
    const customersDone = made.customers.map((result) =>
      result.status === 'waiting' ? { ...result, status: 'done' as const } : result,
    );
    transfers.set(id, {
      ...made,
      customers: customersDone,
      counts: { ...made.counts, waiting: 0, done: made.counts.waiting },
    });
  };
  const adapter = stubAdapter({
    getCurrentStaff: async () => options.viewer ?? MANAGER,
    listStaff: async ({ query }) => {
      const items = summaries.filter((summary) => !query || summary.staff.name.includes(query));
      return { items, nextCursor: null, total: items.length };
    },
    listTagGroups: async () => [
      fixtures.tagGroup({
        id: 'g-value',
        name: '价值',
        tags: [fixtures.tag({ id: 't-vip', groupId: 'g-value', name: '高价值' })],
      }),
    ],
    searchCustomers: async (input) => {
      const found = matching(input as SearchInput);
      const start = input.cursor ? Number(input.cursor) : 0;
      // Pages of at most 100, whatever the element asks for: collecting every id takes several.
      const limit = Math.min(input.limit ?? 50, 100);
      const items = found.slice(start, start + limit);
      const next = start + limit < found.length ? String(start + limit) : null;
      return { items, nextCursor: next, total: found.length };
    },
    listGroups: async () => ({
      items: [fixtures.group({ id: 'group-1', ownerId: 'leaving', name: '王丽的 VIP 群' })],
      nextCursor: null,
    }),
    previewTransfer: preview,
    transferCustomers: transfer,
    getTransfer: async ({ transferId }) => transfers.get(transferId)!,
    listTransfers: async () => ({ items: [...transfers.values()].reverse(), nextCursor: null }),
  });
  return { adapter, transfers, complete };
}

const root = (el: CustomerTransfer) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CustomerTransfer, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CustomerTransfer, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const staffOption = (el: CustomerTransfer, which: 'from' | 'to', name: string) =>
  $$<HTMLLabelElement>(el, `[aria-labelledby="${which}-title"] [part=staff]`).find((label) =>
    text(label).includes(name),
  )!;
const customerRows = (el: CustomerTransfer) => $$<HTMLInputElement>(el, '[part=customer] input');
const selectAll = (el: CustomerTransfer) => $<HTMLInputElement>(el, '[part=select-all] input')!;
const previewButton = (el: CustomerTransfer) => $<HTMLButtonElement>(el, 'button[type=submit]')!;
const dialog = (el: CustomerTransfer) => $<HTMLDialogElement>(el, 'dialog')!;
const dialogButton = (el: CustomerTransfer, label: RegExp) =>
  [...dialog(el).querySelectorAll('button')].find((button) => label.test(button.textContent ?? ''))!;
const previewCalls = (adapter: StubAdapter) => adapter.callsTo('previewTransfer') as PreviewInput[];
const transferCalls = (adapter: StubAdapter) => adapter.callsTo('transferCustomers') as TransferInput[];

/** A part of the element loaded with core's `OnDemand`, whose import a test may replace. */
interface PartLoader {
  part?: unknown;
  importPart: () => Promise<unknown>;
}

/**
 * The loader of one of `el`'s parts, once it has loaded (when the browser was idle), set to load
 * again, with its real import kept.
 */
async function unloadedPart(el: CustomerTransfer, name: 'handover' | 'tagPicker') {
  const loader = (el as unknown as Record<typeof name, PartLoader>)[name];
  await waitUntil(() => loader.part, `${name} did not load when the browser was idle`);
  loader.part = undefined;
  return Object.assign(loader, { realImport: loader.importPart });
}

/** Waits for the element's finite animations (the feedback fading in): axe measures colours mid-fade. */
async function animationsDone(el: CustomerTransfer) {
  const finite = root(el)
    .getAnimations()
    .filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished));
}

async function mount(adapter: StubAdapter, { lang = 'zh-CN', refreshInterval = 0 } = {}) {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}
      ><cl-customer-transfer
        .adapter=${adapter}
        page-size="50"
        refresh-interval=${refreshInterval}
      ></cl-customer-transfer
    ></div>`,
  );
  const el = wrapper.querySelector('cl-customer-transfer')!;
  await waitUntil(() => $(el, 'form') || $(el, '[part=read-only]') || $(el, '[part=error]'), 'did not load');
  return el;
}

/** Chooses who leaves and who takes over, and waits for the customers. */
async function choose(el: CustomerTransfer) {
  await waitUntil(() => staffOption(el, 'from', '王丽'), 'no staff');
  staffOption(el, 'from', '王丽').querySelector('input')!.click();
  await waitUntil(() => customerRows(el).length > 0, 'no customers');
  staffOption(el, 'to', '李娜').querySelector('input')!.click();
  await el.updateComplete;
}

async function checkPreview(el: CustomerTransfer) {
  previewButton(el).click();
  await waitUntil(() => $(el, '[part=submit-button]') || text($(el, '[part=preview]')), 'no preview');
}

async function confirm(el: CustomerTransfer, label = /确定转接|Hand over|重试|Retry/) {
  if (!dialog(el).open) {
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => dialog(el).open, 'dialog did not open');
  }
  await el.updateComplete;
  dialogButton(el, label).click();
}

describe('cl-customer-transfer', () => {
  describe('who may transfer', () => {
    it('shows an associate a read-only notice, not the form, and asks for nothing else', async () => {
      const { adapter } = transferBackend({ viewer: fixtures.staff({ id: 'a', name: '张伟' }) });
      const el = await mount(adapter);
      expect(text($(el, '[part=read-only]'))).to.contain('只有店长可以转接客户');
      expect($(el, 'form')).to.equal(null);
      expect(adapter.callsTo('listStaff')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('says it in English too', async () => {
      const { adapter } = transferBackend({ viewer: fixtures.staff({ role: 'associate' }) });
      const el = await mount(adapter, { lang: 'en' });
      expect(text($(el, '[part=read-only]'))).to.contain('Only a store manager can hand customers over');
      await expect(el).to.be.accessible();
    });

    it('says so when the adapter cannot transfer (capability), without a broken form', async () => {
      const { adapter: full } = transferBackend();
      const adapter = stubAdapter({ getCurrentStaff: full.getCurrentStaff }, { transferCustomers: false });
      const el = await mount(adapter);
      expect(text($(el, '[part=read-only]'))).to.contain('当前不支持客户转接');
      expect($(el, 'form')).to.equal(null);
      expect(adapter.callsTo('listStaff')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('the form', () => {
    it('gives a manager the steps as headed sections, in both locales', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      const headings = $$(el, 'form h3').map(text);
      expect(headings).to.deep.equal([
        '1. 转出成员',
        '2. 选择客户',
        '3. 选择客户群',
        '4. 接替成员',
        '5. 转接方式',
        '6. 检查并转接',
      ]);
      await expect(el).to.be.accessible();
      const english = await mount(transferBackend().adapter, { lang: 'en' });
      expect(text($(english, 'form h3'))).to.equal('1. Who is leaving');
      await choose(english);
      await expect(english).to.be.accessible();
    });

    it("shows the successor's room under the cap", async () => {
      const { adapter } = transferBackend({ successorRoom: 30 });
      const el = await mount(adapter);
      await choose(el);
      expect(text(staffOption(el, 'to', '李娜'))).to.contain('还可接 30 位（上限 2,000）');
      selectAll(el).click();
      await el.updateComplete;
      expect(text(staffOption(el, 'to', '李娜'))).to.contain('超出上限 220 位');
    });
    it('lists only the leaving associate’s customers, by tag when filtered', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      await choose(el);
      const searches = adapter.callsTo('searchCustomers') as SearchInput[];
      expect(searches[0]).to.include({ staffId: 'leaving' });
      $<HTMLElement>(el, '.filter summary')!.click();
      await waitUntil(() => $(el, 'cl-tag-picker'), 'no tag picker');
      const picker = $(el, 'cl-tag-picker')!;
      await waitUntil(() => picker.shadowRoot?.querySelector('button[data-id="t-vip"]'), 'no tag');
      picker.shadowRoot!.querySelector<HTMLButtonElement>('button[data-id="t-vip"]')!.click();
      await waitUntil(() => (adapter.callsTo('searchCustomers') as SearchInput[]).some((call) => call.tagIds));
      await waitUntil(() => text($(el, '[part=select-all]')).includes('50'), 'filtered total not shown');
      expect((adapter.callsTo('searchCustomers') as SearchInput[]).at(-1)!.tagIds).to.deep.equal(['t-vip']);
      await expect(el).to.be.accessible();
    });

    it('shows the tag filter once the tag picker has loaded, saying it is loading until then', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      const tagPicker = await unloadedPart(el, 'tagPicker');
      const loading = deferred<void>();
      tagPicker.importPart = () => loading.promise.then(tagPicker.realImport);
      await choose(el);
      $<HTMLElement>(el, '.filter summary')!.click();
      await el.updateComplete;
      expect(text($(el, '.filter .cl-on-demand[role=status]'))).to.equal('加载中…');
      expect($(el, 'cl-tag-picker')).to.equal(null);
      loading.resolve();
      await waitUntil(() => $(el, 'cl-tag-picker')?.shadowRoot?.querySelector('button[data-id="t-vip"]'), 'no tag');
      expect($(el, '.filter .cl-on-demand')).to.equal(null);
    });

    it('lists the groups the leaving associate owns, asked of the adapter by staffId', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      await choose(el);
      await waitUntil(() => text($(el, '[part=groups]')).includes('王丽的 VIP 群'), 'groups not listed');
      const asked = adapter.callsTo('listGroups') as { staffId?: string }[];
      expect(asked.at(-1)).to.include({ staffId: 'leaving' });
    });

    it('selects all that match the filter across pages: allCustomers with the tags', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      await choose(el);
      $<HTMLElement>(el, '.filter summary')!.click();
      await waitUntil(() => $(el, 'cl-tag-picker'), 'no tag picker');
      const picker = $(el, 'cl-tag-picker')!;
      await waitUntil(() => picker.shadowRoot?.querySelector('button[data-id="t-vip"]'), 'no tag');
      picker.shadowRoot!.querySelector<HTMLButtonElement>('button[data-id="t-vip"]')!.click();
      await waitUntil(() => text($(el, '[part=select-all]')).includes('全选 50 位'), 'filtered total not shown');
      selectAll(el).click();
      await el.updateComplete;
      expect(text($(el, '.select-all .count'))).to.equal('已选 50 位');
      await checkPreview(el);
      expect(previewCalls(adapter)[0]).to.deep.include({ allCustomers: true, tagIds: ['t-vip'] });
      expect(text($(el, '[part=preview]'))).to.contain('50 位可以转接，0 位无法转接。');
    });
  });

  describe('select all', () => {
    it('selects every customer across pages, shows the count and the limits, and sends allCustomers', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      await choose(el);
      expect(customerRows(el)).to.have.length(50);
      selectAll(el).click();
      await el.updateComplete;
      expect(text($(el, '.select-all .count'))).to.equal('已选 250 位');
      const limits = text($(el, '[part=limits]'));
      expect(limits).to.contain('250 位客户将分 3 次提交，每次最多 100 位');
      expect(limits).to.contain('90 天内最多被转接 2 次');
      await checkPreview(el);
      expect(previewCalls(adapter)).to.have.length(1);
      expect(previewCalls(adapter)[0]).to.include({
        allCustomers: true,
        fromStaffId: 'leaving',
        toStaffId: 'successor',
      });
      expect(previewCalls(adapter)[0]!.customerIds).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('sends the ids of every page but the unticked ones', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter, { lang: 'en' });
      await choose(el);
      selectAll(el).click();
      await el.updateComplete;
      customerRows(el)[3]!.click();
      await el.updateComplete;
      expect(text($(el, '.select-all .count'))).to.equal('249 selected');
      expect(text($(el, '[part=limits]'))).to.contain('249 customers go in 3 requests of at most 100');
      await checkPreview(el);
      const sent = previewCalls(adapter)[0]!;
      expect(sent.allCustomers).to.equal(undefined);
      expect(sent.customerIds).to.have.length(249);
      expect(sent.customerIds).not.to.include('c-0003');
      expect(sent.customerIds).to.include('c-0249');
    });
  });

  describe('preview and transfer', () => {
    it('says in a live region who can go and why the others cannot', async () => {
      const { adapter } = transferBackend({ tooFrequent: ['c-0000', 'c-0001'] });
      const el = await mount(adapter);
      await choose(el);
      customerRows(el)[0]!.click();
      customerRows(el)[1]!.click();
      customerRows(el)[2]!.click();
      await el.updateComplete;
      await checkPreview(el);
      const preview = $(el, '[part=preview]')!;
      expect(preview.getAttribute('role')).to.equal('status');
      expect(text(preview)).to.contain('1 位可以转接，2 位无法转接。');
      expect(text(preview)).to.contain('90 天内已被转接 2 次');
      expect(text(preview)).to.contain('客户0');
      await expect(el).to.be.accessible();
    });

    it('keeps checking until the answer’s code is there, then shows the answer and Hand over', async () => {
      const { adapter } = transferBackend({ tooFrequent: ['c-0000'] });
      const el = await mount(adapter);
      const handover = await unloadedPart(el, 'handover');
      const loading = deferred<void>();
      handover.importPart = () => loading.promise.then(handover.realImport);
      await choose(el);
      customerRows(el)[0]!.click();
      customerRows(el)[1]!.click();
      await el.updateComplete;
      previewButton(el).click();
      await waitUntil(() => previewCalls(adapter).length === 1, 'no preview asked');
      await aTimeout(50);
      // The adapter has answered; the answer waits for its code rather than showing a loading line.
      expect(text(previewButton(el))).to.equal('检查中…');
      expect(text($(el, '[part=preview]'))).to.equal('');
      expect($(el, '[part=submit-button]')).to.equal(null);
      loading.resolve();
      await waitUntil(() => $(el, '[part=submit-button]'), 'no Hand over once the code arrived');
      expect(text($(el, '[part=preview]'))).to.contain('1 位可以转接，1 位无法转接。');
      expect(text($(el, '[part=preview]'))).to.contain('客户0');
      expect(text($(el, '[part=submit-button]'))).to.equal('转接 1 位客户');
      expect(text(previewButton(el))).to.equal('检查可转接客户');
    });

    it('says so when the answer’s code cannot load, and Retry shows it, then hands over once', async () => {
      const { adapter, transfers } = transferBackend();
      const el = await mount(adapter);
      const handover = await unloadedPart(el, 'handover');
      handover.importPart = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      await choose(el);
      customerRows(el)[0]!.click();
      await el.updateComplete;
      previewButton(el).click();
      await waitUntil(() => $(el, '[part=preview] [role=alert]'), 'no failure shown');
      expect(text($(el, '[part=preview] [role=alert] p'))).to.equal('这部分未能加载，请检查网络后重试。');
      expect($(el, '[part=submit-button]')).to.equal(null);
      await expect(el).to.be.accessible();
      handover.importPart = handover.realImport;
      $<HTMLButtonElement>(el, '[part=preview] [role=alert] button')!.click();
      await waitUntil(() => $(el, '[part=submit-button]'), 'Retry did not show the answer');
      expect(text($(el, '[part=preview]'))).to.contain('1 位可以转接，0 位无法转接。');
      expect(previewCalls(adapter)).to.have.length(1);
      await confirm(el);
      await waitUntil(() => $(el, '[part=progress]'), 'no progress');
      expect(root(el).activeElement?.id).to.equal('progress-title');
      expect(transferCalls(adapter)).to.have.length(1);
      expect(transfers.size).to.equal(1);
    });

    it('keeps the message within 200 characters, with a default in each language', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      await choose(el);
      const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
      expect(textarea.value).to.contain('我是王丽的同事李娜');
      expect(text($(el, '[part=counter]'))).to.contain(`${textarea.value.length}/200`);
      customerRows(el)[0]!.click();
      textarea.value = '好'.repeat(201);
      textarea.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '#message-problem'))).to.equal('最多 200 个字。');
      expect(previewButton(el).disabled).to.equal(true);
      const english = await mount(transferBackend().adapter, { lang: 'en' });
      await choose(english);
      expect($<HTMLTextAreaElement>(english, 'textarea')!.value).to.contain("this is 李娜, 王丽's colleague");
    });

    it('confirms in a dialog, then tells the page and follows the statuses until done', async () => {
      const backend = transferBackend();
      const el = await mount(backend.adapter, { refreshInterval: 60 });
      await choose(el);
      customerRows(el)[0]!.click();
      await el.updateComplete;
      await checkPreview(el);
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      await waitUntil(() => dialog(el).open, 'dialog did not open');
      expect(text(dialog(el))).to.contain('王丽的 1 位客户和 0 个客户群将转给李娜');
      await expect(el).to.be.accessible();
      const submitted = oneEvent(el, 'cl-transfer-submit');
      const completed = oneEvent(el, 'cl-transfer-complete');
      await confirm(el);
      expect((await submitted).detail.input.customerIds).to.deep.equal(['c-0000']);
      const { transfer } = (await completed).detail;
      expect(transfer.counts.waiting).to.equal(1);
      await waitUntil(() => text($(el, '[part=progress]')).includes('1 位等待中'), 'no progress');
      backend.complete(transfer.id);
      await waitUntil(() => text($(el, '[part=progress]')).includes('1 位已完成'), 'statuses not followed');
      expect(backend.adapter.callsTo('getTransfer').length).to.be.greaterThan(0);
      expect(text($(el, '[part=feedback]'))).to.equal('已转接 1 位客户');
      await animationsDone(el);
      await expect(el).to.be.accessible();
    });

    it('never transfers twice when a lost answer is retried: one request id', async () => {
      const backend = transferBackend();
      let loseAnswer = true;
      const real = backend.adapter.transferCustomers;
      const adapter = stubAdapter({
        ...Object.fromEntries(
          ['getCurrentStaff', 'listStaff', 'listTagGroups', 'searchCustomers', 'listGroups', 'previewTransfer'].map(
            (name) => [
              name,
              (input: never) => (backend.adapter as never as Record<string, (i: never) => unknown>)[name]!(input),
            ],
          ),
        ),
        listTransfers: async () => ({ items: [...backend.transfers.values()], nextCursor: null }),
        transferCustomers: async (input) => {
          const made = await real(input);
          if (loseAnswer) {
            loseAnswer = false;
            throw new AdapterError('unavailable', 'connection reset');
          }
          return made;
        },
      });
      const el = await mount(adapter);
      await choose(el);
      customerRows(el)[0]!.click();
      await el.updateComplete;
      await checkPreview(el);
      await confirm(el);
      await waitUntil(() => text(dialog(el)).includes('尚未确认结果'), 'no unconfirmed state');
      expect(text(dialog(el))).to.contain('重试不会重复转接');
      await expect(el).to.be.accessible();
      await confirm(el, /重试/);
      await waitUntil(() => $(el, '[part=progress]'), 'no progress after retry');
      const calls = transferCalls(adapter);
      expect(calls).to.have.length(2);
      expect(calls[1]!.requestId).to.equal(calls[0]!.requestId);
      expect(backend.transfers.size).to.equal(1);
    });
  });

  describe('words', () => {
    it('has words for every status and reason in both locales (the reasons load with the hand-over)', async () => {
      const { customerTransferMessages, TRANSFER_STATUSES } = await import('../src/index.js');
      const { handoverMessages } = await import('../src/handover.messages.js');
      const reasons = ['too-frequent', 'successor-over-cap', 'not-owned', 'in-transfer'];
      const missingIn = (catalog: Record<string, unknown>, keys: string[]) =>
        keys.filter((key) => typeof catalog[key] !== 'function' && typeof catalog[key] !== 'string');
      for (const locale of ['en', 'zh-CN'] as const) {
        const element = (await customerTransferMessages.load(locale)) as Record<string, unknown>;
        const handover = (await handoverMessages.load(locale)) as Record<string, unknown>;
        const missing = [
          ...missingIn(
            element,
            TRANSFER_STATUSES.map((status) => `transfer.status.${status}`),
          ),
          ...missingIn(
            handover,
            reasons.map((reason) => `transfer.reason.${reason}`),
          ),
        ];
        expect(missing, locale).to.deep.equal([]);
      }
    });
  });

  describe('keyboard', () => {
    it('chooses with Space, opens the dialog on Cancel, and Escape sends nothing', async () => {
      const { adapter } = transferBackend();
      const el = await mount(adapter);
      await waitUntil(() => staffOption(el, 'from', '王丽'), 'no staff');
      staffOption(el, 'from', '王丽').querySelector('input')!.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => customerRows(el).length > 0, 'Space did not choose');
      staffOption(el, 'to', '李娜').querySelector('input')!.focus();
      await sendKeys({ press: 'Space' });
      customerRows(el)[0]!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(text($(el, '.select-all .count'))).to.equal('已选 1 位');
      previewButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part=submit-button]'), 'Enter did not preview');
      $<HTMLButtonElement>(el, '[part=submit-button]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open, 'dialog did not open');
      expect(root(el).activeElement?.textContent?.trim()).to.equal('取消');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open, 'Escape did not close');
      expect(transferCalls(adapter)).to.have.length(0);
    });
  });

  describe('states', () => {
    it('shows a load error with Retry, and recovers', async () => {
      let fail = true;
      const backend = transferBackend();
      const adapter = stubAdapter({
        getCurrentStaff: async () => {
          if (fail) throw new AdapterError('unavailable', 'down');
          return MANAGER;
        },
        listStaff: async () => ({ items: [], nextCursor: null }),
        listTransfers: async () => ({ items: [], nextCursor: null }),
        listTagGroups: backend.adapter.listTagGroups,
      });
      const el = await mount(adapter);
      expect(text($(el, '[part=error]'))).to.contain('服务暂不可用');
      await expect(el).to.be.accessible();
      fail = false;
      $<HTMLButtonElement>(el, '.state button')!.click();
      await waitUntil(() => $(el, 'form'), 'did not recover');
      expect(text($(el, '[aria-labelledby=history-title]'))).to.contain('还没有转接记录');
    });

    it('shows skeletons while loading and says when offline', async () => {
      const setOnline = (online: boolean) => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
        dispatchEvent(new Event(online ? 'online' : 'offline'));
      };
      const adapter = stubAdapter({ getCurrentStaff: () => new Promise(() => {}) });
      const el = await fixture<CustomerTransfer>(
        html`<cl-customer-transfer .adapter=${adapter}></cl-customer-transfer>`,
      );
      expect($(el, '[aria-busy=true]')).to.not.equal(null);
      try {
        setOnline(false);
        await el.updateComplete;
        expect(text($(el, '[part=offline]'))).to.contain('网络已断开');
        await expect(el).to.be.accessible();
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
        setOnline(true);
      }
      await aTimeout(0);
    });
  });
});
