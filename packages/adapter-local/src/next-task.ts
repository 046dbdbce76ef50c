/** Work in slices: the page gets the main thread back between them (core's `nextTask`). */
import { nextTask } from '@clienteling/core/next-task.js';

export { nextTask };

/**
 * What a step of sliced work (a generator) yields before a step that cannot be cut, such as the
 * first Intl object of a kind (tens of milliseconds on a phone): the work pauses there whatever the
 * slice's time, so that step runs in a task of its own and not after the slice's other steps.
 */
export const ALONE = 'alone';

/** What a step of sliced work yields: nothing (pause if the slice is used up), or {@link ALONE}. */
export type SliceStep = void | typeof ALONE;

/**
 * Runs `steps` to their end in slices of about `sliceMs`, the main thread given back in between: a
 * slice is measured in time, not in steps, so a slow phone pauses more often than a laptop; a step
 * that yields {@link ALONE} is followed by a pause whatever the time.
 */
export async function runInSlices<T>(steps: Generator<SliceStep, T>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value === ALONE || performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
}
