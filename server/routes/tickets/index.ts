import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../types/common';
import {
  TICKET_CONTACT_STATUSES,
  TICKET_STATUS_LABELS,
  Ticket,
  TicketAppeal,
  TicketCallback,
  TicketContact,
  TicketRectify,
  TicketReopen,
  type TicketStatus,
} from '../../../types/satisfaction';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import { decrypt } from '../../lib/secrets';
import type { Repositories } from '../../repositories';
import type { TicketRow } from '../../repositories/tickets';
import { chinaTimeText } from '../../lib/china-text';
import { errorResponses } from '../responses';
import { applyTicketAction } from './ticket-actions';
import { loadTicketFor, toTickets } from './ticket-view';

const TAGS = ['整改工单'];
// A callback logged a little ahead of the server clock is a phone's clock; further ahead is a typo.
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * The earliest a callback can have taken place: it answers the ticket's current round, so not before the
 * rating raised it, nor (once the enterprise sent it back) before that reopening. Staff type minutes, so the
 * bound is the start of that minute: a call at 19:59 for a ticket raised at 19:59:30 is fine.
 */
async function callbackFloor(repos: Repositories, row: TicketRow): Promise<{ at: string; what: string }> {
  const reopened = row.status === 'reopened' ? (await repos.tickets.events([row.id])).filter((e) => e.action === 'reopen').at(-1) : undefined;
  return reopened ? { at: reopened.at, what: '企业退回重办的时间' } : { at: row.created_at, what: '工单生成时间' };
}

async function checkCallbackTime(repos: Repositories, row: TicketRow, at: string): Promise<void> {
  const floor = await callbackFloor(repos, row);
  const floorMs = Math.floor(Date.parse(floor.at) / MINUTE_MS) * MINUTE_MS;
  if (Date.parse(at) < floorMs) throw new HttpError(400, 'VALIDATION', `回访时间不能早于${floor.what}（${chinaTimeText(floor.at)}）`, 'at');
}

const tickets: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  const rectifyDays = opts.config.rectifyWorkingDays;

  fastify.get(
    '/:id',
    {
      config: { access: ['enterprise', 'staff', 'admin'] },
      schema: { tags: TAGS, summary: '查看工单详情（企业本人、责任部门或营商办）', params: IdParams, response: { 200: Ticket, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const { row, viewer } = await loadTicketFor(fastify, request, request.params.id);
      const [ticket] = await toTickets(fastify.repos, [row], () => viewer, fastify.clock.now().toISOString());
      return ticket;
    },
  );

  fastify.get(
    '/:id/contact',
    {
      config: { access: ['staff'] },
      schema: {
        tags: TAGS,
        summary: '责任部门查看评价人完整联系电话以便回访（仅办理中的工单，每次查看记入审计日志）',
        params: IdParams,
        response: { 200: TicketContact, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { row, viewer } = await loadTicketFor(fastify, request, request.params.id);
      if (viewer.kind !== 'department') throw new HttpError(403, 'FORBIDDEN', '只有责任部门可以查看评价人联系方式');
      const status = row.status as TicketStatus;
      if (!(TICKET_CONTACT_STATUSES as readonly string[]).includes(status)) {
        throw new HttpError(409, 'TICKET_STATUS', `工单当前状态为“${TICKET_STATUS_LABELS[status]}”，无需再联系评价企业`);
      }
      const sealed = await fastify.repos.users.raterPhone(row.rating_id);
      await fastify.repos.audit.record({ actorUserId: request.user!.id, action: 'ticket.view_contact', target: `ticket:${row.id}`, at: fastify.clock.now().toISOString() });
      return { enterpriseName: row.enterprise_name, phone: sealed === null ? null : decrypt(sealed, opts.config.dataKey) };
    },
  );

  fastify.post(
    '/:id/callback',
    {
      config: { access: ['staff'] },
      schema: { tags: TAGS, summary: '责任部门记录回访（时间、情况）', params: IdParams, body: TicketCallback, response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      const nowMs = fastify.clock.now().getTime();
      const at = request.body.at ?? new Date(nowMs).toISOString();
      if (Date.parse(at) > nowMs + CLOCK_SKEW_MS) throw new HttpError(400, 'VALIDATION', '回访时间不能晚于当前时间', 'at');
      return applyTicketAction(fastify, request, request.params.id, {
        action: 'callback',
        label: '记录回访',
        by: 'department',
        from: ['open', 'reopened'],
        validate: (row) => checkCallbackTime(fastify.repos, row, at),
        patch: () => ({ status: 'called_back', callback_at: new Date(Date.parse(at)).toISOString(), callback_outcome: request.body.outcome }),
        note: request.body.outcome,
      });
    },
  );

  fastify.post(
    '/:id/rectify',
    {
      config: { access: ['staff'] },
      schema: { tags: TAGS, summary: '责任部门登记整改措施并答复企业', params: IdParams, body: TicketRectify, response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) =>
      applyTicketAction(fastify, request, request.params.id, {
        action: 'rectify',
        label: '登记整改',
        by: 'department',
        from: ['called_back'],
        patch: (row, now) => ({
          status: 'rectified',
          fix: request.body.fix,
          reply: request.body.reply,
          rectified_at: now,
          rectified_on_time: now <= row.deadline_at ? 1 : 0,
        }),
        note: request.body.reply,
      }),
  );

  fastify.post(
    '/:id/confirm',
    {
      config: { access: ['enterprise'] },
      schema: { tags: TAGS, summary: '企业确认整改结果，工单办结', params: IdParams, response: { 200: Ticket, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) =>
      applyTicketAction(fastify, request, request.params.id, {
        action: 'confirm',
        label: '确认办结',
        by: 'enterprise',
        from: ['rectified'],
        patch: (_row, now) => ({ status: 'closed', closed_at: now }),
        note: null,
      }),
  );

  fastify.post(
    '/:id/reopen',
    {
      config: { access: ['enterprise'] },
      schema: { tags: TAGS, summary: '企业对整改不满意，退回重办（时限重新计算）', params: IdParams, body: TicketReopen, response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) =>
      applyTicketAction(fastify, request, request.params.id, {
        action: 'reopen',
        label: '退回重办',
        by: 'enterprise',
        from: ['rectified'],
        patch: (row, now) => ({
          status: 'reopened',
          reopen_count: row.reopen_count + 1,
          deadline_at: fastify.calendar.deadlineAt(now, rectifyDays),
          callback_due_at: fastify.calendar.deadlineAt(now, 1),
          rectified_at: null,
          rectified_on_time: null,
        }),
        note: request.body.reason,
      }),
  );

  fastify.post(
    '/:id/appeal',
    {
      config: { access: ['staff'] },
      schema: { tags: TAGS, summary: '责任部门提出申诉复核', params: IdParams, body: TicketAppeal, response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) =>
      applyTicketAction(fastify, request, request.params.id, {
        action: 'appeal',
        label: '申诉',
        by: 'department',
        from: ['open', 'called_back', 'reopened', 'rectified'],
        guard: (row) => (row.appeal_at !== null ? '该工单已申诉过，每张工单只能申诉一次' : null),
        patch: (row, now) => ({ status: 'appealing', status_before_appeal: row.status, appeal_reason: request.body.reason, appeal_at: now }),
        note: request.body.reason,
      }),
  );
};
export default tickets;
