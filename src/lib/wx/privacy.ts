import { isWeapp } from './env';
import { showErrorToast } from './ui';

export type PrivacyResolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;
export type PrivacyListener = (resolve: PrivacyResolve, eventInfo: { referrer: string }) => void;

/** Shown when the user refuses in our popup: the guarded feature (address, phone, photo) cannot run. */
export const PRIVACY_REFUSED_MESSAGE = '您未同意隐私保护指引，暂时无法使用该功能';

/**
 * WeChat calls the listener when a privacy-guarded API (phone, address, images…) is used before the
 * user agreed; the call waits until `resolve` is called. H5 has no such flow, so this is a no-op there.
 */
export function onNeedPrivacyAuthorization(listener: PrivacyListener): void {
  if (!isWeapp || typeof wx === 'undefined' || typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  // miniprogram-api-typings declares the listener with one argument; WeChat passes (resolve, eventInfo).
  const register = wx.onNeedPrivacyAuthorization as unknown as (l: PrivacyListener) => void;
  register(listener);
}

/** Whether the user still has to agree to the privacy terms (false on H5 and on old base libraries). */
export function needsPrivacyAuthorization(): Promise<boolean> {
  if (!isWeapp || typeof wx === 'undefined' || typeof wx.getPrivacySetting !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    wx.getPrivacySetting({
      success: (res) => resolve(res.needAuthorization),
      fail: () => resolve(false),
    });
  });
}

/** Whether the contract can be opened here: WeChat (base library ≥ 2.32.3) only. */
export function canOpenPrivacyContract(): boolean {
  return isWeapp && typeof wx !== 'undefined' && typeof wx.openPrivacyContract === 'function';
}

/**
 * WeChat's own page for the 隐私保护指引 filled in on the MP admin site: the text the user agrees to.
 * It opens over the current page, so a pending consent popup is still there when the user comes back.
 */
export function openPrivacyContract(): void {
  if (!canOpenPrivacyContract()) return;
  wx.openPrivacyContract({ fail: () => showErrorToast('暂时无法打开隐私保护指引，请稍后重试') });
}

/** A guarded API's failure because the user refused consent ("…:fail privacy permission is not authorized", errno 104). */
export function isPrivacyRefusal(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { errMsg, errno } = error as { errMsg?: unknown; errno?: unknown };
  return errno === 104 || /privacy permission is not authorized/i.test(String(errMsg ?? ''));
}
