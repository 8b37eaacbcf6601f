import type { FastifyBaseLogger } from 'fastify';
import { WeChatError, isCodeRejected } from '../wechat/client';
import { HttpError } from './http-error';

/**
 * Turns a WeChat failure into what the user should do: get a fresh code (400) or try later (503).
 * Only the errcode is logged; WeChat's messages can echo the code.
 */
export function wechatFailure(err: unknown, log: FastifyBaseLogger, what: 'login' | 'phone'): unknown {
  if (!(err instanceof WeChatError)) return err;
  log.warn({ errcode: err.errcode, api: err.api }, 'wechat call failed');
  if (isCodeRejected(err)) {
    return what === 'login'
      ? new HttpError(400, 'WECHAT_CODE_INVALID', '登录凭证无效或已使用，请重新登录', 'code')
      : new HttpError(400, 'PHONE_CODE_INVALID', '手机号授权凭证无效或已使用，请重新授权', 'code');
  }
  return new HttpError(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
}
