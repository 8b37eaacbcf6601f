import Taro from '@tarojs/taro';
import { isWeapp } from './env';

/** The getPhoneNumber button (open-type) only works in WeChat, and needs base library ≥ 2.21.2 for the code flow. */
export function canGetPhoneNumber(): boolean {
  if (!isWeapp) return false;
  try {
    return Taro.canIUse('button.open-type.getPhoneNumber');
  } catch {
    return false;
  }
}

export async function makePhoneCall(phoneNumber: string): Promise<void> {
  if (isWeapp) {
    await Taro.makePhoneCall({ phoneNumber });
    return;
  }
  if (typeof window !== 'undefined') window.location.href = `tel:${phoneNumber}`;
}
