/**
 * A virtualizer layout for the timeline's two kinds of row, each of one fixed height: day headers
 * and entries. Row positions are exact sums of those heights (worked out once per list), so the
 * layout never measures a row: the flow layout's measuring makes the browser report
 * `ResizeObserver loop completed with undelivered notifications` on mount and scroll (see the member
 * list's fixed-row layout), and an exact position keeps a long jump (the scrollbar dragged) on the
 * right day.
 *
 * Loaded with the virtualizer, only when a timeline is long.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { DEFAULT_DAY_HEIGHT, DEFAULT_ENTRY_HEIGHT, type TimelineRow } from './timeline-days.js';

type FlowLayoutArguments = ConstructorParameters<typeof FlowLayout>;

/** The layout's configuration: the flow layout's, and the heights of the two kinds of row in px. */
export type TimelineLayoutConfig = FlowLayoutArguments[1] & { dayHeight?: number; entryHeight?: number };

export class TimelineLayout extends FlowLayout {
  /** The height of a day header, in px (set through the layout config). */
  declare dayHeight?: number;
  /** The height of an entry, in px (set through the layout config). */
  declare entryHeight?: number;

  /**
   * Where each row starts (and, last, the list's length), with the rows and heights it was worked
   * out for. No initializer: the flow layout's constructor already asks for it.
   */
  private offsetsFor?: { rows: unknown[]; day: number; entry: number; offsets: Float64Array };

  constructor(hostSink: FlowLayoutArguments[0], config?: TimelineLayoutConfig) {
    super(hostSink, config);
    const sizeOf = (index: number) => this.sizeOf(index);
    // The flow layout keeps its measurements in a private cache: answer from the fixed heights instead.
    (this as unknown as { _metricsCache: unknown })._metricsCache = {
      update() {},
      clear() {},
      get averageChildSize() {
        return 0;
      },
      get totalChildSize() {
        return 0;
      },
      averageMarginSize: 0,
      totalMarginSize: 0,
      getLeadingMarginValue: () => 0,
      getChildSize: sizeOf,
      getMarginSize: () => 0,
    };
  }

  /** Rows are not measured: the virtualizer observes no row size. */
  override get measureChildren(): boolean {
    return false;
  }

  private sizeOf(index: number): number {
    const row = this.items[index] as TimelineRow | undefined;
    return row?.type === 'day' ? (this.dayHeight ?? DEFAULT_DAY_HEIGHT) : (this.entryHeight ?? DEFAULT_ENTRY_HEIGHT);
  }

  /** The start of every row and, last, the length of the list. */
  private get rowOffsets(): Float64Array {
    const rows = this.items;
    const day = this.dayHeight ?? DEFAULT_DAY_HEIGHT;
    const entry = this.entryHeight ?? DEFAULT_ENTRY_HEIGHT;
    const known = this.offsetsFor;
    if (known?.rows === rows && known.day === day && known.entry === entry) return known.offsets;
    const offsets = new Float64Array(rows.length + 1);
    for (let index = 0; index < rows.length; index++) offsets[index + 1] = offsets[index]! + this.sizeOf(index);
    this.offsetsFor = { rows, day, entry, offsets };
    return offsets;
  }

  /**
   * A fresh anchor for every pass (unless a row is pinned by `scrollToIndex`). The flow layout keeps
   * its anchor until a later pass, after measuring, finds the range unchanged; rows are never
   * measured here, so a kept anchor would pull a long scroll back to it.
   */
  override _getItems(): void {
    if (this.pin === null) this._resetReflowState();
    super._getItems();
  }

  /** Every row's size is known, rendered or not: a pass over rows not yet rendered is exact and stable. */
  override _getSize(index: number): number {
    return this.sizeOf(index);
  }

  override _getAverageSize(): number {
    const offsets = this.rowOffsets;
    return this.items.length ? offsets[this.items.length]! / this.items.length : (this.entryHeight ?? 0);
  }

  /** Exact, not estimated: every height is known. */
  override _estimatePosition(index: number): number {
    return this.rowOffsets[Math.max(0, Math.min(index, this.items.length))]!;
  }

  /** The row at the middle of the range, found in the offsets. */
  override _calculateAnchor(lower: number, upper: number): number {
    const count = this.items.length;
    if (lower <= 0 || !count) return 0;
    if (upper > this._scrollSize - this._viewDim1) return count - 1;
    const offsets = this.rowOffsets;
    const middle = (lower + upper) / 2;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const probe = (low + high + 1) >> 1;
      if (offsets[probe]! <= middle) low = probe;
      else high = probe - 1;
    }
    return low;
  }

  override _updateScrollSize(): void {
    this._scrollSize = Math.max(1, this.rowOffsets[this.items.length]!);
  }
}
