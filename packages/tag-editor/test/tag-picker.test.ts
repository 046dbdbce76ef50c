import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TagGroup } from '@clienteling/core';
import '../src/define-tag-picker.js';
import type { TagPicker, TagToggleDetail } from '../src/define-tag-picker.js';
import { fixtures } from '../../../test/helpers/stub-adapter.js';

const tag = fixtures.tag;
const groups = (): TagGroup[] => [
  fixtures.tagGroup({
    id: 'pref',
    name: '偏好',
    order: 1,
    tags: [
      tag({ id: 'sport', groupId: 'pref', name: '运动风', order: 3 }),
      tag({ id: 'office', groupId: 'pref', name: '通勤 Office', order: 2 }),
      tag({ id: 'gone', groupId: 'pref', name: '已删除', deleted: true }),
      tag({ id: 'lux', groupId: 'pref', name: '轻奢', order: 1 }),
    ],
  }),
  fixtures.tagGroup({
    id: 'age',
    name: '年龄段',
    order: 5,
    selection: 'single',
    tags: [
      tag({ id: 'a20', groupId: 'age', name: '20-30', order: 2 }),
      tag({ id: 'a30', groupId: 'age', name: '30-40', order: 1 }),
    ],
  }),
  fixtures.tagGroup({ id: 'old', name: '旧分组', deleted: true, tags: [tag({ id: 'x', groupId: 'old', name: 'X' })] }),
  fixtures.tagGroup({
    id: 'rule',
    name: '消费力',
    order: 0,
    kind: 'rule',
    tags: [tag({ id: 'vip', groupId: 'rule', name: '高消费' })],
  }),
];

async function picker(props: Partial<TagPicker> = {}) {
  const el = await fixture<TagPicker>(html`<cl-tag-picker label="客户标签" .groups=${groups()}></cl-tag-picker>`);
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}
const $ = (el: TagPicker, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: TagPicker, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const tagButton = (el: TagPicker, id: string) => $(el, `button[data-id="${id}"]`)!;
const names = (el: TagPicker) => $$(el, 'button[data-id]:not([hidden])').map((b) => b.dataset.id);

describe('cl-tag-picker', () => {
  it('shows groups by order (larger first), hides soft-deleted groups and tags', async () => {
    const el = await picker();
    expect($$(el, '[part="group-label"]').map((g) => g.childNodes[1]!.textContent)).to.deep.equal([
      '年龄段',
      '偏好',
      '消费力',
    ]);
    expect(names(el)).to.deep.equal(['a20', 'a30', 'sport', 'office', 'lux', 'vip']);
    await expect(el).to.be.accessible();
  });

  it('makes a single-select group a radiogroup of radios and a multi-select group checkboxes', async () => {
    const el = await picker({ selected: ['a30', 'sport', 'lux'] });
    const [age, pref] = $$(el, '[part="tags"]');
    expect(age!.getAttribute('role')).to.equal('radiogroup');
    expect(pref!.getAttribute('role')).to.equal('group');
    expect(age!.getAttribute('aria-labelledby')).to.equal($$(el, '[part="group-label"]')[0]!.id);
    expect(tagButton(el, 'a20').getAttribute('role')).to.equal('radio');
    expect(tagButton(el, 'a30').getAttribute('aria-checked')).to.equal('true');
    expect(tagButton(el, 'a20').getAttribute('aria-checked')).to.equal('false');
    expect(tagButton(el, 'sport').getAttribute('role')).to.equal('checkbox');
    expect(tagButton(el, 'lux').getAttribute('part')).to.equal('tag tag-selected');
    await expect(el).to.be.accessible();
  });

  it('asks for a change with cl-tag-toggle and leaves `selected` to its host', async () => {
    const el = await picker({ selected: ['a30'] });
    setTimeout(() => tagButton(el, 'a20').click());
    const { detail } = (await oneEvent(el, 'cl-tag-toggle')) as CustomEvent<TagToggleDetail>;
    expect(detail.tag.id).to.equal('a20');
    expect(detail.group.id).to.equal('age');
    expect(detail.selected).to.equal(true);
    expect(el.selected).to.deep.equal(['a30']);
    setTimeout(() => tagButton(el, 'a30').click());
    const off = (await oneEvent(el, 'cl-tag-toggle')) as CustomEvent<TagToggleDetail>;
    expect(off.detail.selected).to.equal(false);
  });

  it('treats every group as multi-select with `multiple`', async () => {
    const el = await picker({ multiple: true });
    expect($$(el, '[role="radiogroup"]')).to.have.length(0);
    expect(tagButton(el, 'a20').getAttribute('role')).to.equal('checkbox');
    expect($$(el, '.hint')[0]!.textContent).to.equal('可多选');
  });

  it('keeps rule groups read-only, and every group with `readonly`', async () => {
    const el = await picker({ selected: ['vip'] });
    let events = 0;
    el.addEventListener('cl-tag-toggle', () => events++);
    expect(tagButton(el, 'vip').getAttribute('aria-readonly')).to.equal('true');
    tagButton(el, 'vip').click();
    expect(events).to.equal(0);
    el.readonly = true;
    await el.updateComplete;
    tagButton(el, 'sport').click();
    tagButton(el, 'a20').click();
    expect(events).to.equal(0);
    expect($$(el, '[role="radiogroup"]')[0]!.getAttribute('aria-readonly')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('has one tab stop per group, arrows within, Space and Enter to toggle', async () => {
    const el = await picker({ selected: ['a30'] });
    const toggles: TagToggleDetail[] = [];
    el.addEventListener('cl-tag-toggle', (e) => toggles.push(e.detail));
    const stops = () => $$(el, 'button[tabindex="0"]').map((b) => b.dataset.id);
    // The selected radio holds its group's stop; other groups start at their first tag.
    expect(stops()).to.deep.equal(['a30', 'sport', 'vip']);
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('a30');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal('a20'); // wraps around
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('sport');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('lux');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal('office');
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal('lux');
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal('sport');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal('lux');
    expect(stops()).to.deep.equal(['a20', 'lux', 'vip']);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    expect(toggles.map((t) => [t.tag.id, t.selected])).to.deep.equal([
      ['lux', true],
      ['lux', true],
    ]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal('a20');
    // A re-render keeps the remembered stops.
    el.selected = ['a30', 'lux'];
    await el.updateComplete;
    expect(stops()).to.deep.equal(['a20', 'lux', 'vip']);
  });

  it('keeps the focus on its tag when new groups arrive (the buttons are made anew)', async () => {
    const el = await picker({ selected: ['a30'] });
    tagButton(el, 'sport').focus();
    el.groups = groups();
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id).to.equal('sport');
  });

  it('filters by the query, highlights the match and says how many were found', async () => {
    const el = await picker({ query: 'office' });
    expect(names(el)).to.deep.equal(['office']);
    const mark = $(el, 'mark[part="match"]')!;
    expect(mark.textContent).to.equal('Office');
    expect(tagButton(el, 'office').textContent!.trim()).to.equal('通勤 Office');
    expect($$(el, '[part="group"]:not([hidden])')).to.have.length(1);
    expect(el.shadowRoot!.textContent).to.not.contain('运动风'); // nothing on screen shows a tag that does not match
    expect($(el, '[role="status"]')!.textContent).to.equal('找到 1 个标签');
    await expect(el).to.be.accessible();
    el.query = '0';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['a20', 'a30']);
    el.query = '';
    await el.updateComplete;
    expect(names(el)).to.have.length(6);
    expect($(el, 'mark')).to.equal(null);
  });

  it('keeps the focus on its tag, and its state, while the query moves it among the buttons', async () => {
    const el = await picker({ selected: ['office'] });
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
    tagButton(el, 'lux').focus();
    el.query = '奢';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['lux']);
    expect(focused()).to.equal('lux');
    expect(tagButton(el, 'lux').getAttribute('aria-checked')).to.equal('false');
    expect(tagButton(el, 'lux').textContent).to.equal('轻奢');
    // Changes to tags out of sight show when they come back.
    el.selected = ['sport'];
    el.states = { office: 'error' };
    await el.updateComplete;
    el.query = '';
    await el.updateComplete;
    expect(focused()).to.equal('lux');
    expect(tagButton(el, 'sport').getAttribute('aria-checked')).to.equal('true');
    expect(tagButton(el, 'office').getAttribute('aria-checked')).to.equal('false');
    expect(tagButton(el, 'office').dataset.state).to.equal('error');
    expect(tagButton(el, 'office').textContent).to.equal('通勤 Office, 修改失败');
    expect(tagButton(el, 'lux').querySelector('mark')).to.equal(null);
    el.query = '运动';
    await el.updateComplete;
    expect(focused()).to.equal(undefined); // a tag that no longer shows loses the focus
    await expect(el).to.be.accessible();
  });

  it('writes the state words of tags out of sight in the new language when they show again', async () => {
    const page = await fixture(
      html`<cl-provider locale="zh-CN"
        ><cl-tag-picker .groups=${groups()} .states=${{ lux: 'error' }}></cl-tag-picker
      ></cl-provider>`,
    );
    await import('@clienteling/core/define.js');
    const el = page.querySelector('cl-tag-picker')!;
    await el.updateComplete;
    expect(tagButton(el, 'lux').textContent).to.equal('轻奢, 修改失败');
    el.query = '运动';
    await el.updateComplete;
    page.setAttribute('locale', 'en');
    await waitUntil(() => $(el, '.hint')!.textContent === 'Choose one', 'the picker did not follow the language');
    el.query = '';
    await el.updateComplete;
    expect(tagButton(el, 'lux').textContent).to.equal('轻奢, change failed');
  });

  it('moves only among the tags the query shows', async () => {
    const el = await picker({ query: 'o' });
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
    // In 偏好 only "通勤 Office" matches: it holds the stop although "运动风" came first.
    expect($$(el, 'button[tabindex="0"]:not([hidden])').map((b) => b.dataset.id)).to.deep.equal(['office']);
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('office');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal('office');
    el.query = '';
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal('lux');
  });

  it('says clearly when nothing matches', async () => {
    const el = await picker({ query: '不存在' });
    expect(names(el)).to.have.length(0);
    expect($(el, '.empty')!.textContent).to.equal('没有与“不存在”匹配的标签。');
    await expect(el).to.be.accessible();
  });

  it('shows pending and error states visibly and to screen readers', async () => {
    const el = await picker({ selected: ['sport'], states: { sport: 'pending', lux: 'error' } });
    expect(tagButton(el, 'sport').getAttribute('part')).to.equal('tag tag-selected tag-pending');
    expect(tagButton(el, 'sport').textContent).to.contain('待保存');
    expect(tagButton(el, 'lux').dataset.state).to.equal('error');
    expect(tagButton(el, 'lux').textContent).to.contain('修改失败');
    await expect(el).to.be.accessible();
  });

  it('shows an empty picker and empty groups, in English too', async () => {
    const page = await fixture(
      html`<cl-provider locale="en"
        ><cl-tag-picker .groups=${[fixtures.tagGroup({ id: 'g', name: 'New group' })]}></cl-tag-picker
      ></cl-provider>`,
    );
    await import('@clienteling/core/define.js');
    const el = page.querySelector('cl-tag-picker')!;
    await el.updateComplete;
    expect($(el, '[part="group"] [part="tags"]')).to.equal(null); // no empty radiogroup or group
    expect($(el, '.hint')!.textContent).to.equal('Choose any');
    expect($(el, 'slot[name="after-g"]')).to.not.equal(null);
    el.groups = [];
    await el.updateComplete;
    expect($(el, '.empty')!.textContent).to.equal('No tags yet.');
    await expect(el).to.be.accessible();
  });

  describe('thousands of tags (issue 17 #9)', () => {
    const bigGroup = (count: number) =>
      fixtures.tagGroup({
        id: 'city',
        name: '城市',
        tags: Array.from({ length: count }, (_, i) =>
          tag({ id: `city-${i}`, groupId: 'city', name: `城市${i}`, order: count - i }),
        ),
      });

    it('folds a long group after its first tags, keeping the selected ones, and opens it with one tap', async () => {
      const el = await picker({ groups: [bigGroup(40)], selected: ['city-30'] });
      expect(names(el)).to.have.length(13);
      expect(names(el)).to.include('city-30');
      const expand = $(el, '[part=expand]')!;
      expect(expand.textContent!.trim()).to.equal('展开（还有 27 个）');
      expect(expand.getAttribute('aria-expanded')).to.equal('false');
      await expect(el).to.be.accessible();
      expand.click();
      await el.updateComplete;
      expect(names(el)).to.have.length(40);
      expect($(el, '[part=expand]')!.textContent!.trim()).to.equal('收起');
      expect($(el, '[part=expand]')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('creates no buttons for the tags a folded group hides, until they show (issue 19)', async () => {
      const el = await picker({ groups: [bigGroup(40)] });
      expect($$(el, 'button[data-id]')).to.have.length(12);
      el.selected = ['city-20'];
      await el.updateComplete;
      expect(names(el)).to.have.length(13);
      expect($$(el, 'button[data-id]')).to.have.length(13); // a button per tag shown
      $(el, '[part=expand]')!.click();
      await el.updateComplete;
      expect(names(el)).to.have.length(40);
      expect(tagButton(el, 'city-39').textContent).to.equal('城市39');
      el.query = '城市3';
      await el.updateComplete;
      expect(names(el)).to.have.length(11);
      expect(tagButton(el, 'city-39').querySelector('mark')!.textContent).to.equal('城市3');
    });

    it('shows every match while searching, and never folds a short group', async () => {
      const el = await picker({ groups: [bigGroup(40)], query: '城市3' });
      expect(names(el)).to.have.length(11); // 城市3 and 城市30 to 城市39
      expect($(el, '[part=expand]')).to.equal(null);
      const short = await picker();
      expect($(short, '[part=expand]')).to.equal(null);
    });
  });

  it('shows read-only tags as labels, not as selected choices (issue 17 #9)', async () => {
    const el = await picker({ selected: ['vip', 'sport'] });
    const rule = getComputedStyle(tagButton(el, 'vip'));
    const chosen = getComputedStyle(tagButton(el, 'sport'));
    expect(rule.backgroundColor).to.not.equal(chosen.backgroundColor);
    expect(getComputedStyle(tagButton(el, 'vip'), '::before').content).to.equal('none');
    expect(getComputedStyle(tagButton(el, 'sport'), '::before').content).to.not.equal('none');
    expect(rule.cursor).to.equal('default');
  });
});
