import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Enterprise } from '../../../../../types/enterprise';
import { EnterpriseProfilePatch } from '../../../../../types/policy';
import { HttpError } from '../../../../lib/http-error';
import { createRepositories } from '../../../../repositories';
import { NOT_BOUND } from '../../../policies';
import { errorResponses } from '../../../responses';

const FIELD_NAMES = { industry: '所属行业', scale: '企业规模', district: '所属乡镇（街道）', registeredOn: '成立日期' } as const;

const enterpriseProfile: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.patch(
    '',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['我的'],
        summary: '补充企业档案中名录缺少的信息（供政策计算器使用）',
        description: '只能填写名录中为空的字段（成立日期、行业、规模、所属乡镇）；名录已有的以名录为准，不能修改。',
        body: EnterpriseProfilePatch,
        response: { 200: Enterprise, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const enterpriseId = request.user!.enterpriseId;
      if (enterpriseId === null) throw NOT_BOUND();
      // Unknown fields (e.g. qualifications, which only the registry sets) are dropped by validation.
      if (Object.keys(request.body).length === 0) throw new HttpError(400, 'VALIDATION', '请至少填写一项：成立日期、所属行业、企业规模或所属乡镇');
      if (request.body.registeredOn && request.body.registeredOn > new Date().toISOString().slice(0, 10)) {
        throw new HttpError(400, 'VALIDATION', 'registeredOn：成立日期不能晚于今天', 'registeredOn');
      }
      const userId = request.user!.id;
      return fastify.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        const result = await repos.policyProfiles.fill(enterpriseId, request.body);
        if (!result.ok) {
          throw new HttpError(409, 'PROFILE_FIELD_LOCKED', `${FIELD_NAMES[result.lockedField]}以企业名录为准，不能修改；如有误请联系营商办`, result.lockedField);
        }
        await repos.audit.record({
          actorUserId: userId,
          action: 'enterprise.profile.fill',
          target: `enterprise:${enterpriseId}`,
          detail: { fields: Object.keys(request.body) },
          at: new Date().toISOString(),
        });
        const enterprise = await repos.enterprises.findById(enterpriseId);
        if (!enterprise) throw NOT_BOUND();
        return enterprise;
      });
    },
  );
};
export default enterpriseProfile;
