import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import type { SessionUser } from '../../repositories/sessions';
import type { VisitRow } from '../../repositories/visits';
import { WeChatError, type WeChatClient, type WxaCodeImage } from '../../wechat/client';

/** The page a visit code opens; the scene is the visit's, the page reads it from `query.scene`. */
export const SURVEY_PAGE = 'pages/survey/index';

/**
 * Who may show a visit's code: the visitor who opened it, staff of the department it rates, and admins.
 * Anyone else is answered as if the visit did not exist.
 */
export function maySeeVisitCode(user: SessionUser, visit: VisitRow): boolean {
  if (user.role === 'admin') return true;
  if (visit.visitor_user_id === user.id) return true;
  return user.departmentId !== null && user.departmentId === visit.department_id;
}

/**
 * The visit's 小程序码, asked of WeChat once per scene (a visit's scene never changes and WeChat's codes never
 * expire): a visitor reopening the code at the door costs no call, and concurrent requests share one.
 * Bounded by bytes, oldest first out; a restart only means asking WeChat again.
 */
export function createVisitCodeCache(wechat: WeChatClient, options: AppConfig['wechatCode'], maxBytes = 16 * 1024 * 1024) {
  const entries = new Map<string, Promise<WxaCodeImage>>();
  const sizes = new Map<string, number>();
  let total = 0;

  function forget(scene: string): void {
    total -= sizes.get(scene) ?? 0;
    sizes.delete(scene);
    entries.delete(scene);
  }

  function remember(scene: string, bytes: number): void {
    sizes.set(scene, bytes);
    total += bytes;
    for (const oldest of entries.keys()) {
      if (total <= maxBytes || oldest === scene) break;
      forget(oldest);
    }
  }

  return {
    get(scene: string): Promise<WxaCodeImage> {
      const known = entries.get(scene);
      if (known) {
        // Most recently used goes last.
        entries.delete(scene);
        entries.set(scene, known);
        return known;
      }
      const pending = wechat.wxaCodeUnlimited({ scene, page: SURVEY_PAGE, checkPath: options.checkPath, envVersion: options.envVersion });
      entries.set(scene, pending);
      pending.then(
        (image) => {
          if (entries.get(scene) === pending) remember(scene, image.bytes.length);
        },
        () => {
          // A failure is not kept: the next request asks WeChat again.
          if (entries.get(scene) === pending) forget(scene);
        },
      );
      return pending;
    },
  };
}

/**
 * A failed 小程序码 as a 502 the app falls back from (to the plain QR). Only the errcode and the API are
 * logged: WeChat's text is not ours to log, and the request URL carries the access token.
 */
export function visitCodeFailure(err: unknown, log: FastifyBaseLogger): unknown {
  if (!(err instanceof WeChatError)) return err;
  log.warn({ errcode: err.errcode, api: err.api }, 'wechat call failed');
  return new HttpError(502, 'WXACODE_UNAVAILABLE', '暂时无法生成小程序码，请稍后再试，或请企业用“营商通”的“扫一扫”扫描普通二维码');
}
