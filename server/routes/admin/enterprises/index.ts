import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../../../types/common';
import { Enterprise, EnterpriseListQuery, EnterprisePage, NewEnterprise } from '../../../../types/enterprise';
import { HttpError } from '../../../lib/http-error';
import { requireValidUscc } from '../../../lib/uscc';
import { errorResponses } from '../../responses';

const enterprises: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      config: { access: ['admin'], rateLimit: 'submit' },
      schema: {
        tags: ['企业名录'],
        summary: '向本区企业名录新增企业',
        headers: IdempotencyHeaders,
        body: NewEnterprise,
        response: { 201: Enterprise, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const uscc = requireValidUscc(request.body.uscc);
      const actor = request.user!.id;
      const result = await request.idempotent(async (repos) => {
        const created = await repos.enterprises.insert({ ...request.body, uscc }, new Date().toISOString());
        if (!created) throw new HttpError(409, 'ENTERPRISE_EXISTS', `统一社会信用代码 ${uscc} 已在企业名录中`, 'uscc');
        await repos.audit.record({ actorUserId: actor, action: 'enterprise.create', target: `enterprise:${created.id}`, at: new Date().toISOString() });
        return { statusCode: 201, body: created };
      });
      return reply.status(201).send(result.body);
    },
  );

  fastify.get(
    '',
    {
      config: { access: ['admin', 'staff', 'visitor'] },
      schema: {
        tags: ['企业名录'],
        summary: '分页查询企业名录',
        querystring: EnterpriseListQuery,
        response: { 200: EnterprisePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => fastify.repos.enterprises.list(request.query),
  );
};
export default enterprises;
