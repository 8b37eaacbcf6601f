/**
 * The Taro APIs these screens use beyond the shared stub (page hooks, file upload, clipboard).
 * Tests install it with: jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));
 * It extends the very same stub instance, so taroMock and its reset keep working.
 */
import type * as Stub from '../taro-stub';

const base = jest.requireActual<typeof Stub>('../taro-stub');

export interface UploadCall {
  url: string;
  filePath: string;
  name: string;
  fileName?: string;
  header: Record<string, string>;
}

export const extra = {
  reachBottom: null as null | (() => void),
  routerParams: {} as Record<string, string>,
  uploads: [] as UploadCall[],
  uploadResponse: (_call: UploadCall): { statusCode: number; data: string } => ({ statusCode: 500, data: '' }),
  clipboard: [] as string[],
  reset() {
    this.reachBottom = null;
    this.routerParams = {};
    this.uploads = [];
    this.clipboard = [];
  },
};

export const useReachBottom = (fn: () => void) => {
  extra.reachBottom = fn;
};
export const useShareAppMessage = () => undefined;
export const useRouter = () => ({ params: extra.routerParams, path: '' });

export async function uploadFile(options: UploadCall) {
  const call = { ...options, header: { ...options.header } };
  extra.uploads.push(call);
  return { ...extra.uploadResponse(call), errMsg: 'uploadFile:ok' };
}
export async function setClipboardData(options: { data: string }) {
  extra.clipboard.push(options.data);
  return { errMsg: 'setClipboardData:ok' };
}

const overrides = { useReachBottom, useShareAppMessage, useRouter, uploadFile, setClipboardData };

module.exports = { ...base, ...overrides, extra, default: { ...base.default, ...overrides }, __esModule: true };
