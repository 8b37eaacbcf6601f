import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../../types/common';
import { ReminderLetterPage, ReminderLetterPrint, ReminderListQuery, type ReminderItem, type ReminderLetter } from '../../../../types/satisfaction';
import { runReminders } from '../../../jobs/reminders';
import { HttpError } from '../../../lib/http-error';
import type { ReminderLetterRow } from '../../../repositories/reminders';
import { errorResponses } from '../../responses';
import { chinaDateText, chinaDeadlineText } from '../../../lib/china-text';

const TAGS = ['工作提醒函'];
const ISSUER = '区优化营商环境工作领导小组办公室';

function letterNumber(row: Pick<ReminderLetterRow, 'id' | 'period'>): string {
  return `营商提醒〔${row.period.slice(0, 4)}〕${row.id}号`;
}

function toLetter(row: ReminderLetterRow): ReminderLetter {
  return {
    id: row.id,
    number: letterNumber(row),
    department: { id: row.department_id, name: row.department_name },
    period: row.period,
    items: JSON.parse(row.items) as ReminderItem[],
    createdAt: row.created_at,
  };
}

function printable(letter: ReminderLetter) {
  const tickets = letter.items.filter((i) => i.kind === 'ticket').length;
  const messages = letter.items.length - tickets;
  const parts = [tickets > 0 ? `差评整改工单 ${tickets} 件` : null, messages > 0 ? `企业留言 ${messages} 条` : null].filter(Boolean).join('、');
  return {
    letter,
    title: '工作提醒函',
    salutation: `${letter.department.name}：`,
    paragraphs: [
      `经查，截至${chinaDateText(letter.period)}，贵单位有${parts}已超过办理时限，具体如下：`,
      ...letter.items.map(
        (item, i) => `${i + 1}. ${item.title}（编号 ${item.id}），办理期限 ${chinaDeadlineText(item.dueAt)}，已超期 ${item.overdueWorkingDays} 个工作日。`,
      ),
      '请贵单位高度重视，于收到本函后尽快办理并在系统中登记办理结果。',
      '特此提醒。',
    ],
    issuer: ISSUER,
    dateText: chinaDateText(letter.period),
  };
}

function scope(request: FastifyRequest): number | undefined {
  const user = request.user!;
  if (user.role === 'admin') return undefined;
  if (user.departmentId === null) throw new HttpError(403, 'FORBIDDEN', '您的账号未关联部门');
  return user.departmentId;
}

const reminders: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: ['admin', 'staff'] },
      schema: { tags: TAGS, summary: '工作提醒函列表（部门人员只看本部门）', querystring: ReminderListQuery, response: { 200: ReminderLetterPage, ...errorResponses(400, 401, 403) } },
    },
    async (request) => {
      const own = scope(request);
      if (own !== undefined && request.query.department !== undefined && request.query.department !== own) {
        throw new HttpError(403, 'FORBIDDEN', '只能查看本部门的工作提醒函');
      }
      const { rows, total } = await fastify.repos.reminders.list({ departmentId: own ?? request.query.department }, request.query.page, request.query.pageSize);
      return {
        items: rows.map((r) => ({
          id: r.id,
          number: letterNumber(r),
          department: { id: r.department_id, name: r.department_name },
          period: r.period,
          ticketCount: r.ticket_count,
          messageCount: r.message_count,
          createdAt: r.created_at,
        })),
        total,
      };
    },
  );

  fastify.get(
    '/:id',
    {
      config: { access: ['admin', 'staff'] },
      schema: { tags: TAGS, summary: '工作提醒函打印数据', params: IdParams, response: { 200: ReminderLetterPrint, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const row = await fastify.repos.reminders.find(request.params.id);
      const own = scope(request);
      if (!row || (own !== undefined && row.department_id !== own)) throw new HttpError(404, 'NOT_FOUND', '未找到该工作提醒函');
      return printable(toLetter(row));
    },
  );

  fastify.post(
    '/run',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '立即生成今日工作提醒函（同一部门每天只生成一份）',
        response: {
          200: Type.Object({ period: Type.String(), created: Type.Integer(), skipped: Type.Integer(), letterIds: Type.Array(Type.Integer()) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => {
      const run = await runReminders(fastify);
      return { period: run.period, created: run.created.length, skipped: run.skippedDepartments.length, letterIds: run.created.map((c) => c.letterId) };
    },
  );
};
export default reminders;
