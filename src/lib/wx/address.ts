import Taro from '@tarojs/taro';
import { isWeapp } from './env';

export interface PickedAddress {
  region: [string, string, string];
  detail: string;
  /** WeChat's saved address also carries a contact; the form offers to use it. */
  contactName: string;
  contactPhone: string;
}

/** The picker is only in WeChat; H5 uses the region picker plus a detail field instead. */
export const canChooseAddress = isWeapp;

function failure(error: unknown): string {
  return error && typeof error === 'object' && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : String(error);
}

/**
 * WeChat's address book (wx.chooseAddress). WeChat first asks for privacy consent through
 * onNeedPrivacyAuthorization (our popup); a refusal or a cancelled picker resolves to null, so the
 * user simply types the address instead. Any other failure is thrown with a Chinese message.
 */
export async function chooseWechatAddress(): Promise<PickedAddress | null> {
  if (!isWeapp) return null;
  try {
    const res = await Taro.chooseAddress();
    return {
      region: [res.provinceName, res.cityName, res.countyName],
      detail: res.detailInfo,
      contactName: res.userName,
      contactPhone: res.telNumber,
    };
  } catch (error) {
    const text = failure(error);
    if (/cancel|privacy|auth deny|104/i.test(text)) return null;
    throw new Error('无法打开微信地址，请手动填写');
  }
}
