/**
 * <cl-group-member-list> at 10,000 members, side by side with a bare `@lit-labs/virtualizer` list of
 * the same rows, in the same page, at 1x and 4x CPU (medians of alternating runs, see
 * packages/core/bench/kit.ts):
 * - render: main-thread time from attaching the list to its first rows in the DOM, laid out;
 * - scroll: from scrolling 200 rows to the rows there rendered and laid out. The bare list is a
 *   `<lit-virtualizer>`, which starts once it is in the document (a virtualize directive started
 *   inside the first render listens to the window only, and never re-renders when its box scrolls);
 * - search: frames from the adapter's answer to the rows shown (target: the next frame).
 * Prints `BENCH {json}` lines.
 */
import { expect } from '@open-wc/testing';
import { LitElement, html, render, type TemplateResult } from 'lit';
import '@lit-labs/virtualizer';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { FULL_CAPABILITIES, type ClientelingAdapter, type GroupMember, type OperationInput } from '@clienteling/core';
import { baseStyles } from '@clienteling/core/elements.js';
import '@clienteling/core/define.js';
import '../src/define.js';
import { SEARCH_DEBOUNCE_MS, type GroupMemberList } from '../src/index.js';
import { styles } from '../src/group-member-list.styles.js';
import { compareAtEachRate, CPU_RATES, median, nextFrame, report, setCpuRate, tick } from '../../core/bench/kit.js';
import { compareScrolling, settled, stage } from '../../core/bench/list-kit.js';

const MEMBER_COUNT = 10_000;
const TYPED = 'lily 12';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['丽', '伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超'];
const NICKS = ['lily', 'amy', 'coco', 'jack', 'tony', 'ivy', 'leo', 'mia', 'zoe', 'max'];
const START_OF_2026 = Date.UTC(2026, 0, 1);

const members: GroupMember[] = Array.from({ length: MEMBER_COUNT }, (_, i) => ({
  id: `m-${i}`,
  groupId: 'g-1',
  type: i % 10 === 0 ? 'staff' : 'customer',
  name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 === 0 ? GIVEN[i % GIVEN.length] : ''}`,
  ...(i % 2 === 0 ? { nickname: `${NICKS[i % NICKS.length]} ${i}` } : {}),
  ...(i % 10 === 0 ? { companyName: '百联' } : {}),
  role: i === 0 ? 'owner' : i % 500 === 1 ? 'admin' : 'member',
  joinedAt: new Date(START_OF_2026 - i * 3_600_000).toISOString(),
  joinScene: (['qrcode', 'link', 'invited'] as const)[i % 3]!,
  ...(i % 3 === 2 ? { inviterName: '王丽' } : {}),
}));

const matches = (m: GroupMember, search: string) =>
  !search || m.name.toLowerCase().includes(search) || (m.nickname ?? '').toLowerCase().includes(search);

/** An in-bench adapter answering at once from memory, like a fast backend. */
let lastCall = 0;
let lastTotal = 0;
/** When the adapter's last answer was handed back. */
let lastAnswer = 0;
const adapter = {
  capabilities: FULL_CAPABILITIES,
  getGroup: async () => ({
    id: 'g-1',
    name: '内部通知群',
    kind: 'internal',
    ownerId: 'm-0',
    ownerName: '王丽',
    memberCount: MEMBER_COUNT,
    memberCap: 20_000,
    createdAt: new Date(START_OF_2026).toISOString(),
    viewerRole: 'owner',
  }),
  listGroupMembers: async ({ query, cursor, limit }: OperationInput<'listGroupMembers'>) => {
    lastCall = performance.now();
    const search = (query ?? '').toLowerCase();
    const list = search ? members.filter((m) => matches(m, search)) : members;
    const start = cursor ? Number(cursor) : 0;
    const end = start + (limit ?? 100);
    lastTotal = list.length;
    const page = {
      items: list.slice(start, end),
      nextCursor: end < list.length ? String(end) : null,
      total: list.length,
    };
    lastAnswer = performance.now();
    return page;
  },
} as unknown as ClientelingAdapter;

/* ------------------------------------------------------------------ the bare list */

/** The same row markup, styles and formatting as the element's, rendered by a bare virtualizer. */
class BareList extends LitElement {
  static override styles = [baseStyles, styles];
  items: GroupMember[] = members;
  private relativeTime = new Intl.RelativeTimeFormat('zh-CN', { numeric: 'auto' });
  private now = new Date();
  private renderRow = (m: GroupMember, i: number): TemplateResult => {
    const name = m.nickname || m.name;
    const days = Math.round((Date.parse(m.joinedAt) - this.now.getTime()) / 86_400_000);
    const scene =
      m.joinScene === 'qrcode'
        ? '通过扫描群二维码加入'
        : m.joinScene === 'link'
          ? '通过群链接加入'
          : `由 ${m.inviterName} 邀请加入`;
    return html`<div class="row" part="row" role="listitem" aria-setsize=${this.items.length} aria-posinset=${i + 1}
      ><div class="main"
        ><span class="avatar" part="avatar" aria-hidden="true">${name[0]}</span
        ><span class="text"
          ><span class="line"
            ><span class="name" part="name">${name}</span>${
              m.nickname ? html`<span class="real">${m.name}</span>` : ''
            }<span class="badge" part="badge" data-type=${m.type}
              >${m.type === 'staff' ? `@${m.companyName}` : '客户'}</span
            >${m.role === 'member' ? '' : html`<span class="role" part="role">${m.role}</span>`}</span
          ><span class="line meta" part="meta">${this.relativeTime.format(days, 'day')} · ${scene}</span></span
        ></div
      ><button class="cl-button remove" part="remove-button" .value=${m.id} aria-label=${`将 ${name} 移出群聊`}
        >移出</button
      ></div
    >`;
  };
  protected override render() {
    this.now = new Date();
    // The <lit-virtualizer> element starts when it is connected, inside its scrolling box. (A
    // virtualize directive rendered in render() starts while its container is still outside the
    // document, watches the window's scrolling only, and never re-renders when its box scrolls.)
    return html`<lit-virtualizer
      class="list"
      role="list"
      .items=${this.items}
      .renderItem=${this.renderRow}
      .keyFunction=${(m: GroupMember) => m.id}
    ></lit-virtualizer>`;
  }
}
customElements.define('bench-bare-list', BareList);

/* ------------------------------------------------------------------ helpers */

/** Waits until `ready()` holds, then forces style and layout, as the first paint would. */
const rowsIn = (root: ParentNode) => root.querySelectorAll('[role=listitem]').length;

async function renderElement(pageSize = 100): Promise<{ ms: number; el: GroupMemberList; box: HTMLElement }> {
  const box = stage();
  const started = performance.now();
  render(
    html`<cl-provider .adapter=${adapter}
      ><cl-group-member-list group-id="g-1" page-size=${pageSize}></cl-group-member-list
    ></cl-provider>`,
    box,
  );
  const el = box.querySelector('cl-group-member-list')!;
  await settled(el.shadowRoot!, () => rowsIn(el.shadowRoot!) > 0);
  return { ms: performance.now() - started, el, box };
}

async function renderBare(items = members): Promise<{ ms: number; bare: BareList; box: HTMLElement }> {
  const box = stage();
  const started = performance.now();
  const bare = document.createElement('bench-bare-list') as BareList;
  bare.items = items;
  box.append(bare);
  await settled(bare.shadowRoot!, () => rowsIn(bare.shadowRoot!) > 0);
  return { ms: performance.now() - started, bare, box };
}

describe('group-member-list benchmark (10,000 members)', function () {
  this.timeout(300_000);
  let restore: () => void;
  before(() => (restore = ignoreWindowResizeObserverLoopErrors()));
  after(() => restore());

  it('first render, side by side with a bare virtualizer list', async () => {
    // Warm up both (module loading, JIT, the virtualizer's layout chunk).
    for (let i = 0; i < 2; i++) {
      (await renderElement()).box.remove();
      (await renderBare()).box.remove();
    }
    await compareAtEachRate(
      'group-member-list: first rows, 10,000 members',
      async () => {
        const element = await renderElement();
        expect(element.el.shadowRoot!.querySelector('[role=listitem]')!.getAttribute('aria-setsize')).to.equal(
          String(MEMBER_COUNT),
        );
        element.box.remove();
        return element.ms;
      },
      async () => {
        const bareList = await renderBare();
        bareList.box.remove();
        return bareList.ms;
      },
      { target: 1.15, baselineName: 'bare virtualizer' },
    );
  });

  it('scroll, side by side with a bare virtualizer list', async () => {
    // Each run scrolls a fresh list.
    const shown = await compareScrolling({
      name: 'group-member-list',
      holding: '10,000 members',
      rows: 200,
      rowSelector: '[role=listitem]',
      tolerance: 15,
      own: async () => {
        // Its first page holds 500 rows, so no page loads meanwhile.
        const { el, box } = await renderElement(500);
        return { root: el.shadowRoot!, box };
      },
      baseline: async () => {
        const { bare, box } = await renderBare();
        return { root: bare.shadowRoot!, box };
      },
      target: 1.15,
    });
    expect(shown.own, 'the member list shows the rows scrolled to').to.equal(true);
  });

  it('search: rows shown within a frame of the answer', async () => {
    for (const cpu of CPU_RATES) {
      await setCpuRate(cpu);
      const frames: number[] = [];
      const work: number[] = [];
      for (let round = 0; round < 2; round++) {
        const { el, box } = await renderElement();
        const input = el.shadowRoot!.querySelector('input')!;
        for (let i = 1; i <= TYPED.length; i++) {
          const before = lastCall;
          input.value = TYPED.slice(0, i);
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          // The debounce (several keystrokes, one request) is idle time, not counted.
          while (lastCall === before) await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS / 3));
          await tick();
          const answered = lastAnswer;
          let frameCount = 0;
          const shown = () => {
            const first = el.shadowRoot!.querySelector('[role=listitem]');
            return (
              (lastTotal === 0
                ? !!el.shadowRoot!.querySelector('.state')
                : first?.getAttribute('aria-setsize') === String(lastTotal)) &&
              el.shadowRoot!.querySelector('[role=list]')?.getAttribute('aria-busy') !== 'true'
            );
          };
          // Count the frames that start before the rows are there: 1 means they show in the next one.
          while (!shown()) {
            await nextFrame();
            frameCount++;
            if (frameCount > 600) throw new Error('the search results never showed');
          }
          frames.push(Math.max(1, frameCount));
          work.push(performance.now() - answered);
        }
        box.remove();
      }
      await setCpuRate(1);
      report({
        name: 'group-member-list: search, frames from answer to rows',
        value: median(frames),
        unit: 'frames',
        target: 1,
        cpu,
        runs: frames.length,
      });
      report({
        name: 'group-member-list: search, answer to rows',
        value: median(work),
        unit: 'ms',
        cpu,
        runs: work.length,
      });
    }
  });
});
