/**
 * The plumbing of a long list that pages by cursor: `@lit-labs/virtualizer` loaded only when a list
 * grows long, with a layout that places rows of known heights without measuring them, reconnected
 * when the element or an ancestor becomes a scroll container, and the next page asked for near the
 * end (from the rendered range, or from a sentinel under a list that is not virtualized).
 */
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { KnownHeightsConfig } from './virtual-rows.js';

/** The virtualizer, the layout and the steps that use them (`virtual-rows.ts`), loaded together. */
type VirtualRowsModule = typeof import('./virtual-rows.js');

let virtualRowsLoading: Promise<VirtualRowsModule> | undefined;

/** Loads `@lit-labs/virtualizer` and the layout once, as a separate chunk. */
const loadVirtualRows = () => (virtualRowsLoading ??= import('./virtual-rows.js'));

/** The next page is asked for when the virtualizer renders this close to the end of the loaded rows. */
export const PREFETCH_ROWS = 30;

/** Without virtualization, the next page loads when the end of the list comes this close to view. */
const PREFETCH_MARGIN = '0px 0px 600px 0px';

/** One kind of row: where to find one as laid out (to measure it), and its height until then, in px. */
export interface RowKind {
  selector: string;
  height: number;
}

export interface VirtualListOptions<Row> {
  /** Lists with more rows than this are virtualized (and the virtualizer is loaded for them). */
  virtualizeAfter: number;
  /** The kinds of row, each of one fixed height, by name; the first is also a placeholder's. */
  rowKinds: Record<string, RowKind>;
  /** The kind of a row; the first kind when left out. */
  kindOf?: (row: Row) => string;
  /** A row's key for the virtualizer, so that a row keeps its element while the list changes. */
  keyFunction: (row: Row, index: number) => unknown;
  /** How many rows are loaded: rows after them are placeholders for rows still to load. */
  loadedRows: () => number;
  /** Asks for the next page (the element knows whether one is left and none is on its way). */
  loadMore: () => void;
}

/**
 * A list of rows of known heights that loads its next page as the user scrolls, virtualized once it
 * is long. The element renders `renderRows()` inside its list while `virtualizes()` says so (else
 * its rows and `renderSentinel()` under them), and waits for `load()` before it shows a long list
 * for the first time (`mustLoad()`), so that rows and virtualizer arrive in one render.
 *
 * The list scrolls with the page or with any scrolling ancestor, also one that becomes a scroll
 * container after the first render: the virtualize directive starts while its container is still
 * outside the document, and so listens to the window only; it is connected again whenever an
 * element around the list is first seen scrolling.
 */
export class VirtualListController<Row> implements ReactiveController {
  /** The virtualizer module, once a long list needed it. */
  private module?: VirtualRowsModule;
  /** Heights of the kinds of row as laid out, in px (until measured, as `rowKinds` gives them). */
  private readonly heights: Record<string, number> = {};
  /** The layout config: the same object while the heights stay (a new height function lays out anew). */
  private layoutConfig?: KnownHeightsConfig;
  /** Watches the end of a list that is not virtualized, to load the next page. */
  private listEndObserver?: IntersectionObserver;
  /** The container the virtualizer last rendered into. */
  private virtualContainer?: VirtualizerHostElement;
  /** Elements around the list seen scrolling, each of which the virtualizer was told about. */
  private knownScrollers = new WeakSet<EventTarget>();
  /** The last row the virtualizer rendered, -1 before any (or after `resetRange()`). */
  private lastRenderedRow = -1;
  /** Reports the height of one row of each kind after layout (see `observeRowHeights()`). */
  private rowResizeObserver?: ResizeObserver;
  /** The row of each kind that is observed, by kind; and the kind of each observed row. */
  private readonly observedRows = new Map<string, Element>();
  private readonly kindOfObservedRow = new WeakMap<Element, string>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: VirtualListOptions<Row>,
  ) {
    for (const [kind, { height }] of Object.entries(options.rowKinds)) this.heights[kind] = height;
    host.addController(this);
  }

  /* ------------------------------------------------------------------ loading the virtualizer */

  /** Whether `rowCount` rows are to be virtualized and the virtualizer has not loaded yet. */
  mustLoad(rowCount: number): boolean {
    return rowCount > this.options.virtualizeAfter && !this.module;
  }

  /**
   * Loads the virtualizer (once for the page), before the rows that need it are set. No update is
   * asked for: the element sets those rows next, and that update renders them virtualized (one
   * render, not two).
   */
  async load(): Promise<void> {
    this.module ??= await loadVirtualRows();
  }

  /**
   * Fetches the virtualizer ahead, while rows are on their way, when `rowCount` will need it. The
   * list is virtualized only from the `load()` on: the rows that arrive may be fewer.
   */
  prefetch(rowCount: number): void {
    if (rowCount > this.options.virtualizeAfter) void loadVirtualRows();
  }

  /** Whether a list of `rowCount` rows renders virtualized now (long, and the virtualizer loaded). */
  virtualizes(rowCount: number): boolean {
    return rowCount > this.options.virtualizeAfter && Boolean(this.module);
  }

  /* ------------------------------------------------------------------ the rendered range */

  /** Whether the rows last rendered reach near the end of the loaded ones (or past it). */
  get nearEnd(): boolean {
    return this.lastRenderedRow >= 0 && this.lastRenderedRow >= this.options.loadedRows() - PREFETCH_ROWS;
  }

  /** Forgets the rendered range (the list starts over). */
  resetRange(): void {
    this.lastRenderedRow = -1;
  }

  /* ------------------------------------------------------------------ render */

  /** The virtualized rows, in a container of their own. Only while `virtualizes()`. */
  renderRows(rows: Row[], renderItem: (row: Row, index: number) => TemplateResult): TemplateResult {
    const { renderVirtualRows, knownHeightsConfig } = this.module!;
    // The same config while the heights stay: a new one lays the list out anew.
    this.layoutConfig ??= knownHeightsConfig(this.heights, this.options.kindOf);
    return renderVirtualRows(rows, renderItem, this.options.keyFunction, this.layoutConfig, this.handleRangeChanged);
  }

  /** Under a list that is not virtualized while more pages are left: what asks for the next one. */
  renderSentinel(): TemplateResult {
    return html`<div class="sentinel"></div>`;
  }

  /* ------------------------------------------------------------------ lifecycle */

  hostConnected(): void {
    // Moved in the page: the rows rendered before are watched again (an update watches new ones).
    if (this.host.hasUpdated) this.observeRowHeights();
    // Scroll events do not bubble: capture them, to see the element or an ancestor start scrolling.
    addEventListener('scroll', this.handleAnyScroll, { capture: true, passive: true });
    this.host.addEventListener('scroll', this.handleAnyScroll, { passive: true });
  }

  hostDisconnected(): void {
    this.listEndObserver?.disconnect();
    this.rowResizeObserver?.disconnect();
    this.observedRows.clear();
    removeEventListener('scroll', this.handleAnyScroll, { capture: true });
    this.host.removeEventListener('scroll', this.handleAnyScroll);
  }

  hostUpdated(): void {
    this.observeRowHeights();
    const root = this.host.renderRoot;
    const container = root.querySelector<VirtualizerHostElement>('.virtual');
    if (container && container !== this.virtualContainer) {
      this.virtualContainer = container;
      this.knownScrollers = new WeakSet();
      this.module!.reconnectVirtualizer(container);
    }
    this.observeListEnd(root.querySelector<HTMLElement>('.sentinel'));
  }

  /**
   * Watches one row of each kind (skeleton rows too) for the height it has as laid out. A
   * ResizeObserver reports it after the browser's own layout, so an update never forces a layout of
   * its own to read it; a row keeps being watched while it stays in the list, so that no new
   * observation starts in the middle of the frame's reports.
   */
  private observeRowHeights(): void {
    const root = this.host.renderRoot;
    for (const [kind, { selector }] of Object.entries(this.options.rowKinds)) {
      const observed = this.observedRows.get(kind);
      if (observed?.isConnected) continue;
      if (observed) {
        this.rowResizeObserver!.unobserve(observed);
        this.observedRows.delete(kind);
      }
      const row = root.querySelector(selector);
      if (!row) continue;
      this.rowResizeObserver ??= new ResizeObserver((entries) => this.handleRowResize(entries));
      this.observedRows.set(kind, row);
      this.kindOfObservedRow.set(row, kind);
      this.rowResizeObserver.observe(row);
    }
  }

  /**
   * Observing afresh yields a report after layout: while the end of a short list is in view
   * (a page did not fill the screen, or the user scrolled there), the next page loads.
   */
  private observeListEnd(listEnd: HTMLElement | null): void {
    this.listEndObserver?.disconnect();
    if (!listEnd) return;
    this.listEndObserver ??= new IntersectionObserver((entries) => this.handleListEndIntersection(entries), {
      rootMargin: PREFETCH_MARGIN,
    });
    this.listEndObserver.observe(listEnd);
  }

  /* ------------------------------------------------------------------ handlers */

  /**
   * Something scrolled: when it is the element or an ancestor the virtualizer has not heard of
   * (it became a scroll container after the first render), connect the virtualizer again.
   */
  private readonly handleAnyScroll = (event: Event): void => {
    const { virtualContainer, host } = this;
    const scroller = event.target;
    if (!virtualContainer || !scroller || this.knownScrollers.has(scroller)) return;
    const around = scroller === host || (scroller instanceof Node && scroller.contains(host));
    if (!around || scroller === document) return;
    this.knownScrollers.add(scroller);
    this.module!.reconnectVirtualizer(virtualContainer);
  };

  /** The virtualizer rendered other rows: near the end of the loaded ones (or past it), the next page loads. */
  private readonly handleRangeChanged = (event: Event & { last?: number }): void => {
    this.lastRenderedRow = event.last!;
    // The virtualizer renders the rows of the range after this event: watch one of each kind then.
    queueMicrotask(() => this.observeRowHeights());
    if (event.last! >= this.options.loadedRows() - PREFETCH_ROWS) this.options.loadMore();
  };

  /** A watched row has its height: when it differs from the one the layout uses, lay the list out anew. */
  private handleRowResize(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const kind = this.kindOfObservedRow.get(entry.target);
      // Laid out already (the report comes after layout): reading it forces nothing. `borderBoxSize`
      // is missing in older WebViews (iOS before 15.4).
      const height = (entry.target as HTMLElement).offsetHeight;
      // A row taken out of the document reports no height.
      if (kind === undefined || !height || height === this.heights[kind]) continue;
      this.heights[kind] = height;
      changed = true;
    }
    if (!changed) return;
    this.layoutConfig = undefined;
    // In the next frame: laid out anew within these reports, the list's own size would change after
    // the browser stopped delivering them (a "ResizeObserver loop" error).
    requestAnimationFrame(() => this.host.requestUpdate());
  }

  private handleListEndIntersection(entries: IntersectionObserverEntry[]): void {
    if (entries[0]!.isIntersecting) this.options.loadMore();
  }
}
