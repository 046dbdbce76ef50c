/** A clock the conformance suite controls: the adapter under test must take "now" from it. */
export interface TestClock {
  now(): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

/** A {@link TestClock} starting at `start`. */
export function createTestClock(start: Date | string): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (date) => {
      t = new Date(date).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
