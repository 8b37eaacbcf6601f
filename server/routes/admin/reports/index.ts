import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  QUARTERLY_FIGURES,
  QuarterlyFigureKey,
  QuarterlyReport,
  QuarterlyReportQuery,
  QuarterlyRows,
  QuarterlyRowsQuery,
  type QuarterlyFigure,
  type QuarterlyFigureKey as FigureKey,
} from '../../../../types/satisfaction';
import type { Repositories } from '../../../repositories';
import { parseReportPeriod, type PeriodRange } from '../../../repositories/stats-period';
import { errorResponses } from '../../responses';
import { attachment, toXlsx, XLSX_TYPE } from '../tickets/table-file';

const TAGS = ['统计分析'];

const FIGURES: Record<FigureKey, { label: string; unit: string; table: string; definition: string }> = {
  ratings: { label: '收到满意度评价', unit: '条', table: 'ratings', definition: '本期提交的评价（含申诉成立后核销的）' },
  ticketsRaised: { label: '产生差评整改工单', unit: '件', table: 'tickets', definition: '本期由整体满意度 ≤ 2 的评价自动生成的工单' },
  ticketsRectified: { label: '完成整改', unit: '件', table: 'tickets', definition: '本期登记整改且当前为已整改或已办结的工单' },
  ticketsOverdue: { label: '逾期未整改', unit: '件', table: 'tickets', definition: '整改期限在本期内已到、到期时尚未整改的工单（不含核销）' },
  reminderLetters: { label: '发出工作提醒函', unit: '份', table: 'reminder_letters', definition: '本期生成的工作提醒函' },
  policiesEntered: { label: '录入惠企政策', unit: '条', table: 'policies', definition: '本期录入系统的政策（含草稿）' },
  enterprisesBound: { label: '绑定企业', unit: '家', table: 'enterprises', definition: '本期有用户完成绑定的企业（去重）' },
  benefitsPaid: { label: '免申即享兑现', unit: '笔', table: 'benefits', definition: '兑现日期在本期内的免申即享记录' },
  deliveriesDelivered: { label: '证照递送送达', unit: '件', table: 'deliveries', definition: '签收时间在本期内的递送' },
};

/** A custom range is named by its dates; a quarter or a year keeps its key (2026Q4). */
function isRange(range: PeriodRange): boolean {
  return range.period.includes('~');
}

/** Sheet title: 2026Q4（2026-10-01至2026-12-31）, or just the dates of a custom range. */
function sheetTitle(range: PeriodRange): string {
  return isRange(range) ? `${range.from}至${range.to}` : `${range.period}（${range.from}至${range.to}）`;
}

function fileName(range: PeriodRange): string {
  return isRange(range) ? `工作数据-${range.from}至${range.to}.xlsx` : `季度工作数据-${range.period}.xlsx`;
}

async function report(repos: Repositories, range: PeriodRange, now: string): Promise<QuarterlyReport> {
  const { period } = range;
  const figures: QuarterlyFigure[] = [];
  for (const key of QUARTERLY_FIGURES) {
    const { total } = await repos.stats.figureRows(key, range, now, { limit: 0, offset: 0 });
    const f = FIGURES[key];
    figures.push({
      key,
      label: f.label,
      value: total,
      unit: f.unit,
      definition: f.definition,
      drillDown: `/api/v1/admin/reports/quarterly/${key}?period=${encodeURIComponent(period)}`,
    });
  }
  return { period, from: range.from, to: range.to, figures };
}

const reports: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/quarterly',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '季度、全年或任意日期范围的工作数据（报告中的“XX”），每项可追溯到明细记录；format=xlsx 下载',
        querystring: QuarterlyReportQuery,
        produces: ['application/json', XLSX_TYPE],
        response: { 200: Type.Union([QuarterlyReport, Type.Unsafe<Buffer>({ type: 'string', format: 'binary' })]), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const range = parseReportPeriod(request.query.period);
      const data = await report(fastify.repos, range, fastify.clock.now().toISOString());
      if (request.query.format !== 'xlsx') return data;
      const table = [
        ['指标', '数值', '单位', '统计口径', '明细查询'],
        ...data.figures.map((f) => [f.label, f.value ?? '', f.unit, f.definition, f.drillDown]),
      ];
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(fileName(range)))
        .send(await toXlsx(sheetTitle(range), table));
    },
  );

  fastify.get(
    '/quarterly/:figure',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '工作数据明细：某项指标在该期间背后的记录编号',
        params: Type.Object({ figure: QuarterlyFigureKey }),
        querystring: QuarterlyRowsQuery,
        response: { 200: QuarterlyRows, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { period, page, pageSize } = request.query;
      const key = request.params.figure;
      const { total, ids } = await fastify.repos.stats.figureRows(key, parseReportPeriod(period), fastify.clock.now().toISOString(), {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { figure: key, period, table: FIGURES[key].table, total, ids };
    },
  );
};
export default reports;
