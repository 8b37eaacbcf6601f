import '@testing-library/jest-dom';
import { taroMock } from './taro-stub';

// The app branches on TARO_ENV at module load; jsdom stands in for the H5 build.
process.env.TARO_ENV = 'h5';

// NutUI's bundle includes lottie, which paints on a canvas at import; jsdom has no 2D context.
// A context that accepts every property and call is enough: nothing here is drawn or asserted.
const canvasContext = new Proxy({} as Record<string, unknown>, {
  get: (target, key) => (key in target ? target[key as string] : () => undefined),
  set: (target, key, value) => {
    target[key as string] = value;
    return true;
  },
});
HTMLCanvasElement.prototype.getContext = (() => canvasContext) as unknown as HTMLCanvasElement['getContext'];

// The same bundle warns once that lottie creates a canvas dynamically; that is about mini-programs, not jsdom.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Lottie')) return;
  warn(...args);
};

beforeEach(() => {
  taroMock.reset();
});
