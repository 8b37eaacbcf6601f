/**
 * The privacy-guarded WeChat APIs the app calls through Taro (address book, camera/album), routed
 * through the fake WeChat's privacy gate, plus the file calls the photo path needs afterwards.
 * Tests install it with: jest.mock('@tarojs/taro', () => jest.requireActual('./taro-privacy'));
 * It extends the very same shared stub instance, so taroMock (toasts, navigations) keeps working.
 */
import type * as Stub from '../taro-stub';
import type * as Fake from './fake-wechat';

const base = jest.requireActual<typeof Stub>('../taro-stub');
const { fakeWechat } = jest.requireActual<typeof Fake>('./fake-wechat');

export const WECHAT_ADDRESS = {
  provinceName: '广东省',
  cityName: '深圳市',
  countyName: '南山区',
  detailInfo: '科技园南路88号2楼',
  userName: '李四',
  telNumber: '13900001111',
  errMsg: 'chooseAddress:ok',
};

/** A 1×1 PNG, as WeChat's file system returns it (base64). */
export const PHOTO_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const overrides = {
  chooseAddress: () => fakeWechat.guard('chooseAddress', () => WECHAT_ADDRESS),
  chooseMedia: () => fakeWechat.guard('chooseMedia', () => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.png', size: 70, fileType: 'image' }], type: 'image', errMsg: 'chooseMedia:ok' })),
  compressImage: async ({ src }: { src: string }) => ({ tempFilePath: src, errMsg: 'compressImage:ok' }),
  getFileSystemManager: () => ({
    readFile: ({ success }: { success: (res: { data: string }) => void }) => success({ data: PHOTO_BASE64 }),
  }),
};

module.exports = { ...base, ...overrides, WECHAT_ADDRESS, PHOTO_BASE64, default: { ...base.default, ...overrides }, __esModule: true };
