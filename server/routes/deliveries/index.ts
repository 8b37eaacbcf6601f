import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders, IdParams } from '../../../types/common';
import {
  ACCOUNT_PHONE,
  checkNewDelivery,
  Delivery,
  DeliveryCancel,
  DeliveryCreated,
  DeliveryReschedule,
  MODES_NEEDING_ADDRESS,
  NewDelivery,
  type DeliveryItem,
  type DeliveryMode,
} from '../../../types/delivery';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import { decrypt, encrypt, maskPhone } from '../../lib/secrets';
import { errorResponses } from '../responses';
import { requireBookableSlot } from './booking-rules';
import { maskAddress, toDelivery } from './delivery-view';
import { rescheduleNote, slotFullMessage, slotText } from './texts';
import { actorOf, ensureDeliveryTemplate, transition, visibleDelivery } from './workflow';

const TAGS = ['证照递送'];

function normaliseItems(items: { kind: string; quantity: number; description?: string }[]): DeliveryItem[] {
  return items.map((i) => (i.kind === '其他' ? { kind: i.kind, quantity: i.quantity, description: i.description!.trim() } : { kind: i.kind as DeliveryItem['kind'], quantity: i.quantity }));
}

const deliveries: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  const { config } = opts;
  ensureDeliveryTemplate(fastify);

  /** `account`: the number the user authorised with getPhoneNumber, which the app only ever sees masked. */
  async function phoneFor(userId: number, phone: string): Promise<string> {
    if (phone !== ACCOUNT_PHONE) return phone;
    const stored = (await fastify.repos.users.findById(userId))?.phone_enc;
    if (!stored) throw new HttpError(400, 'VALIDATION', '联系电话：尚未授权微信手机号，请手动填写', 'phone');
    return decrypt(stored, config.dataKey);
  }

  fastify.post(
    '',
    {
      config: { access: ['enterprise'], rateLimit: 'submit' },
      schema: {
        tags: TAGS,
        summary: '预约证照递送',
        description: `递送日期为明天起${14}天内的工作日（含调休上班日），每个时段有名额上限；约满返回 409 SLOT_FULL。请携带 Idempotency-Key，重试不会重复预约。`,
        headers: IdempotencyHeaders,
        body: NewDelivery,
        response: { 201: DeliveryCreated, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const enterpriseId = user.enterpriseId;
      if (enterpriseId === null) throw new HttpError(409, 'ENTERPRISE_NOT_BOUND', '请先绑定企业后再预约递送');
      const body = { ...request.body, phone: await phoneFor(user.id, request.body.phone) };
      const problem = checkNewDelivery(body);
      if (problem) throw new HttpError(400, 'VALIDATION', problem.message, problem.field);
      const period = requireBookableSlot(fastify.calendar, fastify.clock.now(), body.date, body.period);
      const mode = body.mode as DeliveryMode;
      const address = MODES_NEEDING_ADDRESS.includes(mode) && body.address ? { region: body.address.region.map((r) => r.trim()), detail: body.address.detail.trim() } : null;
      const actor = await actorOf(fastify, request, config);

      const result = await request.idempotent(async (repos) => {
        const now = fastify.clock.now().toISOString();
        await repos.deliveries.ensureSlot(body.date, period, config.deliverySlotCapacity, now);
        if (!(await repos.deliveries.takeSlot(body.date, period, now))) throw new HttpError(409, 'SLOT_FULL', slotFullMessage(body.date, period), 'period');
        const id = await repos.deliveries.insert({
          enterprise_id: enterpriseId,
          created_by: user.id,
          items: JSON.stringify(normaliseItems(body.items)),
          mode,
          recipient_name: body.recipientName.trim(),
          phone_enc: encrypt(body.phone, config.dataKey),
          phone_masked: maskPhone(body.phone),
          address_enc: address ? encrypt(JSON.stringify(address), config.dataKey) : null,
          address_masked: address ? maskAddress(address) : null,
          date: body.date,
          period,
          remark: body.remark?.trim() || null,
          created_at: now,
          updated_at: now,
        });
        await repos.deliveries.addEvent({ delivery_id: id, kind: 'submitted', status: 'submitted', at: now, by_name: actor.byName, actor_user_id: user.id, note: slotText(body.date, period) });
        await repos.audit.record({ actorUserId: user.id, action: 'delivery.create', target: `delivery:${id}`, at: now });
        return { statusCode: 201, body: { id, status: 'submitted' as const } };
      });
      return reply.status(201).send(result.body);
    },
  );

  fastify.get(
    '/:id',
    {
      config: { access: ['enterprise', 'staff', 'admin'] },
      schema: {
        tags: TAGS,
        summary: '查看递送预约详情与时间线',
        description: '企业只能查看本企业的预约；经办部门工作人员与管理员可查看全部，每次查看完整电话与地址均记入审计日志。',
        params: IdParams,
        response: { 200: Delivery, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await actorOf(fastify, request, config);
      const row = await visibleDelivery(fastify.repos, actor, request.params.id);
      const [events, handover] = await Promise.all([fastify.repos.deliveries.events(row.id), fastify.repos.deliveries.handover(row.id)]);
      if (actor.role !== 'enterprise') {
        await fastify.repos.audit.record({ actorUserId: actor.userId, action: 'delivery.view_full', target: `delivery:${row.id}`, at: fastify.clock.now().toISOString() });
      }
      return toDelivery(row, events, handover, config.dataKey);
    },
  );

  fastify.post(
    '/:id/cancel',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: TAGS,
        summary: '取消递送预约（派送前）',
        params: IdParams,
        body: DeliveryCancel,
        response: { 200: Delivery, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = await actorOf(fastify, request, config);
      const reason = request.body.reason.trim();
      if (!reason) throw new HttpError(400, 'VALIDATION', '取消原因：请填写取消原因', 'reason');
      const row = await transition(fastify, actor, request.params.id, {
        action: 'cancel',
        patch: { cancel_reason: reason },
        note: reason,
        alongside: (repos, current, now) => repos.deliveries.releaseSlot(current.date, current.period, now),
      });
      return toDelivery(row, await fastify.repos.deliveries.events(row.id), undefined, config.dataKey);
    },
  );

  fastify.post(
    '/:id/reschedule',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: TAGS,
        summary: '递送失败后改约新的时段',
        params: IdParams,
        body: DeliveryReschedule,
        response: { 200: Delivery, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = await actorOf(fastify, request, config);
      const { date } = request.body;
      const period = requireBookableSlot(fastify.calendar, fastify.clock.now(), date, request.body.period);
      const row = await transition(fastify, actor, request.params.id, {
        action: 'reschedule',
        patch: { date, period, tracking_no: null, failure_reason: null },
        note: rescheduleNote(date, period),
        // The new place is taken before the old one is given back, all in one transaction.
        alongside: async (repos, current, now) => {
          await repos.deliveries.ensureSlot(date, period, config.deliverySlotCapacity, now);
          if (!(await repos.deliveries.takeSlot(date, period, now))) throw new HttpError(409, 'SLOT_FULL', slotFullMessage(date, period), 'period');
          await repos.deliveries.releaseSlot(current.date, current.period, now);
        },
      });
      return toDelivery(row, await fastify.repos.deliveries.events(row.id), undefined, config.dataKey);
    },
  );
};
export default deliveries;
