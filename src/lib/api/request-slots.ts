/**
 * WeChat caps how many network tasks a mini-program may have open; a call beyond the cap can fail
 * with "exceed max task count". Its network guide (开发 › 网络 › 使用说明) says:
 * "wx.request、wx.uploadFile、wx.downloadFile 的最大并发限制是 10 个", and the API reference of
 * wx.uploadFile and of wx.downloadFile each repeat "最大并发限制是 10 个" for that API alone.
 * We read that as 10 per API, so each API has its own pool: a long export download never holds up
 * the page's data requests. Tasks wait here for a free slot, first come first served, so none is
 * refused by the platform. A screen that loads a page of cards plus its filters can reach 10 requests.
 */
export const MAX_CONCURRENT_REQUESTS = 10;
export const MAX_CONCURRENT_UPLOADS = 10;
export const MAX_CONCURRENT_DOWNLOADS = 10;

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
      // A finished task hands its slot straight to the next waiter, so `active` never overshoots.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    /** Tasks in flight and waiting, for tests. */
    get counts() {
      return { active, waiting: waiting.length };
    },
  };
}

/** wx.request (the API client). */
export const requestSlots = createRequestSlots(MAX_CONCURRENT_REQUESTS);
/** wx.uploadFile: use uploadFile() from '@/lib/wx/file' rather than Taro.uploadFile. */
export const uploadSlots = createRequestSlots(MAX_CONCURRENT_UPLOADS);
/** wx.downloadFile: use downloadToTemp() from '@/lib/wx/file' rather than Taro.downloadFile. */
export const downloadSlots = createRequestSlots(MAX_CONCURRENT_DOWNLOADS);
