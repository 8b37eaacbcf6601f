import Taro from '@tarojs/taro';
import { isWeapp } from './env';

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * wx.requestSubscribeMessage. WeChat only shows the dialog when this runs from a tap, so call it
 * first thing in the tap handler, before any other await. Returns {} on H5 and when the user
 * turned subscriptions off: not subscribing never blocks what the user was doing.
 */
export async function requestSubscribe(templateIds: string[]): Promise<Record<string, SubscribeAnswer>> {
  if (!isWeapp || templateIds.length === 0) return {};
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds } as never)) as unknown as Record<string, unknown>;
    const out: Record<string, SubscribeAnswer> = {};
    for (const id of templateIds) {
      const answer = res[id];
      if (answer === 'accept' || answer === 'reject' || answer === 'ban' || answer === 'filter') out[id] = answer;
    }
    return out;
  } catch {
    return {};
  }
}
