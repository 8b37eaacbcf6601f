/**
 * First screen of the H5 build on a cheap phone: Debian Chromium with 4× CPU throttling and a
 * throttled network (1.6 Mbps down, 750 Kbps up, 150 ms RTT), a fresh browser context (empty
 * cache) for every run. For 首页 and 政策 it measures first contentful paint and the moment the
 * page's first content is on screen (政策: the first policy card; 首页: the shortcut grid, since
 * 首页 lists no policies), median of 5 runs; target ≤ 1.5 s. Also the requests and bytes on the
 * wire up to that moment, so a regression can be traced to what was downloaded.
 *
 *   npx tsx bench/first-screen.ts                     serves dist-h5 (H5_DIST=dist-h5-x for another build)
 *   E2E_BASE_URL=http://127.0.0.1:8080 npx tsx bench/first-screen.ts   measures a server already running
 *   RUNS=5 CPU_RATE=4 to change the run count or the throttling
 *   WATERFALL=1 also prints each screen's last run as a request waterfall (start, end, bytes, URL)
 *
 * The server is server/server.ts in demo mode (seeded SQLite in a temporary folder) serving the
 * H5 build through STATIC_DIR, exactly as in production, so compression and cache headers count.
 * The CPU is shared with whatever else runs on the machine: the load average is printed with the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser, untilHealthy } from '../test/e2e/harness';
import { summarize } from './summary';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.RUNS ?? 5);
const CPU_RATE = Number(process.env.CPU_RATE ?? 4);
const TARGET_MS = 1500;
/** Chrome DevTools' own "Fast 3G"-like profile, as the issue states it: bytes per second and ms. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 };

interface Screen {
  name: string;
  hash: string;
  /** The element whose appearance means the user sees the page's content, not a skeleton. */
  ready: string;
  readyLabel: string;
}

const SCREENS: Screen[] = [
  { name: '首页', hash: '#/pages/home/index', ready: '.yst-grid__item', readyLabel: '快捷入口可见' },
  { name: '政策', hash: '#/pages/policies/index', ready: '[data-testid="policy-card"]', readyLabel: '首张政策卡片可见' },
];

interface Run {
  fcp: number;
  ready: number;
  requests: number;
  bytes: number;
  waterfall: Fetch[];
}

/** One request of a run, in ms since the document request was sent. */
interface Fetch {
  url: string;
  start: number;
  end?: number;
  bytes: number;
}

interface Server {
  url: string;
  stop: () => Promise<void>;
}

/** server/server.ts in demo mode on a fresh data folder, serving `staticDir`. */
async function startServer(staticDir: string): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yst-first-screen-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', DATABASE_URL: '', STATIC_DIR: staticDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b) => (output += b));
  child.stderr?.on('data', (b) => (output += b));
  const url = `http://127.0.0.1:${port}`;
  await untilHealthy(child, url, () => output);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

declare global {
  interface Window {
    __firstScreen?: { fcp?: number; ready?: number };
  }
}

/**
 * Runs in the page before any of its scripts: records FCP from the paint timeline and the start of
 * the first animation frame in which the ready element is laid out inside the viewport (the frame
 * that paints it). Both are milliseconds since navigation start. Kept as source text: tsx would wrap
 * a function's inner functions in a `__name` helper that does not exist in the page.
 */
const PROBE = `(selector) => {
  const state = {};
  window.__firstScreen = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') state.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const tick = (now) => {
    const rect = document.querySelector(selector)?.getBoundingClientRect();
    if (rect && rect.height > 0 && rect.top < window.innerHeight) {
      state.ready = now;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

async function measure(browser: Browser, base: string, screen: Screen): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    let requests = 0;
    let bytes = 0;
    let counting = true;
    let origin: number | undefined;
    const fetches = new Map<string, Fetch>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; request: { url: string } }) => {
      origin ??= e.timestamp;
      if (!counting) return;
      requests++;
      // Inlined images (data: URLs) cost no transfer; they would only clutter the waterfall.
      if (!e.request.url.startsWith('data:')) fetches.set(e.requestId, { url: e.request.url.replace(base, ''), start: (e.timestamp - origin) * 1000, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
      if (!counting) return;
      bytes += e.encodedDataLength;
      const f = fetches.get(e.requestId);
      if (f && origin !== undefined) Object.assign(f, { end: (e.timestamp - origin) * 1000, bytes: e.encodedDataLength });
    });
    await page.addInitScript({ content: `(${PROBE})(${JSON.stringify(screen.ready)});` });
    await page.goto(`${base}/${screen.hash}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstScreen?.ready !== undefined && window.__firstScreen.fcp !== undefined, undefined, {
      timeout: 60_000,
      polling: 200,
    });
    counting = false;
    const result = await page.evaluate(() => window.__firstScreen!);
    return { fcp: result.fcp!, ready: result.ready!, requests, bytes, waterfall: [...fetches.values()] };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => os.loadavg().map((v) => v.toFixed(2)).join(' / ');

function printWaterfall(screen: Screen, run: Run): void {
  console.log(`${screen.name}（最后一次）：FCP ${run.fcp.toFixed(0)} ms，内容可见 ${run.ready.toFixed(0)} ms`);
  for (const f of run.waterfall) {
    const end = f.end === undefined ? '   …' : f.end.toFixed(0).padStart(4);
    console.log(`  ${f.start.toFixed(0).padStart(4)} → ${end} ms  ${(f.bytes / 1024).toFixed(1).padStart(6)} KB  ${f.url.slice(0, 100)}`);
  }
}

async function main(): Promise<void> {
  const dist = path.resolve(ROOT, process.env.H5_DIST ?? 'dist-h5');
  const external = process.env.E2E_BASE_URL;
  if (!external && !existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html 不存在：先构建 H5（npx taro build --type h5，或 TARO_OUTPUT_ROOT=… 后设 H5_DIST）`);
  }
  const server = external ? { url: external.replace(/\/$/, ''), stop: async () => undefined } : await startServer(dist);
  const browser = await launchBrowser();
  const loadBefore = load();
  try {
    // One unthrottled load first: warms the server's file cache and SQLite so run 1 is not an outlier.
    const warm = await browser.newPage();
    await warm.goto(`${server.url}/${SCREENS[1].hash}`);
    await warm.locator(SCREENS[1].ready).first().waitFor({ timeout: 60_000 });
    await warm.close();

    const rows: string[][] = [];
    for (const screen of SCREENS) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.url, screen));
      if (process.env.WATERFALL) printWaterfall(screen, runs[runs.length - 1]);
      const fcp = median(runs.map((r) => r.fcp));
      const ready = median(runs.map((r) => r.ready));
      rows.push([
        screen.name,
        seconds(fcp),
        `${seconds(ready)}（${screen.readyLabel}）`,
        `${Math.min(...runs.map((r) => r.ready)) / 1000}–${Math.max(...runs.map((r) => r.ready)) / 1000}`.replace(/(\.\d\d)\d*/g, '$1'),
        String(median(runs.map((r) => r.requests))),
        `${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KB`,
        ready <= TARGET_MS ? '达标' : '超标',
      ]);
      summarize(
        { item: `首屏 ${screen.name} FCP（H5，CPU ×${CPU_RATE}，1.6 Mbps）`, figure: seconds(fcp), target: `≤ ${TARGET_MS / 1000} s`, met: fcp <= TARGET_MS },
        { item: `首屏 ${screen.name} ${screen.readyLabel}`, figure: seconds(ready), target: `≤ ${TARGET_MS / 1000} s`, met: ready <= TARGET_MS },
      );
    }
    console.log(`首屏（H5，Chromium，CPU ×${CPU_RATE} 降速，1.6 Mbps/750 Kbps/150 ms RTT，每次新上下文，${RUNS} 次取中位数）`);
    console.log(`构建：${external ?? path.relative(ROOT, dist)}  目标 ≤ ${TARGET_MS / 1000} s  负载（1/5/15 分钟）：开始 ${loadBefore}，结束 ${load()}`);
    const header = ['页面', 'FCP', '内容可见', '内容可见范围 (s)', '请求数', '传输量', '结论'];
    const widths = header.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i])].map((c) => [...c].length + c.replace(/[\x20-\x7e]/g, '').length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - [...c].length - c.replace(/[\x20-\x7e]/g, '').length))).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
