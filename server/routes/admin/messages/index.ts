import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MessageListQuery, MessagePage } from '../../../../types/message';
import { staffScope } from '../../benefits/shared';
import { errorResponses } from '../../responses';

/** Staff inbox: messages addressed to the caller's department (admin: all), overdue first, then by deadline. */
const adminMessages: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['staff', 'admin'] },
      schema: {
        tags: ['留言'],
        summary: '部门留言收件箱（超期的在前，其余按答复期限）',
        querystring: MessageListQuery,
        response: { 200: MessagePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      fastify.repos.messages.list({ ...request.query, departmentId: staffScope(request.user!) }, fastify.clock.now().toISOString()),
  );
};
export default adminMessages;
