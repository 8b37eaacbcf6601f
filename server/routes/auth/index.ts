import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Session, StaffLogin, WechatLogin, type User } from '../../../types/auth';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import { burnPasswordCheck, verifyPassword } from '../../lib/passwords';
import { hashToken, newToken } from '../../lib/secrets';
import { wechatFailure } from '../../lib/wechat-errors';
import type { Repositories } from '../../repositories';
import { errorResponses } from '../responses';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const loginFailed = () => new HttpError(401, 'LOGIN_FAILED', '用户名或密码错误');
const locked = () => new HttpError(423, 'ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请${LOCK_MINUTES}分钟后再试`);

async function issueSession(repos: Repositories, userId: number, ttlHours: number): Promise<Session> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
  await repos.sessions.create(hashToken(token), userId, now.toISOString(), expiresAt);
  const user = (await repos.users.profile(userId)) as User;
  return { token, expiresAt, user };
}

const auth: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  const ttl = opts.config.tokenTtlHours;

  fastify.post(
    '/wechat',
    {
      config: { access: 'public', rateLimit: 'login' },
      schema: {
        tags: ['登录'],
        summary: '微信登录：用 wx.login 的 code 换取会话',
        body: WechatLogin,
        response: { 200: Session, ...errorResponses(400, 503) },
      },
    },
    async (request) => {
      let openid: string;
      try {
        // session_key is dropped here on purpose: nothing we do needs it, so it is never stored.
        ({ openid } = await fastify.wechat.code2Session(request.body.code));
      } catch (err) {
        throw wechatFailure(err, request.log, 'login');
      }
      const user = await fastify.repos.users.findOrCreateByOpenid(openid, new Date().toISOString());
      request.log.info({ userId: user.id }, 'wechat login');
      return issueSession(fastify.repos, user.id, ttl);
    },
  );

  fastify.post(
    '/staff',
    {
      config: { access: 'public', rateLimit: 'login' },
      schema: {
        tags: ['登录'],
        summary: '工作人员账号密码登录',
        body: StaffLogin,
        response: { 200: Session, ...errorResponses(400, 401, 423) },
      },
    },
    async (request) => {
      const { repos } = fastify;
      const { username, password } = request.body;
      const user = await repos.users.findByUsername(username.trim());
      if (!user || !user.password_hash || user.role === 'enterprise') {
        await burnPasswordCheck(password);
        throw loginFailed();
      }
      const now = new Date();
      if (user.locked_until && user.locked_until > now.toISOString()) throw locked();
      if (!(await verifyPassword(password, user.password_hash))) {
        const failures = await repos.users.addFailedLogin(user.id);
        if (failures >= MAX_FAILED_LOGINS) {
          await repos.users.lock(user.id, new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString());
          request.log.warn({ userId: user.id }, 'staff account locked');
          throw locked();
        }
        throw loginFailed();
      }
      await repos.users.clearFailedLogins(user.id);
      request.log.info({ userId: user.id }, 'staff login');
      return issueSession(repos, user.id, ttl);
    },
  );

  fastify.post(
    '/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['登录'], summary: '退出登录（当前令牌立即失效）', response: { 204: Type.Null(), ...errorResponses(401) } },
    },
    async (request, reply) => {
      if (request.tokenHash) await fastify.repos.sessions.revoke(request.tokenHash, new Date().toISOString());
      return reply.status(204).send(null);
    },
  );
};
export default auth;
