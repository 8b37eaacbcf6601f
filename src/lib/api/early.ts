/**
 * Answers to reads that index.html started before the app's JavaScript arrived (see
 * config/early-requests.ts). The inline script leaves a promise per URL in `window.__ystEarly`;
 * it resolves to the parsed JSON of a 2xx answer and rejects otherwise. An answer that has arrived
 * is also in `window.__ystEarlyArrived`, so a screen can show it in its very first render.
 */
declare global {
  interface Window {
    __ystEarly?: Record<string, Promise<unknown>>;
    /** The answers among them that have already arrived, by URL. */
    __ystEarlyArrived?: Record<string, unknown>;
  }
}

/**
 * An early answer is meant for the screen the app opens on, which asks at once. Past this, a
 * leftover (a URL the screen did not ask for after all) is not trusted to be current.
 */
export const EARLY_ANSWER_TTL_MS = 30_000;

const fresh = () => performance.now() <= EARLY_ANSWER_TTL_MS;

/** The early answer for `url`, once: later calls ask the server as usual. H5 only. */
export function takeEarlyAnswer(url: string): Promise<unknown> | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined;
  const answers = window.__ystEarly;
  const answer = answers?.[url];
  if (!answers || !answer) return undefined;
  delete answers[url];
  return fresh() ? answer : undefined;
}

/**
 * The early answer for `url` if it has already arrived and not been taken, without taking it: the
 * request that takes it (takeEarlyAnswer) then gets the same data. H5 only.
 */
export function peekEarlyAnswer<T>(url: string): T | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined;
  if (!window.__ystEarly?.[url] || !fresh()) return undefined;
  return window.__ystEarlyArrived?.[url] as T | undefined;
}
