/**
 * What the benchmarks share: CPU throttling through the Chrome DevTools Protocol (the `cpu-throttle`
 * command of web-test-runner.bench.config.js), alternating runs of a measurement and its baseline,
 * medians, and the `BENCH {json}` lines that `npm run bench` collects.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** The CPU slowdowns every ratio is measured at: a desktop and a mid-range phone. */
export const CPU_RATES = [1, 4] as const;

/** Runs of each side per ratio (alternating which goes first). */
export const RUNS = 7;

/** Slows the page's CPU by `rate` (1 = not throttled), as DevTools' performance panel does. */
export const setCpuRate = (rate: number): Promise<unknown> => executeServerCommand('cpu-throttle', { rate });

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

const channel = new MessageChannel();
/** Yields to the event loop without timer clamping. */
export const tick = (): Promise<void> =>
  new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'x' | 'frames' | 'count';
  /** The value must be at most this. */
  target?: number;
  /** The value must be at least this. */
  atLeast?: number;
  /** The CPU slowdown it was measured at. */
  cpu?: number;
  /** Number of runs of each side behind a median. */
  runs?: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Prints one result for `npm run bench`. */
export function report(result: BenchResult): void {
  console.log('BENCH ' + JSON.stringify({ ...result, value: round(result.value) }));
}

/**
 * Measures `own` and `baseline` `runs` times each, alternating which goes first, each started at
 * the start of a frame; returns both medians and their ratio.
 */
export async function alternate(
  own: () => Promise<number>,
  baseline: () => Promise<number>,
  runs = RUNS,
): Promise<{ own: number; baseline: number; ratio: number; runs: number }> {
  const ownTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [baseline, own] : [own, baseline];
    for (const side of order) {
      await nextFrame();
      const time = await side();
      (side === own ? ownTimes : baselineTimes).push(time);
    }
  }
  const ownMedian = median(ownTimes);
  const baselineMedian = median(baselineTimes);
  return { own: ownMedian, baseline: baselineMedian, ratio: ownMedian / baselineMedian, runs };
}

/**
 * For each CPU rate: warms both sides up, measures them alternately and reports both medians and
 * the ratio against `target`.
 */
export async function compareAtEachRate(
  name: string,
  own: () => Promise<number>,
  baseline: () => Promise<number>,
  { target, baselineName = 'baseline', runs = RUNS }: { target: number; baselineName?: string; runs?: number },
): Promise<void> {
  for (const cpu of CPU_RATES) {
    await setCpuRate(cpu);
    try {
      await own();
      await baseline();
      const result = await alternate(own, baseline, runs);
      report({ name: `${name}`, value: result.own, unit: 'ms', cpu, runs });
      report({ name: `${name}: ${baselineName}`, value: result.baseline, unit: 'ms', cpu, runs });
      report({ name: `${name} / ${baselineName}`, value: result.ratio, unit: 'x', target, cpu, runs });
    } finally {
      await setCpuRate(1);
    }
  }
}

/**
 * Times an element's first render: from its insertion into the page until `ready()` holds (its data
 * shown; at once by default) and its layout is done. The element is removed afterwards.
 */
export async function timeFirstRender(
  element: HTMLElement & { updateComplete: Promise<unknown> },
  ready: () => boolean = () => true,
): Promise<number> {
  const start = performance.now();
  document.body.append(element);
  await element.updateComplete;
  while (!ready()) {
    await element.updateComplete;
    await tick();
  }
  element.getBoundingClientRect();
  const time = performance.now() - start;
  element.remove();
  return time;
}
