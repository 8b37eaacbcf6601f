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
  /** Every setData the runtime sent, in order (pages and custom components alike). */
  setDataCalls: SetDataCall[];
  /** Loads dist/<page> and mounts it with the given query (what onLoad receives); the React tree renders asynchronously. */
  open(page: string, query?: Record<string, string>): SimComponent;
}

/** One wx.request as the app sent it; the answer of a fake server (undefined = no network). */
export interface FakeRequest {
  url: string;
  method: string;
  data: unknown;
  header: Record<string, string>;
}
export interface FakeResponse {
  statusCode: number;
  data: unknown;
}
export type FakeServer = (request: FakeRequest) => FakeResponse | undefined;

export interface HarnessOptions {
  /** Answers wx.request; without it every request fails as if offline. */
  server?: FakeServer;
  /** How long each answer takes, like a real network round trip. */
  latencyMs?: number;
}

/** What crosses from the logic layer to the render layer: WeChat's cost is the serialised size. */
export interface SetDataCall {
  /** UTF-8 bytes of JSON.stringify(data): what WeChat measures against its per-call limit. */
  bytes: number;
  /** The data paths of the call and the bytes of each value (Taro sends one path per changed node or attribute). */
  paths: { path: string; bytes: number }[];
  /** Date.now() when the call was made. */
  at: number;
  /** Which component sent it: the page itself or a custom wrapper. */
  from: string;
}

const pageInstances: Options[] = [];
let nextQuery: Record<string, string> = {};

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
        this.onLoad?.(nextQuery);
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

type Lifetime = (this: Options, ...args: unknown[]) => unknown;

/**
 * Wraps a component definition so that each instance records its setData calls. The recorder is
 * installed in `attached` (the first moment the instance exists with its setData), chaining any
 * attached the definition has, top-level or in lifetimes (lifetimes wins in WeChat, as here).
 */
function recordingSetData(options: Options, calls: SetDataCall[], from: string): Options {
  const lifetimes = (options.lifetimes ?? {}) as Record<string, Lifetime | undefined>;
  const attached = lifetimes.attached ?? (options.attached as Lifetime | undefined);
  return {
    ...options,
    lifetimes: {
      ...lifetimes,
      attached(this: Options & { setData: (data: Options, callback?: () => void) => void }, ...args: unknown[]) {
        const send = this.setData;
        this.setData = (data: Options, callback?: () => void) => {
          const paths = Object.keys(data).map((path) => ({ path, bytes: Buffer.byteLength(JSON.stringify(data[path]) ?? '', 'utf8') }));
          calls.push({ bytes: Buffer.byteLength(JSON.stringify(data), 'utf8'), paths, at: Date.now(), from });
          return send.call(this, data, callback);
        };
        return attached?.apply(this, args);
      },
    },
  };
}

/** Fresh globals and a fresh module registry, so each page loads the way WeChat would at launch. */
export function createHarness(initialStorage: Record<string, unknown> = {}, options: HarnessOptions = {}): Harness {
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
  const setDataCalls: SetDataCall[] = [];
  let app: Options = {};
  const registerComponent = g.Component as (o: Options) => void;
  g.Component = (definition: Options) => registerComponent(recordingSetData(definition, setDataCalls, 'component'));

  Object.assign(g.wx, {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    createSelectorQuery: chainableSelectorQuery,
    request: (request: {
      url: string;
      method?: string;
      data?: unknown;
      header?: Record<string, string>;
      success?: (r: Options) => void;
      fail?: (e: Options) => void;
      complete?: () => void;
    }) => {
      const method = request.method ?? 'GET';
      requests.push({ url: request.url, method, data: request.data });
      setTimeout(() => {
        const answer = options.server?.({ url: request.url, method, data: request.data, header: request.header ?? {} });
        if (answer) request.success?.({ statusCode: answer.statusCode, data: answer.data, header: {}, errMsg: 'request:ok' });
        else request.fail?.({ errMsg: 'request:fail offline test' });
        request.complete?.();
      }, options.latencyMs ?? 0);
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
  });
  g.App = (options: Options) => {
    app = options;
    (options.onLaunch as ((o: Options) => void) | undefined)?.call(options, { path: 'pages/home/index', query: {} });
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pageInstances;
  g.Page = (options: Options) => registerComponent(recordingSetData(pageAsComponent(options), setDataCalls, 'page'));

  // app.js pulls in the shared chunks (runtime, taro, vendors, common) and registers the App.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, loaded the way WeChat loads it
  require(path.join(DIST, 'app.js'));

  return {
    storage,
    requests,
    setDataCalls,
    open(page: string, query: Record<string, string> = {}) {
      nextQuery = query;
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
