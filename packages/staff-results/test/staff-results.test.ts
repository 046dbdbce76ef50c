import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError } from '@clienteling/core';
import '@clienteling/core/define.js';
import '../src/define.js';
import type { StaffResults } from '../src/define.js';
import {
  compareAmounts,
  compareRates,
  formatCount,
  formatMoney,
  formatRate,
  periodRange,
  rangeProblem,
} from '../src/index.js';
import { NOW, resultsBackend, type ResultsBackend } from './results-backend.js';
import type { GetStaffResultsInput } from '@clienteling/core';

type Lang = 'zh-CN' | 'en';

async function mount(
  adapter: ResultsBackend,
  lang: Lang = 'zh-CN',
  attrs: { period?: string; storeId?: string; view?: string; staffId?: string } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <cl-staff-results
        .adapter=${adapter}
        .now=${NOW}
        period=${attrs.period ?? '7d'}
        store-id=${attrs.storeId ?? ''}
        staff-id=${attrs.staffId ?? ''}
        view=${attrs.view ?? 'staff'}
      ></cl-staff-results>
    </div>`,
  );
  return wrapper.querySelector('cl-staff-results')!;
}

const root = (el: StaffResults) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const figure = (el: StaffResults, name: string) => root(el).querySelector<HTMLElement>(`[data-figure="${name}"]`);
const valueOf = (el: StaffResults, name: string) => text(figure(el, name)?.querySelector('[part~="value"]'));
const shownChange = (el: StaffResults, name: string) =>
  text(figure(el, name)?.querySelector('[part~="comparison"] [aria-hidden="true"]'));
const spokenChange = (el: StaffResults, name: string) =>
  text(figure(el, name)?.querySelector('[part~="comparison"] .cl-visually-hidden'));
const periodInput = (el: StaffResults, period: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name="period"][value="${period}"]`)!;
const asked = (adapter: ResultsBackend) => adapter.callsTo('getStaffResults') as GetStaffResultsInput[];

async function loaded(el: StaffResults) {
  await waitUntil(() => root(el).querySelector('[part~="figures"], [part~="empty"], [part~="error"]'), 'shown');
}

describe('<cl-staff-results>', () => {
  describe('numbers for the locale', () => {
    it('shortens counts and money from 10,000 on: 万 in Chinese, K in English; fen shown as yuan', () => {
      expect(formatCount(9_876, 'zh-CN')).to.equal('9,876');
      expect(formatCount(123_456, 'zh-CN')).to.equal('12.3万');
      expect(formatCount(123_456, 'en')).to.equal('123.5K');
      expect(formatMoney(876_500, 'zh-CN')).to.equal('¥8,765');
      expect(formatMoney(12_350_050, 'zh-CN')).to.equal('¥12.4万');
      expect(formatMoney(12_350_050, 'en')).to.equal('¥123.5K');
      expect(formatMoney(10_000_000_000, 'zh-CN')).to.equal('¥1亿');
      expect(formatMoney(50, 'en')).to.equal('¥0.50');
      expect(formatRate(0.163, 'zh-CN')).to.equal('16.3%');
    });

    it('compares amounts in percent and rates in percentage points', () => {
      expect(compareAmounts(42, 35)).to.deep.equal({ direction: 'up', percent: 20 });
      expect(compareAmounts(60, 75)).to.deep.equal({ direction: 'down', percent: 20 });
      expect(compareAmounts(103, 100)).to.deep.equal({ direction: 'up', percent: 3 });
      expect(compareAmounts(5, 0)).to.deep.equal({ direction: 'new' });
      expect(compareAmounts(0, 0)).to.deep.equal({ direction: 'same' });
      expect(compareRates(0.25, 0.28)).to.deep.equal({ direction: 'down', points: 3 });
      expect(compareRates(0.16, 0.16)).to.deep.equal({ direction: 'same' });
    });

    it('counts periods in the store calendar and checks a custom range', () => {
      // 1 December 2026, 02:00 UTC is 10:00 in Shanghai but still 30 November in Los Angeles.
      expect(periodRange('7d', NOW, 'Asia/Shanghai')).to.deep.equal({ from: '2026-11-25', to: '2026-12-01' });
      expect(periodRange('today', NOW, 'America/Los_Angeles')).to.deep.equal({ from: '2026-11-30', to: '2026-11-30' });
      expect(periodRange('30d', NOW, 'Asia/Shanghai')).to.deep.equal({ from: '2026-11-02', to: '2026-12-01' });
      expect(rangeProblem({ from: '2026-11-10', to: '2026-11-01' }, '2026-12-01')).to.equal('reversed');
      expect(rangeProblem({ from: '2026-11-10', to: '2026-12-02' }, '2026-12-01')).to.equal('future');
      expect(rangeProblem({ from: '2026-11-10' }, '2026-12-01')).to.equal('missing');
      expect(rangeProblem({ from: '2024-01-01', to: '2026-12-01' }, '2026-12-01')).to.equal('too-long');
      expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-01')).to.equal(undefined);
    });
  });

  describe('figures', () => {
    const expected: Record<Lang, Record<string, [string, string, string]>> = {
      'zh-CN': {
        customersAdded: ['42', '▲ 20%', '比前 7 天增长 20%'],
        customersServed: ['128', '持平', '与前 7 天持平'],
        couponsSent: ['60', '▼ 20%', '比前 7 天下降 20%'],
        couponsRedeemed: ['18', '▲ 20%', '比前 7 天增长 20%'],
        attributedSales: ['¥12.4万', '▲ 37%', '比前 7 天增长 37%'],
        afterHoursShare: ['16%', '持平', '与前 7 天持平'],
        repurchaseRate: ['25%', '▼ 3 个百分点', '比前 7 天降低 3 个百分点'],
      },
      en: {
        customersAdded: ['42', '▲ 20%', 'Up 20% on the previous 7 days'],
        customersServed: ['128', 'No change', 'Same as the previous 7 days'],
        couponsSent: ['60', '▼ 20%', 'Down 20% on the previous 7 days'],
        couponsRedeemed: ['18', '▲ 20%', 'Up 20% on the previous 7 days'],
        attributedSales: ['¥123.5K', '▲ 37%', 'Up 37% on the previous 7 days'],
        afterHoursShare: ['16%', 'No change', 'Same as the previous 7 days'],
        repurchaseRate: ['25%', '▼ 3 pt', 'Down 3 percentage points on the previous 7 days'],
      },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`shows each figure with its change from the previous period, in words too (${lang})`, async () => {
        const adapter = resultsBackend();
        const el = await mount(adapter, lang);
        await loaded(el);
        for (const [name, [value, shown, spoken]] of Object.entries(expected[lang])) {
          expect(valueOf(el, name), name).to.equal(value);
          expect(shownChange(el, name), name).to.equal(shown);
          expect(spokenChange(el, name), name).to.equal(spoken);
        }
        expect(asked(adapter)).to.deep.equal([{ from: '2026-11-25', to: '2026-12-01' }]);
        await expect(el).to.be.accessible();
      });
    }

    it('breaks figures down: channels with their contact-me state, coupon-driven and other sales, the rate', async () => {
      const el = await mount(resultsBackend());
      await loaded(el);
      const channels = [...figure(el, 'customersAdded')!.querySelectorAll('.channels li')].map(text);
      expect(channels).to.deep.equal(['联系我二维码 · nanjing_spring 30', '扫码 8', '群聊 4']);
      expect(text(figure(el, 'attributedSales')!.querySelector('[part~="detail"]'))).to.equal(
        '券带动 ¥8.6万 其他 ¥3.7万',
      );
      expect(text(figure(el, 'couponsRedeemed')!.querySelector('[part~="detail"]'))).to.equal('核销率 30%');
      expect(figure(el, 'couponsSent')!.querySelector('[part~="comparison"]')!.getAttribute('part')).to.equal(
        'comparison comparison-down',
      );
    });

    it('draws each daily series as bars, with a table of the days for screen readers', async () => {
      const el = await mount(resultsBackend(), 'en');
      await loaded(el);
      const added = figure(el, 'customersAdded')!;
      const chart = added.querySelector('svg[part~="chart"]')!;
      expect(chart.getAttribute('aria-hidden')).to.equal('true');
      expect(chart.querySelectorAll('[part~="bar"]').length).to.equal(7);
      const table = added.querySelector('table')!;
      // Hidden, it takes no room (a table's width follows its rows: the class on the table itself widened the page).
      const hiddenBox = table.closest('.cl-visually-hidden')!;
      expect(hiddenBox.getBoundingClientRect().width).to.be.at.most(1);
      expect(text(table.querySelector('caption'))).to.equal('New customers by day');
      const rows = [...table.querySelectorAll('tbody tr')].map(text);
      expect(rows).to.have.length(7);
      expect(rows[0]).to.equal('Nov 25, 2026 3');
      expect(rows[5]).to.equal('Nov 30, 2026 10');
      const salesRows = [...figure(el, 'attributedSales')!.querySelectorAll('tbody tr')].map(text);
      expect(salesRows[5]).to.equal('Nov 30, 2026 ¥17,000');
      // The repurchase rate has no daily series.
      expect(figure(el, 'repurchaseRate')!.querySelector('svg, table')).to.equal(null);
    });
  });

  describe('period', () => {
    it('switches to 30 days and today, asking for those days and announcing the change', async () => {
      const adapter = resultsBackend();
      const el = await mount(adapter);
      await loaded(el);
      setTimeout(() => periodInput(el, '30d').click());
      const event = await oneEvent(el, 'cl-results-period-change');
      expect(event.detail).to.deep.equal({ period: '30d', from: '2026-11-02', to: '2026-12-01' });
      await loaded(el);
      expect(el.period).to.equal('30d');
      expect(asked(adapter).at(-1)).to.deep.equal({ from: '2026-11-02', to: '2026-12-01' });
      expect(figure(el, 'customersAdded')!.querySelectorAll('tbody tr')).to.have.length(30);
      expect(spokenChange(el, 'customersAdded')).to.equal('比前 30 天增长 20%');

      periodInput(el, 'today').click();
      await waitUntil(() => asked(adapter).length === 3, 'today asked for');
      await loaded(el);
      expect(asked(adapter).at(-1)).to.deep.equal({ from: '2026-12-01', to: '2026-12-01' });
      expect(spokenChange(el, 'customersAdded')).to.equal('比昨天增长 20%');
      // One day has no chart.
      expect(figure(el, 'customersAdded')!.querySelector('svg, table')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('moves between the periods with the arrow keys', async () => {
      const adapter = resultsBackend();
      const el = await mount(adapter, 'en');
      await loaded(el);
      periodInput(el, '7d').focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => el.period === '30d', 'the next period');
      expect(root(el).activeElement).to.equal(periodInput(el, '30d'));
      await waitUntil(() => asked(adapter).length === 2, '30 days asked for');
      expect(asked(adapter).at(-1)).to.deep.equal({ from: '2026-11-02', to: '2026-12-01' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => el.period === 'today', 'today');
    });

    it('asks for a custom range of days, and says what is wrong with one that cannot be', async () => {
      const adapter = resultsBackend();
      const el = await mount(adapter, 'en');
      await loaded(el);
      periodInput(el, 'custom').click();
      await el.updateComplete;
      const from = root(el).querySelector<HTMLInputElement>('#from')!;
      const to = root(el).querySelector<HTMLInputElement>('#to')!;
      // The range starts as the one shown.
      expect([from.value, to.value]).to.deep.equal(['2026-11-25', '2026-12-01']);
      from.value = '2026-12-01';
      to.value = '2026-11-20';
      to.dispatchEvent(new Event('change'));
      from.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(text(root(el).querySelector('[part~="range-problem"]'))).to.equal(
        'The first day must come before the last.',
      );
      expect(to.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      const calls = asked(adapter).length;
      from.value = '2026-11-01';
      from.dispatchEvent(new Event('change'));
      await waitUntil(() => asked(adapter).length === calls + 1, 'the range asked for');
      expect(asked(adapter).at(-1)).to.deep.equal({ from: '2026-11-01', to: '2026-11-20' });
      await loaded(el);
      expect(spokenChange(el, 'customersAdded')).to.equal('Up 20% on the previous 20 days');
      await expect(el).to.be.accessible();
    });

    it('draws a period longer than a month as a line', async () => {
      const el = await mount(resultsBackend());
      el.from = '2026-09-01';
      el.to = '2026-11-30';
      el.period = 'custom';
      await waitUntil(() => figure(el, 'customersAdded')?.querySelector('polyline'), 'a line');
      expect(figure(el, 'customersAdded')!.querySelectorAll('tbody tr')).to.have.length(91);
    });
  });

  describe('store view', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`ranks the store's associates by attributed sales (${lang})`, async () => {
        const adapter = resultsBackend();
        const el = await mount(adapter, lang, { storeId: 'store-1' });
        await loaded(el);
        expect(asked(adapter)).to.deep.equal([{ storeId: 'store-1', from: '2026-11-25', to: '2026-12-01' }]);
        const ranks = [...root(el).querySelectorAll('[part~="rank"]')];
        expect(ranks.map((rank) => rank.getAttribute('data-staff'))).to.deep.equal(['staff-1', 'staff-2', 'staff-3']);
        expect(text(ranks[0])).to.equal(
          lang === 'zh-CN' ? '1 第 1 名 王丽 新增 42 · 服务 128 ¥12.4万' : '1 No. 1 王丽 42 new · 128 served ¥123.5K',
        );
        expect(text(ranks[2]!.querySelector('.rank-sales'))).to.equal('¥4,800');
        await expect(el).to.be.accessible();
      });
    }

    it('shows the signed-in manager’s store for view="store"', async () => {
      const adapter = resultsBackend();
      const el = await mount(adapter, 'zh-CN', { view: 'store' });
      await loaded(el);
      expect(asked(adapter)).to.deep.equal([{ storeId: 'store-1', from: '2026-11-25', to: '2026-12-01' }]);
      expect(text(root(el).querySelector('[part~="caption"]'))).to.match(/^门店业绩/);
      expect(root(el).querySelectorAll('[part~="rank"]')).to.have.length(3);
    });

    it('asks for one associate of the store by staff-id', async () => {
      const adapter = resultsBackend();
      const el = await mount(adapter, 'zh-CN', { staffId: 'staff-2' });
      await loaded(el);
      expect(asked(adapter)).to.deep.equal([{ staffId: 'staff-2', from: '2026-11-25', to: '2026-12-01' }]);
      expect(root(el).querySelector('[part~="ranking"]')).to.equal(null);
    });
  });

  describe('states', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`shows a skeleton while loading (${lang})`, async () => {
        const el = await mount(resultsBackend({ hang: true }), lang);
        await waitUntil(() => root(el).querySelector('[part~="skeleton"]'), 'skeleton');
        expect(text(root(el).querySelector('[part~="skeleton"] [role="status"]'))).to.equal(
          lang === 'zh-CN' ? '加载中…' : 'Loading…',
        );
        await expect(el).to.be.accessible();
      });

      it(`says when a period has no results (${lang})`, async () => {
        const el = await mount(resultsBackend({ empty: true }), lang);
        await loaded(el);
        expect(text(root(el).querySelector('.empty-title'))).to.equal(
          lang === 'zh-CN' ? '这段时间还没有业绩' : 'No results in this period',
        );
        expect(root(el).querySelector('[part~="figures"]')).to.equal(null);
        await expect(el).to.be.accessible();
      });

      it(`says why the results could not be loaded, and retries (${lang})`, async () => {
        let failures = 1;
        const adapter = resultsBackend();
        const answer = adapter.getStaffResults;
        adapter.getStaffResults = (input) =>
          failures-- > 0 ? Promise.reject(new AdapterError('unavailable', 'down', { retryable: true })) : answer(input);
        const el = await mount(adapter, lang);
        await loaded(el);
        const error = root(el).querySelector('[part~="error"]')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.include(lang === 'zh-CN' ? '业绩没有加载出来。' : 'The results could not be loaded.');
        await expect(el).to.be.accessible();
        error.querySelector('button')!.click();
        await waitUntil(() => figure(el, 'customersAdded'), 'figures after retry');
      });

      it(`says when the browser is offline (${lang})`, async () => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
        try {
          const el = await mount(resultsBackend(), lang);
          await loaded(el);
          expect(root(el).querySelector('[part~="offline"]')).to.not.equal(null);
          await expect(el).to.be.accessible();
        } finally {
          delete (navigator as { onLine?: boolean }).onLine;
        }
      });

      it(`is accessible with the range fields open (${lang})`, async () => {
        const el = await mount(resultsBackend(), lang, { period: 'custom' });
        await loaded(el);
        expect(root(el).querySelector<HTMLInputElement>('#from')!.value).to.equal('2026-11-25');
        await expect(el).to.be.accessible();
      });
    }

    for (const lang of ['zh-CN', 'en'] as const) {
      it(`is accessible in the dark theme, a store's ranking included (${lang})`, async () => {
        const wrapper = await fixture<HTMLElement>(
          html`<cl-provider theme="dark" lang=${lang}>
            <cl-staff-results .adapter=${resultsBackend()} .now=${NOW} store-id="store-1"></cl-staff-results>
          </cl-provider>`,
        );
        const el = wrapper.querySelector('cl-staff-results')!;
        await loaded(el);
        expect(getComputedStyle(el).getPropertyValue('--cl-color-surface').trim()).to.equal('#1d1f23');
        await expect(el).to.be.accessible();
      });
    }

    it('says so when the adapter cannot answer results', async () => {
      const el = await mount(resultsBackend({ capabilities: { staffResults: false } }));
      await el.updateComplete;
      expect(text(root(el).querySelector('.note'))).to.equal('当前环境不支持该操作。');
    });
  });

  describe('refreshing', () => {
    /**
     * An element whose later loads wait for `release()` and answer `customersAdded` one more each time;
     * `loads()` counts the loads.
     */
    async function refreshable() {
      const adapter = resultsBackend();
      const answer = adapter.getStaffResults;
      let loads = 0;
      let gate: Promise<void> = Promise.resolve();
      let open = () => {};
      adapter.getStaffResults = async (input) => {
        const load = loads++;
        await gate;
        const results = await answer(input);
        return { ...results, totals: { ...results.totals, customersAdded: results.totals.customersAdded + load } };
      };
      const page = await fixture<HTMLDivElement>(
        html`<div lang="zh-CN">
          <button type="button">其他元素</button>
          <cl-staff-results .adapter=${adapter} .now=${NOW}></cl-staff-results>
        </div>`,
      );
      const el = page.querySelector('cl-staff-results')!;
      await loaded(el);
      await waitUntil(() => valueOf(el, 'customersAdded') === '42', 'first load');
      gate = new Promise((resolve) => (open = resolve));
      return { el, sibling: page.querySelector('button')!, loads: () => loads, release: () => open() };
    }
    const dispatch = (from: Element, type: string) =>
      from.dispatchEvent(new CustomEvent(type, { detail: {}, bubbles: true, composed: true }));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

    for (const type of ['cl-coupon-issued', 'cl-note-add', 'cl-moment-published']) {
      it(`loads the period again when ${type} reaches the document, keeping the figures meanwhile`, async () => {
        const { el, sibling, loads, release } = await refreshable();
        dispatch(sibling, type);
        await waitUntil(() => loads() === 2, 'loaded again');
        expect(valueOf(el, 'customersAdded')).to.equal('42');
        expect(root(el).querySelector('[part~="skeleton"]')).to.equal(null);
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => valueOf(el, 'customersAdded') === '43', 'the new figures');
      });
    }

    it('makes one load for the events of one task, none for others, none once removed', async () => {
      const { el, sibling, loads, release } = await refreshable();
      release();
      dispatch(sibling, 'cl-coupon-issued');
      dispatch(sibling, 'cl-coupon-issued');
      dispatch(sibling, 'cl-note-add');
      await settle();
      expect(loads()).to.equal(2);
      dispatch(sibling, 'cl-tags-change');
      dispatch(sibling, 'cl-results-period-change');
      await settle();
      expect(loads()).to.equal(2);
      el.remove();
      dispatch(document.body, 'cl-coupon-issued');
      await settle();
      expect(loads()).to.equal(2);
    });

    it('refresh() loads the period again, keeping the figures shown', async () => {
      const { el, loads, release } = await refreshable();
      el.refresh();
      await waitUntil(() => loads() === 2, 'loaded again');
      expect(valueOf(el, 'customersAdded')).to.equal('42');
      release();
      await waitUntil(() => valueOf(el, 'customersAdded') === '43', 'the new figures');
    });
  });
});
