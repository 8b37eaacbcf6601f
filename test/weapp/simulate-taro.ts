/**
 * Runs pages of the built mini-program (dist/) inside miniprogram-simulate with WeChat's own
 * template compiler. Taro pages expect an App, getApp, Page and getCurrentPages; the simulator
 * only knows custom components, so a Page is registered as a Component whose lifetimes call the
 * page's onLoad/onShow/onReady.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '../..', process.env.WEAPP_DIST ?? 'dist');

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/app.json 不存在：请先运行 `npm run build:weapp`（npm test 会自动构建）');
  }
}

type Options = Record<string, unknown>;
export type SimComponent = {
  dom: HTMLElement;
  attach(parent: HTMLElement): void;
  detach(): void;
  querySelector(selector: string): SimComponent | null;
  querySelectorAll(selector: string): SimComponent[];
  dispatchEvent(name: string, detail?: Options): void;
  instance: Options;
};
type Simulate = {
  load(componentPath: string, options?: Options): string;
  render(id: string, props?: Options): SimComponent;
};

export interface Harness {
  storage: Map<string, unknown>;
  requests: { url: string; method: string; data: unknown }[];
  /** Loads dist/<page> and mounts it; the React tree renders asynchronously. */
  open(page: string): SimComponent;
}

const pageInstances: Options[] = [];

function pageAsComponent(options: Options): Options {
  const methods: Options = {};
  const fields: Options = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data') continue;
    if (typeof value === 'function') methods[key] = value;
    else fields[key] = value;
  }
  return {
    data: options.data,
    methods,
    lifetimes: {
      attached(this: Options & { onLoad?: (q: Options) => void; onShow?: () => void }) {
        Object.assign(this, fields);
        pageInstances.push(this);
        this.onLoad?.({});
        this.onShow?.();
      },
      ready(this: { onReady?: () => void }) {
        this.onReady?.();
      },
    },
  };
}

function chainableSelectorQuery() {
  const query: Options = {};
  for (const name of ['select', 'selectAll', 'selectViewport', 'in', 'boundingClientRect', 'scrollOffset', 'fields', 'node', 'context']) {
    query[name] = () => query;
  }
  query.exec = (callback?: (result: unknown[]) => void) => callback?.([]);
  return query;
}

/** Fresh globals and a fresh module registry, so each page loads the way WeChat would at launch. */
export function createHarness(initialStorage: Record<string, unknown> = {}): Harness {
  jest.resetModules();
  pageInstances.length = 0;
  const g = globalThis as unknown as Options & { wx: Options };
  // A previous load leaves webpack chunks queued on wx.webpackJsonp; a new launch starts clean.
  delete (g as Partial<typeof g>).wx;
  // miniprogram-simulate installs `wx` and Component; load it first, then adjust.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after resetModules, per launch
  const simulate = require('miniprogram-simulate') as Simulate;
  const storage = new Map<string, unknown>(Object.entries(initialStorage));
  const requests: Harness['requests'] = [];
  let app: Options = {};

  Object.assign(g.wx, {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    createSelectorQuery: chainableSelectorQuery,
    request: (options: { url: string; method?: string; data?: unknown; fail?: (e: Options) => void; complete?: () => void }) => {
      requests.push({ url: options.url, method: options.method ?? 'GET', data: options.data });
      setTimeout(() => {
        options.fail?.({ errMsg: 'request:fail offline test' });
        options.complete?.();
      }, 0);
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
  });
  g.App = (options: Options) => {
    app = options;
    (options.onLaunch as ((o: Options) => void) | undefined)?.call(options, { path: 'pages/home/index', query: {} });
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pageInstances;
  g.Page = (options: Options) => (g.Component as (o: Options) => void)(pageAsComponent(options));

  // app.js pulls in the shared chunks (runtime, taro, vendors, common) and registers the App.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, loaded the way WeChat loads it
  require(path.join(DIST, 'app.js'));

  return {
    storage,
    requests,
    open(page: string) {
      const id = simulate.load(path.join(DIST, page), { compiler: 'official', rootPath: DIST });
      const comp = simulate.render(id);
      comp.attach(document.createElement('parent-wrapper'));
      return comp;
    },
  };
}

/** Polls instead of sleeping a fixed time: React commits and setData land on later ticks. */
export async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 4000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** querySelector that also looks inside Taro's nested `comp` custom components (their own shadow trees). */
export function findDeep(root: SimComponent, selector: string): SimComponent | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const child of root.querySelectorAll('comp')) {
    const found = findDeep(child, selector);
    if (found) return found;
  }
  return null;
}
