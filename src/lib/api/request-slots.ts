/**
 * WeChat allows at most 10 wx.request at once (a call beyond that can fail with "exceed max task
 * count"); a screen that loads a page of cards plus its filters can get there. Requests wait here
 * for a free slot, first come first served, so none is refused by the platform.
 */
export const MAX_CONCURRENT_REQUESTS = 10;

export function createRequestSlots(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (active < max) active += 1;
      // A finished request hands its slot straight to the next waiter, so `active` never overshoots.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    /** Requests in flight and waiting, for tests. */
    get counts() {
      return { active, waiting: waiting.length };
    },
  };
}

export const requestSlots = createRequestSlots(MAX_CONCURRENT_REQUESTS);
