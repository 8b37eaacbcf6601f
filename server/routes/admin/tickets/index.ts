import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DIMENSION_LABELS, TICKET_STATUS_LABELS, TicketExportQuery, TicketListQuery, TicketPage, type TicketStatus } from '../../../../types/satisfaction';
import { HttpError } from '../../../lib/http-error';
import type { TicketRow } from '../../../repositories/tickets';
import { errorResponses } from '../../responses';
import { isOverdue, toTickets } from '../../tickets/ticket-view';
import { attachment, chinaTime, toCsv, toXlsx, XLSX_TYPE } from './table-file';

const TAGS = ['整改工单'];
/** An export is a ledger, not a dump: beyond this, filter by department or status. */
const EXPORT_LIMIT = 50_000;

/** Staff see their own department's ledger only; the office sees all or filters by department. */
function scopeDepartment(request: FastifyRequest, asked: number | undefined): number | undefined {
  const user = request.user!;
  if (user.role === 'admin') return asked;
  if (user.departmentId === null) throw new HttpError(403, 'FORBIDDEN', '您的账号未关联部门');
  if (asked !== undefined && asked !== user.departmentId) throw new HttpError(403, 'FORBIDDEN', '只能查看本部门的整改台账');
  return user.departmentId;
}

function ledgerTable(rows: readonly TicketRow[], showRater: boolean, now: string): string[][] {
  const header = [
    '工单编号',
    '责任部门',
    '评价事项',
    '阶段',
    ...(showRater ? ['评价企业', '联系电话'] : []),
    DIMENSION_LABELS.overall,
    '问题类别',
    '状态',
    '回访期限',
    '回访时间',
    '整改期限',
    '整改时间',
    '是否逾期',
    '退回次数',
    '创建时间',
  ];
  return [
    header,
    ...rows.map((r) => [
      String(r.id),
      r.department_name,
      r.target_kind === 'project' ? (r.project_name ?? '') : r.target_kind === 'delivery' ? `证照递送（编号 ${r.target_id}）` : r.department_name,
      r.stage,
      ...(showRater ? [r.enterprise_name, r.contact_masked ?? ''] : []),
      String(r.overall),
      r.problem_category ?? '',
      TICKET_STATUS_LABELS[r.status as TicketStatus] ?? r.status,
      chinaTime(r.callback_due_at),
      chinaTime(r.callback_at),
      chinaTime(r.deadline_at),
      chinaTime(r.rectified_at),
      isOverdue(r, now) ? '是' : '否',
      String(r.reopen_count),
      chinaTime(r.created_at),
    ]),
  ];
}

const adminTickets: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['staff', 'admin'] },
      schema: { tags: TAGS, summary: '整改台账（按未办结/已办结、状态、部门、是否逾期筛选）', querystring: TicketListQuery, response: { 200: TicketPage, ...errorResponses(400, 401, 403) } },
    },
    async (request) => {
      const { progress, status, overdue, page, pageSize } = request.query;
      const departmentId = scopeDepartment(request, request.query.department);
      const now = fastify.clock.now().toISOString();
      const { rows, total } = await fastify.repos.tickets.list({ progress, status, departmentId, overdue, now }, page, pageSize);
      const kind = request.user!.role === 'staff' ? 'department' : 'office';
      return { items: await toTickets(fastify.repos, rows, () => ({ kind }), now), total };
    },
  );

  fastify.get(
    '/export',
    {
      config: { access: ['staff', 'admin'] },
      schema: {
        tags: TAGS,
        summary: '导出整改台账（xlsx 或 csv）',
        querystring: TicketExportQuery,
        produces: [XLSX_TYPE, 'text/csv'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { progress, status, overdue, format } = request.query;
      const departmentId = scopeDepartment(request, request.query.department);
      const now = fastify.clock.now().toISOString();
      const rows = await fastify.repos.tickets.all({ progress, status, departmentId, overdue, now }, EXPORT_LIMIT + 1);
      if (rows.length > EXPORT_LIMIT) throw new HttpError(400, 'EXPORT_TOO_LARGE', `超过 ${EXPORT_LIMIT} 条，请按部门或状态筛选后分批导出`);
      // The rater's identity goes only to the department that must call back.
      const table = ledgerTable(rows, request.user!.role === 'staff', now);
      await fastify.repos.audit.record({ actorUserId: request.user!.id, action: 'tickets.export', target: `department:${departmentId ?? 'all'}`, detail: { rows: rows.length, format }, at: now });
      const stamp = now.slice(0, 10);
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`整改台账-${stamp}.csv`)).send(toCsv(table));
      }
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`整改台账-${stamp}.xlsx`)).send(await toXlsx('整改台账', table));
    },
  );
};
export default adminTickets;
