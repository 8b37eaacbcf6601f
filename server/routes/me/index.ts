import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Me } from '../../../types/auth';
import { errorResponses } from '../responses';
import { meView } from './me-view';

const me: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['我的'], summary: '当前用户与所绑定的企业', response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => meView(fastify.repos, request.user!.id),
  );
};
export default me;
