import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeliveryList, MyDeliveriesQuery } from '../../../../types/delivery';
import { errorResponses } from '../../responses';
import { toSummary } from '../../deliveries/delivery-view';

const myDeliveries: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['证照递送'],
        summary: '本企业的递送预约（新的在前）',
        querystring: MyDeliveriesQuery,
        response: { 200: DeliveryList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const enterpriseId = request.user!.enterpriseId;
      if (enterpriseId === null) return { items: [], total: 0 };
      const { rows, total } = await fastify.repos.deliveries.listByEnterprise(enterpriseId, request.query.page, request.query.pageSize);
      return { items: rows.map(toSummary), total };
    },
  );
};
export default myDeliveries;
