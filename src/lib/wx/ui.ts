// WeChat (and the tests): Taro's UI calls are thin wrappers over wx.*, so they are used directly.
// The H5 build resolves './ui' to ui.h5.ts instead (Taro's per-platform files).
export { confirm, hideLoading, showErrorToast, showLoading, showSuccessToast } from './taro-ui';
