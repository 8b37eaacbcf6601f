import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PolicyMatch } from '../../../../types/policy';
import { evaluatePolicy } from '../../../../types/policy-match';
import { toChinaDate } from '../../../lib/working-days';
import { NOT_BOUND } from '../../policies';
import { toListItem } from '../../policies/views';
import { errorResponses } from '../../responses';

/** A district has tens of policies, but the answer must stay bounded however many are in force. */
const MatchesQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 100 }),
  },
  { additionalProperties: false },
);

const policyMatches: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['政策'],
        summary: '政策计算器：本企业对每项在效政策是否符合、逐条说明原因（符合的在前）',
        description:
          'missing 列出判断所需但企业档案缺少的字段，可通过 PATCH /api/v1/me/enterprise/profile 补充。分页返回（每页至多100项），总数在响应头 X-Total-Count。',
        querystring: MatchesQuery,
        response: { 200: Type.Array(PolicyMatch), ...errorResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
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
      const ordered = [...results.filter((r) => r.matched), ...results.filter((r) => !r.matched)];
      const { page, pageSize } = request.query;
      void reply.header('x-total-count', String(ordered.length));
      return ordered.slice((page - 1) * pageSize, page * pageSize);
    },
  );
};
export default policyMatches;
