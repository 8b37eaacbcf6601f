/**
 * Freezes the clock (Date only) for every test of the calling file, so that "this year" on screen does not depend on
 * when the tests run. Timers, promises and animation frames stay real: screens load and NutUI animates as usual.
 */
export function fixNow(instant: string): void {
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date(instant),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
}
