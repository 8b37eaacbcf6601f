import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { KeyProjectList, KeyProjectQuery } from '../../../types/project';
import { HttpError } from '../../lib/http-error';
import { errorResponses } from '../responses';

/** Key projects: a visitor opening a visit picks one of the enterprise's projects and a stage. */
const projects: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['visitor', 'staff', 'admin'] },
      schema: {
        tags: ['重点项目'],
        summary: '企业的重点项目（含负责部门和评价阶段），供发起走访时选择',
        querystring: KeyProjectQuery,
        response: { 200: KeyProjectList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { enterpriseId } = request.query;
      // An unknown enterprise is a mistake worth saying, not an empty list.
      if (!(await fastify.repos.enterprises.findById(enterpriseId))) throw new HttpError(404, 'NOT_FOUND', '未找到该企业', 'enterpriseId');
      return { items: await fastify.repos.projects.listByEnterprise(enterpriseId) };
    },
  );
};
export default projects;
