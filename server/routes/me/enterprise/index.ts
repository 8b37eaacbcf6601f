import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Me } from '../../../../types/auth';
import { IdempotencyHeaders } from '../../../../types/common';
import { BindEnterprise } from '../../../../types/enterprise';
import { HttpError } from '../../../lib/http-error';
import { requireValidUscc } from '../../../lib/uscc';
import { createRepositories } from '../../../repositories';
import { errorResponses } from '../../responses';
import { meView } from '../me-view';

/** Registry names and typed names differ in spacing and bracket width more than anything else. */
export function comparableName(name: string): string {
  return name.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

const enterprise: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      config: { access: ['enterprise'], rateLimit: 'submit' },
      schema: {
        tags: ['我的'],
        summary: '按统一社会信用代码和名称绑定企业',
        headers: IdempotencyHeaders,
        body: BindEnterprise,
        response: { 200: Me, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const uscc = requireValidUscc(request.body.uscc);
      const userId = request.user!.id;
      const result = await request.idempotent(async (repos) => {
        const found = await repos.enterprises.findByUscc(uscc);
        if (!found) throw new HttpError(404, 'ENTERPRISE_NOT_FOUND', '未在本区企业名录中找到该统一社会信用代码', 'uscc');
        if (comparableName(found.name) !== comparableName(request.body.name)) {
          throw new HttpError(400, 'ENTERPRISE_NAME_MISMATCH', '企业名称与名录登记的不一致，请按营业执照上的名称填写', 'name');
        }
        await repos.users.setEnterprise(userId, found.id);
        await repos.audit.record({ actorUserId: userId, action: 'enterprise.bind', target: `enterprise:${found.id}`, at: new Date().toISOString() });
        return { statusCode: 200, body: await meView(repos, userId) };
      });
      return reply.status(200).send(result.body);
    },
  );

  fastify.delete(
    '',
    {
      config: { access: ['enterprise'] },
      schema: { tags: ['我的'], summary: '解除企业绑定', response: { 200: Me, ...errorResponses(401, 403) } },
    },
    async (request) => {
      const userId = request.user!.id;
      const previous = request.user!.enterpriseId;
      return fastify.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        await repos.users.setEnterprise(userId, null);
        if (previous !== null) {
          await repos.audit.record({ actorUserId: userId, action: 'enterprise.unbind', target: `enterprise:${previous}`, at: new Date().toISOString() });
        }
        return meView(repos, userId);
      });
    },
  );
};
export default enterprise;
