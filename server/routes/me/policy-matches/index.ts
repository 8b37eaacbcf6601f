import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PolicyMatch } from '../../../../types/policy';
import { evaluatePolicy } from '../../../../types/policy-match';
import { toChinaDate } from '../../../lib/working-days';
import { NOT_BOUND } from '../../policies';
import { toListItem } from '../../policies/views';
import { errorResponses } from '../../responses';

const policyMatches: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['政策'],
        summary: '政策计算器：本企业对每项在效政策是否符合、逐条说明原因（符合的在前）',
        description: 'missing 列出判断所需但企业档案缺少的字段，可通过 PATCH /api/v1/me/enterprise/profile 补充。',
        response: { 200: Type.Array(PolicyMatch), ...errorResponses(401, 403, 409) },
      },
    },
    async (request) => {
      const enterpriseId = request.user!.enterpriseId;
      if (enterpriseId === null) throw NOT_BOUND();
      const enterprise = await fastify.repos.enterprises.findById(enterpriseId);
      if (!enterprise) throw NOT_BOUND();
      const today = toChinaDate(fastify.clock.now());
      const { rows } = await fastify.repos.policies.search({ today });
      const results = rows.map((row) => {
        const evaluation = evaluatePolicy(row.conditions, enterprise, today);
        return { policy: toListItem(row, today), ...evaluation };
      });
      // Stable sort: within each group the newest publication stays first.
      return [...results.filter((r) => r.matched), ...results.filter((r) => !r.matched)];
    },
  );
};
export default policyMatches;
