import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeliverySlot, DeliverySlotCapacity, DeliverySlotParams } from '../../../../types/delivery';
import type { AppConfig } from '../../../config';
import { chinaDateText } from '../../../lib/china-text';
import { HttpError } from '../../../lib/http-error';
import { createRepositories } from '../../../repositories';
import { isCalendarDate } from '../../deliveries/booking-rules';
import { actorOf, requireHandler } from '../../deliveries/workflow';
import { errorResponses } from '../../responses';

const deliverySlots: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  fastify.put(
    '/:date/:period',
    {
      config: { access: ['staff', 'admin'] },
      schema: {
        tags: ['证照递送（工作人员）'],
        summary: '设置某日某时段的递送名额',
        description: '只影响该日该时段；已预约数超过新名额时不取消已有预约，只是不再接受新预约。',
        params: DeliverySlotParams,
        body: DeliverySlotCapacity,
        response: { 200: DeliverySlot, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = await actorOf(fastify, request, opts.config);
      requireHandler(actor, opts.config);
      const { date, period } = request.params;
      if (!isCalendarDate(date)) throw new HttpError(400, 'VALIDATION', 'date：日期不存在', 'date');
      const day = fastify.calendar.describe(date);
      if (!day.working) throw new HttpError(400, 'VALIDATION', `date：${chinaDateText(date)}为${day.reason}，不办理递送，无需设置名额`, 'date');
      const now = fastify.clock.now().toISOString();
      const slot = await fastify.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        const saved = await repos.deliveries.setCapacity(date, period, request.body.capacity, now);
        await repos.audit.record({ actorUserId: actor.userId, action: 'delivery.slot_capacity', target: `delivery-slot:${date}:${period}`, detail: { capacity: saved.capacity }, at: now });
        return saved;
      });
      return { date, period, capacity: slot.capacity, remaining: Math.max(0, slot.capacity - slot.booked) };
    },
  );
};
export default deliverySlots;
