/**
 * A virtualizer layout for rows of one fixed height: row `i` starts at `i × rowHeight`, and rows are
 * never measured. The virtualizer's default flow layout measures every row it renders with a
 * ResizeObserver and repositions rows and resizes the list from that observer's callback, which
 * makes the browser report `ResizeObserver loop completed with undelivered notifications` on
 * `window` at mount and on scroll (error monitors log it). Rows of the member list have a fixed
 * height, so nothing needs measuring.
 *
 * Loaded with the virtualizer, only when a list is long.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

type FlowLayoutArguments = ConstructorParameters<typeof FlowLayout>;

/** The size figures the flow layout reads from its measurements, all answering the fixed height. */
function fixedMetrics(rowHeight: () => number) {
  return {
    update() {},
    clear() {},
    get averageChildSize() {
      return rowHeight();
    },
    get totalChildSize() {
      return 0;
    },
    averageMarginSize: 0,
    totalMarginSize: 0,
    getLeadingMarginValue: () => 0,
    getChildSize: () => rowHeight(),
    getMarginSize: () => 0,
  };
}

/** The layout's configuration: the flow layout's, and the height of every row in px. */
export type FixedRowLayoutConfig = FlowLayoutArguments[1] & { rowHeight?: number };

export class FixedRowLayout extends FlowLayout {
  /** The height of every row, in px (set through the layout config). */
  rowHeight = 64;

  constructor(hostSink: FlowLayoutArguments[0], config?: FixedRowLayoutConfig) {
    super(hostSink, config);
    // The flow layout keeps its measurements in a private cache: answer from the fixed height instead.
    (this as unknown as { _metricsCache: unknown })._metricsCache = fixedMetrics(() => this.rowHeight);
  }

  /** Rows are not measured: the virtualizer observes no row size. */
  override get measureChildren(): boolean {
    return false;
  }
}
