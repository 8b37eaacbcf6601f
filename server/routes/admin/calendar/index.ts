import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import officialData from 'chinese-days/dist/chinese-days.json';
import { CalendarDateParams, CalendarOverride, CalendarOverrideInput, CalendarYear, CalendarYearQuery } from '../../../../types/calendar';
import { HttpError } from '../../../lib/http-error';
import { createCalendar, toChinaDate } from '../../../lib/working-days';
import { errorResponses } from '../../responses';

const official = officialData as { holidays: Record<string, string>; workdays: Record<string, string> };
// Without overrides: what the package alone says, shown next to the admin's corrections.
const packageCalendar = createCalendar();

function officialDays(year: number) {
  const prefix = `${year}-`;
  const dates = [...Object.keys(official.holidays), ...Object.keys(official.workdays)].filter((d) => d.startsWith(prefix)).sort();
  return dates.map((date) => {
    const d = packageCalendar.describe(date);
    return { date, working: d.working, reason: d.reason };
  });
}

function realDate(date: string): string {
  try {
    return toChinaDate(date);
  } catch {
    throw new HttpError(400, 'VALIDATION', `date：${date} 不是有效日期`, 'date');
  }
}

/** 工作日历: the admin enters a year's 放假安排 (or corrects the package); every later deadline uses it. */
const adminCalendar: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['工作日历'],
        summary: '某年的调整记录，及内置的法定节假日与调休上班日（供参考）',
        querystring: CalendarYearQuery,
        response: { 200: CalendarYear, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { year } = request.query;
      const overrides = (await fastify.repos.calendar.all()).filter((o) => o.date.startsWith(`${year}-`));
      return { year, hasSchedule: fastify.calendar.hasSchedule(year), overrides, official: officialDays(year) };
    },
  );

  fastify.put(
    '/:date',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['工作日历'],
        summary: '把某天设为上班日（如调休）或放假日',
        params: CalendarDateParams,
        body: CalendarOverrideInput,
        response: { 200: CalendarOverride, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const date = realDate(request.params.date);
      const now = fastify.clock.now().toISOString();
      const name = request.body.name.trim();
      await fastify.repos.calendar.upsert({ date, kind: request.body.kind, name }, request.user!.id, now);
      await fastify.repos.audit.record({ actorUserId: request.user!.id, action: 'calendar.set', target: `calendar:${date}`, detail: { kind: request.body.kind, name }, at: now });
      await fastify.calendar.reload();
      return { date, kind: request.body.kind, name, updatedAt: now };
    },
  );

  fastify.delete(
    '/:date',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['工作日历'],
        summary: '删除某天的调整，恢复内置日历',
        params: CalendarDateParams,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const date = realDate(request.params.date);
      if (!(await fastify.repos.calendar.remove(date))) throw new HttpError(404, 'NOT_FOUND', `${date} 没有调整记录`);
      await fastify.repos.audit.record({ actorUserId: request.user!.id, action: 'calendar.delete', target: `calendar:${date}`, at: fastify.clock.now().toISOString() });
      await fastify.calendar.reload();
      return reply.status(204).send();
    },
  );
};
export default adminCalendar;
