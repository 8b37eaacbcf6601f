/**
 * API reads that index.html starts itself, by the hash route the page was opened on, so their
 * answers travel while the app's JavaScript is still downloading (on a 150 ms RTT line the app
 * would otherwise ask only after its JS arrived, ran and rendered: ≈ 0.6 s later). The app takes
 * the answer instead of asking again (src/lib/api/early.ts), matched by exact URL: a URL the app
 * no longer asks for is simply never taken, and the app asks as before.
 *
 * Only public reads whose answer is the same for every caller belong here (the early request
 * carries no Authorization header).
 */
export const EARLY_REQUESTS: Record<string, string[]> = {
  // The first page of 政策, unfiltered: what PoliciesScreen asks for first (api.ts PAGE_SIZE = 20).
  'pages/policies/index': ['/api/v1/policies?page=1&pageSize=20'],
};
