import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Benefit, BenefitImportReport, BenefitImportResult, BenefitListQuery, BenefitPage, BenefitPayment, BenefitPublicize, BoundBenefit, NewBenefit } from '../../../../types/benefit';
import { IdParams, IdempotencyHeaders } from '../../../../types/common';
import { ErrorBody } from '../../../../types/errors';
import { HttpError } from '../../../lib/http-error';
import { requireValidUscc } from '../../../lib/uscc';
import { toChinaDate } from '../../../lib/working-days';
import type { Repositories } from '../../../repositories';
import type { SessionUser } from '../../../repositories/sessions';
import {
  TRANSITIONS,
  applyTransition,
  notifyEnterprise,
  requireDepartment,
  staffActorName,
  staffScope,
  toFen,
  type TransitionRule,
} from '../../benefits/shared';
import { errorResponses } from '../../responses';
import { uploadLimits } from '../../../lib/import';
import { eligibilityWarnings } from './eligibility';
import { BENEFIT_IMPORT_COLUMNS, importBenefits } from './import';
import { benefitTemplate } from './template';
import { attachment, XLSX_TYPE } from '../tickets/table-file';

const STAFF: ('staff' | 'admin')[] = ['staff', 'admin'];

/** A refused import: the usual error body plus the row report, so the sheet can be fixed in one go. */
const ImportRejected = Type.Object({ error: ErrorBody.properties.error, report: Type.Optional(BenefitImportReport) });
const OTHER_DEPARTMENT = '只能处理本部门政策的享受记录';

async function staffBenefit(repos: Repositories, user: SessionUser, id: number) {
  staffScope(user);
  const ref = await repos.benefits.findRef(id);
  if (!ref) throw new HttpError(404, 'BENEFIT_NOT_FOUND', '未找到该享受记录');
  requireDepartment(user, ref.departmentId, OTHER_DEPARTMENT);
  return ref;
}

/** Staff side of 免申即享: bind enterprises, publish the 公示, record payment, archive. */
const adminBenefits: FastifyPluginAsyncTypebox = async (fastify) => {
  // Scoped to this plugin: only the import route reads multipart bodies.
  await fastify.register(multipart, uploadLimits);

  fastify.get(
    '',
    {
      config: { access: STAFF },
      schema: {
        tags: ['免申即享（部门）'],
        summary: '本部门政策的享受记录（管理员可看全部）',
        querystring: BenefitListQuery,
        response: { 200: BenefitPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => fastify.repos.benefits.list({ ...request.query, departmentId: staffScope(request.user!) }),
  );

  fastify.get(
    '/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['免申即享（部门）'],
        summary: '查看一条享受记录',
        params: IdParams,
        response: { 200: Benefit, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const ref = await staffBenefit(fastify.repos, request.user!, request.params.id);
      return (await fastify.repos.benefits.view(ref.id))!;
    },
  );

  fastify.post(
    '',
    {
      config: { access: STAFF, rateLimit: 'submit' },
      schema: {
        tags: ['免申即享（部门）'],
        summary: '为一家企业绑定本部门的一项政策（状态为“已匹配”）',
        description: 'warnings 列出企业档案不符合或无法判断的政策条件，仅作提示，不影响绑定。',
        headers: IdempotencyHeaders,
        body: NewBenefit,
        response: { 201: BoundBenefit, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      staffScope(user);
      const uscc = requireValidUscc(request.body.uscc);
      const amountFen = request.body.amountYuan === undefined ? null : toFen(request.body.amountYuan, 'amountYuan');
      const result = await request.idempotent(async (repos) => {
        const policy = await repos.benefits.findPolicy(request.body.policyId);
        if (!policy) throw new HttpError(404, 'POLICY_NOT_FOUND', '未找到该政策', 'policyId');
        requireDepartment(user, policy.departmentId, '只能为本部门的政策绑定企业');
        // Same rule as the spreadsheet import: a draft or withdrawn policy grants nothing to bind.
        if (policy.status !== 'published') throw new HttpError(409, 'POLICY_STATUS', `政策“${policy.title}”尚未发布或已撤回，不能绑定`, 'policyId');
        const enterprise = await repos.enterprises.findByUscc(uscc);
        if (!enterprise) throw new HttpError(404, 'ENTERPRISE_NOT_FOUND', '未在本区企业名录中找到该统一社会信用代码', 'uscc');
        const now = fastify.clock.now();
        const at = now.toISOString();
        const id = await repos.benefits.insert(
          { policyId: policy.id, enterpriseId: enterprise.id, amountFen },
          { by: policy.departmentName, actorUserId: user.id, note: null, at },
        );
        if (id === null) throw new HttpError(409, 'BENEFIT_EXISTS', `${enterprise.name}已绑定该政策，无需重复绑定`, 'uscc');
        await repos.audit.record({ actorUserId: user.id, action: 'benefit.create', target: `benefit:${id}`, at });
        const warnings = eligibilityWarnings(policy.conditions, enterprise, toChinaDate(now));
        return { statusCode: 201, body: { ...(await repos.benefits.view(id))!, warnings } };
      });
      return reply.status(201).send(result.body);
    },
  );

  fastify.get(
    '/import-template',
    {
      config: { access: STAFF },
      schema: {
        tags: ['免申即享（部门）'],
        summary: '下载兑现名单导入模板（.xlsx）',
        description: `列依次为：${Object.values(BENEFIT_IMPORT_COLUMNS).join('、')}；含示例行与“说明”工作表。`,
        produces: [XLSX_TYPE],
      },
    },
    async (_request, reply) => reply.type(XLSX_TYPE).header('content-disposition', attachment('兑现名单导入模板.xlsx')).send(await benefitTemplate()),
  );

  fastify.post(
    '/import',
    {
      config: { access: STAFF },
      schema: {
        tags: ['免申即享（部门）'],
        summary: '从 .xlsx 或 .csv 批量绑定企业（全部通过才导入，重复导入不重复创建）',
        description:
          '以 multipart/form-data 上传，字段名 file。列：政策文号 或 政策名称、统一社会信用代码、企业名称、金额(元)。' +
          '任一行有误时返回 400 IMPORT_INVALID 及逐行报告，不导入任何一行。' +
          '导入成功时 warnings 列出企业档案不符合或无法判断政策条件的行，仅作提示，照常绑定。',
        consumes: ['multipart/form-data'],
        response: { 200: BenefitImportResult, 400: ImportRejected, ...errorResponses(401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      staffScope(user);
      const { status, report } = await importBenefits(fastify, request, user);
      if (status === 200) return reply.status(200).send(report);
      return reply.status(400).send({ error: { code: 'IMPORT_INVALID', message: `有${report.errors.length}处错误，未导入任何记录` }, report });
    },
  );

  const transition = (path: string, rule: TransitionRule, summary: string, body?: typeof BenefitPublicize | typeof BenefitPayment) =>
    fastify.post(
      `/:id/${path}`,
      {
        config: { access: STAFF, rateLimit: 'submit' },
        schema: {
          tags: ['免申即享（部门）'],
          summary,
          params: IdParams,
          headers: IdempotencyHeaders,
          ...(body ? { body } : {}),
          response: { 200: Benefit, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const user = request.user!;
        const input = (request.body ?? {}) as Partial<{ basis: string; dataUsed: string; amountYuan: number; paidAmountYuan: number; paidOn: string }>;
        const patch =
          path === 'publicize'
            ? { basis: input.basis!.trim(), dataUsed: input.dataUsed!.trim(), amountFen: toFen(input.amountYuan!, 'amountYuan'), objection: null }
            : path === 'pay'
              ? { paidAmountFen: toFen(input.paidAmountYuan!, 'paidAmountYuan'), paidOn: checkPaidOn(input.paidOn!, fastify.clock.now()) }
              : {};
        const result = await request.idempotent(async (repos) => {
          const ref = await staffBenefit(repos, user, (request.params as { id: number }).id);
          const by = await staffActorName(repos, user);
          const at = fastify.clock.now().toISOString();
          const note = path === 'pay' ? `兑现 ${(patch as { paidAmountFen: number }).paidAmountFen / 100} 元` : null;
          const body = await applyTransition(repos, ref.id, ref.status, rule, patch, { by, actorUserId: user.id, note, at });
          await repos.audit.record({ actorUserId: user.id, action: `benefit.${path}`, target: `benefit:${ref.id}`, at });
          return { statusCode: 200, body };
        });
        if (!request.idempotencyReplayed) notifyEnterprise(fastify, result.body);
        return result.body;
      },
    );

  transition('publicize', TRANSITIONS.publicize, '公示：向企业展示依据、所用数据和金额（异议后修改再公示也用此接口）', BenefitPublicize);
  transition('pay', TRANSITIONS.pay, '登记兑现（金额与日期）', BenefitPayment);
  transition('archive', TRANSITIONS.archive, '归档已兑现的记录');
};

/** A payment date must exist and not lie in the future (China date). */
function checkPaidOn(paidOn: string, now: Date): string {
  let date: string;
  try {
    date = toChinaDate(paidOn);
  } catch {
    throw new HttpError(400, 'VALIDATION', 'paidOn：日期不存在', 'paidOn');
  }
  if (date > toChinaDate(now)) throw new HttpError(400, 'VALIDATION', 'paidOn：兑现日期不能晚于今天', 'paidOn');
  return date;
}

export default adminBenefits;
