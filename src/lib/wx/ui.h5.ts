/**
 * H5 build of './ui' (Taro resolves ui.h5.ts for H5; WeChat and the tests use ui.ts). Taro's H5
 * toast, modal and action-sheet code is ≈ 45 KB that the first screen never uses, yet the request
 * client imports these functions, so it used to be downloaded and run before any page appeared.
 * Here it is a separate chunk, loaded on first use and, so that a toast does not wait for a
 * download (or fail for want of one, as the "network error" toast would offline), fetched in the
 * background as soon as the first screen is idle.
 *
 * Calls keep their order: each waits on the same promise, so a hideLoading() still follows the
 * showLoading() made before it.
 */
import { lazyChunk } from '../lazy-chunk';

type TaroUi = typeof import('./taro-ui');

const taroUi = lazyChunk<TaroUi>(() => import(/* webpackChunkName: "taro-ui" */ './taro-ui'));

function whenLoaded(use: (ui: TaroUi) => void): void {
  taroUi().then(use, () => undefined);
}

export function showErrorToast(message: string): void {
  whenLoaded((ui) => ui.showErrorToast(message));
}

export function showSuccessToast(message: string): void {
  whenLoaded((ui) => ui.showSuccessToast(message));
}

export async function confirm(title: string, content: string, confirmText = '确定', cancelText = '取消'): Promise<boolean> {
  try {
    return await (await taroUi()).confirm(title, content, confirmText, cancelText);
  } catch {
    return false;
  }
}

export function showLoading(title = '加载中'): void {
  whenLoaded((ui) => ui.showLoading(title));
}

export function hideLoading(): void {
  whenLoaded((ui) => ui.hideLoading());
}
