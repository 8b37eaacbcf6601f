import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { keepServerOutput } from '../server-logs';

export const SCREENSHOTS = join(__dirname, '../../test-results/screenshots');

/** Waits for a server process to answer /api/v1/health; fails with what it printed if it exits or takes 120 s. */
export async function untilHealthy(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer within 120 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Product {
  url: string;
  logs: () => string;
  stop: () => Promise<void>;
}

/** Starts the product exactly as `npm start` does, on a fresh data directory and a free port. */
export async function startProduct(): Promise<Product> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'yst-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b) => (output += b));
  child.stderr?.on('data', (b) => (output += b));
  const url = `http://127.0.0.1:${port}`;
  await untilHealthy(child, url, () => output);
  return {
    url,
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      keepServerOutput('e2e', output);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a test file drives: the product's base URL and one browser, shared by the file's tests. */
export interface E2E {
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Starts the product (or uses E2E_BASE_URL, an already started server, e.g. one serving a private H5 build)
 * and Chromium before the file's tests, and stops both after them. Call once at the top of a test file.
 */
export function productAndBrowser(): E2E {
  let product: Pick<Product, 'url' | 'stop'> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const base = process.env.E2E_BASE_URL;
    const started = base ? Promise.resolve({ url: base, stop: async () => undefined }) : startProduct();
    [product, browser] = await Promise.all([started, launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('productAndBrowser(): used before beforeAll ran');
    return value;
  };
  return {
    get url() {
      return ready(product).url;
    },
    get browser() {
      return ready(browser);
    },
  };
}

/** Debian's Chromium; Playwright gives every launch a fresh, empty profile of its own. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page, like the mini-program's typical screen. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Taro H5 renders an input twice (a custom element and the native one); type into the native one. */
export function field(page: Page, placeholder: string) {
  return visible(page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`));
}

/** Taro's H5 elements intercept clicks aimed at inner text: tap the NutUI button itself. */
export function button(page: Page, text: string) {
  return visible(page.locator('.nut-button').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }));
}

/** Taro H5 keeps earlier pages in the DOM, hidden: look only at what the user can see. */
export function visible(locator: Locator): Locator {
  return locator.filter({ visible: true }).first();
}

/** A tab of the H5 tab bar, by its label. */
export function tab(page: Page, name: string): Locator {
  return page.locator('.taro-tabbar__tabbar').getByText(name, { exact: true });
}
