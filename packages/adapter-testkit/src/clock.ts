/** A clock the conformance suite controls: the adapter under test must take "now" from it. */
export interface TestClock {
  now(): Date;
  set(date: Date | string): void;
  advance(milliseconds: number): void;
}

/** A {@link TestClock} starting at `start`. */
export function createTestClock(start: Date | string): TestClock {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    set: (date) => {
      time = new Date(date).getTime();
    },
    advance: (milliseconds) => {
      time += milliseconds;
    },
  };
}
