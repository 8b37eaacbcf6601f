import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppMeta } from '../../../types/auth';
import type { AppConfig } from '../../config';

const meta: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  fastify.get(
    '',
    { config: { access: 'public' }, schema: { tags: ['系统'], summary: '应用信息（是否演示模式）', response: { 200: AppMeta } } },
    async () => ({ demo: opts.config.demo }),
  );
};
export default meta;
