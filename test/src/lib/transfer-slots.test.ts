import Taro from '@tarojs/taro';
import { request } from '@/lib/api/client';
import { downloadFile, uploadFile } from '@/lib/wx/file';
import { taroMock } from '../taro-stub';
import { freshApp, signedIn } from '../helpers';

// The WeChat build, where wx.downloadFile / wx.uploadFile are used and capped at 10 at once each.
jest.mock('@/lib/wx/env', () => ({ isWeapp: true, isH5: false }));
jest.mock('@tarojs/taro', () => {
  const base = jest.requireActual('../taro-stub');
  const extra = { downloadFile: jest.fn(), uploadFile: jest.fn(), openDocument: jest.fn(), shareFileMessage: jest.fn() };
  return { ...base, ...extra, default: { ...base.default, ...extra }, __esModule: true };
});

const mocked = Taro as unknown as Record<'downloadFile' | 'uploadFile' | 'openDocument', jest.Mock>;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A platform call that finishes only when the test lets it, counting how many are open at once. */
function heldTransfers<T>(result: (n: number) => T) {
  const state = { inFlight: 0, peak: 0, started: 0, held: [] as (() => void)[] };
  const impl = () => {
    const n = state.started++;
    state.inFlight += 1;
    state.peak = Math.max(state.peak, state.inFlight);
    return new Promise<T>((resolve) =>
      state.held.push(() => {
        state.inFlight -= 1;
        resolve(result(n));
      }),
    );
  };
  return { state, impl };
}

async function releaseAll(held: (() => void)[]): Promise<void> {
  while (held.length > 0) {
    held.shift()!();
    await tick();
  }
}

beforeEach(() => {
  freshApp();
  signedIn();
  mocked.downloadFile.mockReset();
  mocked.uploadFile.mockReset();
  mocked.openDocument.mockReset().mockResolvedValue({ errMsg: 'openDocument:ok' });
});

describe('WeChat’s 10-at-once cap for file transfers', () => {
  it('12 exports started at once: at most 10 downloads in flight, and all 12 open', async () => {
    const { state, impl } = heldTransfers((n) => ({ statusCode: 200, tempFilePath: `wxfile://tmp/export-${n}.xlsx` }));
    mocked.downloadFile.mockImplementation(impl);

    const all = Promise.all(
      Array.from({ length: 12 }, (_, i) => downloadFile({ path: '/api/v1/admin/tickets/export', query: { page: i + 1 }, fileName: `台账-${i + 1}.xlsx`, format: 'xlsx' })),
    );
    await tick();
    expect(mocked.downloadFile).toHaveBeenCalledTimes(10);

    await releaseAll(state.held);
    await expect(all).resolves.toHaveLength(12);
    expect(mocked.downloadFile).toHaveBeenCalledTimes(12);
    expect(state.peak).toBe(10);
    // Every file reached the user, each with the session's token.
    expect(mocked.openDocument).toHaveBeenCalledTimes(12);
    expect(mocked.downloadFile.mock.calls.every(([option]) => option.header.Authorization === 'Bearer token-abc')).toBe(true);
  });

  it('a failed download frees its slot for the next one', async () => {
    let calls = 0;
    mocked.downloadFile.mockImplementation(() => (++calls <= 10 ? Promise.reject({ errMsg: 'downloadFile:fail network' }) : Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/x.xlsx' })));
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => downloadFile({ path: '/api/v1/x', fileName: 'x.xlsx', format: 'xlsx' })));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
  });

  it('12 uploads started at once: at most 10 in flight, and all 12 finish', async () => {
    const { state, impl } = heldTransfers((n) => ({ statusCode: 200, data: `{"n":${n}}` }));
    mocked.uploadFile.mockImplementation(impl);

    const all = Promise.all(Array.from({ length: 12 }, (_, i) => uploadFile({ url: 'http://api.test/api/v1/import', filePath: `wxfile://tmp/${i}.xlsx`, name: 'file' })));
    await tick();
    expect(mocked.uploadFile).toHaveBeenCalledTimes(10);

    await releaseAll(state.held);
    const responses = await all;
    expect(responses.map((r) => r.data)).toEqual(Array.from({ length: 12 }, (_, n) => `{"n":${n}}`));
    expect(state.peak).toBe(10);
  });

  it('downloads have their own 10 slots: a screen’s data requests do not wait behind exports', async () => {
    const { state, impl } = heldTransfers(() => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/x.xlsx' }));
    mocked.downloadFile.mockImplementation(impl);
    taroMock.respond(() => ({ statusCode: 200, data: { ok: true } }));

    const exports = Promise.all(Array.from({ length: 10 }, () => downloadFile({ path: '/api/v1/x', fileName: 'x.xlsx', format: 'xlsx' })));
    await tick();
    expect(state.inFlight).toBe(10);
    await expect(request('/api/v1/me')).resolves.toEqual({ ok: true });

    await releaseAll(state.held);
    await expect(exports).resolves.toHaveLength(10);
  });
});
