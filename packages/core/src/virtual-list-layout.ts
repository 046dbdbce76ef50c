/**
 * A virtualizer layout for rows whose heights are known without measuring them: row `i` starts at
 * the sum of the heights before it, the list is as tall as all its rows from the start, and rows
 * are never measured.
 *
 * The virtualizer's flow layout measures every row it renders with a ResizeObserver (which makes
 * the browser report `ResizeObserver loop completed with undelivered notifications` on `window`)
 * and places rows from an anchor it estimates and keeps: after a jump deep into the list it
 * corrects the scroll position towards that stale anchor, so the rows scrolled to never show. Here
 * every position is known, so a jump (the scrollbar dragged) lands where it was aimed.
 *
 * Loaded with the virtualizer, only when a list is long (see `VirtualListController`).
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

type FlowLayoutArguments = ConstructorParameters<typeof FlowLayout>;

/** The height of a row in px, from the row (undefined for a row still to load) and its index. */
export type RowHeight = (row: unknown, index: number) => number;

/** The layout's configuration: the flow layout's (direction), and the height of each row. */
export type KnownHeightsLayoutConfig = FlowLayoutArguments[1] & { rowHeight?: RowHeight };

/** Row height until the config gives one, in px. */
const FALLBACK_ROW_HEIGHT = 64;

/**
 * Built on the flow layout (the virtualizer exports no other base): its estimates and anchor are
 * never used, as the methods that place rows and size the list are replaced. Vertical lists only.
 */
export class KnownHeightsLayout extends FlowLayout {
  private heightOfRow: RowHeight = () => FALLBACK_ROW_HEIGHT;

  /** The height of each row (set through the layout config): a new function lays the rows out anew. */
  get rowHeight(): RowHeight {
    return this.heightOfRow;
  }

  set rowHeight(rowHeight: RowHeight) {
    if (rowHeight === this.heightOfRow) return;
    this.heightOfRow = rowHeight;
    this._triggerReflow();
  }

  /** Where each row starts and, last, the list's length, with the rows and heights it was worked out for. */
  private offsetsFor?: { rows: unknown[]; rowHeight: RowHeight; offsets: Float64Array };

  /** Rows are not measured: the virtualizer observes no row size. */
  override get measureChildren(): boolean {
    return false;
  }

  /** The start of every row and, last, the length of the list. */
  private get rowOffsets(): Float64Array {
    const { items: rows, rowHeight } = this;
    const known = this.offsetsFor;
    if (known?.rows === rows && known.rowHeight === rowHeight) return known.offsets;
    const offsets = new Float64Array(rows.length + 1);
    for (let index = 0; index < rows.length; index++)
      offsets[index + 1] = offsets[index]! + rowHeight(rows[index], index);
    this.offsetsFor = { rows, rowHeight, offsets };
    return offsets;
  }

  override _getItemPosition(index: number): { top: number; left: number } {
    const offsets = this.rowOffsets;
    return { top: offsets[Math.max(0, Math.min(index, this.items.length))]!, left: 0 };
  }

  override _getItemSize(index: number): { height: number; width: number } {
    const inList = index >= 0 && index < this.items.length;
    const offsets = this.rowOffsets;
    const height = inList ? offsets[index + 1]! - offsets[index]! : this.rowHeight(undefined, index);
    return { height, width: 0 };
  }

  override _updateScrollSize(): void {
    this._scrollSize = Math.max(1, this.rowOffsets[this.items.length]!);
  }

  /** The rows in view, and `_overhang` px of rows before and after them. */
  override _getActiveItems(): void {
    const count = this.items.length;
    if (!count || !this._viewDim1) {
      this._first = this._last = -1;
      this._physicalMin = this._physicalMax = 0;
      return;
    }
    const offsets = this.rowOffsets;
    const lower = Math.max(0, this._scrollPosition - this._overhang);
    const upper = this._scrollPosition + this._viewDim1 + this._overhang;
    this._first = rowAt(offsets, count, lower, true);
    this._last = Math.max(this._first, rowAt(offsets, count, upper, false));
    this._physicalMin = offsets[this._first]!;
    this._physicalMax = offsets[this._last + 1]!;
  }
}

/**
 * The last row (of `count`) that starts before `position`, or at it when `atToo`: the row at that
 * position. A binary search in the offsets.
 */
function rowAt(offsets: Float64Array, count: number, position: number, atToo: boolean): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const probe = (low + high + 1) >> 1;
    const start = offsets[probe]!;
    if (start < position || (atToo && start === position)) low = probe;
    else high = probe - 1;
  }
  return low;
}
