import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, MAX_ID } from '../../../../types/common';
import {
  Delivery,
  DeliveryDeliver,
  DeliveryDispatch,
  DeliveryExportQuery,
  DeliveryFail,
  DeliveryList,
  DeliveryQueueQuery,
  normaliseTrackingNo,
  TRACKING_NO_PATTERN,
} from '../../../../types/delivery';
import type { AppConfig } from '../../../config';
import type { QueueCursor } from '../../../repositories/deliveries';
import { HttpError } from '../../../lib/http-error';
import { daysBetween, isCalendarDate } from '../../deliveries/booking-rules';
import { toDelivery, toSummary } from '../../deliveries/delivery-view';
import { actorOf, requireHandler, transition, visibleDelivery, type Actor, type TransitionSpec } from '../../deliveries/workflow';
import { errorResponses } from '../../responses';
import { exportRows, toCsv, toXlsx } from './export';
import { requireSignature } from './signature';

const TAGS = ['证照递送（工作人员）'];

/** `YYYY-MM-DD|上午|123` (the schema checked the shape) → the queue's keyset position. */
function parseCursor(after: string): QueueCursor {
  const [date, period, id] = after.split('|');
  // Twelve digits fit the pattern but not a PostgreSQL integer column, which would fail the query.
  if (Number(id) > MAX_ID) throw new HttpError(400, 'VALIDATION', 'after：游标无效，请从第一页重新加载', 'after');
  return { date, period, id: Number(id) };
}
const STAFF_ROLES: ('staff' | 'admin')[] = ['staff', 'admin'];
export const MAX_EXPORT_DAYS = 366;

const adminDeliveries: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  const { config } = opts;

  async function handler(request: Parameters<typeof actorOf>[1]): Promise<Actor> {
    const actor = await actorOf(fastify, request, config);
    requireHandler(actor, config);
    return actor;
  }

  async function fullView(actor: Actor, id: number) {
    const row = await visibleDelivery(fastify.repos, actor, id);
    const [events, handover] = await Promise.all([fastify.repos.deliveries.events(id), fastify.repos.deliveries.handover(id)]);
    // Every sight of a full phone number or address is on record (PIPL).
    await fastify.repos.audit.record({ actorUserId: actor.userId, action: 'delivery.view_full', target: `delivery:${id}`, at: fastify.clock.now().toISOString() });
    return toDelivery(row, events, handover, config.dataKey);
  }

  fastify.get(
    '',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: '递送工作队列（按日期、时段、状态筛选，电话地址打码）',
        querystring: DeliveryQueueQuery,
        response: { 200: DeliveryList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await handler(request);
      const { after, ...query } = request.query;
      const { rows, total } = await fastify.repos.deliveries.queue({ ...query, after: after === undefined ? undefined : parseCursor(after) });
      const last = rows.length === query.pageSize ? rows[rows.length - 1] : undefined;
      return { items: rows.map(toSummary), total, ...(last ? { nextCursor: `${last.date}|${last.period}|${last.id}` } : {}) };
    },
  );

  fastify.get(
    '/export',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: '导出递送记录（xlsx 或 csv）',
        description: `按预约日期导出，跨度不超过${MAX_EXPORT_DAYS}天。电话与地址仅管理员导出完整内容，其他角色打码；每次导出记入审计日志。`,
        querystring: DeliveryExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '文件内容' }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = await handler(request);
      const { from, to, format } = request.query;
      if (!isCalendarDate(from)) throw new HttpError(400, 'VALIDATION', 'from：日期不存在', 'from');
      if (!isCalendarDate(to)) throw new HttpError(400, 'VALIDATION', 'to：日期不存在', 'to');
      if (to < from) throw new HttpError(400, 'VALIDATION', 'to：结束日期不能早于开始日期', 'to');
      if (daysBetween(from, to) + 1 > MAX_EXPORT_DAYS) throw new HttpError(400, 'VALIDATION', `to：一次最多导出${MAX_EXPORT_DAYS}天`, 'to');

      const full = actor.role === 'admin';
      const [rows, handovers] = await Promise.all([fastify.repos.deliveries.range(from, to), fastify.repos.deliveries.handoversInRange(from, to)]);
      const table = exportRows(rows, new Map(handovers.map((h) => [h.delivery_id, { receiverName: h.receiver_name, at: h.at }])), full, config.dataKey);
      await fastify.repos.audit.record({
        actorUserId: actor.userId,
        action: 'delivery.export',
        target: `deliveries:${from}..${to}`,
        detail: { format, rows: rows.length, full },
        at: fastify.clock.now().toISOString(),
      });
      const name = `证照递送记录_${from}_${to}.${format}`;
      reply.header('content-disposition', `attachment; filename="deliveries_${from}_${to}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table));
    },
  );

  fastify.get(
    '/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: '递送详情（完整电话与地址，查看记入审计日志）',
        params: IdParams,
        response: { 200: Delivery, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => fullView(await handler(request), request.params.id),
  );

  /** Staff transitions answer with the updated booking in full (the one who just acted sees it anyway). */
  async function act(request: Parameters<typeof actorOf>[1], id: number, spec: TransitionSpec) {
    const actor = await handler(request);
    await transition(fastify, actor, id, spec);
    return fullView(actor, id);
  }

  fastify.post(
    '/:id/accept',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: TAGS, summary: '受理递送预约', params: IdParams, response: { 200: Delivery, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => act(request, request.params.id, { action: 'accept' }),
  );

  fastify.post(
    '/:id/dispatch',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: '派送（登记快递单号）',
        params: IdParams,
        body: DeliveryDispatch,
        response: { 200: Delivery, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const trackingNo = normaliseTrackingNo(request.body.trackingNo);
      if (!new RegExp(TRACKING_NO_PATTERN).test(trackingNo)) {
        throw new HttpError(400, 'VALIDATION', '快递单号：请填写字母、数字或短横线组成的单号，不超过40位', 'trackingNo');
      }
      return act(request, request.params.id, { action: 'dispatch', patch: { tracking_no: trackingNo }, note: `快递单号 ${trackingNo}` });
    },
  );

  fastify.post(
    '/:id/deliver',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: '登记送达（签收人与签名或照片）',
        params: IdParams,
        body: DeliveryDeliver,
        response: { 200: Delivery, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const receiverName = request.body.receiverName.trim();
      if (!receiverName) throw new HttpError(400, 'VALIDATION', '签收人：请填写签收人姓名', 'receiverName');
      const signature = requireSignature(request.body.signature);
      const actorForHandover = await handler(request);
      await transition(fastify, actorForHandover, request.params.id, {
        action: 'deliver',
        note: `签收人 ${receiverName}`,
        alongside: (repos, row, now) =>
          repos.deliveries.saveHandover({ delivery_id: row.id, receiver_name: receiverName, at: now, by_name: actorForHandover.byName, actor_user_id: actorForHandover.userId, signature }),
      });
      return fullView(actorForHandover, request.params.id);
    },
  );

  fastify.post(
    '/:id/fail',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: '登记递送失败（原因）',
        params: IdParams,
        body: DeliveryFail,
        response: { 200: Delivery, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const reason = request.body.reason.trim();
      if (!reason) throw new HttpError(400, 'VALIDATION', '失败原因：请填写失败原因', 'reason');
      return act(request, request.params.id, { action: 'fail', patch: { failure_reason: reason }, note: reason });
    },
  );
};
export default adminDeliveries;
