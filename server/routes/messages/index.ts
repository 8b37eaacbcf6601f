import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, IdempotencyHeaders } from '../../../types/common';
import { MessageThread, NewMessagePost, NewMessageThread } from '../../../types/message';
import { HttpError } from '../../lib/http-error';
import type { Repositories } from '../../repositories';
import type { PolicyRef } from '../../repositories/benefits';
import type { SessionUser } from '../../repositories/sessions';
import { requireBoundEnterprise, staffActorName } from '../benefits/shared';
import { errorResponses } from '../responses';
import { replyDueAt, visibleThread } from './shared';

const PARTIES: ('enterprise' | 'staff' | 'admin')[] = ['enterprise', 'staff', 'admin'];

/** What the message is about, checked: a published policy, or one of the caller's own benefit records. */
async function subjectOf(repos: Repositories, enterpriseId: number, input: { policyId?: number; benefitId?: number }): Promise<{ policy: PolicyRef; benefitId: number | null }> {
  if ((input.policyId === undefined) === (input.benefitId === undefined)) {
    throw new HttpError(400, 'VALIDATION', 'policyId：请指定留言针对的政策或享受记录（二选一）', 'policyId');
  }
  if (input.benefitId !== undefined) {
    const ref = await repos.benefits.findRef(input.benefitId);
    if (!ref || ref.enterpriseId !== enterpriseId) throw new HttpError(404, 'BENEFIT_NOT_FOUND', '未找到该享受记录', 'benefitId');
    return { policy: (await repos.benefits.findPolicy(ref.policyId))!, benefitId: ref.id };
  }
  const policy = await repos.benefits.findPolicy(input.policyId!);
  if (!policy || policy.status !== 'published') throw new HttpError(404, 'POLICY_NOT_FOUND', '未找到该政策', 'policyId');
  return { policy, benefitId: null };
}

async function authorName(repos: Repositories, user: SessionUser): Promise<string> {
  if (user.role === 'enterprise') return (await repos.enterprises.findById(user.enterpriseId!))?.name ?? '企业';
  return staffActorName(repos, user);
}

/** 留言: an enterprise asks about a policy or its benefit; the policy's department replies within the deadline. */
const messages: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      config: { access: ['enterprise'], rateLimit: 'submit' },
      schema: {
        tags: ['留言'],
        summary: '就政策或本企业的享受记录留言（1个工作日内答复）',
        headers: IdempotencyHeaders,
        body: NewMessageThread,
        response: { 201: MessageThread, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const enterpriseId = requireBoundEnterprise(user);
      const body = request.body.body.trim();
      if (body.length < 2) throw new HttpError(400, 'VALIDATION', 'body：请写下您的问题（至少2个字）', 'body');
      const result = await request.idempotent(async (repos) => {
        const { policy, benefitId } = await subjectOf(repos, enterpriseId, request.body);
        const now = fastify.clock.now().toISOString();
        const id = await repos.messages.insertThread({
          enterpriseId,
          departmentId: policy.departmentId,
          policyId: policy.id,
          benefitId,
          askedAt: now,
          replyDueAt: replyDueAt(fastify, now, 'simple'),
        });
        await repos.messages.addPost({ threadId: id, from: 'enterprise', author: await authorName(repos, user), authorUserId: user.id, body, at: now });
        return { statusCode: 201, body: (await repos.messages.view(id, now))! };
      });
      return reply.status(201).send(result.body);
    },
  );

  fastify.get(
    '/:id',
    {
      config: { access: PARTIES },
      schema: {
        tags: ['留言'],
        summary: '查看留言及全部回复（本企业的，或本部门收到的）',
        params: IdParams,
        response: { 200: MessageThread, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const ref = await visibleThread(fastify.repos, request.user!, request.params.id);
      return (await fastify.repos.messages.view(ref.id, fastify.clock.now().toISOString()))!;
    },
  );

  fastify.post(
    '/:id/posts',
    {
      config: { access: PARTIES, rateLimit: 'submit' },
      schema: {
        tags: ['留言'],
        summary: '追问或回复',
        description:
          '部门回复即视为已答复；部门可带 complexity=complex 将问题标为复杂（答复期限改为提问起3个工作日），此条为受理说明，留言仍待答复。' +
          '企业在答复后追问，留言重新变为待答复，期限从追问时起算。',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: NewMessagePost,
        response: { 201: MessageThread, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const body = request.body.body.trim();
      if (body.length === 0) throw new HttpError(400, 'VALIDATION', 'body：不能为空', 'body');
      const complexity = request.body.complexity;
      if (complexity !== undefined && user.role === 'enterprise') {
        throw new HttpError(400, 'VALIDATION', 'complexity：只有部门工作人员可以标记问题的复杂程度', 'complexity');
      }
      const result = await request.idempotent(async (repos) => {
        const ref = await visibleThread(repos, user, request.params.id);
        const now = fastify.clock.now().toISOString();
        const from = user.role === 'enterprise' ? 'enterprise' : 'staff';
        await repos.messages.addPost({ threadId: ref.id, from, author: await authorName(repos, user), authorUserId: user.id, body, at: now });
        if (from === 'enterprise') {
          // A follow-up after an answer is a new question with its own deadline; one before the answer just adds detail.
          if (ref.answered) {
            await repos.messages.updateThread(ref.id, { answered: false, askedAt: now, replyDueAt: replyDueAt(fastify, now, ref.complexity), at: now });
          }
        } else if (complexity === 'complex' && ref.complexity === 'simple' && !ref.answered) {
          await repos.messages.updateThread(ref.id, { complexity, replyDueAt: replyDueAt(fastify, ref.askedAt, complexity), at: now });
        } else {
          await repos.messages.updateThread(ref.id, { answered: true, ...(complexity ? { complexity } : {}), at: now });
        }
        return { statusCode: 201, body: (await repos.messages.view(ref.id, now))! };
      });
      return reply.status(201).send(result.body);
    },
  );
};
export default messages;
