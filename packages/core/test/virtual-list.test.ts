import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, css, html as litHtml, nothing } from 'lit';
import { PREFETCH_ROWS, VirtualListController } from '@clienteling/core/virtual-list.js';
import { KnownHeightsLayout } from '../src/virtual-list-layout.js';

/** A row of the probe list: a header (20 px) or an item (50 px). */
interface ProbeRow {
  kind: 'header' | 'item';
  id: number;
}

/** Every tenth row a header, the rest items. */
const probeRows = (count: number): ProbeRow[] =>
  Array.from({ length: count }, (_, id) => ({ kind: id % 10 === 0 ? 'header' : 'item', id }));

/** Where row `index` of `probeRows` starts: headers are 20 px, items 50 px. */
const startOf = (index: number) => {
  const headers = Math.ceil(index / 10);
  return headers * 20 + (index - headers) * 50;
};

/** A list in a 300 px scrolling box, virtualized after 20 rows, that records when it asks for more. */
class VirtualListProbe extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 300px;
      overflow: auto;
    }
    .header {
      height: 20px;
    }
    .item {
      height: 50px;
    }
  `;

  rows: ProbeRow[] = [];
  /** Whether more pages are left (the sentinel shows under a short list). */
  more = true;
  loadMoreCalls = 0;

  readonly virtualList = new VirtualListController<ProbeRow>(this, {
    virtualizeAfter: 20,
    rowKinds: { item: { selector: '.item', height: 50 }, header: { selector: '.header', height: 20 } },
    kindOf: (row) => row.kind,
    keyFunction: (row) => row.id,
    loadedRows: () => this.rows.length,
    loadMore: () => this.loadMoreCalls++,
  });

  private readonly renderRow = (row: ProbeRow) => litHtml`<div class=${row.kind} data-id=${row.id}>${row.id}</div>`;

  protected override render() {
    const { rows, virtualList } = this;
    const virtualized = virtualList.virtualizes(rows.length);
    const list = virtualized ? virtualList.renderRows(rows, this.renderRow) : rows.map(this.renderRow);
    const sentinel = this.more && !virtualized ? virtualList.renderSentinel() : nothing;
    return litHtml`<div class="list">${list}</div>${sentinel}`;
  }
}
customElements.define('cl-test-virtual-list', VirtualListProbe);

const shownIds = (el: VirtualListProbe) =>
  [...el.renderRoot.querySelectorAll<HTMLElement>('[data-id]')].map((row) => Number(row.dataset.id));

describe('virtual list: the known-heights layout', () => {
  /** A layout over `rows`, laid out for a 300 px view scrolled to `top`; returns its last state message. */
  function layOut(rows: ProbeRow[], top: number) {
    const messages: { type: string; scrollSize?: { height: number }; range?: { first: number; last: number } }[] = [];
    const layout = new KnownHeightsLayout((message) => messages.push(message as never));
    layout.rowHeight = (row) => ((row as ProbeRow | undefined)?.kind === 'header' ? 20 : 50);
    layout.items = rows;
    layout.viewportSize = { width: 300, height: 300 };
    layout.viewportScroll = { top, left: 0 };
    layout.reflowIfNeeded(true);
    return { layout, state: messages.filter((message) => message.type === 'stateChanged').at(-1)! };
  }

  it('is as tall as the sum of the row heights, and places each row at the sum of the ones before it', () => {
    const rows = probeRows(1000);
    const { layout, state } = layOut(rows, 0);
    expect(state.scrollSize!.height).to.equal(startOf(1000));
    expect(layout._getItemPosition(537).top).to.equal(startOf(537));
    expect(layout._getItemSize(540).height).to.equal(20);
    expect(layout._getItemSize(541).height).to.equal(50);
    expect(layout.measureChildren).to.equal(false);
  });

  it('renders the rows at a position deep in the list, with 1,000 px around them, without estimating', () => {
    const rows = probeRows(10_000);
    const top = startOf(7_000);
    const { state } = layOut(rows, top);
    const { first, last } = state.range!;
    expect(startOf(first)).to.be.at.most(top - 1000);
    expect(startOf(first + 1)).to.be.above(top - 1000);
    expect(startOf(last)).to.be.below(top + 300 + 1000);
    expect(startOf(last + 1)).to.be.at.least(top + 300 + 1000);
  });
});

describe('virtual list: the controller', () => {
  it('keeps a short list as it is, and asks for more when its end comes near', async () => {
    const el = await fixture<VirtualListProbe>(html`<cl-test-virtual-list></cl-test-virtual-list>`);
    el.rows = probeRows(5);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.virtual')).to.equal(null);
    expect(shownIds(el)).to.deep.equal([0, 1, 2, 3, 4]);
    await waitUntil(() => el.loadMoreCalls > 0, 'the end of the list in view never asked for more');
  });

  it('loads the virtualizer for a long list, then shows only the rows around the view', async () => {
    const el = await fixture<VirtualListProbe>(html`<cl-test-virtual-list></cl-test-virtual-list>`);
    el.rows = probeRows(2_000);
    expect(el.virtualList.mustLoad(el.rows.length)).to.equal(true);
    expect(el.virtualList.mustLoad(20)).to.equal(false);
    await el.virtualList.load();
    expect(el.virtualList.mustLoad(el.rows.length)).to.equal(false);
    el.requestUpdate();
    await el.updateComplete;
    await waitUntil(() => shownIds(el).includes(0), 'the first rows never showed');
    expect(shownIds(el).length).to.be.below(100);
    expect(el.renderRoot.querySelector('.sentinel')).to.equal(null);
  });

  it('shows the rows a jump deep into its scrolling box aimed at, and asks for more near the end', async () => {
    const el = await fixture<VirtualListProbe>(html`<cl-test-virtual-list></cl-test-virtual-list>`);
    el.rows = probeRows(2_000);
    await el.virtualList.load();
    el.requestUpdate();
    await el.updateComplete;
    await waitUntil(() => shownIds(el).includes(0), 'the first rows never showed');
    const target = 1_500;
    el.scrollTop = startOf(target);
    await waitUntil(() => shownIds(el).includes(target), `row ${target} never showed after the jump`);
    expect(el.scrollTop).to.equal(startOf(target));
    expect(el.loadMoreCalls).to.equal(0);
    expect(el.virtualList.nearEnd).to.equal(false);
    el.scrollTop = el.scrollHeight;
    await waitUntil(() => el.loadMoreCalls > 0, 'the end of the loaded rows never asked for more');
    expect(el.virtualList.nearEnd).to.equal(true);
    expect(shownIds(el)).to.include(2_000 - 1);
    expect(2_000 - PREFETCH_ROWS).to.be.below(Math.max(...shownIds(el)));
    el.virtualList.resetRange();
    expect(el.virtualList.nearEnd).to.equal(false);
  });

  it('measures the rows as laid out: a taller item moves the rows after it', async () => {
    const el = await fixture<VirtualListProbe>(html`<cl-test-virtual-list></cl-test-virtual-list>`);
    const taller = document.createElement('style');
    el.shadowRoot!.append(taller);
    taller.textContent = '.list .item { height: 60px; }';
    el.rows = probeRows(200);
    await el.virtualList.load();
    el.requestUpdate();
    await el.updateComplete;
    await waitUntil(() => shownIds(el).includes(0), 'the first rows never showed');
    // Once laid out, the rows' heights are reported and the list is laid out with them: no update
    // of the element is needed for it.
    const row = () => el.renderRoot.querySelector<HTMLElement>('[data-id="21"]');
    await waitUntil(() => row(), 'row 21 never showed');
    await waitUntil(
      () => row()!.getBoundingClientRect().top - el.getBoundingClientRect().top === 3 * 20 + 18 * 60,
      'row 21 is not placed after 3 headers and 18 items of 60 px',
    );
  });
});
