import type { SubscriptionState } from '@contract/subscription';
import { request } from '@/lib/api/client';
import { isWeapp } from '@/lib/wx/env';

export function fetchSubscriptions(): Promise<SubscriptionState> {
  return request<SubscriptionState>('/api/v1/me/subscriptions', { quiet: true });
}

export function reportSubscription(templateId: string, accepted: boolean): Promise<SubscriptionState> {
  return request<SubscriptionState>('/api/v1/me/subscriptions', {
    method: 'POST',
    body: { templateId, accepted },
    idempotent: true,
  });
}

export class NotInWechatError extends Error {
  constructor() {
    super('请在微信中使用');
  }
}

/**
 * WeChat's subscribe dialog. It must be opened synchronously from a tap, so callers load the template
 * id beforehand and call this first thing in the handler. Answers per template: accept/reject/ban/filter.
 */
export function askToSubscribe(templateId: string): Promise<boolean> {
  if (!isWeapp || typeof wx === 'undefined' || typeof wx.requestSubscribeMessage !== 'function') {
    return Promise.reject(new NotInWechatError());
  }
  return new Promise((resolve, reject) => {
    wx.requestSubscribeMessage({
      tmplIds: [templateId],
      success: (result) => resolve((result as unknown as Record<string, string>)[templateId] === 'accept'),
      fail: (error) => reject(new Error(error.errCode === 20004 ? '您已关闭订阅消息，请在小程序设置中开启' : '订阅未完成，请稍后重试')),
    });
  });
}
