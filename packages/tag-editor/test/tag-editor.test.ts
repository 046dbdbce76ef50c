import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  AdapterError,
  applyTagDiff,
  type Capabilities,
  type Customer,
  type MarkTagsInput,
  type TagGroup,
} from '@clienteling/core';
import '@clienteling/core/define.js';
import '../src/define.js';
import type { TagEditor, TagsChangeDetail } from '../src/define.js';
import { deferred, fixtures, stubAdapter } from '../../../test/helpers/stub-adapter.js';

const tag = fixtures.tag;
const tagGroups = (): TagGroup[] => [
  fixtures.tagGroup({
    id: 'age',
    name: '年龄段',
    order: 9,
    selection: 'single',
    allowCreate: false,
    tags: [
      tag({ id: 'a20', groupId: 'age', name: '20-30', order: 3 }),
      tag({ id: 'a30', groupId: 'age', name: '30-40', order: 2 }),
      tag({ id: 'a40', groupId: 'age', name: '40-50', order: 1 }),
    ],
  }),
  fixtures.tagGroup({
    id: 'pref',
    name: '偏好',
    order: 5,
    tags: [
      tag({ id: 'sport', groupId: 'pref', name: '运动风', order: 3 }),
      tag({ id: 'office', groupId: 'pref', name: '通勤', order: 2 }),
      tag({ id: 'lux', groupId: 'pref', name: '轻奢', order: 1 }),
      tag({ id: 'old', groupId: 'pref', name: '旧标签', deleted: true }),
    ],
  }),
  fixtures.tagGroup({
    id: 'rule',
    name: '消费力',
    order: 1,
    kind: 'rule',
    allowCreate: false,
    tags: [tag({ id: 'vip', groupId: 'rule', name: '高消费' }), tag({ id: 'low', groupId: 'rule', name: '低频' })],
  }),
];

type Impl = Parameters<typeof stubAdapter>[0];

/** A stub that behaves like a real adapter: it keeps the customer and applies diffs with the shared rule. */
function adapter(over: Impl = {}, caps: Partial<Capabilities> = {}, customer: Partial<Customer> = {}) {
  const groups = tagGroups();
  let current = fixtures.customer({ tagIds: ['a20', 'sport'], ruleTagIds: ['vip'], ...customer });
  return stubAdapter(
    {
      listTagGroups: async () => groups,
      getCustomer: async () => current,
      markTags: async (input: MarkTagsInput) => {
        current = { ...current, tagIds: applyTagDiff(current.tagIds, input, groups).tagIds };
        return current;
      },
      createTag: async ({ groupId, name }) => {
        const created = tag({ id: `new-${name}`, groupId, name });
        groups.find((g) => g.id === groupId)!.tags.push(created);
        return created;
      },
      ...over,
    },
    caps,
  );
}

async function editor(api = adapter(), attrs: { mode?: string; readonly?: boolean; locale?: string } = {}) {
  const page = await fixture(
    html`<cl-provider .adapter=${api} locale=${attrs.locale ?? 'zh-CN'}>
      <cl-tag-editor customer-id="cust-1" mode=${attrs.mode ?? 'instant'} ?readonly=${attrs.readonly}></cl-tag-editor>
    </cl-provider>`,
  );
  const el = page.querySelector('cl-tag-editor')!;
  await waitUntil(() => el.shadowRoot!.querySelector('cl-tag-picker, .note'), 'editor did not load');
  await settle(el);
  return el;
}
const picker = (el: TagEditor) => el.shadowRoot!.querySelector('cl-tag-picker')!;
const settle = async (el: TagEditor) => {
  await el.updateComplete;
  for (const p of el.shadowRoot!.querySelectorAll('cl-tag-picker')) await p.updateComplete;
};
const tagButton = (el: TagEditor, id: string) => {
  for (const p of el.shadowRoot!.querySelectorAll('cl-tag-picker')) {
    const b = p.shadowRoot!.querySelector<HTMLElement>(`button[data-id="${id}"]`);
    if (b) return b;
  }
  return null;
};
const checked = (el: TagEditor) =>
  [...picker(el).shadowRoot!.querySelectorAll<HTMLElement>('button[aria-checked="true"]')].map((b) => b.dataset.id);
const stateOf = (el: TagEditor, id: string) => tagButton(el, id)?.dataset.state;
const $ = <T extends HTMLElement = HTMLElement>(el: TagEditor, s: string) => el.shadowRoot!.querySelector<T>(s);
/** What typing does to an input: a new value and an `input` event. */
const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const click = async (el: TagEditor, id: string) => {
  tagButton(el, id)!.click();
  await settle(el);
};

describe('cl-tag-editor', () => {
  it("shows a skeleton while loading, then the groups and the customer's tags", async () => {
    const groups = deferred<TagGroup[]>();
    const api = adapter({ listTagGroups: () => groups.promise });
    const page = await fixture(
      html`<cl-provider .adapter=${api}><cl-tag-editor customer-id="cust-1"></cl-tag-editor></cl-provider>`,
    );
    const el = page.querySelector('cl-tag-editor')!;
    await el.updateComplete;
    expect($(el, '[part="skeleton"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    groups.resolve(tagGroups());
    await waitUntil(() => picker(el));
    await settle(el);
    expect(api.callsTo('getCustomer')).to.deep.equal([{ customerId: 'cust-1' }]);
    expect(checked(el)).to.deep.equal(['a20', 'sport']);
    expect(tagButton(el, 'old')).to.equal(null);
    expect(picker(el).getAttribute('label')).to.equal('陈静的标签');
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry when the error is retryable', async () => {
    let fail = true;
    const api = adapter({
      listTagGroups: async () => {
        if (fail) throw new AdapterError('unavailable', 'offline');
        return tagGroups();
      },
    });
    const el = await editor(api);
    expect($(el, '[part="error"]')!.textContent).to.contain('服务暂不可用');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part="error"] button')!.click();
    await waitUntil(() => picker(el));
    expect(api.callsTo('listTagGroups')).to.have.length(2);
  });

  it('offers no retry for an error that will not go away', async () => {
    const el = await editor(
      adapter({ getCustomer: async () => Promise.reject(new AdapterError('not-found', 'gone')) }),
    );
    expect($(el, '[part="error"]')!.textContent).to.contain('找不到');
    expect($(el, '[part="error"] button')).to.equal(null);
  });

  it('says what is missing without an adapter or a customer', async () => {
    const bare = await fixture<TagEditor>(html`<cl-tag-editor customer-id="c"></cl-tag-editor>`);
    expect($(bare, '.note')!.textContent).to.contain('未连接');
    const el = await fixture<TagEditor>(html`<cl-tag-editor .adapter=${adapter()}></cl-tag-editor>`);
    expect($(el, '.note')!.textContent).to.contain('请先选择客户');
    await expect(el).to.be.accessible();
  });

  it('reloads for another customer', async () => {
    const api = adapter();
    const el = await editor(api);
    el.customerId = 'cust-2';
    await waitUntil(() => api.callsTo('getCustomer').length === 2);
    expect(api.callsTo('getCustomer')[1]).to.deep.equal({ customerId: 'cust-2' });
  });

  it('shows the empty state when no tags are set up', async () => {
    const el = await editor(adapter({ listTagGroups: async () => [] }));
    expect($(el, '.note')!.textContent).to.contain('暂无可显示的标签');
    await expect(el).to.be.accessible();
  });

  it('replaces the tag of a single-select group (radio semantics), optimistically', async () => {
    const done = deferred<Customer>();
    const api = adapter({ markTags: () => done.promise });
    const el = await editor(api);
    const changes: TagsChangeDetail[] = [];
    el.addEventListener('cl-tags-change', (e) => changes.push(e.detail));
    let leaked = 0;
    el.addEventListener('cl-tag-toggle', () => leaked++);
    await click(el, 'a30');
    expect(leaked).to.equal(0);
    expect(checked(el)).to.deep.equal(['a30', 'sport']);
    expect(stateOf(el, 'a30')).to.equal('pending');
    expect(picker(el).shadowRoot!.querySelectorAll('[role="radiogroup"] [aria-checked="true"]')).to.have.length(1);
    expect(api.callsTo('markTags')).to.deep.equal([{ customerId: 'cust-1', add: ['a30'], remove: [] }]);
    await expect(el).to.be.accessible();
    done.resolve(fixtures.customer({ tagIds: ['sport', 'a30'], ruleTagIds: ['vip'] }));
    await waitUntil(() => changes.length === 1);
    await settle(el);
    expect(changes[0]).to.deep.equal({ customerId: 'cust-1', add: ['a30'], remove: ['a20'], tagIds: ['sport', 'a30'] });
    expect(stateOf(el, 'a30')).to.equal(undefined);
    expect(checked(el)).to.deep.equal(['a30', 'sport']);
  });

  it('rolls back only the rejected change, visibly and with the reason', async () => {
    const first = deferred<Customer>();
    const second = deferred<Customer>();
    const answers = [first, second];
    const api = adapter({ markTags: () => answers.shift()!.promise });
    const el = await editor(api);
    await click(el, 'lux'); // will fail
    await click(el, 'a40'); // will succeed
    expect(checked(el)).to.deep.equal(['a40', 'sport', 'lux']);
    first.reject(new AdapterError('unavailable', 'offline'));
    await waitUntil(() => $(el, '[part="message"]'));
    await settle(el);
    expect(checked(el)).to.deep.equal(['a40', 'sport']);
    expect(stateOf(el, 'lux')).to.equal('error');
    expect(tagButton(el, 'lux')!.textContent).to.contain('修改失败');
    expect($(el, '[part="message"]')!.textContent).to.contain('“轻奢”修改失败：服务暂不可用');
    expect(api.callsTo('markTags')).to.have.length(2);
    await expect(el).to.be.accessible();
    second.resolve(fixtures.customer({ tagIds: ['sport', 'a40'] }));
    await waitUntil(() => !stateOf(el, 'a40'));
    expect(checked(el)).to.deep.equal(['a40', 'sport']);
    // The message offers to try the failed change again.
    answers.push(deferred<Customer>());
    $<HTMLButtonElement>(el, '[part="message"] button')!.click();
    await settle(el);
    expect(api.callsTo('markTags')[2]).to.deep.equal({ customerId: 'cust-1', add: ['lux'], remove: [] });
    expect(stateOf(el, 'lux')).to.equal('pending');
  });

  it('rolls a rejected single-select choice back to the previous tag and can dismiss the message', async () => {
    const el = await editor(adapter({ markTags: async () => Promise.reject(new AdapterError('forbidden', 'no')) }));
    await click(el, 'a30');
    await waitUntil(() => $(el, '[part="message"]'));
    await settle(el);
    expect(checked(el)).to.deep.equal(['a20', 'sport']);
    expect($(el, '[part="message"]')!.textContent).to.contain('没有权限');
    expect($(el, '[part="message"]')!.querySelectorAll('button')).to.have.length(1); // close only: not retryable
    $<HTMLButtonElement>(el, '[part="message"] button')!.click();
    await settle(el);
    expect($(el, '[part="message"]')).to.equal(null);
  });

  it('collects changes in save mode and sends them as one diff', async () => {
    const api = adapter();
    const el = await editor(api, { mode: 'save' });
    const bar = () => $(el, '[part="save-bar"]')!;
    const save = bar().querySelector<HTMLButtonElement>("[data-variant='primary']");
    expect(save!.disabled).to.equal(true);
    await click(el, 'a30');
    await click(el, 'office');
    await click(el, 'sport');
    await click(el, 'lux');
    await click(el, 'lux'); // undone: not a change
    expect(api.callsTo('markTags')).to.have.length(0);
    expect(checked(el)).to.deep.equal(['a30', 'office']);
    expect(bar().textContent).to.contain('3 项修改未保存');
    expect(stateOf(el, 'office')).to.equal('pending');
    expect(stateOf(el, 'lux')).to.equal(undefined);
    await expect(el).to.be.accessible();
    setTimeout(() => save!.click());
    const { detail } = (await oneEvent(el, 'cl-tags-change')) as CustomEvent<TagsChangeDetail>;
    expect(api.callsTo('markTags')).to.deep.equal([
      { customerId: 'cust-1', add: ['a30', 'office'], remove: ['a20', 'sport'] },
    ]);
    expect(detail).to.deep.equal({
      customerId: 'cust-1',
      add: ['a30', 'office'],
      remove: ['a20', 'sport'],
      tagIds: ['a30', 'office'],
    });
    await settle(el);
    expect(bar().textContent).not.to.contain('未保存');
    expect($(el, '[part="feedback"]')!.textContent!.trim()).to.equal('已保存。');
    expect(stateOf(el, 'office')).to.equal(undefined);
  });

  it('discards unsaved changes in save mode', async () => {
    const el = await editor(adapter(), { mode: 'save' });
    await click(el, 'a40');
    await click(el, 'lux');
    $<HTMLButtonElement>(el, '[part="save-bar"] button')!.click();
    await settle(el);
    expect(checked(el)).to.deep.equal(['a20', 'sport']);
  });

  it('keeps every change when a save fails as a whole, and retries', async () => {
    let fail = true;
    const el = await editor(
      adapter({
        markTags: async () => {
          if (fail) throw new AdapterError('unavailable', 'offline');
          return fixtures.customer({ tagIds: ['a30', 'sport', 'lux'] });
        },
      }),
      { mode: 'save' },
    );
    await click(el, 'a30');
    await click(el, 'lux');
    $<HTMLButtonElement>(el, '[part="save-bar"] [data-variant="primary"]')!.click();
    await waitUntil(() => $(el, '[part="message"]'));
    await settle(el);
    expect($(el, '[part="message"]')!.textContent).to.contain('修改未保存');
    expect(checked(el)).to.deep.equal(['a30', 'sport', 'lux']);
    expect($(el, '[part="save-bar"]')!.textContent).to.contain('2 项修改未保存');
    fail = false;
    $<HTMLButtonElement>(el, '[part="message"] button')!.click();
    await waitUntil(() => !$(el, '[part="message"]') && !$(el, '[part="save-bar"]')!.textContent!.includes('未保存'));
  });

  it('rolls back only the change a failed save names, keeping the others', async () => {
    const api = adapter({
      markTags: async (input) => {
        const i = input.add.indexOf('lux');
        throw new AdapterError('forbidden', 'no', { field: `add.${i}` });
      },
    });
    const el = await editor(api, { mode: 'save' });
    await click(el, 'a30');
    await click(el, 'lux');
    $<HTMLButtonElement>(el, '[part="save-bar"] [data-variant="primary"]')!.click();
    await waitUntil(() => $(el, '[part="message"]'));
    await settle(el);
    expect(checked(el)).to.deep.equal(['a30', 'sport']);
    expect(stateOf(el, 'lux')).to.equal('error');
    expect(stateOf(el, 'a30')).to.equal('pending');
    expect($(el, '[part="message"]')!.textContent).to.contain('“轻奢”修改失败').and.contain('其他修改已保留');
    await expect(el).to.be.accessible();
  });

  it('rolls back a named single-select choice to the confirmed tag', async () => {
    const api = adapter({
      markTags: async () => Promise.reject(new AdapterError('not-found', 'gone', { field: 'add.0' })),
    });
    const el = await editor(api, { mode: 'save' });
    await click(el, 'a30');
    $<HTMLButtonElement>(el, '[part="save-bar"] [data-variant="primary"]')!.click();
    await waitUntil(() => $(el, '[part="message"]'));
    await settle(el);
    expect(checked(el)).to.deep.equal(['a20', 'sport']);
    expect(stateOf(el, 'a30')).to.equal('error');
    expect($<HTMLButtonElement>(el, '[part="save-bar"] [data-variant="primary"]')!.disabled).to.equal(true);
  });

  it('validates a new tag inline and creates it selected', async () => {
    const api = adapter();
    const el = await editor(api);
    expect(el.shadowRoot!.querySelector('[data-create="age"]')).to.equal(null); // group does not allow it
    const add = $<HTMLButtonElement>(el, '[data-create="pref"]')!;
    expect(add.slot).to.equal('after-pref');
    add.click();
    await waitUntil(() => $(el, '#new-tag'));
    await settle(el);
    const input = $<HTMLInputElement>(el, '#new-tag')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    const hint = () => $(el, '#new-tag-hint')!;
    expect(input.getAttribute('aria-describedby')).to.equal('new-tag-hint');
    // Empty
    $<HTMLButtonElement>(el, 'form [data-variant="primary"]')!.click();
    await settle(el);
    expect(hint().textContent!.trim()).to.equal('请输入标签名称。');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // Too long (31 characters), shown as the user types
    type(input, '一'.repeat(31));
    await settle(el);
    expect(hint().textContent!.trim()).to.equal('标签名称最多 30 个字。');
    // Duplicate, case- and space-insensitively
    type(input, ' 轻奢 ');
    await settle(el);
    expect(hint().textContent!.trim()).to.equal('该分组已有同名标签。');
    // Fine
    type(input, '户外');
    await settle(el);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(hint().textContent!.trim()).to.equal('2/30');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => tagButton(el, 'new-户外'));
    await waitUntil(() => api.callsTo('markTags').length === 1);
    expect(api.callsTo('createTag')).to.deep.equal([{ groupId: 'pref', name: '户外' }]);
    expect(api.callsTo('markTags')[0]).to.deep.equal({ customerId: 'cust-1', add: ['new-户外'], remove: [] });
    await settle(el);
    expect(checked(el)).to.include('new-户外');
    expect($(el, '#new-tag')).to.equal(null);
  });

  it('keeps the typed name when creating fails, and Escape cancels', async () => {
    const api = adapter({ createTag: async () => Promise.reject(new AdapterError('conflict', 'exists')) });
    const el = await editor(api);
    $<HTMLButtonElement>(el, '[data-create="pref"]')!.click();
    await waitUntil(() => $(el, '#new-tag') && el.shadowRoot!.activeElement === $(el, '#new-tag'), 'form not focused', {
      timeout: 3000,
    });
    type($<HTMLInputElement>(el, '#new-tag')!, '户外');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#new-tag-hint')!.textContent!.includes('同名'), 'no duplicate message', {
      timeout: 3000,
    });
    expect($<HTMLInputElement>(el, '#new-tag')!.value).to.equal('户外');
    $<HTMLInputElement>(el, '#new-tag')!.focus();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect($(el, '#new-tag')).to.equal(null);
    await aTimeout(0);
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.create).to.equal('pref');
    // Reopening the same group keeps what was typed.
    $<HTMLButtonElement>(el, '[data-create="pref"]')!.click();
    await waitUntil(() => $(el, '#new-tag'));
    expect($<HTMLInputElement>(el, '#new-tag')!.value).to.equal('户外');
  });

  it('hides creating where the adapter cannot create tags', async () => {
    const el = await editor(adapter({}, { createTag: false }));
    expect($(el, '[data-create]')).to.equal(null);
  });

  it('shows rule tags apart and read-only', async () => {
    const api = adapter();
    const el = await editor(api);
    const rules = $(el, '[part="rules"]')!;
    expect(rules.querySelector('cl-tag-picker')!.getAttribute('label')).to.equal('规则标签');
    const rulePicker = rules.querySelector('cl-tag-picker')!;
    expect(rulePicker.readonly).to.equal(true);
    expect([...rulePicker.shadowRoot!.querySelectorAll<HTMLElement>('button')].map((b) => b.dataset.id)).to.deep.equal([
      'vip',
    ]);
    expect(tagButton(el, 'vip')!.getAttribute('aria-checked')).to.equal('true');
    // Not in the associate's own groups
    expect(picker(el).shadowRoot!.querySelector('[data-id="vip"]')).to.equal(null);
    tagButton(el, 'vip')!.click();
    await settle(el);
    expect(api.callsTo('markTags')).to.have.length(0);
  });

  it("is read-only with `readonly`, showing only the customer's tags", async () => {
    const api = adapter();
    const el = await editor(api, { readonly: true });
    expect(picker(el).readonly).to.equal(true);
    expect([...picker(el).shadowRoot!.querySelectorAll<HTMLElement>('button')].map((b) => b.dataset.id)).to.deep.equal([
      'a20',
      'sport',
    ]);
    expect($(el, '[data-create]')).to.equal(null);
    await click(el, 'sport');
    expect(api.callsTo('markTags')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('is read-only when the adapter cannot mark tags, and says when there is nothing', async () => {
    const el = await editor(adapter({}, { markTags: false }, { tagIds: [], ruleTagIds: [] }));
    expect($(el, '.note')!.textContent).to.contain('暂无可显示的标签');
    expect($(el, '[part="save-bar"]')).to.equal(null);
  });

  it('searches across all tags with highlighting and a clear empty result', async () => {
    const el = await editor();
    const search = $<HTMLInputElement>(el, '[part="search"]')!;
    expect(search.getAttribute('aria-label')).to.equal('搜索标签');
    search.focus();
    await sendKeys({ type: '运动' });
    await settle(el);
    expect(
      [...picker(el).shadowRoot!.querySelectorAll<HTMLElement>('button:not([hidden])')].map((b) => b.dataset.id),
    ).to.deep.equal(['sport']);
    expect(picker(el).shadowRoot!.querySelector('mark')!.textContent).to.equal('运动');
    expect($(el, '[part="rules"]')).to.equal(null);
    await sendKeys({ type: 'xyz' });
    await settle(el);
    expect(picker(el).shadowRoot!.querySelector('.empty')!.textContent).to.equal('没有与“运动xyz”匹配的标签。');
    await expect(el).to.be.accessible();
    search.value = '高';
    search.dispatchEvent(new Event('input'));
    await settle(el);
    expect(tagButton(el, 'vip')!.querySelector('mark')!.textContent).to.equal('高');
  });

  it('speaks English inside an English provider', async () => {
    const el = await editor(adapter(), { locale: 'en', mode: 'save' });
    expect($(el, '[part="search"]')!.getAttribute('placeholder')).to.equal('Search tags');
    expect($(el, '[part="rules"] cl-tag-picker')!.getAttribute('label')).to.equal('Set by rules');
    await click(el, 'lux');
    expect($(el, '[part="save-bar"]')!.textContent).to.contain('1 unsaved change');
    await expect(el).to.be.accessible();
  });

  describe('as a store associate finds it (issue 17)', () => {
    const rect = (element: Element) => element.getBoundingClientRect();
    const feedback = (el: TagEditor) => $(el, '[part="feedback"]')!.textContent!.trim();

    it('confirms a toggle and a new tag briefly, in a live region', async () => {
      const el = await editor();
      await click(el, 'lux');
      await waitUntil(() => feedback(el) === '已添加“轻奢”', 'no feedback after adding');
      expect($(el, '[part="feedback"]')!.getAttribute('role')).to.equal('status');
      await click(el, 'lux');
      await waitUntil(() => feedback(el) === '已移除“轻奢”', 'no feedback after removing');
      $<HTMLButtonElement>(el, '[data-create="pref"]')!.click();
      await waitUntil(() => $(el, '#new-tag'));
      type($<HTMLInputElement>(el, '#new-tag')!, '户外');
      $<HTMLButtonElement>(el, 'form [data-variant="primary"]')!.click();
      await waitUntil(() => feedback(el).includes('户外'), 'no feedback after creating');
    });

    it('keeps the create form on one row at 375 px, with its focus ring inside the group', async () => {
      const el = await editor(adapter(), { locale: 'en' });
      el.style.width = '375px';
      $<HTMLButtonElement>(el, '[data-create="pref"]')!.click();
      await waitUntil(() => $(el, '#new-tag'));
      await settle(el);
      const input = $<HTMLInputElement>(el, '#new-tag')!;
      type(input, '户外');
      await settle(el);
      const row = [input, $(el, '#new-tag-hint')!, $(el, 'form button[type="button"]')!].map(rect);
      for (const box of row)
        expect(Math.abs(box.top + box.height / 2 - (row[0]!.top + row[0]!.height / 2))).to.be.below(2);
      expect(row[0]!.width).to.be.at.least(80);
      input.focus();
      await sendKeys({ press: 'ArrowLeft' });
      const style = getComputedStyle(input);
      expect(style.outlineStyle).to.equal('solid');
      const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      const group = picker(el).shadowRoot!.querySelector('section.group:has(slot[name="after-pref"])')!;
      expect(rect(input).left - ring).to.be.at.least(rect(group).left);
      expect(rect(input).right + ring).to.be.at.most(rect(group).right);
    });

    it('never lets the save bar cover a focused “+ New tag”', async () => {
      const page = await fixture(
        html`<div style="height: 320px; overflow: auto; width: 375px"
          ><cl-provider .adapter=${adapter()} locale="zh-CN"
            ><cl-tag-editor customer-id="cust-1" mode="save"></cl-tag-editor></cl-provider
        ></div>`,
      );
      const el = page.querySelector('cl-tag-editor')!;
      await waitUntil(() => $(el, '[data-create="pref"]'));
      await settle(el);
      const create = $<HTMLButtonElement>(el, '[data-create="pref"]')!;
      page.scrollTop = 0;
      create.focus();
      await aTimeout(50);
      const bar = rect($(el, '[part="save-bar"]')!);
      expect(rect(create).bottom).to.be.at.most(bar.top);
    });

    it('says when the network is gone, above the tags, and clears when it is back', async () => {
      const setOnline = (online: boolean) => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
        dispatchEvent(new Event(online ? 'online' : 'offline'));
      };
      try {
        const el = await editor(adapter(), { locale: 'en' });
        setOnline(false);
        await settle(el);
        const notice = $(el, '[part="offline"]')!;
        expect(notice.textContent).to.include('You are offline');
        expect(notice.compareDocumentPosition(picker(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
        await expect(el).to.be.accessible();
        setOnline(true);
        await settle(el);
        expect($(el, '[part="offline"]')).to.equal(null);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
    });
  });
});
