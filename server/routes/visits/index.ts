import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdempotencyHeaders } from '../../../types/common';
import {
  NewVisit,
  RatedStages,
  RatedStagesQuery,
  VisitCodeImage,
  VisitCodeParams,
  VisitCreated,
  VisitList,
  VisitListQuery,
  VisitPrefill,
  type RatingTarget,
  type VisitSummary,
} from '../../../types/satisfaction';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import type { VisitRow } from '../../repositories/visits';
import { errorResponses } from '../responses';
import { createVisitCodeCache, maySeeVisitCode, visitCodeFailure } from './code';

const TAGS = ['走访评价'];
const SCENE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const SCENE_LENGTH = 16;

/** 16 characters from a 56-letter alphabet (~93 bits): unguessable, and within WeChat's 32-character scene limit. */
function newScene(): string {
  const bytes = randomBytes(SCENE_LENGTH);
  let out = '';
  for (const b of bytes) out += SCENE_ALPHABET[b % SCENE_ALPHABET.length];
  return out;
}

export function visitLinks(scene: string): { miniProgramPath: string; h5Url: string } {
  return { miniProgramPath: `pages/survey/index?scene=${scene}`, h5Url: `/#/pages/survey/index?scene=${scene}` };
}

function targetOf(v: VisitRow): RatingTarget {
  return v.project_id !== null
    ? { kind: 'project', projectId: v.project_id, stage: v.stage }
    : { kind: 'department', departmentId: v.department_id, stage: v.stage };
}

/** What the visitor may see: whether and when it was rated, never the scores or the comment. */
function toSummary(v: VisitRow): VisitSummary {
  return {
    id: v.id,
    scene: v.scene,
    ...visitLinks(v.scene),
    enterprise: { id: v.enterprise_id, name: v.enterprise_name },
    project: v.project_id !== null ? { id: v.project_id, name: v.project_name ?? '' } : null,
    department: { id: v.department_id, name: v.department_name },
    stage: v.stage,
    createdAt: v.created_at,
    // A visit whose stage was rated another way (before it, or offline while it waited) is done, not pending.
    ratedAt: v.rated_at ?? v.stage_rated_at,
    ratedElsewhere: v.rated_at === null && v.stage_rating_id !== null,
  };
}

/** The department a visit without a project rates: the one named, else the visitor's own. */
function visitDepartment(named: number | undefined, own: number | null): number {
  const departmentId = named ?? own;
  if (departmentId === null) throw new HttpError(400, 'VALIDATION', '请选择被评价的项目或部门', 'departmentId');
  return departmentId;
}

const visits: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  const codes = createVisitCodeCache(fastify.wechat, opts.config.wechatCode);

  fastify.post(
    '',
    {
      config: { access: ['visitor', 'staff', 'admin'], rateLimit: 'submit' },
      schema: {
        tags: TAGS,
        summary: '发起走访：生成企业扫码评价的小程序路径和 H5 链接',
        headers: IdempotencyHeaders,
        body: NewVisit,
        response: { 201: VisitCreated, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { enterpriseId, projectId, stage } = request.body;
      const user = request.user!;
      const now = fastify.clock.now().toISOString();
      const result = await request.idempotent(async (repos) => {
        const enterprise = await repos.enterprises.findById(enterpriseId);
        if (!enterprise) throw new HttpError(404, 'NOT_FOUND', '未找到该企业', 'enterpriseId');
        let departmentId = request.body.departmentId ?? user.departmentId;
        if (projectId !== undefined) {
          const project = await repos.ratings.findProject(projectId);
          if (!project || project.enterprise_id !== enterpriseId) throw new HttpError(404, 'NOT_FOUND', '未找到该企业的这个项目', 'projectId');
          const stages = JSON.parse(project.stages) as string[];
          if (stages.length > 0 && !stages.includes(stage.trim())) throw new HttpError(400, 'VALIDATION', `阶段应为 ${stages.join('、')} 之一`, 'stage');
          departmentId = project.department_id;
        }
        if (departmentId === null || departmentId === undefined) throw new HttpError(400, 'VALIDATION', '请选择被评价的项目或部门', 'departmentId');
        if (!(await repos.ratings.findDepartment(departmentId))) throw new HttpError(404, 'NOT_FOUND', '未找到该部门', 'departmentId');
        // A code the owner can only be refused at: the enterprise rates each thing once per stage.
        const kind = projectId !== undefined ? 'project' : 'department';
        const rated = await repos.ratings.ratedAt({ enterpriseId, kind, targetId: projectId ?? departmentId, stage: stage.trim() });
        if (rated !== null) {
          const what = projectId !== undefined ? '该项目' : '该部门服务';
          throw new HttpError(409, 'ALREADY_RATED', `该企业已评价过${what}的“${stage.trim()}”阶段，请选择其他阶段`, 'stage');
        }
        for (;;) {
          const scene = newScene();
          const id = await repos.visits.insert({ scene, visitorUserId: user.id, enterpriseId, projectId: projectId ?? null, departmentId, stage: stage.trim(), now });
          if (id !== null) return { statusCode: 201, body: { id, scene, ...visitLinks(scene) } };
        }
      });
      return reply.status(201).send(result.body);
    },
  );

  fastify.get(
    '',
    {
      config: { access: ['visitor', 'staff', 'admin'] },
      schema: { tags: TAGS, summary: '我发起的走访（只显示是否已评价及时间，不显示评分）', querystring: VisitListQuery, response: { 200: VisitList, ...errorResponses(400, 401, 403) } },
    },
    async (request) => {
      const { rows, total } = await fastify.repos.visits.listByVisitor(request.user!.id, request.query.page, request.query.pageSize);
      return { items: rows.map(toSummary), total };
    },
  );

  fastify.get(
    '/rated-stages',
    {
      config: { access: ['visitor', 'staff', 'admin'] },
      schema: {
        tags: TAGS,
        summary: '企业已评价过的阶段（项目或部门服务）：发起走访时避开这些阶段；只说是否评价过，不含评分和评价人',
        querystring: RatedStagesQuery,
        response: { 200: RatedStages, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { enterpriseId, projectId, departmentId } = request.query;
      const repos = fastify.repos;
      if (!(await repos.enterprises.findById(enterpriseId))) throw new HttpError(404, 'NOT_FOUND', '未找到该企业', 'enterpriseId');
      if (projectId !== undefined) {
        const project = await repos.ratings.findProject(projectId);
        if (!project || project.enterprise_id !== enterpriseId) throw new HttpError(404, 'NOT_FOUND', '未找到该企业的这个项目', 'projectId');
        return { stages: await repos.ratings.ratedStages(enterpriseId, 'project', projectId) };
      }
      const department = visitDepartment(departmentId, request.user!.departmentId);
      if (!(await repos.ratings.findDepartment(department))) throw new HttpError(404, 'NOT_FOUND', '未找到该部门', 'departmentId');
      return { stages: await repos.ratings.ratedStages(enterpriseId, 'department', department) };
    },
  );

  fastify.get(
    '/:id/code',
    {
      config: { access: ['visitor', 'staff', 'admin'] },
      schema: {
        tags: TAGS,
        summary: '走访的小程序码图片：企业用微信扫一扫即可打开评价页（仅发起人、被评价部门和管理员）',
        params: VisitCodeParams,
        produces: ['image/png', 'image/jpeg'],
        response: { 200: VisitCodeImage, ...errorResponses(400, 401, 403, 404, 502) },
      },
    },
    async (request, reply) => {
      const visit = await fastify.repos.visits.findById(request.params.id);
      // Another department's visit is answered like a missing one.
      if (!visit || !maySeeVisitCode(request.user!, visit)) throw new HttpError(404, 'NOT_FOUND', '未找到该走访');
      let image;
      try {
        image = await codes.get(visit.scene);
      } catch (err) {
        throw visitCodeFailure(err, request.log);
      }
      // The code of a visit never changes; only the signed-in staff may keep it.
      return reply.type(image.contentType).header('cache-control', 'private, max-age=86400').send(image.bytes);
    },
  );

  fastify.get(
    '/:scene',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: TAGS,
        summary: '企业扫码后读取走访预填信息（仅限被走访企业）',
        params: Type.Object({ scene: Type.String({ pattern: '^[A-Za-z0-9]{1,32}$' }) }),
        response: { 200: VisitPrefill, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const visit = await fastify.repos.visits.findByScene(request.params.scene);
      // Another enterprise's visit is answered like a missing one.
      if (!visit || visit.enterprise_id !== request.user!.enterpriseId) throw new HttpError(404, 'NOT_FOUND', '未找到该走访，请确认扫描的是本企业的评价码');
      return {
        id: visit.id,
        enterprise: { id: visit.enterprise_id, name: visit.enterprise_name },
        project: visit.project_id !== null ? { id: visit.project_id, name: visit.project_name ?? '' } : null,
        department: { id: visit.department_id, name: visit.department_name },
        stage: visit.stage,
        target: targetOf(visit),
        ratedAt: visit.rated_at,
        alreadyRatedAt: visit.stage_rated_at,
      };
    },
  );
};
export default visits;
