/**
 * What the benchmarks of virtualized lists share (the member list, the timeline): a fixed scrolling
 * box, waiting for rows, and the scroll comparison with a bare `@lit-labs/virtualizer` list.
 */
import { compareAtEachRate, nextFrame, report, tick } from './kit.js';

/** A list on the page: where its rows are (its shadow root) and the box it scrolls in. */
export interface ListOnStage {
  root: ParentNode;
  box: HTMLElement;
}

/** A 375 x 640 scrolling box fixed at the top of the viewport, where a virtualizer renders rows. */
export function stage(): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = 'position:fixed;top:0;left:0;height:640px;width:375px;overflow:auto;background:white';
  document.body.append(box);
  return box;
}

/** Waits (at most 10 s) until `ready()`, then until the last row is laid out. */
export async function settled(root: ParentNode, ready: () => boolean): Promise<void> {
  const started = performance.now();
  while (!ready()) {
    if (performance.now() - started > 10_000) throw new Error('the list did not render');
    await tick();
  }
  (root.querySelector('[role=listitem]:last-of-type') as HTMLElement | null)?.getBoundingClientRect();
}

/**
 * Untimed: a first small scroll, as a finger's first move would be (a list finds its scrolling box
 * on the first scroll event), then a few frames.
 */
async function virtualizerReady(box: HTMLElement): Promise<void> {
  for (let i = 0; i < 3; i++) await nextFrame();
  box.scrollTop = 1;
  for (let i = 0; i < 5; i++) await nextFrame();
}

export interface ScrollComparison {
  /** The element's name in the report (`group-member-list`). */
  name: string;
  /** What the list holds, for the report (`10,000 members`). */
  holding: string;
  /** How many rows down each run scrolls. */
  rows: number;
  /** The rows whose height sets the distance (`[role=listitem]`). */
  rowSelector: string;
  /** How far (in rows) from the row scrolled to a shown row may be: a list renders a few around it. */
  tolerance: number;
  /** A fresh list of the element, and of the bare virtualizer, on the stage. */
  own: () => Promise<ListOnStage>;
  baseline: () => Promise<ListOnStage>;
  target: number;
}

/**
 * Scrolls a fresh list of each side `rows` rows down. First checks, and reports as a count, that
 * each shows the rows scrolled to (a list that never re-renders would otherwise look fast); then,
 * when both do, compares the time to those rows at each CPU rate. Returns whether each showed them.
 */
export async function compareScrolling(comparison: ScrollComparison): Promise<{ own: boolean; baseline: boolean }> {
  const { name, holding, rows, rowSelector, tolerance, own, baseline, target } = comparison;
  /** Scrolls the box down by `rows` rows and waits for the rows there, laid out. */
  const scrollDown = async ({ root, box }: ListOnStage) => {
    const rowHeight = (root.querySelector(rowSelector) as HTMLElement).getBoundingClientRect().height;
    const started = performance.now();
    box.scrollTop = rows * rowHeight;
    await settled(root, () =>
      [...root.querySelectorAll('[role=listitem]')].some(
        (row) => Math.abs(Number(row.getAttribute('aria-posinset')) - 1 - rows) < tolerance,
      ),
    );
    return performance.now() - started;
  };
  const timedScroll = async (make: () => Promise<ListOnStage>) => {
    const list = await make();
    await virtualizerReady(list.box);
    try {
      return await scrollDown(list);
    } finally {
      list.box.remove();
    }
  };
  const shows = (make: () => Promise<ListOnStage>) =>
    timedScroll(make).then(
      () => true,
      () => false,
    );
  const shown = { own: await shows(own), baseline: await shows(baseline) };
  for (const [listName, listShows] of [
    [name, shown.own],
    ['bare virtualizer', shown.baseline],
  ] as const) {
    report({
      name: `${listName}: scrolled ${rows} rows in its box, shows the rows there`,
      value: listShows ? 1 : 0,
      unit: 'count',
      atLeast: 1,
    });
  }
  if (shown.own && shown.baseline) {
    await compareAtEachRate(
      `${name}: scroll ${rows} rows, ${holding}`,
      () => timedScroll(own),
      () => timedScroll(baseline),
      { target, baselineName: 'bare virtualizer' },
    );
  }
  return shown;
}
