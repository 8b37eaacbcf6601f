import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Benefit, BenefitObjection } from '../../../types/benefit';
import { IdParams, IdempotencyHeaders } from '../../../types/common';
import { HttpError } from '../../lib/http-error';
import type { Repositories } from '../../repositories';
import type { SessionUser } from '../../repositories/sessions';
import { errorResponses } from '../responses';
import { TRANSITIONS, applyTransition, requireBoundEnterprise } from './shared';

const NOT_FOUND = () => new HttpError(404, 'BENEFIT_NOT_FOUND', '未找到该享受记录');

/** The benefit if it is the caller's enterprise's; someone else's is "not found", so ids reveal nothing. */
async function ownBenefit(repos: Repositories, user: SessionUser, id: number) {
  const enterpriseId = requireBoundEnterprise(user);
  const ref = await repos.benefits.findRef(id);
  if (!ref || ref.enterpriseId !== enterpriseId) throw NOT_FOUND();
  return ref;
}

/** Enterprise side of a 免申即享 record: read it, confirm the 公示, or object to it. */
const benefits: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/:id',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['免申即享'],
        summary: '查看本企业的一条享受记录（公示内容与全部经过）',
        params: IdParams,
        response: { 200: Benefit, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ref = await ownBenefit(fastify.repos, request.user!, request.params.id);
      return (await fastify.repos.benefits.view(ref.id))!;
    },
  );

  fastify.post(
    '/:id/confirm',
    {
      config: { access: ['enterprise'], rateLimit: 'submit' },
      schema: {
        tags: ['免申即享'],
        summary: '确认公示内容（依据、数据、金额）无误',
        params: IdParams,
        headers: IdempotencyHeaders,
        response: { 200: Benefit, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = request.user!;
      const result = await request.idempotent(async (repos) => {
        const ref = await ownBenefit(repos, user, request.params.id);
        const by = (await repos.enterprises.findById(ref.enterpriseId))?.name ?? '企业';
        const at = fastify.clock.now().toISOString();
        const body = await applyTransition(repos, ref.id, ref.status, TRANSITIONS.confirm, {}, { by, actorUserId: user.id, note: null, at });
        return { statusCode: 200, body };
      });
      return result.body;
    },
  );

  fastify.post(
    '/:id/object',
    {
      config: { access: ['enterprise'], rateLimit: 'submit' },
      schema: {
        tags: ['免申即享'],
        summary: '对公示内容提出异议（说明理由，部门核实后重新公示）',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: BenefitObjection,
        response: { 200: Benefit, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = request.user!;
      const reason = request.body.reason.trim();
      if (reason.length < 2) throw new HttpError(400, 'VALIDATION', 'reason：请写明异议理由', 'reason');
      const result = await request.idempotent(async (repos) => {
        const ref = await ownBenefit(repos, user, request.params.id);
        const by = (await repos.enterprises.findById(ref.enterpriseId))?.name ?? '企业';
        const at = fastify.clock.now().toISOString();
        const body = await applyTransition(repos, ref.id, ref.status, TRANSITIONS.object, { objection: reason }, { by, actorUserId: user.id, note: reason, at });
        return { statusCode: 200, body };
      });
      return result.body;
    },
  );
};
export default benefits;
