import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  LIMITS,
  type ChannelCount,
  type ResultsDay,
  type ResultsRank,
  type ResultsTotals,
  type StaffResults as Results,
} from '@clienteling/core/trade.js';
import { DEFAULT_TIME_ZONE } from '@clienteling/core/default-time-zone.js';
import { dayKey } from '@clienteling/core/wall-time.js';
import { toAdapterError, type AdapterError } from '@clienteling/core/errors.js';
import { ClientelingElement, LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import { staffResultsMessages } from './staff-results.messages.js';
import { styles } from './staff-results.styles.js';
import {
  RESULTS_PERIODS,
  compareAmounts,
  compareRates,
  formatChange,
  formatCount,
  formatFullCount,
  formatFullMoney,
  formatMoney,
  formatRate,
  periodRange,
  rangeLength,
  rangeProblem,
  type Comparison,
  type DayRange,
  type ResultsPeriod,
} from './results-format.js';

/** Detail of `cl-results-period-change`: the period chosen and its days (store time zone, both included). */
export interface ResultsPeriodChangeDetail {
  period: ResultsPeriod;
  from: string;
  to: string;
}

/** Whose results are shown: one associate's, or a store's with its associates ranked. */
export type ResultsView = 'staff' | 'store';

/** The figures of the results. */
export type FigureName =
  | 'customersAdded'
  | 'customersServed'
  | 'couponsSent'
  | 'couponsRedeemed'
  | 'attributedSales'
  | 'afterHoursShare'
  | 'repurchaseRate';

/** How a figure's value is written: a count, money in fen, or a rate from 0 to 1. */
type FigureKind = 'count' | 'money' | 'rate';

interface FigureSpec {
  name: FigureName;
  kind: FigureKind;
  value: (totals: ResultsTotals) => number;
  /** The figure on one day, for the chart; absent: no daily series (the repurchase rate). */
  daily?: (day: ResultsDay) => number;
}

const sales = (totals: { attributedSales: { coupon: number; other: number } }) =>
  totals.attributedSales.coupon + totals.attributedSales.other;

/** Shown two a row; the wide ones (with a breakdown) take a row of their own. */
const FIGURES: readonly FigureSpec[] = [
  { name: 'attributedSales', kind: 'money', value: sales, daily: sales },
  { name: 'customersAdded', kind: 'count', value: (t) => t.customersAdded, daily: (d) => d.customersAdded },
  { name: 'customersServed', kind: 'count', value: (t) => t.customersServed, daily: (d) => d.customersServed },
  { name: 'repurchaseRate', kind: 'rate', value: (t) => t.repurchaseRate },
  { name: 'couponsSent', kind: 'count', value: (t) => t.couponsSent, daily: (d) => d.couponsSent },
  { name: 'couponsRedeemed', kind: 'count', value: (t) => t.couponsRedeemed, daily: (d) => d.couponsRedeemed },
  {
    name: 'afterHoursShare',
    kind: 'rate',
    value: (t) => t.afterHoursShare,
    daily: (d) => (sales(d) ? d.afterHoursSales / sales(d) : 0),
  },
];

/** The figures that take a whole row. */
const WIDE: ReadonlySet<FigureName> = new Set(['attributedSales', 'customersAdded', 'afterHoursShare']);

/**
 * Events of the page after which the figures may have changed (the library's elements dispatch them
 * once the adapter has answered): a coupon sent, a note written, a moment published. The element loads
 * its period again when one reaches the document.
 */
export const RESULTS_REFRESH_EVENTS = ['cl-coupon-issued', 'cl-note-add', 'cl-moment-published'] as const;

/** Days up to which the chart draws bars; a longer period is drawn as a line. */
const BARS_UP_TO = 31;
/** The chart's drawing box (the SVG stretches it to the figure's width). */
const CHART_WIDTH = 100;
const CHART_HEIGHT = 32;

/** Whether a period holds nothing at all: no customer, coupon, sale or ranked associate's result. */
function isEmpty(results: Results): boolean {
  const { totals } = results;
  return (
    !totals.customersAdded &&
    !totals.customersServed &&
    !totals.couponsSent &&
    !totals.couponsRedeemed &&
    !sales(totals) &&
    !results.daily.some((day) => day.afterHoursSales)
  );
}

/**
 * The numbers that show what clienteling brings: an associate's results (or a store's, for a
 * manager) over a period: customers added (by channel: each contact-me code's `state`), customers
 * served, coupons sent and redeemed (with the rate), attributed sales (coupon-driven and other), the
 * share of sales after the store closed, and the repurchase rate.
 *
 * Each figure is compared with the same number of days just before (▲ / ▼ and by how much, in words
 * for screen readers: percent for counts and money, percentage points for rates) and drawn day by
 * day as small bars (a line beyond a month), with a table of the days for screen readers. The period
 * is today, the last 7 or 30 days or a custom range of days, in the store's time zone (the adapter's
 * `policy.timeZone`). A store view (`store-id`, or `view="store"` for the signed-in manager's store)
 * adds the associates ranked by attributed sales.
 *
 * Numbers are written for the locale: 12.3万 and ¥12.3万 in Chinese, 12.3K and ¥12.3K in English;
 * money arrives in fen and is shown in yuan.
 *
 * The figures follow what the associate does on the page: when `cl-coupon-issued`, `cl-note-add` or
 * `cl-moment-published` reaches the document (the coupon dispenser, the timeline and the moments
 * composer dispatch them once the adapter has answered), the period is loaded again, the figures
 * shown staying until the answer arrives; several events in one task make one load. `refresh()` does
 * the same for what the page learns otherwise (an order from the till, a customer added by a code).
 *
 * @summary An associate's or a store's results over a period, each compared with the period before.
 *
 * @csspart periods - The period switcher (a group of choices).
 * @csspart period - Each choice; also `period-selected` for the one chosen.
 * @csspart range - The two date fields of a custom range.
 * @csspart range-problem - Why a custom range cannot be shown.
 * @csspart caption - The days the figures cover.
 * @csspart figures - The list of figures.
 * @csspart figure - Each figure; `data-figure` names it.
 * @csspart figure-label - The name of a figure.
 * @csspart value - The value of a figure.
 * @csspart comparison - The change from the previous period; also `comparison-up`, `comparison-down`.
 * @csspart detail - A figure's breakdown (channels, coupon-driven and other sales, the redemption rate).
 * @csspart chart - The daily chart (an SVG, hidden from screen readers: the table stands for it).
 * @csspart bar - A day's bar of a chart.
 * @csspart ranking - The store view's list of associates.
 * @csspart rank - An associate in the ranking.
 * @csspart empty - The message of a period without results.
 * @csspart error - The message shown when the results could not be loaded, with Retry.
 * @csspart skeleton - The loading placeholder.
 * @csspart offline - The notice that the network is gone.
 *
 * @cssproperty --cl-staff-results-background - Background of the element (default `--cl-color-surface`).
 * @cssproperty --cl-staff-results-figure-background - Background of a figure (default `--cl-color-surface-muted`).
 * @cssproperty --cl-staff-results-chart-color - The bars and line of the charts (default `--cl-color-primary`).
 * @cssproperty --cl-staff-results-up-color - A rise (default `--cl-color-success`).
 * @cssproperty --cl-staff-results-down-color - A fall (default `--cl-color-danger`).
 * @cssproperty --cl-staff-results-columns - Figures per row (default 2).
 *
 * @event {CustomEvent<ResultsPeriodChangeDetail>} cl-results-period-change - The associate chose another
 *   period (or custom days); the results of it are being loaded.
 */
export class StaffResults extends ClientelingElement {
  static override styles = [baseStyles, styles];

  /* ---------------------------------------------------------------- public properties */

  /** The associate whose results are shown (a manager may name one of the store); empty: the signed-in one. */
  @property({ attribute: 'staff-id' }) staffId = '';

  /** The store whose results are shown, with its associates ranked (a manager's view). */
  @property({ attribute: 'store-id' }) storeId = '';

  /** `store` shows a store's results: `store-id`'s, else the signed-in manager's store. */
  @property({ reflect: true }) view: ResultsView = 'staff';

  /** The period shown: `today`, `7d`, `30d` (today included) or `custom` (`from` to `to`). */
  @property({ reflect: true }) period: ResultsPeriod = '7d';

  /** The first day of a custom period (`YYYY-MM-DD`, store time zone). */
  @property() from = '';

  /** The last day of a custom period (`YYYY-MM-DD`, store time zone, included). */
  @property() to = '';

  /** The moment "today" is counted from (default: now); a page whose adapter runs on another clock passes it. */
  @property({ attribute: false }) now?: Date;

  /** Loads the results of the period shown again (the figures shown stay until they arrive). */
  refresh(): void {
    void this.load(true);
  }

  /* ---------------------------------------------------------------- private state */

  @state() private results?: Results;
  @state() private loadError?: AdapterError;
  /** The store's time zone (policy), for days. */
  @state() private timeZone = DEFAULT_TIME_ZONE;

  private readonly localize = new LocalizeController(this, staffResultsMessages);
  private needsLoad = true;
  /** Counts loads, so that answers to an older load are dropped. */
  private loadGeneration = 0;
  /** Whether a refresh for an event of the page is on its way (events of one task make one). */
  private refreshQueued = false;
  private policyLoaded = false;
  /** The signed-in manager's store, for `view="store"` without `store-id`. */
  private ownStoreId?: string;

  /* ---------------------------------------------------------------- lifecycle */

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of RESULTS_REFRESH_EVENTS) globalThis.document?.addEventListener(type, this.handlePageChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of RESULTS_REFRESH_EVENTS) globalThis.document?.removeEventListener(type, this.handlePageChange);
  }

  protected override apiChanged(): void {
    this.needsLoad = true;
    this.policyLoaded = false;
    this.ownStoreId = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.period === 'custom' && !this.from && !this.to) {
      // A custom period without days starts as the last 7 days.
      ({ from: this.from, to: this.to } = periodRange('7d', this.clock(), this.timeZone));
    }
    const asked = ['staffId', 'storeId', 'view', 'period', 'from', 'to', 'now'] as const;
    if (this.needsLoad || asked.some((name) => changed.has(name))) {
      this.needsLoad = false;
      void this.load(false);
    }
  }

  /* ---------------------------------------------------------------- loading */

  private clock(): Date {
    return this.now ?? new Date();
  }

  private get today(): string {
    return dayKey(this.clock(), this.timeZone);
  }

  private get isStoreView(): boolean {
    return this.view === 'store' || Boolean(this.storeId);
  }

  /** The custom range as typed (it may be incomplete or wrong). */
  private get customRange(): Partial<DayRange> {
    return { from: this.from || undefined, to: this.to || undefined };
  }

  /** Why the custom range cannot be shown, in words; undefined for a preset or a good range. */
  private get rangeProblemText(): string | undefined {
    if (this.period !== 'custom') return undefined;
    const problem = rangeProblem(this.customRange, this.today);
    if (!problem) return undefined;
    if (problem === 'too-long') return this.localize.t('staffResults.range.too-long', LIMITS.resultsPeriodMaxDays);
    return this.localize.t(`staffResults.range.${problem}`);
  }

  /** The days asked for. */
  private range(): DayRange {
    const custom = this.from && this.to ? { from: this.from, to: this.to } : undefined;
    return periodRange(this.period, this.clock(), this.timeZone, custom);
  }

  /** Loads the store's time zone (once) and the results of the period. `keepShown`: no skeleton meanwhile. */
  private async load(keepShown: boolean): Promise<void> {
    const generation = ++this.loadGeneration;
    const { api } = this;
    if (!keepShown) this.results = undefined;
    this.loadError = undefined;
    if (!api || !api.capabilities.staffResults) return;
    try {
      await this.loadPolicy();
      if (generation !== this.loadGeneration || this.rangeProblemText) return;
      const who = await this.whose();
      const results = await api.getStaffResults({ ...who, ...this.range() });
      if (generation === this.loadGeneration) this.results = results;
    } catch (error) {
      if (generation === this.loadGeneration) this.loadError = toAdapterError(error);
    }
  }

  private async loadPolicy(): Promise<void> {
    if (this.policyLoaded) return;
    const policy = await this.api!.getPolicy({}).catch(() => undefined);
    if (policy) {
      this.timeZone = policy.timeZone;
      this.policyLoaded = true;
    }
  }

  /** Whose results to ask for: a store (given, or the signed-in manager's), an associate, or the signed-in one. */
  private async whose(): Promise<{ staffId?: string; storeId?: string }> {
    if (this.storeId) return { storeId: this.storeId };
    if (this.view === 'store') {
      this.ownStoreId ??= (await this.api!.getCurrentStaff({})).store?.id;
      // An associate without a store is shown their own results.
      return this.ownStoreId ? { storeId: this.ownStoreId } : {};
    }
    return this.staffId ? { staffId: this.staffId } : {};
  }

  /* ---------------------------------------------------------------- event handlers */

  /** Something the figures count happened on the page: load the period again, once for the task's events. */
  private readonly handlePageChange = (): void => {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    setTimeout(() => {
      this.refreshQueued = false;
      if (this.isConnected) this.refresh();
    });
  };

  private handlePeriodChange(period: ResultsPeriod): void {
    if (period === 'custom' && !(this.from && this.to)) {
      // The custom days start as those shown.
      ({ from: this.from, to: this.to } = this.range());
    }
    this.period = period;
    this.emitPeriodChange();
  }

  private handleFromChange(e: Event): void {
    this.from = (e.target as HTMLInputElement).value;
    this.emitPeriodChange();
  }

  private handleToChange(e: Event): void {
    this.to = (e.target as HTMLInputElement).value;
    this.emitPeriodChange();
  }

  private emitPeriodChange(): void {
    if (this.rangeProblemText) return;
    emit(this, 'cl-results-period-change', { period: this.period, ...this.range() });
  }

  private handleRetryClick(): void {
    void this.load(false);
  }

  /* ---------------------------------------------------------------- words */

  /** How the previous period is named: "yesterday", "the previous 7 days". */
  private previousName(days: number): string {
    return this.period === 'today'
      ? this.localize.t('staffResults.previous.today')
      : this.localize.t('staffResults.previous.days', days);
  }

  private formatValue(kind: FigureKind, value: number, full = false): string {
    const { locale } = this.localize;
    if (kind === 'money') return full ? formatFullMoney(value, locale) : formatMoney(value, locale);
    if (kind === 'rate') return formatRate(value, locale);
    return full ? formatFullCount(value, locale) : formatCount(value, locale);
  }

  private channelName(channel: ChannelCount): string {
    const kind = this.localize.t(`staffResults.channel.${channel.kind}`);
    return channel.state ? `${kind} · ${channel.state}` : kind;
  }

  /* ---------------------------------------------------------------- rendering */

  protected override render() {
    return [this.renderOfflineNotice(), this.renderPeriods(), this.renderRange(), this.renderState()];
  }

  private renderPeriods() {
    return html`<fieldset part="periods" class="periods">
      <legend class="cl-visually-hidden">${this.localize.t('staffResults.period')}</legend>
      ${RESULTS_PERIODS.map((period) => this.renderPeriod(period))}
    </fieldset>`;
  }

  private renderPeriod(period: ResultsPeriod) {
    const selected = period === this.period;
    return html`<label part=${selected ? 'period period-selected' : 'period'} class="period">
      <input
        type="radio"
        name="period"
        value=${period}
        .checked=${live(selected)}
        @change=${() => this.handlePeriodChange(period)}
      />
      <span>${this.localize.t(`staffResults.period.${period}`)}</span>
    </label>`;
  }

  private renderRange() {
    if (this.period !== 'custom') return nothing;
    const problem = this.rangeProblemText;
    return html`<div part="range" class="range">
        <label>
          <span>${this.localize.t('staffResults.from')}</span>
          <input
            id="from"
            type="date"
            max=${this.today}
            .value=${live(this.from)}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? 'range-problem' : nothing}
            @change=${this.handleFromChange}
          />
        </label>
        <label>
          <span>${this.localize.t('staffResults.to')}</span>
          <input
            id="to"
            type="date"
            max=${this.today}
            .value=${live(this.to)}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? 'range-problem' : nothing}
            @change=${this.handleToChange}
          />
        </label>
      </div>
      ${problem ? this.renderRangeProblem(problem) : nothing}`;
  }

  private renderRangeProblem(problem: string) {
    return html`<p part="range-problem" class="problem" id="range-problem" role="alert">${problem}</p>`;
  }

  /** The figures, their skeleton while loading, or why there are none. */
  private renderState() {
    const { api, results, loadError } = this;
    if (!api) return html`<p class="note">${this.localize.t('common.noAdapter')}</p>`;
    if (!api.capabilities.staffResults) return html`<p class="note">${this.localize.t('host.not-capable')}</p>`;
    if (this.rangeProblemText) return nothing;
    if (loadError) return this.renderLoadError(loadError);
    if (!results) return this.renderSkeleton();
    return html`${this.renderCaption(results)} ${isEmpty(results) ? this.renderEmpty() : this.renderFigures(results)}
    ${this.renderRanking(results)}`;
  }

  private renderCaption(results: Results) {
    const { from, to } = results.period;
    const label = this.localize.t(this.isStoreView ? 'staffResults.storeLabel' : 'staffResults.label');
    const days = this.localize.t(
      'staffResults.range',
      this.localize.date(`${from}T00:00:00Z`, false, 'UTC'),
      this.localize.date(`${to}T00:00:00Z`, false, 'UTC'),
    );
    return html`<h3 part="caption" class="caption">${label}<small>${days}</small></h3>`;
  }

  private renderLoadError(error: AdapterError) {
    const retry = error.retryable
      ? html`<button class="cl-button" type="button" @click=${this.handleRetryClick}
          >${this.localize.t('common.retry')}</button
        >`
      : nothing;
    return html`<div part="error" class="note" role="alert">
      <p>${this.localize.t('staffResults.loadFailed')} ${this.localize.error(error)}</p>
      ${retry}
    </div>`;
  }

  private renderSkeleton() {
    const figure = html`<li class="figure" aria-hidden="true"
      ><div class="cl-skeleton line short"></div><div class="cl-skeleton line big"></div
      ><div class="cl-skeleton line"></div
    ></li>`;
    return html`<div part="skeleton" aria-busy="true"
      ><span class="cl-visually-hidden" role="status">${this.localize.t('common.loading')}</span
      ><ul class="figures">
        ${figure}${figure}${figure}${figure}
      </ul></div
    >`;
  }

  private renderEmpty() {
    return html`<div part="empty" class="empty">
      <p class="empty-title">${this.localize.t('staffResults.empty')}</p>
      <p class="empty-hint">${this.localize.t('staffResults.emptyHint')}</p>
    </div>`;
  }

  private renderFigures(results: Results) {
    return html`<ul part="figures" class="figures">
      ${FIGURES.map((figure) => this.renderFigure(figure, results))}
    </ul>`;
  }

  private renderFigure(figure: FigureSpec, results: Results) {
    const label = this.localize.t(`staffResults.figure.${figure.name}`);
    const value = figure.value(results.totals);
    const wide = WIDE.has(figure.name);
    return html`<li part="figure" class="figure ${wide ? 'wide' : ''}" data-figure=${figure.name}>
      <p part="figure-label" class="figure-label" id="label-${figure.name}">${label}</p>
      <p part="value" class="value">${this.formatValue(figure.kind, value)}</p>
      ${this.renderComparison(figure, results)} ${this.renderDetail(figure.name, results.totals)}
      ${this.renderChart(figure, results.daily, label)}
    </li>`;
  }

  private renderComparison(figure: FigureSpec, results: Results) {
    const current = figure.value(results.totals);
    const previous = figure.value(results.previous.totals);
    const comparison = figure.kind === 'rate' ? compareRates(current, previous) : compareAmounts(current, previous);
    const previousName = this.previousName(rangeLength(results.previous.period));
    const { direction } = comparison;
    const part = direction === 'up' || direction === 'down' ? `comparison comparison-${direction}` : 'comparison';
    return html`<p part=${part} class="comparison" data-direction=${direction}>
      <span aria-hidden="true">${this.shownChange(comparison)}</span
      ><span class="cl-visually-hidden">${this.spokenChange(comparison, previousName)}</span>
    </p>`;
  }

  /** The change as shown: "▲ 12%", "▼ 3.4 pt", "持平", "新增". */
  private shownChange(comparison: Comparison): string {
    const { locale } = this.localize;
    if (comparison.direction === 'same') return this.localize.t('staffResults.shown.same');
    if (comparison.direction === 'new') return this.localize.t('staffResults.shown.new');
    const arrow = comparison.direction === 'up' ? '▲' : '▼';
    if (comparison.points !== undefined) {
      return `${arrow} ${this.localize.t('staffResults.shown.points', formatChange(comparison.points, locale))}`;
    }
    return `${arrow} ${formatChange(comparison.percent ?? 0, locale)}%`;
  }

  /** The change in words: "比前 7 天增长 12%", "Down 3.4 percentage points on yesterday". */
  private spokenChange(comparison: Comparison, previous: string): string {
    const { locale } = this.localize;
    switch (comparison.direction) {
      case 'same':
        return this.localize.t('staffResults.change.same', previous);
      case 'new':
        return this.localize.t('staffResults.change.new', previous);
      case 'up':
      case 'down': {
        const points = comparison.points !== undefined;
        const change = formatChange(comparison.points ?? comparison.percent ?? 0, locale);
        if (comparison.direction === 'up') {
          return this.localize.t(points ? 'staffResults.change.upPoints' : 'staffResults.change.up', change, previous);
        }
        return this.localize.t(
          points ? 'staffResults.change.downPoints' : 'staffResults.change.down',
          change,
          previous,
        );
      }
    }
  }

  /** What a figure is made of: channels, the redemption rate, coupon-driven and other sales, a hint. */
  private renderDetail(name: FigureName, totals: ResultsTotals) {
    const { locale } = this.localize;
    switch (name) {
      case 'customersAdded':
        return this.renderChannels(totals.customersAddedByChannel);
      case 'couponsRedeemed':
        return html`<p part="detail" class="detail">
          ${this.localize.t('staffResults.redemptionRate', formatRate(totals.redemptionRate, locale))}
        </p>`;
      case 'attributedSales':
        return html`<p part="detail" class="detail">
          <span
            >${this.localize.t('staffResults.couponSales')} ${formatMoney(totals.attributedSales.coupon, locale)}</span
          >
          <span
            >${this.localize.t('staffResults.otherSales')} ${formatMoney(totals.attributedSales.other, locale)}</span
          >
        </p>`;
      case 'afterHoursShare':
        return html`<p part="detail" class="detail">${this.localize.t('staffResults.afterHoursHint')}</p>`;
      case 'repurchaseRate':
        return html`<p part="detail" class="detail">${this.localize.t('staffResults.repurchaseHint')}</p>`;
      default:
        return nothing;
    }
  }

  private renderChannels(channels: readonly ChannelCount[]) {
    if (!channels.length) return nothing;
    const { locale } = this.localize;
    return html`<ul part="detail" class="detail channels" aria-label=${this.localize.t('staffResults.byChannel')}>
      ${channels.map(
        (channel) =>
          html`<li>
            <span class="channel-name">${this.channelName(channel)}</span>
            <span class="channel-count">${formatCount(channel.count, locale)}</span>
          </li>`,
      )}
    </ul>`;
  }

  /** The daily chart (bars, or a line beyond a month) and the table screen readers get instead. */
  private renderChart(figure: FigureSpec, daily: readonly ResultsDay[], label: string) {
    const { daily: ofDay } = figure;
    if (!ofDay || daily.length < 2) return nothing;
    const values = daily.map(ofDay);
    return html`${this.renderChartGraphic(values)} ${this.renderChartTable(figure, daily, values, label)}`;
  }

  private renderChartGraphic(values: readonly number[]) {
    const top = Math.max(...values) || 1;
    const height = (value: number) => (value / top) * (CHART_HEIGHT - 2);
    const step = CHART_WIDTH / values.length;
    let drawing;
    if (values.length <= BARS_UP_TO) {
      drawing = values.map((value, index) => {
        const barHeight = Math.max(height(value), value ? 1 : 0.5);
        return svg`<rect part="bar" class="bar ${value ? '' : 'zero'}" x=${index * step + step * 0.15}
          y=${CHART_HEIGHT - barHeight} width=${step * 0.7} height=${barHeight} rx="0.5"></rect>`;
      });
    } else {
      const points = values.map((value, index) => `${index * step + step / 2},${CHART_HEIGHT - 1 - height(value)}`);
      drawing = svg`<polyline class="line" points=${points.join(' ')}></polyline>`;
    }
    return html`<svg
      part="chart"
      class="chart"
      viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      ${drawing}
    </svg>`;
  }

  private renderChartTable(figure: FigureSpec, daily: readonly ResultsDay[], values: readonly number[], label: string) {
    // The table is hidden in a box of its own: a table's width follows its content, so the class on the
    // table itself would leave it as wide as its rows and widen the page.
    return html`<div class="cl-visually-hidden"
      ><table>
        <caption> ${this.localize.t('staffResults.chartCaption', label)} </caption>
        <thead>
          <tr>
            <th scope="col">${this.localize.t('staffResults.day')}</th>
            <th scope="col">${label}</th>
          </tr>
        </thead>
        <tbody>
          ${daily.map(
            (day, index) =>
              html`<tr>
                <th scope="row">${this.localize.date(`${day.day}T00:00:00Z`, false, 'UTC')}</th>
                <td>${this.formatValue(figure.kind, values[index] ?? 0, true)}</td>
              </tr>`,
          )}
        </tbody>
      </table></div
    >`;
  }

  /** The store view's associates, by attributed sales. */
  private renderRanking(results: Results) {
    const { ranking } = results;
    if (!ranking) return nothing;
    return html`<section class="ranking-section" aria-labelledby="ranking-title">
      <h3 id="ranking-title" class="ranking-title">
        ${this.localize.t('staffResults.ranking')}<small>${this.localize.t('staffResults.rankingHint')}</small>
      </h3>
      ${
        ranking.length
          ? html`<ol part="ranking" class="ranking">
              ${ranking.map((rank, index) => this.renderRank(rank, index, ranking[0]!))}
            </ol>`
          : html`<p class="muted">${this.localize.t('staffResults.rankingEmpty')}</p>`
      }
    </section>`;
  }

  private renderRank(rank: ResultsRank, index: number, first: ResultsRank) {
    const { locale } = this.localize;
    const amount = sales(rank.totals);
    const share = sales(first.totals) ? amount / sales(first.totals) : 0;
    return html`<li part="rank" class="rank" data-staff=${rank.staffId}>
      <span class="rank-number" aria-hidden="true">${index + 1}</span>
      <span class="cl-visually-hidden">${this.localize.t('staffResults.rank', index + 1)}</span>
      <span class="rank-main">
        <span class="rank-name">${rank.name}</span>
        <span class="rank-detail"
          >${this.localize.t('staffResults.rankingAdded', formatCount(rank.totals.customersAdded, locale))} ·
          ${this.localize.t('staffResults.rankingServed', formatCount(rank.totals.customersServed, locale))}</span
        >
        <span class="rank-bar" aria-hidden="true"
          ><span style=${styleMap({ width: `${Math.round(share * 100)}%` })}></span
        ></span>
      </span>
      <span class="rank-sales">${formatMoney(amount, locale)}</span>
    </li>`;
  }
}
