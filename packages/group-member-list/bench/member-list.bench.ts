/**
 * <cl-group-member-list> at 10,000 members, side by side with a bare `@lit-labs/virtualizer` list of
 * the same rows, in the same run:
 * - render: from attaching the list to its first rows in the DOM, laid out;
 * - keystroke: the work one search keystroke costs (the input handler, then, once the debounced
 *   request reaches the adapter, filtering, validation and rendering of the new rows, laid out).
 *   The debounce pause itself is idle time and is not counted. The bare list filters the same
 *   10,000 rows in memory and renders them on each keystroke.
 * Prints `BENCH {json}` lines (median of several runs).
 */
import { expect } from '@open-wc/testing';
import { LitElement, html, render, type TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { FULL_CAPABILITIES, type ClientelingAdapter, type GroupMember, type OperationInput } from '@clienteling/core';
import { baseStyles } from '@clienteling/core/elements.js';
import '@clienteling/core/define.js';
import '../src/define.js';
import { SEARCH_DEBOUNCE_MS, type GroupMemberList } from '../src/index.js';
import { styles } from '../src/group-member-list.styles.js';

const MEMBER_COUNT = 10_000;
const RENDER_RUNS = 15;
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
    return { items: list.slice(start, end), nextCursor: end < list.length ? String(end) : null, total: list.length };
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
    return html`<div class="list" role="list"
      >${virtualize({ items: this.items, renderItem: this.renderRow, keyFunction: (m: GroupMember) => m.id })}</div
    >`;
  }
}
customElements.define('bench-bare-list', BareList);

/* ------------------------------------------------------------------ helpers */

const channel = new MessageChannel();
/** Yields to the event loop without timer clamping. */
const tick = () =>
  new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const round = (n: number) => Math.round(n * 100) / 100;
const report = (name: string, value: number, target?: number, unit = 'ms') =>
  console.log(
    'BENCH ' +
      JSON.stringify({ name, value: round(value), unit, ...(target !== undefined ? { target: round(target) } : {}) }),
  );

/** Waits until `ready()` holds, then forces style and layout, as the first paint would. */
async function settled(root: ParentNode, ready: () => boolean): Promise<void> {
  for (let i = 0; !ready(); i++) {
    if (i > 20_000) throw new Error('the list did not render');
    await tick();
  }
  (root.querySelector('[role=listitem]:last-of-type') as HTMLElement | null)?.getBoundingClientRect();
}

function stage(): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = 'height:640px;width:375px;overflow:auto';
  document.body.append(box);
  return box;
}

const rowsIn = (root: ParentNode) => root.querySelectorAll('[role=listitem]').length;

async function renderElement(): Promise<{ ms: number; el: GroupMemberList; box: HTMLElement }> {
  const box = stage();
  const started = performance.now();
  render(
    html`<cl-provider .adapter=${adapter}><cl-group-member-list group-id="g-1"></cl-group-member-list></cl-provider>`,
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
    const own: number[] = [];
    const bare: number[] = [];
    // Interleaved, alternating which goes first, each started at the same point of a frame, so
    // both see the same machine load and the same wait for the frame that shows the rows.
    for (let i = 0; i < RENDER_RUNS; i++) {
      for (const which of i % 2 ? ['bare', 'own'] : ['own', 'bare']) {
        await nextFrame();
        if (which === 'own') {
          const element = await renderElement();
          own.push(element.ms);
          expect(element.el.shadowRoot!.querySelector('[role=listitem]')!.getAttribute('aria-setsize')).to.equal(
            String(MEMBER_COUNT),
          );
          element.box.remove();
        } else {
          const bareList = await renderBare();
          bare.push(bareList.ms);
          bareList.box.remove();
        }
      }
    }
    const ratio = median(own) / median(bare);
    report('group-member-list render 10k', median(own), 1.3 * median(bare));
    report('bare virtualizer render 10k', median(bare));
    report('group-member-list render / bare', ratio, 1.3, 'x');
  });

  it('time per search keystroke, side by side with a bare virtualizer list', async () => {
    const own: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 3; round++) {
      const { el, box } = await renderElement();
      const input = el.shadowRoot!.querySelector('input')!;
      for (let i = 1; i <= TYPED.length; i++) {
        const before = lastCall;
        const typed = performance.now();
        input.value = TYPED.slice(0, i);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        const typing = performance.now() - typed;
        // Idle until the debounced request reaches the adapter (not counted)…
        while (lastCall === before) await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS / 3));
        const requested = lastCall;
        const list = () => el.shadowRoot!.querySelector('[role=list]');
        // …then count from the request to the new rows, laid out.
        await settled(el.shadowRoot!, () => {
          const first = el.shadowRoot!.querySelector('[role=listitem]');
          return (
            (lastTotal === 0
              ? !!el.shadowRoot!.querySelector('.state')
              : first?.getAttribute('aria-setsize') === String(lastTotal)) &&
            list()?.getAttribute('aria-busy') !== 'true'
          );
        });
        own.push(typing + performance.now() - requested);
      }
      box.remove();

      const bareRun = await renderBare();
      for (let i = 1; i <= TYPED.length; i++) {
        const search = TYPED.slice(0, i);
        const filtered = performance.now();
        const items = members.filter((m) => matches(m, search));
        bareRun.bare.items = items;
        bareRun.bare.requestUpdate();
        await settled(bareRun.bare.shadowRoot!, () => {
          const first = bareRun.bare.shadowRoot!.querySelector('[role=listitem]');
          return items.length === 0 || first?.getAttribute('aria-setsize') === String(items.length);
        });
        bare.push(performance.now() - filtered);
      }
      bareRun.box.remove();
    }
    report('group-member-list keystroke 10k', median(own), 16);
    report('bare virtualizer keystroke 10k', median(bare));
    report('group-member-list keystroke / bare', median(own) / median(bare), undefined, 'x');
    expect(own.length).to.equal(3 * TYPED.length);
  });
});
