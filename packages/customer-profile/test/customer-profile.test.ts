import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  AdapterError,
  applyTagDiff,
  type Capabilities,
  type Customer,
  type MarkTagsInput,
  type TagGroup,
  type UpdateCustomerInput,
} from '@clienteling/core';
import '@clienteling/core/define.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import '../src/define.js';
import type { CustomerActionDetail, CustomerChangeDetail, CustomerProfile } from '../src/define.js';
import { daysUntilNext, initials } from '../src/index.js';
import { deferred, fixtures, stubAdapter } from '../../../test/helpers/stub-adapter.js';

const tag = fixtures.tag;
const tagGroups = (): TagGroup[] => [
  fixtures.tagGroup({
    id: 'age',
    name: '年龄段',
    selection: 'single',
    tags: [tag({ id: 'a20', groupId: 'age', name: '20-30' }), tag({ id: 'a30', groupId: 'age', name: '30-40' })],
  }),
  fixtures.tagGroup({
    id: 'pref',
    name: '偏好',
    tags: [
      tag({ id: 'sport', groupId: 'pref', name: '运动风' }),
      tag({ id: 'lux', groupId: 'pref', name: '轻奢' }),
      tag({ id: 'old', groupId: 'pref', name: '旧标签', deleted: true }),
    ],
  }),
  fixtures.tagGroup({
    id: 'rfm',
    name: '消费力',
    kind: 'rule',
    allowCreate: false,
    tags: [tag({ id: 'vip', groupId: 'rfm', name: '高消费' })],
  }),
];

const fullCustomer = (over: Partial<Customer> = {}): Customer =>
  fixtures.customer({
    name: '陈静',
    remark: '陈静-南京东路VIP',
    description: '喜欢运动风，周末到店',
    remarkPhones: ['138 0013 8001'],
    remarkCompany: '静安设计',
    type: 'wechat',
    tagIds: ['a20', 'sport', 'old'],
    ruleTagIds: ['vip'],
    addedBy: 'staff-2',
    addWay: { kind: 'contact-me', state: '南京东路店-开业活动' },
    addedAt: '2026-03-02T02:00:00.000Z',
    followerStaffIds: ['staff-1', 'staff-2'],
    ownerStaffId: 'staff-2',
    importantDates: [
      { kind: 'birthday', date: '1992-12-04' },
      { kind: 'anniversary', date: '06-18', label: '入会纪念日' },
    ],
    purchases: {
      totalSpent: 1_288_800,
      orderCount: 12,
      lastPurchaseAt: '2026-11-20T11:30:00.000Z',
      averageOrderValue: 107_400,
      favouriteCategories: ['运动鞋', '外套'],
      sizes: [{ category: '上装', size: 'M' }],
    },
    ...over,
  });

type Impl = Parameters<typeof stubAdapter>[0];

/** A stub that behaves like a real adapter: it keeps the customer and applies each update. */
function adapter(over: Impl = {}, caps: Partial<Capabilities> = {}, customer: Partial<Customer> = {}) {
  const groups = tagGroups();
  let current = fullCustomer(customer);
  return stubAdapter(
    {
      getCustomer: async () => current,
      listTagGroups: async () => groups,
      getCurrentStaff: async () => fixtures.staff({ id: 'staff-1', name: '王丽' }),
      getStaff: async ({ staffId }) => fixtures.staff({ id: staffId, name: '李娜' }),
      updateCustomer: async ({ customerId: _id, ...changes }: UpdateCustomerInput) => {
        current = { ...current, ...changes };
        return current;
      },
      markTags: async (input: MarkTagsInput) => {
        current = { ...current, tagIds: applyTagDiff(current.tagIds, input, groups).tagIds };
        return current;
      },
      ...over,
    },
    caps,
  );
}

const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** 3 December 2026, 10:00 in Shanghai: the birthday (12-04) is tomorrow. */
const NOW = new Date('2026-12-03T02:00:00.000Z');

async function profile(api = adapter(), attrs: { locale?: string; readonly?: boolean; now?: Date } = {}) {
  const page = await fixture(
    html`<cl-provider .adapter=${api} locale=${attrs.locale ?? 'zh-CN'}>
      <cl-customer-profile customer-id="cust-1" ?readonly=${attrs.readonly} .now=${attrs.now ?? NOW}
        ><button slot="actions">加入群聊</button></cl-customer-profile
      >
    </cl-provider>`,
  );
  const el = page.querySelector('cl-customer-profile')!;
  await waitUntil(() => $(el, '[part="profile"], .note, [part="error"]'), 'profile did not load');
  await el.updateComplete;
  return el;
}

const $ = <T extends HTMLElement = HTMLElement>(el: CustomerProfile, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: CustomerProfile, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: CustomerProfile, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();
const valueOf = (el: CustomerProfile, field: string) => text(el, `[data-field="${field}"] .value`);
/** What typing does to an input: a new value and an `input` event. */
const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const openEditor = async (el: CustomerProfile, field: string) => {
  $(el, `[data-edit="${field}"]`)!.click();
  await waitUntil(() => $(el, `[data-input="${field}"]`), `no editor for ${field}`);
  return $<HTMLInputElement>(el, `[data-input="${field}"]`)!;
};
/** The element focused inside the profile's shadow root (or its sheet). */
const focused = (el: CustomerProfile) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('cl-customer-profile', () => {
  describe('loading and its states', () => {
    it('shows a skeleton while loading, then who the customer is', async () => {
      const loading = deferred<Customer>();
      const api = adapter({ getCustomer: () => loading.promise });
      const page = await fixture(
        html`<cl-provider .adapter=${api}
          ><cl-customer-profile customer-id="cust-1"></cl-customer-profile
        ></cl-provider>`,
      );
      const el = page.querySelector('cl-customer-profile')!;
      await el.updateComplete;
      expect($(el, '[part="skeleton"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      loading.resolve(fullCustomer());
      await waitUntil(() => $(el, '[part="profile"]'));
      expect(api.callsTo('getCustomer')).to.deep.equal([{ customerId: 'cust-1' }]);
      expect(text(el, '[part="name"]')).to.equal('陈静-南京东路VIP@微信');
      expect(text(el, '[part="marker"]')).to.equal('@微信');
      expect(text(el, '.nickname')).to.equal('昵称：陈静');
      expect(valueOf(el, 'description')).to.equal('喜欢运动风，周末到店');
      expect(valueOf(el, 'remarkPhones')).to.equal('138 0013 8001');
      expect(valueOf(el, 'remarkCompany')).to.equal('静安设计');
      await expect(el).to.be.accessible();
    });

    it('shows `@Company` for a WeCom user of another company, and initials without a safe avatar', async () => {
      const api = adapter(
        {},
        {},
        { type: 'wecom', corpName: '蓝鲸科技', remark: undefined, avatarUrl: 'javascript:x' },
      );
      const el = await profile(api);
      expect(text(el, '[part="marker"]')).to.equal('@蓝鲸科技');
      expect($(el, '[part="marker"]')!.classList.contains('company')).to.equal(true);
      expect(text(el, '[part="name"] .person')).to.equal('陈静');
      expect($(el, '.nickname')).to.equal(null);
      expect($(el, '[part="avatar"] img')).to.equal(null);
      expect(text(el, '[part="avatar"]')).to.equal('陈');
      await expect(el).to.be.accessible();
    });

    it('loads a safe avatar picture, and falls back to initials when it fails', async () => {
      const el = await profile(adapter({}, {}, { avatarUrl: PIXEL }));
      const img = $<HTMLImageElement>(el, '[part="avatar"] img')!;
      expect(img.getAttribute('src')).to.equal(PIXEL);
      img.dispatchEvent(new Event('error'));
      await el.updateComplete;
      expect(text(el, '[part="avatar"]')).to.equal('陈');
    });

    it('shows a load error with a retry when the error is retryable', async () => {
      let fail = true;
      const api = adapter({
        getCustomer: async () => {
          if (fail) throw new AdapterError('unavailable', 'offline');
          return fullCustomer();
        },
      });
      const el = await profile(api);
      expect(text(el, '[part="error"]')).to.contain('服务暂不可用');
      expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      fail = false;
      $<HTMLButtonElement>(el, '[part="error"] button')!.click();
      await waitUntil(() => $(el, '[part="profile"]'));
      expect(api.callsTo('getCustomer')).to.have.length(2);
    });

    it('says the customer is not found, without a retry', async () => {
      const el = await profile(adapter({ getCustomer: () => Promise.reject(new AdapterError('not-found', 'gone')) }));
      expect(text(el, '[part="error"]')).to.contain('找不到该客户');
      expect($(el, '[part="error"] button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says what is missing without an adapter or a customer', async () => {
      const bare = await fixture<CustomerProfile>(html`<cl-customer-profile customer-id="c"></cl-customer-profile>`);
      expect(text(bare, '.note')).to.contain('未连接');
      const el = await fixture<CustomerProfile>(
        html`<cl-customer-profile .adapter=${adapter()}></cl-customer-profile>`,
      );
      expect(text(el, '.note')).to.contain('请先选择客户');
      await expect(el).to.be.accessible();
    });

    it("shows the host bridge's current customer without `customer-id`", async () => {
      const api = adapter();
      const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'cust-42' });
      const el = await fixture<CustomerProfile>(
        html`<cl-customer-profile .adapter=${api} .bridge=${bridge} .now=${NOW}></cl-customer-profile>`,
      );
      await waitUntil(() => $(el, '[part="profile"]'), 'the bridge customer did not load');
      expect(api.callsTo('getCustomer')).to.deep.equal([{ customerId: 'cust-42' }]);
      expect(el.customerId).to.equal('cust-42');
    });

    it('reloads for another customer', async () => {
      const api = adapter();
      const el = await profile(api);
      el.customerId = 'cust-2';
      await waitUntil(() => api.callsTo('getCustomer').length === 2);
      expect(api.callsTo('getCustomer')[1]).to.deep.equal({ customerId: 'cust-2' });
    });

    it('speaks English inside an English provider', async () => {
      const el = await profile(adapter(), { locale: 'en' });
      expect(text(el, '[part="marker"]')).to.equal('@WeChat');
      expect(text(el, '[data-field="remark"] dt')).to.equal('Remark');
      expect($(el, '[data-edit="remark"]')!.getAttribute('aria-label')).to.equal('Edit remark');
      expect(text(el, '[part="purchases"] h3')).to.equal('Purchases');
      expect(text(el, '[part="countdown"]')).to.equal('Birthday tomorrow');
      expect(text(el, '[part="origin"]')).to.contain('A contact-me code · channel “南京东路店-开业活动”');
      await expect(el).to.be.accessible();
    });

    it('says when the network is gone, and clears when it is back', async () => {
      const setOnline = (online: boolean) => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
        dispatchEvent(new Event(online ? 'online' : 'offline'));
      };
      try {
        const el = await profile(adapter(), { locale: 'en' });
        setOnline(false);
        await el.updateComplete;
        expect(text(el, '[part="offline"]')).to.include('You are offline');
        await expect(el).to.be.accessible();
        setOnline(true);
        await el.updateComplete;
        expect($(el, '[part="offline"]')).to.equal(null);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
    });
  });

  describe('inline editing', () => {
    it('saves a remark with Enter, optimistically, and tells the page', async () => {
      const saved = deferred<Customer>();
      const api = adapter({ updateCustomer: () => saved.promise });
      const el = await profile(api);
      const changes: CustomerChangeDetail[] = [];
      el.addEventListener('cl-customer-change', (e) => changes.push(e.detail));
      const input = await openEditor(el, 'remark');
      expect(focused(el)).to.equal(input);
      expect(input.value).to.equal('陈静-南京东路VIP');
      expect(text(el, '[part="counter"] [aria-hidden]')).to.equal('10/20');
      await expect(el).to.be.accessible();
      input.select();
      await sendKeys({ type: '静姐' });
      expect(text(el, '[part="counter"] [aria-hidden]')).to.equal('2/20');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(api.callsTo('updateCustomer')).to.deep.equal([{ customerId: 'cust-1', remark: '静姐' }]);
      expect(valueOf(el, 'remark')).to.equal('静姐');
      expect(text(el, '[part="name"] .person')).to.equal('静姐');
      expect($(el, '[data-field="remark"]')!.getAttribute('part')).to.contain('field-pending');
      expect(focused(el)).to.equal($(el, '[data-edit="remark"]'));
      await expect(el).to.be.accessible();
      saved.resolve(fullCustomer({ remark: '静姐' }));
      await waitUntil(() => changes.length === 1);
      expect(changes[0]!.fields).to.deep.equal(['remark']);
      expect(changes[0]!.customer.remark).to.equal('静姐');
      await el.updateComplete;
      expect($(el, '[data-field="remark"]')!.getAttribute('part')).to.equal('field');
      expect(text(el, '[part="feedback"]')).to.equal('备注名已保存');
    });

    it('rolls back visibly when the save fails, keeping what was typed to retry', async () => {
      let fail = true;
      const api = adapter({
        updateCustomer: async ({ customerId: _id, ...changes }) => {
          if (fail) throw new AdapterError('unavailable', 'offline');
          return fullCustomer(changes);
        },
      });
      const el = await profile(api);
      const input = await openEditor(el, 'description');
      type(input, '偏爱户外');
      $<HTMLButtonElement>(el, '[data-save]')!.click();
      await waitUntil(() => $(el, '[part="message"]'), 'no failure message');
      await el.updateComplete;
      expect($(el, '[part="message"]')!.getAttribute('role')).to.equal('alert');
      expect(text(el, '[part="message"]')).to.contain('描述未保存：服务暂不可用');
      const reopened = $<HTMLTextAreaElement>(el, '[data-input="description"]')!;
      expect(reopened.value).to.equal('偏爱户外');
      expect(focused(el)).to.equal(reopened);
      expect($(el, '[data-field="description"]')!.getAttribute('part')).to.contain('field-error');
      await expect(el).to.be.accessible();
      // Cancelling shows the confirmed value again; the typed value waits in the editor.
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(valueOf(el, 'description')).to.equal('喜欢运动风，周末到店');
      expect((await openEditor(el, 'description')).value).to.equal('偏爱户外');
      fail = false;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => valueOf(el, 'description') === '偏爱户外' && !$(el, '[part="field field-pending"]'));
      await el.updateComplete;
      expect($(el, '[part="message"]')).to.equal(null);
      expect(api.callsTo('updateCustomer')).to.deep.equal([
        { customerId: 'cust-1', description: '偏爱户外' },
        { customerId: 'cust-1', description: '偏爱户外' },
      ]);
    });

    it('cancels with Escape: nothing is sent, focus returns to Edit', async () => {
      const api = adapter();
      const el = await profile(api);
      const input = await openEditor(el, 'remarkCompany');
      type(input, '别的公司');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[data-input="remarkCompany"]')).to.equal(null);
      expect(valueOf(el, 'remarkCompany')).to.equal('静安设计');
      expect(focused(el)).to.equal($(el, '[data-edit="remarkCompany"]'));
      expect(api.callsTo('updateCustomer')).to.deep.equal([]);
    });

    it('does not save on the Enter that ends an input method composition', async () => {
      const api = adapter();
      const el = await profile(api);
      const input = await openEditor(el, 'remark');
      type(input, '静姐');
      const composing = new KeyboardEvent('keydown', {
        key: 'Enter',
        isComposing: true,
        bubbles: true,
        composed: true,
      });
      input.dispatchEvent(composing);
      await el.updateComplete;
      expect(composing.defaultPrevented).to.equal(false);
      expect($(el, '[data-input="remark"]')).to.equal(input);
      expect(api.callsTo('updateCustomer')).to.deep.equal([]);
    });

    it('sends nothing when the value did not change', async () => {
      const api = adapter();
      const el = await profile(api);
      await openEditor(el, 'remark');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, '[data-input="remark"]')).to.equal(null);
      expect(api.callsTo('updateCustomer')).to.deep.equal([]);
    });

    it('holds each field to its limit: a counter, the problem stated, no save past it', async () => {
      const api = adapter();
      const el = await profile(api);
      const remark = await openEditor(el, 'remark');
      type(remark, '一二三四五六七八九十一二三四五六七八九十');
      await el.updateComplete;
      expect(text(el, '[part~="counter"] [aria-hidden]')).to.equal('20/20');
      expect($<HTMLButtonElement>(el, '[data-save]')!.disabled).to.equal(false);
      type(remark, '一二三四五六七八九十一二三四五六七八九十一');
      await el.updateComplete;
      expect(text(el, '[part~="counter"] [aria-hidden]')).to.equal('21/20');
      expect(remark.getAttribute('aria-invalid')).to.equal('true');
      expect(text(el, '.problem')).to.equal('最多 20 个字。');
      expect(remark.getAttribute('aria-describedby')).to.contain('problem-remark');
      expect($<HTMLButtonElement>(el, '[data-save]')!.disabled).to.equal(true);
      remark.focus();
      await sendKeys({ press: 'Enter' });
      await expect(el).to.be.accessible();
      expect(api.callsTo('updateCustomer')).to.deep.equal([]);
      await sendKeys({ press: 'Escape' });
      const description = await openEditor(el, 'description');
      type(description, 'x'.repeat(151));
      await el.updateComplete;
      expect(text(el, '[part~="counter"] [aria-hidden]')).to.equal('151/150');
      expect($<HTMLButtonElement>(el, '[data-save]')!.disabled).to.equal(true);
    });

    it('edits phones up to the platform limit of five', async () => {
      const api = adapter();
      const el = await profile(api, { locale: 'en' });
      await openEditor(el, 'remarkPhones');
      const add = $<HTMLButtonElement>(el, '[data-add-phone]')!;
      for (let i = 0; i < 4; i++) {
        add.click();
        await el.updateComplete;
        type($$(el, '[data-phone]').at(-1) as HTMLInputElement, `1390000000${i}`);
        await el.updateComplete;
      }
      expect($$(el, '[data-phone]')).to.have.length(5);
      expect(add.disabled).to.equal(true);
      expect(text(el, '[part~="counter"] [aria-hidden]')).to.equal('5/5');
      await expect(el).to.be.accessible();
      // Remove the second; an empty number is dropped when saving.
      $$(el, '.phone button')[1]!.click();
      await el.updateComplete;
      expect(add.disabled).to.equal(false);
      add.click();
      await el.updateComplete;
      $$(el, '[data-phone]')[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => api.callsTo('updateCustomer').length === 1);
      expect(api.callsTo('updateCustomer')[0]).to.deep.equal({
        customerId: 'cust-1',
        remarkPhones: ['138 0013 8001', '13900000001', '13900000002', '13900000003'],
      });
    });

    it("loads the editors' code when idle, and after a failed load opens the editor on Retry, focused", async () => {
      const el = await profile();
      const editorPart = (el as unknown as { editorPart: { part?: unknown; failed: boolean } }).editorPart;
      await waitUntil(() => editorPart.part, "the editors' code did not load when the browser was idle");
      // As if it could not be fetched (offline): core's failure with Retry shows in the field.
      editorPart.part = undefined;
      editorPart.failed = true;
      $(el, '[data-edit="remark"]')!.click();
      await el.updateComplete;
      const failure = $(el, '[data-field="remark"] .cl-on-demand[role="alert"]')!;
      expect(failure.textContent).to.contain('这部分未能加载');
      expect($(el, '[data-input="remark"]')).to.equal(null);
      await expect(el).to.be.accessible();
      failure.querySelector('button')!.click();
      await waitUntil(() => $(el, '[data-input="remark"]'), 'no editor after Retry');
      const input = $<HTMLInputElement>(el, '[data-input="remark"]')!;
      expect(input.value).to.equal('陈静-南京东路VIP');
      // A boolean: a failed equality of two elements takes the runner minutes to report.
      expect(focused(el) === input, 'focus moved into the editor').to.equal(true);
    });

    it('is read-only, saying why, when the associate does not follow the customer', async () => {
      const el = await profile(adapter({}, {}, { ownerStaffId: 'staff-9', followerStaffIds: ['staff-9'] }));
      expect($$(el, '[part="edit"]')).to.have.length(0);
      expect($(el, '[part="edit-tags"]')).to.equal(null);
      expect(text(el, '[part="read-only"]')).to.equal('你不是该客户的跟进人，只能查看，不能修改资料。');
      await expect(el).to.be.accessible();
    });

    it('lets a follower who is not the owner edit', async () => {
      const el = await profile(adapter({}, {}, { ownerStaffId: 'staff-2', followerStaffIds: ['staff-2', 'staff-1'] }));
      expect($$(el, '[part="edit"]')).to.have.length(4);
      expect($(el, '[part="read-only"]')).to.equal(null);
    });

    it('is read-only, saying why, when the adapter cannot update customers', async () => {
      const el = await profile(adapter({}, { updateCustomer: false }), { locale: 'en' });
      expect($$(el, '[part="edit"]')).to.have.length(0);
      expect(text(el, '[part="read-only"]')).to.contain('Editing is not available here');
    });

    it('is read-only without a note with `readonly`', async () => {
      const el = await profile(adapter(), { readonly: true });
      expect($$(el, '[part="edit"]')).to.have.length(0);
      expect($(el, '[part="edit-tags"]')).to.equal(null);
      expect($(el, '[part="read-only"]')).to.equal(null);
    });
  });

  describe('tags', () => {
    const chips = (el: CustomerProfile, part: string) => $$(el, `[part="${part}"]`).map((chip) => chip.textContent);

    it("shows the customer's tags by name, rule tags apart", async () => {
      const el = await profile();
      expect(chips(el, 'tag')).to.deep.equal(['20-30', '运动风']);
      expect(chips(el, 'tag rule-tag')).to.deep.equal(['高消费']);
    });

    it('says so when the tag names cannot be loaded, and still shows the profile', async () => {
      const el = await profile(adapter({ listTagGroups: () => Promise.reject(new AdapterError('unavailable', 'x')) }));
      expect(text(el, '[part="tags"]')).to.contain('标签名称暂时无法加载');
      expect(valueOf(el, 'remark')).to.equal('陈静-南京东路VIP');
    });

    it('opens its own sheet with the tag editor when no page handler takes "Edit tags"', async () => {
      const api = adapter();
      const el = await profile(api);
      const asked: unknown[] = [];
      el.addEventListener('cl-edit-tags', (e) => asked.push(e.detail.customer.id));
      const button = $<HTMLButtonElement>(el, '[part="edit-tags"]')!;
      expect(button.textContent!.trim()).to.equal('编辑标签');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the sheet did not open');
      expect(asked).to.deep.equal(['cust-1']);
      const editor = $(el, 'dialog cl-tag-editor')!;
      expect(editor.getAttribute('customer-id')).to.equal('cust-1');
      await waitUntil(() => customElements.get('cl-tag-editor'), 'the tag editor code did not load');
      expect($(el, 'dialog')!.contains(focused(el))).to.equal(true);
      const picker = () => editor.shadowRoot?.querySelector('cl-tag-picker');
      await waitUntil(() => picker()?.shadowRoot?.querySelector('[data-id="lux"]'), 'the editor did not load');
      picker()!.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="lux"]')!.click();
      await waitUntil(() => chips(el, 'tag').includes('轻奢'), 'the chips did not follow the editor');
      await aTimeout(250); // the editor's feedback has faded in
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog')!.open);
      await el.updateComplete;
      expect(focused(el)).to.equal(button);
    });

    it('leaves "Edit tags" to the page that calls preventDefault', async () => {
      const el = await profile();
      el.addEventListener('cl-edit-tags', (e) => e.preventDefault());
      $<HTMLButtonElement>(el, '[part="edit-tags"]')!.click();
      await aTimeout(50);
      expect($(el, 'dialog')).to.equal(null);
    });

    it('offers no tag editing where the adapter cannot mark tags', async () => {
      const el = await profile(adapter({}, { markTags: false }));
      expect($(el, '[part="edit-tags"]')).to.equal(null);
      expect(chips(el, 'tag')).to.deep.equal(['20-30', '运动风']);
    });
  });

  describe('purchases, dates and origin', () => {
    it('summarises purchases in the locale, from fen', async () => {
      const el = await profile();
      const stats = $$(el, '[part="purchases"] .stat').map((stat) => stat.textContent!.replace(/\s+/g, ''));
      expect(stats).to.deep.equal(['累计消费¥12,888', '订单数12', '客单价¥1,074', '最近消费2026年11月20日']);
      expect(text(el, '[part="purchases"] .details')).to.contain('偏好品类运动鞋、外套');
      expect(text(el, '[part="purchases"] .details')).to.contain('尺码上装 M');
    });

    it('hides purchases without the capability or without data', async () => {
      const withoutCapability = await profile(adapter({}, { purchaseData: false }));
      expect($(withoutCapability, '[part="purchases"]')).to.equal(null);
      const withoutData = await profile(adapter({}, {}, { purchases: undefined }));
      expect($(withoutData, '[part="purchases"]')).to.equal(null);
      await expect(withoutData).to.be.accessible();
    });

    it('counts down to important dates in the store time zone, soonest first', async () => {
      const el = await profile();
      const countdowns = () => $$(el, '[part="countdown"]').map((badge) => badge.textContent!.trim());
      expect(countdowns()).to.deep.equal(['明天生日', '还有 197 天']);
      expect(text(el, '.date-label')).to.equal('生日');
      // 4 December 00:30 in Shanghai is still 3 December in UTC: the store's day counts.
      el.now = new Date('2026-12-03T16:30:00.000Z');
      await el.updateComplete;
      expect(countdowns()[0]).to.equal('今天生日');
      el.now = new Date('2026-11-20T02:00:00.000Z');
      await el.updateComplete;
      expect(countdowns()[0]).to.equal('生日还有 14 天');
    });

    it('says who added the customer and how', async () => {
      const api = adapter();
      const el = await profile(api);
      await waitUntil(() => text(el, '[part="origin"]')!.includes('李娜'), 'no added-by name');
      expect(api.callsTo('getStaff')).to.deep.equal([{ staffId: 'staff-2' }]);
      expect(text(el, '[part="origin"]')).to.contain('联系我二维码 · 渠道“南京东路店-开业活动”');
      expect(text(el, '[part="origin"]')).to.contain('2026年3月2日');
    });

    it('needs no getStaff when the signed-in associate added the customer', async () => {
      const api = adapter({}, {}, { addedBy: 'staff-1', addWay: { kind: 'qrcode' } });
      const el = await profile(api);
      expect(text(el, '[part="origin"]')).to.contain('王丽');
      expect(text(el, '[part="origin"]')).to.contain('扫描二维码');
      expect(api.callsTo('getStaff')).to.deep.equal([]);
    });
  });

  describe('quick actions', () => {
    it('emits each action with the customer, calls the first phone, and keeps the page’s slot', async () => {
      const el = await profile();
      const actions: CustomerActionDetail[] = [];
      el.addEventListener('cl-customer-action', (e) => actions.push(e.detail));
      $<HTMLButtonElement>(el, '[part~="coupon"]')!.click();
      const call = $<HTMLAnchorElement>(el, '[part~="call"]')!;
      expect(call.getAttribute('href')).to.equal('tel:13800138001');
      el.addEventListener('cl-customer-action', (e) => e.detail.action === 'call' && e.preventDefault());
      call.click();
      expect(actions.map((a) => a.action)).to.deep.equal(['coupon', 'call']);
      expect(actions[0]!.customer.id).to.equal('cust-1');
      const slot = $<HTMLSlotElement>(el, 'slot[name="actions"]')!;
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['加入群聊']);
    });

    it('copies the name and the phone, or leaves it to the page', async () => {
      const el = await profile();
      const actions: string[] = [];
      el.addEventListener('cl-customer-action', (e) => {
        actions.push(e.detail.action);
        e.preventDefault();
      });
      $<HTMLButtonElement>(el, '[part~="copy-name"]')!.click();
      $<HTMLButtonElement>(el, '[part~="copy-phone"]')!.click();
      await el.updateComplete;
      expect(actions).to.deep.equal(['copy-name', 'copy-phone']);
      expect(text(el, '[part="feedback"]')).to.equal('');
    });

    it('copies by itself when the page lets it, and says so', async () => {
      const el = await profile();
      $<HTMLButtonElement>(el, '[part~="copy-name"]')!.click();
      await waitUntil(() => text(el, '[part="feedback"]'), 'no copy feedback');
      // Headless Chromium may refuse the clipboard; the fallback (or its failure) is then what is stated.
      expect(['已复制', '复制失败，请长按文字复制']).to.include(text(el, '[part="feedback"]'));
      expect($(el, '[part="feedback"]')!.getAttribute('role')).to.equal('status');
    });

    it('offers no call or phone copy without a phone', async () => {
      const el = await profile(adapter({}, {}, { remarkPhones: [] }));
      expect($(el, '[part~="call"]')).to.equal(null);
      expect($(el, '[part~="copy-phone"]')).to.equal(null);
      expect(valueOf(el, 'remarkPhones')).to.equal('未填写');
    });
  });

  describe('pure helpers', () => {
    it('counts the days until a yearly date comes round', () => {
      expect(daysUntilNext('12-04', '2026-12-03')).to.equal(1);
      expect(daysUntilNext('1990-12-03', '2026-12-03')).to.equal(0);
      expect(daysUntilNext('12-02', '2026-12-03')).to.equal(364);
      expect(daysUntilNext('01-01', '2026-12-31')).to.equal(1);
      expect(daysUntilNext('02-29', '2027-02-01')).to.equal(27);
      expect(daysUntilNext('02-29', '2028-02-01')).to.equal(28);
    });

    it('takes the first character of a name as initials', () => {
      expect(initials(' 陈静')).to.equal('陈');
      expect(initials('amy')).to.equal('A');
    });
  });
});
