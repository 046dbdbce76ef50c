/**
 * What a virtual list loads once it grows long (see `VirtualListController`): the virtualize
 * directive, the known-heights layout, and the few steps that touch them. One chunk, loaded on
 * demand, so that an element's first screen carries none of it.
 */
import { html, type TemplateResult } from 'lit';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { KnownHeightsLayout, type RowHeight } from './virtual-list-layout.js';

/** A layout config for the virtualizer: the known-heights layout and the height of each row. */
export interface KnownHeightsConfig {
  type: typeof KnownHeightsLayout;
  rowHeight: RowHeight;
}

/**
 * The layout config for rows of a few kinds, each of one height: `heights` by kind (a snapshot: a
 * new config is made when a height changes, which lays the list out anew). A row not there (a
 * placeholder, or one asked for past the end) has the height of the first kind.
 */
export function knownHeightsConfig<Row>(
  heights: Record<string, number>,
  kindOf: ((row: Row) => string) | undefined,
): KnownHeightsConfig {
  const sizes = { ...heights };
  const firstKind = Object.keys(sizes)[0]!;
  const rowHeight: RowHeight = (row) =>
    (kindOf && row !== undefined ? sizes[kindOf(row as Row)] : undefined) ?? sizes[firstKind]!;
  return { type: KnownHeightsLayout, rowHeight };
}

/**
 * The virtualized rows, in a container of their own (the virtualizer styles it, so a list that
 * shrinks starts clean); `onRangeChanged` hears which rows it rendered.
 */
export function renderVirtualRows<Row>(
  rows: Row[],
  renderItem: (row: Row, index: number) => TemplateResult,
  keyFunction: (row: Row, index: number) => unknown,
  layout: KnownHeightsConfig,
  onRangeChanged: (event: Event & { last?: number }) => void,
): TemplateResult {
  return html`<div class="virtual" @rangeChanged=${onRangeChanged}
    >${virtualize({ items: rows, renderItem, keyFunction, layout })}</div
  >`;
}

/** Connects the virtualizer of `container` again, so that it finds the scrolling ancestors anew. */
export function reconnectVirtualizer(container: VirtualizerHostElement): void {
  const virtualizer = container[virtualizerRef];
  virtualizer?.disconnected();
  virtualizer?.connected();
}
