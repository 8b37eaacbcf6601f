import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../../types/common';
import { SubscriptionAnswer, SubscriptionState } from '../../../types/subscription';
import { HttpError } from '../../lib/http-error';
import { errorResponses } from '../responses';

/** Subscribe messages: the templates the app may request, and how many sends each user has allowed. */
const meSubscriptions: FastifyPluginAsyncTypebox = async (fastify) => {
  async function state(userId: number) {
    const credits = await fastify.repos.subscriptions.credits(userId);
    return {
      templates: Object.entries(fastify.notifications.templates).map(([key, t]) => ({
        key,
        templateId: t.templateId,
        title: t.title,
        credits: credits.get(t.templateId) ?? 0,
      })),
    };
  }

  fastify.get(
    '',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['订阅消息'],
        summary: '可订阅的消息模板及剩余可发送次数',
        response: { 200: SubscriptionState, ...errorResponses(401) },
      },
    },
    async (request) => state(request.user!.id),
  );

  fastify.post(
    '',
    {
      config: { access: 'authenticated', rateLimit: 'submit' },
      schema: {
        tags: ['订阅消息'],
        summary: '记录用户对订阅消息的选择（同意一次可发送一次）',
        description: '小程序在用户点击后调用 wx.requestSubscribeMessage，再把每个模板的结果（accept 即 accepted=true）报给此接口。',
        headers: IdempotencyHeaders,
        body: SubscriptionAnswer,
        response: { 200: SubscriptionState, ...errorResponses(400, 401, 409, 422) },
      },
    },
    async (request) => {
      const { templateId, accepted } = request.body;
      const known = Object.values(fastify.notifications.templates).some((t) => t.templateId === templateId);
      if (!known) throw new HttpError(400, 'VALIDATION', 'templateId：不是本小程序的订阅消息模板', 'templateId');
      const userId = request.user!.id;
      if (accepted) {
        // Idempotent: a retried report of the same tap must not grant a second send.
        await request.idempotent(async (repos) => {
          await repos.subscriptions.addCredit(userId, templateId, fastify.clock.now().toISOString());
          return { statusCode: 200, body: null };
        });
      }
      return state(userId);
    },
  );
};
export default meSubscriptions;
