/**
 * A chunk of the H5 build that the first screen does not need: loaded once on first use, again after a
 * failed download (e.g. once the network is back), and fetched in the background as soon as the first
 * screen is loaded and the main thread idle, so a tap rarely waits for it.
 */
export function lazyChunk<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  const get = (): Promise<T> => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
  if (typeof window !== 'undefined') whenIdleAfterLoad(() => void get().catch(() => undefined));
  return get;
}

/** After the page has loaded and the main thread is idle, so it never competes with the first screen. */
function whenIdleAfterLoad(run: () => void): void {
  const idle = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(run, { timeout: 5000 }) : window.setTimeout(run, 1000));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
