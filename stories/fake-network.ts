// What the stories' fake adapters share: a network that answers late, fails, or never answers.
import type { AdapterError } from '@clienteling/core';

/** A promise that never settles: a request that hangs (the loading state). */
export const never = () => new Promise<never>(() => {});

declare global {
  interface Window {
    /**
     * How many waits of the stories are running: a fake network still to answer, or a play function giving
     * the page time. The story test (test/storybook) checks a story once none is, rather than guessing a delay.
     */
    clStoryWaits?: number;
  }
}

/** Resolves after `milliseconds`: a slow network, or time for the page to react. */
export const wait = (milliseconds: number) =>
  new Promise((resolve) => {
    window.clStoryWaits = (window.clStoryWaits ?? 0) + 1;
    setTimeout(() => {
      window.clStoryWaits! -= 1;
      resolve(undefined);
    }, milliseconds);
  });

/**
 * An answer after `latency` ms, or the given error, or none at all when `hang` is set. The value is
 * computed when the answer arrives, so it sees changes made meanwhile.
 */
export const network =
  ({ latency, hang = false }: { latency: number; hang?: boolean }) =>
  async <T>(value: () => T | Promise<T>, error?: AdapterError): Promise<T> => {
    if (hang) return never();
    await wait(latency);
    if (error) throw error;
    return value();
  };
