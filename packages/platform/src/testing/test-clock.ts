/** A clock a test moves by hand, for services that take a `now` option (such as TimerService). */
export type TestClock = {
  /** The clock's current time (a new Date each call). */
  now: () => Date;
  /** The clock's current time plus `ms`: a due time relative to it. */
  in: (ms: number) => Date;
  /** Moves the clock forward by `ms`. */
  advance: (ms: number) => void;
  /** Moves the clock forward to `at` (never back). */
  advanceTo: (at: Date) => void;
};

/** A test clock standing at `start` until the test moves it. */
export function createTestClock(start: Date): TestClock {
  let current = start.getTime();
  const advanceTo = (at: Date): void => {
    if (at.getTime() < current) {
      throw new Error(`the test clock does not go back (${new Date(current).toISOString()} → ${at.toISOString()})`);
    }
    current = at.getTime();
  };
  return {
    now: () => new Date(current),
    in: (ms) => new Date(current + ms),
    advance: (ms) => advanceTo(new Date(current + ms)),
    advanceTo,
  };
}
