import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Department } from '../../../types/common';
import { errorResponses } from '../responses';

/** The district's departments: filters, policy authorship and rating targets all pick from it. */
const departments: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: 'public' },
      schema: {
        tags: ['部门'],
        summary: '本区部门列表',
        response: { 200: Type.Array(Department), ...errorResponses(400) },
      },
    },
    async () => fastify.repos.catalog.listDepartments(),
  );
};
export default departments;
