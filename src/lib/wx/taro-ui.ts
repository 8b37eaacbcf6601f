import Taro from '@tarojs/taro';

/**
 * Toasts, the confirm dialog and the loading mask through Taro. Import them from './ui', never from
 * here: on H5 that module loads this one only when it is first needed (see ui.h5.ts).
 */

// WeChat truncates toast titles (about 7 Chinese characters with an icon); 'none' shows two lines.
export function showErrorToast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => undefined);
}

export function showSuccessToast(message: string): void {
  void Taro.showToast({ title: message, icon: 'success', duration: 1500 }).catch(() => undefined);
}

/** WeChat refuses a dialog whose button text is longer than four characters. */
export async function confirm(title: string, content: string, confirmText = '确定', cancelText = '取消'): Promise<boolean> {
  try {
    const result = await Taro.showModal({ title, content, confirmText, cancelText });
    return result.confirm;
  } catch {
    return false;
  }
}

export function showLoading(title = '加载中'): void {
  void Taro.showLoading({ title, mask: true }).catch(() => undefined);
}

export function hideLoading(): void {
  try {
    Taro.hideLoading();
  } catch {
    // Already hidden.
  }
}
