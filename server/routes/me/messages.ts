import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MessageListQuery, MessagePage } from '../../../types/message';
import { requireBoundEnterprise } from '../benefits/shared';
import { errorResponses } from '../responses';

/** The bound enterprise's 留言, waiting ones (overdue first) before answered ones. */
const meMessages: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['留言'],
        summary: '本企业的留言',
        querystring: MessageListQuery,
        response: { 200: MessagePage, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const enterpriseId = requireBoundEnterprise(request.user!);
      return fastify.repos.messages.list({ ...request.query, enterpriseId }, fastify.clock.now().toISOString());
    },
  );
};
export default meMessages;
