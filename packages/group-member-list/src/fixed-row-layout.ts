/**
 * A virtualizer layout for rows of one fixed height: row `i` starts at `i × rowHeight`, the list is
 * `items.length × rowHeight` tall from the start, and rows are never measured.
 *
 * The virtualizer's flow layout measures every row it renders with a ResizeObserver (which makes
 * the browser report `ResizeObserver loop completed with undelivered notifications` on `window`)
 * and places rows from an anchor it estimates: after a jump deep into the list it corrects the
 * scroll position towards its estimate, so the rows scrolled to never show. Here every position is
 * known, so a jump lands where it was aimed.
 *
 * Loaded with the virtualizer, only when a list is long.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

type FlowLayoutArguments = ConstructorParameters<typeof FlowLayout>;

/** The layout's configuration: the flow layout's (direction), and the height of every row in px. */
export type FixedRowLayoutConfig = FlowLayoutArguments[1] & { rowHeight?: number };

/**
 * Built on the flow layout (the virtualizer exports no other base): its own estimates are never
 * used, as the methods that place rows and size the list are replaced. Vertical lists only.
 */
export class FixedRowLayout extends FlowLayout {
  /** The height of every row, in px (set through the layout config). */
  rowHeight = 64;

  /** Rows are not measured: the virtualizer observes no row size. */
  override get measureChildren(): boolean {
    return false;
  }

  override _getItemPosition(index: number): { top: number; left: number } {
    return { top: index * this.rowHeight, left: 0 };
  }

  override _getItemSize(): { height: number; width: number } {
    return { height: this.rowHeight, width: 0 };
  }

  override _updateScrollSize(): void {
    this._scrollSize = Math.max(1, this.items.length * this.rowHeight);
  }

  /** The rows in view, and `_overhang` px of rows before and after them. */
  override _getActiveItems(): void {
    const count = this.items.length;
    if (!count || !this._viewDim1) {
      this._first = this._last = -1;
      this._physicalMin = this._physicalMax = 0;
      return;
    }
    const lower = Math.max(0, this._scrollPosition - this._overhang);
    const upper = this._scrollPosition + this._viewDim1 + this._overhang;
    this._first = Math.min(count - 1, Math.floor(lower / this.rowHeight));
    this._last = Math.min(count - 1, Math.max(this._first, Math.ceil(upper / this.rowHeight) - 1));
    this._physicalMin = this._first * this.rowHeight;
    this._physicalMax = (this._last + 1) * this.rowHeight;
  }
}
