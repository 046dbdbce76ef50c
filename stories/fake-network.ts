// What the stories' fake adapters share: a network that answers late, fails, or never answers.
import type { AdapterError } from '@clienteling/core';

/** A promise that never settles: a request that hangs (the loading state). */
export const never = () => new Promise<never>(() => {});

/** Resolves after `milliseconds`: a slow network, or time for the page to react. */
export const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

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
