import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders, IdParams } from '../../../../types/common';
import {
  AdminPolicyList,
  AdminPolicyListQuery,
  ImportRejected,
  ImportReport,
  POLICY_IMPORT_COLUMNS,
  PolicyDetail,
  PolicyWrite,
  type PolicyStatus,
} from '../../../../types/policy';
import { HttpError } from '../../../lib/http-error';
import { readTable, readUpload, uploadLimits } from '../../../lib/import';
import { toChinaDate } from '../../../lib/working-days';
import { createRepositories, type Repositories } from '../../../repositories';
import { basisTitleKey, type PolicyFields } from '../../../repositories/policies';
import type { SessionUser } from '../../../repositories/sessions';
import { POLICY_NOT_FOUND } from '../../policies';
import { toAdminItem, toDetail } from '../../policies/views';
import { errorResponses } from '../../responses';
import { checkRows } from './import-rows';
import { assertManages, checkPolicyWrite, STATUS_LABELS } from './rules';
import { policyTemplate, XLSX_TYPE } from './template';

const STAFF: ['staff', 'admin'] = ['staff', 'admin'];
const MAX_IMPORT_ROWS = 2000;

/** The department a write goes to: staff write for their own; admins must say which. */
async function targetDepartment(repos: Repositories, user: SessionUser, requested: number | undefined): Promise<number> {
  const departmentId = requested ?? (user.role === 'staff' ? user.departmentId : null);
  if (departmentId === null || departmentId === undefined) throw new HttpError(400, 'VALIDATION', 'departmentId：请选择发文部门', 'departmentId');
  assertManages(user, departmentId);
  const known = (await repos.policies.departments()).some((d) => d.id === departmentId);
  if (!known) throw new HttpError(400, 'VALIDATION', 'departmentId：发文部门不存在', 'departmentId');
  return departmentId;
}

const statusError = (current: PolicyStatus, action: string) =>
  new HttpError(409, 'POLICY_STATUS', `该政策当前为“${STATUS_LABELS[current]}”，不能${action}`);

const adminPolicies: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(multipart, uploadLimits);
  const today = () => toChinaDate(fastify.clock.now());

  async function fieldsOf(repos: Repositories, user: SessionUser, body: PolicyWrite): Promise<PolicyFields> {
    const { tags, conditions } = checkPolicyWrite(body);
    const departmentId = await targetDepartment(repos, user, body.departmentId);
    const { departmentId: _requested, ...rest } = body;
    return { ...rest, title: body.title.trim(), departmentId, tags, conditions };
  }

  /** The policy, if this caller may manage it (others get 403, unknown ids 404). */
  async function managed(repos: Repositories, user: SessionUser, id: number) {
    const policy = await repos.policies.findById(id);
    if (!policy) throw POLICY_NOT_FOUND();
    assertManages(user, policy.department.id);
    return policy;
  }

  fastify.get(
    '',
    {
      config: { access: STAFF },
      schema: {
        tags: ['政策管理'],
        summary: '政策管理列表（含草稿与已撤回；部门工作人员仅本部门）',
        querystring: AdminPolicyListQuery,
        response: { 200: AdminPolicyList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const user = request.user!;
      const { q, status, department, page = 1, pageSize = 20 } = request.query;
      let departmentId = department;
      if (user.role !== 'admin') {
        if (user.departmentId === null || (department !== undefined && department !== user.departmentId)) {
          throw new HttpError(403, 'FORBIDDEN', '只能查看本部门的政策');
        }
        departmentId = user.departmentId;
      }
      const day = today();
      const { rows, total } = await fastify.repos.policies.adminList({ q, status, departmentId, limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map((r) => toAdminItem(r, day)), total };
    },
  );

  fastify.post(
    '',
    {
      config: { access: STAFF, rateLimit: 'submit' },
      schema: {
        tags: ['政策管理'],
        summary: '新建政策（草稿）',
        headers: IdempotencyHeaders,
        body: PolicyWrite,
        response: { 201: PolicyDetail, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const result = await request.idempotent(async (repos) => {
        const now = new Date().toISOString();
        const id = await repos.policies.insert(await fieldsOf(repos, user, request.body), now);
        await repos.audit.record({ actorUserId: user.id, action: 'policy.create', target: `policy:${id}`, at: now });
        const created = await repos.policies.findById(id);
        return { statusCode: 201, body: toDetail(created!, today()) };
      });
      fastify.policyEvents.emit('changed');
      return reply.status(201).send(result.body);
    },
  );

  fastify.get(
    '/import-template',
    {
      config: { access: STAFF },
      schema: {
        tags: ['政策管理'],
        summary: '下载政策导入模板（.xlsx）',
        description: `列依次为：${POLICY_IMPORT_COLUMNS.join('、')}；含示例行与“说明”工作表。`,
        produces: [XLSX_TYPE],
      },
    },
    async (_request, reply) => {
      const file = await policyTemplate();
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="policy-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('政策导入模板.xlsx')}`)
        .send(file);
    },
  );

  fastify.post(
    '/import',
    {
      config: { access: STAFF },
      schema: {
        tags: ['政策管理'],
        summary: '从 .xlsx 或 .csv 批量导入政策（草稿）',
        description:
          'multipart/form-data，字段 file，不超过 5 MB、2000 行，列同导入模板。逐行校验；任一行有误则整份不导入，返回 400 IMPORT_INVALID 及每个错误的行号、列名和原因。文号与政策名称都相同的视为已存在，计入 skipped。',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport, 400: ImportRejected, ...errorResponses(401, 403, 413) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const { filename, buffer } = await readUpload(request);
      const sheet = await readTable(buffer, filename, { columns: POLICY_IMPORT_COLUMNS, maxRows: MAX_IMPORT_ROWS });
      const checked = checkRows(sheet, { departments: await fastify.repos.policies.departments(), user });
      if (checked.errors.length > 0) {
        const rows = new Set(checked.errors.map((e) => e.row)).size;
        return reply.status(400).send({
          error: { code: 'IMPORT_INVALID', message: `共有${rows}行数据有误，整份文件未导入，请修改后重新上传` },
          report: { created: 0, skipped: 0, errors: checked.errors },
        });
      }
      const report = await fastify.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        const now = new Date().toISOString();
        // Taken first: a second import of the same file waits here, then sees these rows as present.
        await repos.policies.lockIndex();
        const existing = await repos.policies.existingBasisTitles(checked.rows.map((r) => r.fields.basisDoc));
        let created = 0;
        for (const { fields } of checked.rows) {
          if (existing.has(basisTitleKey(fields.basisDoc, fields.title))) continue;
          await repos.policies.insert(fields, now);
          created++;
        }
        if (created > 0) {
          await repos.audit.record({ actorUserId: user.id, action: 'policy.import', target: 'policy:import', detail: { created, rows: checked.rows.length }, at: now });
        }
        return { created, skipped: checked.rows.length - created, errors: [] };
      });
      if (report.created > 0) fastify.policyEvents.emit('changed');
      return reply.status(200).send(report);
    },
  );

  fastify.put(
    '/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['政策管理'],
        summary: '修改政策（草稿或已发布；已撤回的不能修改）',
        params: IdParams,
        body: PolicyWrite,
        response: { 200: PolicyDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = request.user!;
      const id = request.params.id;
      const updated = await fastify.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        const current = await managed(repos, user, id);
        if (current.status === 'withdrawn') throw statusError(current.status, '修改');
        const now = new Date().toISOString();
        await repos.policies.update(id, await fieldsOf(repos, user, request.body), now);
        await repos.audit.record({ actorUserId: user.id, action: 'policy.update', target: `policy:${id}`, at: now });
        return toDetail((await repos.policies.findById(id))!, today());
      });
      fastify.policyEvents.emit('changed');
      return updated;
    },
  );

  const transition = (path: string, from: PolicyStatus, to: PolicyStatus, action: string, summary: string) =>
    fastify.post(
      `/:id/${path}`,
      {
        config: { access: STAFF },
        schema: { tags: ['政策管理'], summary, params: IdParams, response: { 200: PolicyDetail, ...errorResponses(400, 401, 403, 404, 409) } },
      },
      async (request) => {
        const user = request.user!;
        const id = request.params.id;
        const policy = await fastify.db.transaction().execute(async (trx) => {
          const repos = createRepositories(trx);
          const current = await managed(repos, user, id);
          const now = new Date().toISOString();
          if (!(await repos.policies.transition(id, from, to, now))) throw statusError(current.status, action);
          await repos.audit.record({ actorUserId: user.id, action: `policy.${path}`, target: `policy:${id}`, at: now });
          return (await repos.policies.findById(id))!;
        });
        // After the commit, so listeners (subscribe messages) read the policy as published.
        fastify.policyEvents.emit('changed');
        if (to === 'published') fastify.policyEvents.emit('published', id);
        if (to === 'withdrawn') fastify.policyEvents.emit('withdrawn', id);
        return toDetail(policy, today());
      },
    );

  transition('publish', 'draft', 'published', '发布', '发布政策（草稿 → 已发布），并提醒订阅了新政策的相符企业');
  transition('withdraw', 'published', 'withdrawn', '撤回', '撤回政策（已发布 → 已撤回）');
};

export default adminPolicies;
