import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PhoneCode, User } from '../../../../types/auth';
import type { AppConfig } from '../../../config';
import { encrypt, maskPhone } from '../../../lib/secrets';
import { wechatFailure } from '../../../lib/wechat-errors';
import { createRepositories } from '../../../repositories';
import { errorResponses } from '../../responses';

const phone: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  fastify.post(
    '',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['我的'],
        summary: '用 getPhoneNumber 按钮的 code 绑定手机号（仅返回脱敏号码）',
        body: PhoneCode,
        response: { 200: Type.Object({ user: User }), ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request) => {
      let number: string;
      try {
        number = (await fastify.wechat.getPhoneNumber(request.body.code)).purePhoneNumber;
      } catch (err) {
        throw wechatFailure(err, request.log, 'phone');
      }
      const userId = request.user!.id;
      await fastify.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        await repos.users.setPhone(userId, encrypt(number, opts.config.dataKey), maskPhone(number));
        await repos.audit.record({ actorUserId: userId, action: 'user.phone.set', target: `user:${userId}`, at: new Date().toISOString() });
      });
      return { user: (await fastify.repos.users.profile(userId))! };
    },
  );
};
export default phone;
