import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DELIVERY_PERIODS, DeliverySlotList, DeliverySlotsQuery, type DeliverySlot } from '../../../../types/delivery';
import type { AppConfig } from '../../../config';
import { HttpError } from '../../../lib/http-error';
import { daysBetween, isCalendarDate, shiftDate } from '../../deliveries/booking-rules';
import { errorResponses } from '../../responses';

export const MAX_SLOT_RANGE_DAYS = 31;

const slots: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  fastify.get(
    '',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['证照递送'],
        summary: '查询递送时段余量（仅工作日）',
        description: `from、to 为 YYYY-MM-DD（含两端），跨度不超过${MAX_SLOT_RANGE_DAYS}天；节假日与普通周末不返回，调休上班日返回。也可查询过去的日期：递送工作台据此跳到前一个或后一个工作日。`,
        querystring: DeliverySlotsQuery,
        response: { 200: DeliverySlotList, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (!isCalendarDate(from)) throw new HttpError(400, 'VALIDATION', 'from：日期不存在', 'from');
      if (!isCalendarDate(to)) throw new HttpError(400, 'VALIDATION', 'to：日期不存在', 'to');
      if (to < from) throw new HttpError(400, 'VALIDATION', 'to：结束日期不能早于开始日期', 'to');
      if (daysBetween(from, to) + 1 > MAX_SLOT_RANGE_DAYS) throw new HttpError(400, 'VALIDATION', `to：一次最多查询${MAX_SLOT_RANGE_DAYS}天`, 'to');

      const usage = new Map((await fastify.repos.deliveries.slotUsage(from, to)).map((u) => [`${u.date}|${u.period}`, u]));
      const out: DeliverySlot[] = [];
      for (let date = from; date <= to; date = shiftDate(date, 1)) {
        if (!fastify.calendar.isWorkingDay(date)) continue;
        for (const period of DELIVERY_PERIODS) {
          const u = usage.get(`${date}|${period}`);
          const capacity = u?.capacity ?? opts.config.deliverySlotCapacity;
          out.push({ date, period, capacity, remaining: Math.max(0, capacity - (u?.booked ?? 0)) });
        }
      }
      return out;
    },
  );
};
export default slots;
