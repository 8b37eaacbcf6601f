import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BenefitListQuery, BenefitPage } from '../../../types/benefit';
import { requireBoundEnterprise } from '../benefits/shared';
import { errorResponses } from '../responses';

/** 我的享受: the bound enterprise's benefit records, most recently changed first. */
const meBenefits: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['免申即享'],
        summary: '本企业的免申即享记录（我的享受）',
        querystring: BenefitListQuery,
        response: { 200: BenefitPage, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const enterpriseId = requireBoundEnterprise(request.user!);
      return fastify.repos.benefits.list({ ...request.query, enterpriseId });
    },
  );
};
export default meBenefits;
