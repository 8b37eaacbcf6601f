import { isWeapp } from './env';

export type PrivacyResolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;
export type PrivacyListener = (resolve: PrivacyResolve, eventInfo: { referrer: string }) => void;

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

export function openPrivacyContract(): void {
  if (!isWeapp || typeof wx === 'undefined' || typeof wx.openPrivacyContract !== 'function') return;
  wx.openPrivacyContract({});
}
