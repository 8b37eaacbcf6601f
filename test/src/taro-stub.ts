/**
 * An in-memory stand-in for the parts of @tarojs/taro the app and NutUI use, so screens run in jsdom.
 * Tests drive it through `taroMock` (responses, modal answers) and read what the user would have seen.
 */
export interface MockRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
}
export type MockResponse = { statusCode: number; data?: unknown; header?: Record<string, string> } | { fail: string };
type Handler = (request: MockRequest) => MockResponse | Promise<MockResponse>;

const storage = new Map<string, unknown>();
const defaultHandler: Handler = () => ({ fail: 'request:fail no handler' });

export const taroMock = {
  storage,
  requests: [] as MockRequest[],
  toasts: [] as string[],
  navigations: [] as { kind: string; url: string }[],
  modalAnswer: true,
  handler: defaultHandler,
  loginCode: 'wx-code-1',
  respond(handler: Handler) {
    this.handler = handler;
  },
  reset() {
    storage.clear();
    this.requests = [];
    this.toasts = [];
    this.navigations = [];
    this.modalAnswer = true;
    this.handler = defaultHandler;
  },
};

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD' };
export const getEnv = () => 'WEB';
export const SDKVersion = '3.0.0';

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export function getStorageSync(key: string): unknown {
  return storage.has(key) ? clone(storage.get(key)) : '';
}
export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, clone(value));
}
export function removeStorageSync(key: string): void {
  storage.delete(key);
}
export function clearStorageSync(): void {
  storage.clear();
}

export async function request(options: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) {
  const recorded: MockRequest = {
    url: options.url,
    method: options.method ?? 'GET',
    header: { ...(options.header ?? {}) },
    data: clone(options.data),
  };
  taroMock.requests.push(recorded);
  const response = await taroMock.handler(recorded);
  if ('fail' in response) throw { errMsg: response.fail };
  return { statusCode: response.statusCode, data: response.data, header: response.header ?? {}, errMsg: 'request:ok' };
}

export async function showToast(options: { title: string }) {
  taroMock.toasts.push(options.title);
  return { errMsg: 'showToast:ok' };
}
export async function showLoading() {
  return { errMsg: 'showLoading:ok' };
}
export function hideLoading() {}
export async function showModal() {
  return { confirm: taroMock.modalAnswer, cancel: !taroMock.modalAnswer, errMsg: 'showModal:ok' };
}

function navigation(kind: string) {
  return async (options: { url?: string } = {}) => {
    taroMock.navigations.push({ kind, url: options.url ?? '' });
    return { errMsg: `${kind}:ok` };
  };
}
export const navigateTo = navigation('navigateTo');
export const redirectTo = navigation('redirectTo');
export const switchTab = navigation('switchTab');
export const reLaunch = navigation('reLaunch');
export const navigateBack = navigation('navigateBack');

export async function login() {
  return { code: taroMock.loginCode, errMsg: 'login:ok' };
}
export async function makePhoneCall() {
  return { errMsg: 'makePhoneCall:ok' };
}
export const canIUse = () => false;

// Used by NutUI internals.
export const nextTick = (fn: () => void) => setTimeout(fn, 0);
export const pxTransform = (size: number) => `${size / 2}px`;
const systemInfo = { windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, platform: 'devtools', SDKVersion };
export const getSystemInfoSync = () => systemInfo;
export const getSystemInfo = async () => systemInfo;
export const getWindowInfo = () => systemInfo;
export const getDeviceInfo = () => systemInfo;
export const getAppBaseInfo = () => systemInfo;
export function createSelectorQuery() {
  const query = {
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    in: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    exec: (cb?: (result: unknown[]) => void) => cb?.([]),
  };
  return query;
}
export const getCurrentInstance = () => ({ router: { params: {}, path: '' }, page: null });
export const eventCenter = { on() {}, off() {}, trigger() {} };
export const useLaunch = () => undefined;
export const useDidShow = () => undefined;
export const useDidHide = () => undefined;
export const usePageScroll = () => undefined;
export const useUnload = () => undefined;
export const useReady = () => undefined;

const Taro = {
  ENV_TYPE,
  getEnv,
  SDKVersion,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  request,
  showToast,
  showLoading,
  hideLoading,
  showModal,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  login,
  makePhoneCall,
  canIUse,
  nextTick,
  pxTransform,
  getSystemInfoSync,
  getSystemInfo,
  getWindowInfo,
  getDeviceInfo,
  getAppBaseInfo,
  createSelectorQuery,
  getCurrentInstance,
  eventCenter,
};
export default Taro;
