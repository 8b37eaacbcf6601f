/**
 * @jest-environment jsdom
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST, assertBuilt, waitFor } from './simulate-taro';

type Options = Record<string, unknown>;
type Node = {
  dom: HTMLElement;
  instance: Options & { createSelectorQuery: () => unknown; data: Options };
  attach(parent: HTMLElement): void;
  querySelector(selector: string): Node | null;
  dispatchEvent(name: string, options?: Options): void;
  addEventListener(name: string, handler: (event: { detail: Options }) => void): void;
};
type Simulate = { load(componentPath: string, options?: Options): string; render(id: string, props?: Options): Node };

const SRC_COMPONENT = path.resolve(__dirname, '../../src/components/native/signature-pad/index');
const STAFF_PAGE_JSON = path.join('staff', 'pages', 'deliveries', 'detail.json');

/**
 * A stand-in for WeChat's canvas node (jsdom has no 2D canvas): it records what the component draws
 * and "encodes" the drawing as the base64 of that record, so the exported data URL can be read back.
 */
function fakeCanvas(withToDataUrl = true) {
  const ops: (string | number)[][] = [];
  const ctx = new Proxy({} as Options, {
    get: (target, key: string) => (key in target ? target[key] : (...args: number[]) => void ops.push([key, ...args])),
    set: (target, key: string, value) => {
      target[key] = value;
      ops.push([`${key}=`, value]);
      return true;
    },
  });
  const canvas: Options & { width: number; height: number } = { width: 0, height: 0, getContext: (kind: string) => (kind === '2d' ? ctx : null) };
  if (withToDataUrl) canvas.toDataURL = (type: string) => `data:${type};base64,${Buffer.from(JSON.stringify(ops)).toString('base64')}`;
  return { canvas, ops };
}

const BOX = { left: 5, top: 100, width: 300, height: 180 };

function mount(componentPath: string, canvas: Options) {
  jest.resetModules();
  delete (globalThis as { wx?: unknown }).wx;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads after resetModules, per test
  const simulate = require('miniprogram-simulate') as Simulate;
  // The built copy is a webpack chunk: WeChat runs it after app.js has loaded the runtime.
  if (componentPath.startsWith(DIST)) require(path.join(DIST, 'runtime.js')); // eslint-disable-line @typescript-eslint/no-require-imports
  const comp = simulate.render(simulate.load(componentPath));
  // What WeChat's SelectorQuery answers for `.sp__canvas` with { node, size, rect }.
  const query: Options = {};
  query.select = () => query;
  query.fields = () => query;
  query.exec = (callback: (result: unknown[]) => void) => callback([{ node: canvas, ...BOX }]);
  comp.instance.createSelectorQuery = () => query;
  const events: { name: string; detail: Options }[] = [];
  for (const name of ['change', 'confirm', 'error']) comp.addEventListener(name, (e) => events.push({ name, detail: e.detail }));
  comp.attach(document.createElement('parent-wrapper'));
  return { comp, events, pad: () => comp.querySelector('.sp__canvas')! };
}

const touch = (x: number, y: number) => ({ x: x + BOX.left, y: y + BOX.top });
const decode = (dataUrl: string) => JSON.parse(Buffer.from(dataUrl.split(',')[1], 'base64').toString()) as (string | number)[][];

function draw(pad: Node, points: [number, number][]) {
  pad.dispatchEvent('touchstart', { touches: [touch(...points[0])], changedTouches: [touch(...points[0])] });
  for (const p of points.slice(1)) pad.dispatchEvent('touchmove', { touches: [touch(...p)], changedTouches: [touch(...p)] });
  pad.dispatchEvent('touchend', { touches: [], changedTouches: [touch(...points[points.length - 1])] });
}

describe.each([
  ['src', () => SRC_COMPONENT],
  [
    'the build',
    () => {
      assertBuilt();
      const usingComponents = JSON.parse(fs.readFileSync(path.join(DIST, STAFF_PAGE_JSON), 'utf8')).usingComponents as Record<string, string>;
      return path.resolve(DIST, path.dirname(STAFF_PAGE_JSON), usingComponents['signature-pad']);
    },
  ],
])('signature-pad native component (%s) in miniprogram-simulate', (_where, componentPath) => {
  it('draws along the finger, reports ink once, and sends the drawing as a PNG data URL after each stroke', async () => {
    const { canvas, ops } = fakeCanvas();
    const { comp, events, pad } = mount(componentPath(), canvas);
    await waitFor(() => canvas.width === 600 || canvas.width === 300, 'the canvas sized to its box');
    expect(comp.dom.textContent).toContain('请在此处签名');
    expect(comp.instance.data.hasInk).toBe(false);

    draw(pad(), [
      [10, 20],
      [30, 40],
      [50, 45],
    ]);

    const change = await waitFor(() => events.find((e) => e.name === 'change'), 'a change event');
    expect(change.detail.hasInk).toBe(true);
    const dataUrl = String(change.detail.dataUrl);
    expect(dataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    // The exported picture is white paper with exactly the two segments the finger drew.
    const drawn = decode(dataUrl);
    expect(drawn).toContainEqual(['fillRect', 0, 0, BOX.width, BOX.height]);
    const segments = drawn.filter(([op]) => op === 'moveTo' || op === 'lineTo');
    expect(segments).toEqual([
      ['moveTo', 10, 20],
      ['lineTo', 30, 40],
      ['moveTo', 30, 40],
      ['lineTo', 50, 45],
    ]);
    expect(ops.filter(([op]) => op === 'stroke')).toHaveLength(2);
    expect(comp.instance.data.hasInk).toBe(true);
    await waitFor(() => !comp.dom.textContent?.includes('请在此处签名'), 'the hint to go');
  });

  it('confirm sends the signature; 清除 wipes it and reports no ink, after which confirm sends nothing', async () => {
    const { canvas } = fakeCanvas();
    const { comp, events, pad } = mount(componentPath(), canvas);
    await waitFor(() => canvas.width > 0, 'the canvas');
    draw(pad(), [
      [0, 0],
      [100, 50],
    ]);
    await waitFor(() => events.find((e) => e.name === 'change'), 'the stroke');

    comp.querySelector('.sp__btn--primary')!.dispatchEvent('tap');
    const confirmed = await waitFor(() => events.find((e) => e.name === 'confirm'), 'a confirm event');
    expect(String(confirmed.detail.dataUrl)).toMatch(/^data:image\/png;base64,/);

    comp.querySelector('.sp__btn')!.dispatchEvent('tap');
    const cleared = await waitFor(() => events.filter((e) => e.name === 'change')[1], 'the clear');
    expect(cleared.detail).toEqual({ hasInk: false, dataUrl: '' });
    await waitFor(() => comp.dom.textContent?.includes('请在此处签名'), 'the hint to return');

    comp.querySelector('.sp__btn--primary')!.dispatchEvent('tap');
    await new Promise((r) => setTimeout(r, 50));
    expect(events.filter((e) => e.name === 'confirm')).toHaveLength(1);
  });

  it('a tap without movement is not a signature', async () => {
    const { canvas, ops } = fakeCanvas();
    const { comp, events, pad } = mount(componentPath(), canvas);
    await waitFor(() => canvas.width > 0, 'the canvas');
    draw(pad(), [[40, 40]]);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([]);
    expect(comp.instance.data.hasInk).toBe(false);
    expect(ops.filter(([op]) => op === 'stroke')).toHaveLength(0);
  });

  it('exports through canvasToTempFilePath and a base64 read where the base library has no toDataURL', async () => {
    const { canvas } = fakeCanvas(false);
    const { events, pad } = mount(componentPath(), canvas);
    const wx = (globalThis as unknown as { wx: Options }).wx;
    const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUg==';
    const asked: Options[] = [];
    wx.canvasToTempFilePath = (options: Options & { success: (r: Options) => void }) => {
      asked.push(options);
      options.success({ tempFilePath: 'wxfile://tmp/signature.png' });
    };
    wx.getFileSystemManager = () => ({
      readFile: (o: { filePath: string; encoding: string; success: (r: Options) => void; fail: () => void }) =>
        o.filePath === 'wxfile://tmp/signature.png' && o.encoding === 'base64' ? o.success({ data: PNG_BASE64 }) : o.fail(),
    });
    await waitFor(() => canvas.width > 0, 'the canvas');
    draw(pad(), [
      [0, 0],
      [10, 10],
    ]);
    const change = await waitFor(() => events.find((e) => e.name === 'change'), 'a change event');
    expect(change.detail.dataUrl).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(asked[0]).toMatchObject({ canvas, fileType: 'png' });
  });
});
