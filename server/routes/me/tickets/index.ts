import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MyTicketQuery, TicketPage } from '../../../../types/satisfaction';
import { HttpError } from '../../../lib/http-error';
import { toTickets } from '../../tickets/ticket-view';
import { errorResponses } from '../../responses';

const myTickets: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['enterprise'] },
      schema: { tags: ['我的'], summary: '我的工单：我的差评引发的整改工单', querystring: MyTicketQuery, response: { 200: TicketPage, ...errorResponses(400, 401, 403) } },
    },
    async (request) => {
      const enterpriseId = request.user!.enterpriseId;
      if (enterpriseId === null) throw new HttpError(403, 'ENTERPRISE_NOT_BOUND', '请先绑定企业');
      const now = fastify.clock.now().toISOString();
      const { rows, total } = await fastify.repos.tickets.list({ enterpriseId, now }, request.query.page, request.query.pageSize);
      return { items: await toTickets(fastify.repos, rows, () => ({ kind: 'enterprise' }), now), total };
    },
  );
};
export default myTickets;
