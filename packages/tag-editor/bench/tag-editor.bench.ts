/**
 * Benchmarks of the tag picker (the tag editor's list) at the platform's quota, 3,000 tags in 30
 * groups, each against a plain Lit list of the same buttons with the same styles, in the same run:
 * - first render: from attaching the element to its 3,000 buttons laid out;
 * - keystroke: from a new query to the filtered buttons laid out, the match marked in each name.
 * Groups do not fold (`collapseAfter = 0`): all 3,000 tags show, as in the plain list.
 * At 1x and 4x CPU, medians of alternating runs (see packages/core/bench/kit.ts).
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { baseStyles } from '@clienteling/core/elements.js';
import type { Tag, TagGroup } from '@clienteling/core';
import { compareAtEachRate } from '../../core/bench/kit.js';
import '../src/define.js';
import type { TagPicker } from '../src/tag-picker.js';
import { pickerStyles } from '../src/tag-picker.styles.js';

const WORDS = ['运动', '通勤', '轻奢', '亲子', '户外', '美妆', '护肤', 'Office', 'VIP', 'Outdoor'];

export function bigGroups(groupCount = 30, perGroup = 100): TagGroup[] {
  return Array.from({ length: groupCount }, (_, g) => ({
    id: `g${g}`,
    name: `分组 ${g + 1}`,
    order: groupCount - g,
    deleted: false,
    selection: g % 3 === 0 ? ('single' as const) : ('multiple' as const),
    kind: 'manual' as const,
    allowCreate: true,
    tags: Array.from({ length: perGroup }, (_, t) => ({
      id: `g${g}-t${t}`,
      groupId: `g${g}`,
      name: `${WORDS[(g + t) % WORDS.length]} ${g + 1}-${t + 1}`,
      order: perGroup - t,
      deleted: false,
    })),
  }));
}

/**
 * The baseline: the same groups and buttons (the same DOM: styles, roles, states, tab stops and the
 * query marked in names), in the plainest Lit templates; a search renders only the matching tags.
 */
class PlainTagList extends LitElement {
  static override styles = [baseStyles, pickerStyles];
  groups: TagGroup[] = [];
  selected = new Set<string>();
  query = '';

  /** The same button as the picker's: part, role, state, id and roving tab stop. */
  private renderTag = (tag: Tag, single: boolean, isTabStop: boolean): TemplateResult => {
    const checked = this.selected.has(tag.id);
    return html`<button
      type="button"
      part=${checked ? 'tag tag-selected' : 'tag'}
      role=${single ? 'radio' : 'checkbox'}
      aria-checked=${checked ? 'true' : 'false'}
      data-id=${tag.id}
      tabindex=${isTabStop ? '0' : '-1'}
      >${this.renderName(tag.name)}</button
    >`;
  };

  /** The name with the query marked, as the picker marks it. */
  private renderName(name: string) {
    const position = this.query ? name.toLowerCase().indexOf(this.query) : -1;
    if (position < 0) return name;
    const end = position + this.query.length;
    return html`${name.slice(0, position)}<mark part="match">${name.slice(position, end)}</mark>${name.slice(end)}`;
  }

  private renderGroup = (group: TagGroup): TemplateResult => {
    const single = group.selection === 'single';
    const tags = this.query ? group.tags.filter((tag) => tag.name.toLowerCase().includes(this.query)) : group.tags;
    return html`<section part="group" class="group"
      ><div part="group-label" class="label">${group.name}</div
      ><div part="tags" class="tags" role=${single ? 'radiogroup' : 'group'}
        >${tags.map((tag, i) => this.renderTag(tag, single, i === 0))}</div
      ></section
    >`;
  };

  protected override render() {
    return html`<div role="group">${this.groups.map(this.renderGroup)}</div>`;
  }
}
customElements.define('bench-plain-tag-list', PlainTagList);

/** Waits for the update and the browser's style and layout of it. */
const settle = async (el: LitElement) => {
  await el.updateComplete;
  el.getBoundingClientRect();
  void document.body.offsetHeight;
};

const groups = bigGroups();
const selected = groups.flatMap((g, i) => (i % 2 ? [g.tags[i]!.id, g.tags[i + 1]!.id] : [g.tags[0]!.id]));
const buttonCount = (el: Element) => el.shadowRoot!.querySelectorAll('button[data-id]:not([hidden])').length;

/** Queries an associate would type, one keystroke at a time, then deleted again. */
const KEYSTROKES = [
  '运',
  '运动',
  '运动 1',
  '运动',
  '运',
  '护',
  '护肤',
  '护',
  'v',
  'vi',
  'vip',
  'vip 2',
  'vip',
  'vi',
  'v',
];

describe('tag editor benchmarks (3,000 tags)', function () {
  this.timeout(600_000);

  it('first render, against a plain Lit list', async () => {
    const renderPicker = async () => {
      const el = document.createElement('cl-tag-picker') as TagPicker;
      el.style.width = '375px';
      el.collapseAfter = 0; // every tag shown, as in the plain list
      el.selected = selected;
      const started = performance.now();
      el.groups = groups;
      document.body.append(el);
      await settle(el);
      const time = performance.now() - started;
      if (buttonCount(el) !== 3000) throw new Error(`${el.localName}: ${buttonCount(el)} of 3,000 tags rendered`);
      el.remove();
      return time;
    };
    const renderPlain = async () => {
      const el = document.createElement('bench-plain-tag-list') as PlainTagList;
      el.style.width = '375px';
      el.selected = new Set(selected);
      const started = performance.now();
      el.groups = groups;
      document.body.append(el);
      await settle(el);
      const time = performance.now() - started;
      if (buttonCount(el) !== 3000) throw new Error(`${el.localName}: ${buttonCount(el)} of 3,000 tags rendered`);
      el.remove();
      return time;
    };
    await compareAtEachRate('tag-editor: first render, 3,000 tags', renderPicker, renderPlain, {
      target: 1.2,
      baselineName: 'plain Lit list',
    });
  });

  it('search keystroke, against a plain Lit list', async () => {
    const picker = document.createElement('cl-tag-picker') as TagPicker;
    const plain = document.createElement('bench-plain-tag-list') as PlainTagList;
    for (const el of [picker, plain]) el.style.width = '375px';
    picker.collapseAfter = 0;
    picker.groups = groups;
    picker.selected = selected;
    plain.groups = groups;
    plain.selected = new Set(selected);
    // Each in its own box at the top of the viewport, one over the other: both are on screen, where
    // `content-visibility: auto` lays out their groups. (One under the other, the lower one lay off
    // screen and skipped the layout of every group.)
    const boxes = [picker, plain].map((el) => {
      const box = document.createElement('div');
      box.style.cssText = 'position:fixed;top:0;left:0;width:375px;height:100vh;overflow:auto;background:white';
      box.append(el);
      document.body.append(box);
      return box;
    });
    await settle(picker);
    await settle(plain);
    let pickerKey = 0;
    let plainKey = 0;
    /** One keystroke (the next of KEYSTROKES), timed to its result laid out. */
    const typeIn = async (el: LitElement & { query: string }, index: number) => {
      const started = performance.now();
      el.query = KEYSTROKES[index % KEYSTROKES.length]!;
      el.requestUpdate();
      await settle(el);
      return performance.now() - started;
    };
    await compareAtEachRate(
      'tag-editor: search keystroke, 3,000 tags',
      () => typeIn(picker, pickerKey++),
      () => typeIn(plain, plainKey++),
      { target: 1.2, baselineName: 'plain Lit list', runs: KEYSTROKES.length },
    );
    for (const box of boxes) box.remove();
  });
});
