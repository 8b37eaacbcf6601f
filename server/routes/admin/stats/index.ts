import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SatisfactionStats, SatisfactionStatsQuery, STATS_PAGE_SIZE } from '../../../../types/satisfaction';
import { errorResponses } from '../../responses';
import { satisfactionStats } from './satisfaction-stats';

const stats: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/satisfaction',
    {
      config: { access: ['admin', 'staff'] },
      schema: {
        tags: ['统计分析'],
        summary: '满意度统计：满意率、平均分、回访率、按时整改率及季度趋势（少于5家企业的分组不显示；按部门、按项目分组时分页，全区合计与趋势始终覆盖全部）',
        querystring: SatisfactionStatsQuery,
        response: { 200: SatisfactionStats, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { period, by = 'department', pageSize = STATS_PAGE_SIZE, cursor } = request.query;
      return satisfactionStats(fastify.repos, { period, by, pageSize, cursor }, fastify.clock.now().toISOString());
    },
  );
};
export default stats;
