/**
 * <cl-customer-timeline> at 5,000 entries, side by side with a bare `@lit-labs/virtualizer` list of
 * the same rows (day headers and entries, the same markup, styles and wording), in the same page, at
 * 1x and 4x CPU (medians of alternating runs, see packages/core/bench/kit.ts):
 * - render: main-thread time from attaching the timeline to its first rows in the DOM, laid out;
 * - scroll: from scrolling 200 rows to the rows there rendered and laid out. The bare list is a
 *   `<lit-virtualizer>`, which starts once it is in the document (a virtualize directive started
 *   inside the first render listens to the window only, and never re-renders when its box scrolls).
 * The element's first render asks for its default first page (50 entries, as a page would); for
 * the scroll its first page holds 500 (no page loads while it scrolls). The bare list holds all 5,000. Prints `BENCH {json}` lines. Target: at most 1.3x the bare list.
 */
import { expect } from '@open-wc/testing';
import { LitElement, html, render, type TemplateResult } from 'lit';
import '@lit-labs/virtualizer';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import {
  DEFAULT_POLICY,
  FULL_CAPABILITIES,
  type ClientelingAdapter,
  type CustomerActivity,
  type OperationInput,
} from '@clienteling/core';
import { baseStyles } from '@clienteling/core/elements.js';
import '@clienteling/core/define.js';
import '../src/define.js';
import type { CustomerTimeline } from '../src/index.js';
import { styles } from '../src/customer-timeline.styles.js';
import { timelineRows, type TimelineRow } from '../src/timeline-days.js';
import { compareAtEachRate } from '../../core/bench/kit.js';
import { compareScrolling, settled, stage } from '../../core/bench/list-kit.js';

const ENTRY_COUNT = 5_000;
const FIRST_PAGE = 500;
const STAFF: Record<string, string> = { 'staff-1': '王丽', 'staff-2': '李娜' };
const NOTES = ['客户下周三到店试穿白色外套，M 码，已预留。', '电话回访：对连衣裙很满意，想要同款其他颜色。'];
const START = Date.UTC(2026, 10, 30, 8);

const activities: CustomerActivity[] = Array.from({ length: ENTRY_COUNT }, (_, i) => {
  const base = {
    id: `a-${String(i).padStart(5, '0')}`,
    customerId: 'cust-1',
    at: new Date(START - i * 97 * 60_000).toISOString(),
  };
  const staffId = i % 3 ? 'staff-1' : 'staff-2';
  switch (i % 4) {
    case 0:
      return { ...base, kind: 'note', staffId, text: NOTES[i % 2]! };
    case 1:
      return { ...base, kind: 'coupon-issued', staffId, couponId: `c-${i}`, stockId: 's', stockName: '满 300 减 50' };
    case 2:
      return { ...base, kind: 'purchase', amount: 39_900 + i, storeName: '南京东路店', attributedStaffId: staffId };
    default:
      return { ...base, kind: 'tags-changed', staffId, added: ['t-1'], removed: [] };
  }
});

/** An in-bench adapter answering at once from memory, like a fast backend. */
const adapter = {
  capabilities: FULL_CAPABILITIES,
  getCurrentStaff: async () => ({
    id: 'staff-9',
    name: '赵敏',
    companyName: '百联',
    verified: true,
    externalAttributes: [],
  }),
  getStaff: async ({ staffId }: { staffId: string }) => ({
    id: staffId,
    name: STAFF[staffId] ?? '同事',
    companyName: '百联',
    verified: true,
    externalAttributes: [],
  }),
  getPolicy: async () => DEFAULT_POLICY,
  listTagGroups: async () => [],
  listCustomerActivity: async ({ cursor, limit }: OperationInput<'listCustomerActivity'>) => {
    const start = cursor ? Number(cursor) : 0;
    const end = start + (limit ?? 50);
    return { items: activities.slice(start, end), nextCursor: end < activities.length ? String(end) : null };
  },
} as unknown as ClientelingAdapter;

/* ------------------------------------------------------------------ the bare list */

const money = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: DEFAULT_POLICY.timeZone,
  hour: '2-digit',
  minute: '2-digit',
});

/** The same rows, markup and styles as the element's, with the words worked out simply, in a bare virtualizer. */
class BareTimeline extends LitElement {
  static override styles = [baseStyles, styles];
  rows: TimelineRow[] = timelineRows([], activities, DEFAULT_POLICY.timeZone);
  private renderRow = (row: TimelineRow, index: number): TemplateResult => {
    if (row.type === 'day') {
      return html`<div class="day" role="listitem" aria-setsize=${this.rows.length} aria-posinset=${index + 1}
        ><h3 part="day">${row.day}</h3></div
      >`;
    }
    const { activity } = row;
    const who = STAFF[activity.staffId ?? ''] ?? '同事';
    const headline =
      activity.kind === 'purchase' ? `消费 ${money.format(activity.amount / 100)}` : `${who} ${activity.kind}`;
    const detail =
      activity.kind === 'note' ? activity.text : activity.kind === 'coupon-issued' ? activity.stockName : '南京东路店';
    return html`<div
      class="entry"
      role="listitem"
      data-kind=${activity.kind}
      aria-setsize=${this.rows.length}
      aria-posinset=${index + 1}
      ><span class="dot" aria-hidden="true"></span
      ><button class="entry-main" part="entry" .value=${row.key}
        ><span class="headline" part="headline">${headline}</span><span class="detail" part="detail">${detail}</span
        ><time class="time" part="time" datetime=${activity.at}>${clock.format(Date.parse(activity.at))}</time></button
      ></div
    >`;
  };
  protected override render() {
    return html`<lit-virtualizer
      class="list"
      role="list"
      .items=${this.rows}
      .renderItem=${this.renderRow}
      .keyFunction=${(row: TimelineRow) => row.key}
    ></lit-virtualizer>`;
  }
}
customElements.define('bench-bare-timeline', BareTimeline);

/* ------------------------------------------------------------------ helpers */

const entriesIn = (root: ParentNode) => root.querySelectorAll('.entry[role=listitem]').length;

async function renderElement(pageSize = 50): Promise<{ ms: number; el: CustomerTimeline; box: HTMLElement }> {
  const box = stage();
  const started = performance.now();
  render(
    html`<cl-provider .adapter=${adapter}
      ><cl-customer-timeline customer-id="cust-1" page-size=${pageSize} draft-key="bench"></cl-customer-timeline
    ></cl-provider>`,
    box,
  );
  const el = box.querySelector('cl-customer-timeline')!;
  await settled(el.shadowRoot!, () => entriesIn(el.shadowRoot!) > 0);
  return { ms: performance.now() - started, el, box };
}

async function renderBare(): Promise<{ ms: number; bare: BareTimeline; box: HTMLElement }> {
  const box = stage();
  const started = performance.now();
  const bare = document.createElement('bench-bare-timeline') as BareTimeline;
  box.append(bare);
  await settled(bare.shadowRoot!, () => entriesIn(bare.shadowRoot!) > 0);
  return { ms: performance.now() - started, bare, box };
}

describe('customer-timeline benchmark (5,000 entries)', function () {
  this.timeout(300_000);
  let restore: () => void;
  before(() => (restore = ignoreWindowResizeObserverLoopErrors()));
  after(() => restore());

  it('first render, side by side with a bare virtualizer list', async () => {
    for (let i = 0; i < 2; i++) {
      (await renderElement()).box.remove();
      (await renderBare()).box.remove();
    }
    await compareAtEachRate(
      'customer-timeline: first rows, 5,000 entries',
      async () => {
        const element = await renderElement();
        expect(entriesIn(element.el.shadowRoot!)).to.be.lessThan(60);
        element.box.remove();
        return element.ms;
      },
      async () => {
        const bareList = await renderBare();
        bareList.box.remove();
        return bareList.ms;
      },
      { target: 1.3, baselineName: 'bare virtualizer' },
    );
  });

  it('scroll, side by side with a bare virtualizer list', async () => {
    // Each run scrolls a fresh list.
    const shown = await compareScrolling({
      name: 'customer-timeline',
      holding: '5,000 entries',
      rows: 200,
      rowSelector: '.entry[role=listitem]',
      tolerance: 40,
      own: async () => {
        const { el, box } = await renderElement(FIRST_PAGE);
        return { root: el.shadowRoot!, box };
      },
      baseline: async () => {
        const { bare, box } = await renderBare();
        return { root: bare.shadowRoot!, box };
      },
      target: 1.3,
    });
    expect(shown.own, 'the timeline shows the rows scrolled to').to.equal(true);
  });
});
