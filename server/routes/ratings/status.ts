import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DepartmentRatingStatus,
  DepartmentRatingStatusQuery,
  RatingStatus,
  RatingStatusQuery,
  type RatingStatus as RatingStatusBody,
  type RatingTarget,
} from '../../../types/satisfaction';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import type { Repositories } from '../../repositories';
import { errorResponses } from '../responses';
import { resolveTarget, type ResolvedTarget } from './resolve-target';

const TAGS = ['满意度评价'];

/** The one target the query names; a query naming none or several is refused with the field to fix. */
export function targetFromQuery(q: RatingStatusQuery): RatingTarget {
  const named = [q.projectId, q.departmentId, q.deliveryId].filter((id) => id !== undefined).length;
  if (named !== 1) throw new HttpError(400, 'VALIDATION', '请指定一个评价对象：项目、部门或递送记录之一', 'projectId');
  if (q.projectId !== undefined) {
    if (q.stage === undefined) throw new HttpError(400, 'VALIDATION', '评价项目需指定阶段', 'stage');
    return { kind: 'project', projectId: q.projectId, stage: q.stage };
  }
  if (q.departmentId !== undefined) return q.stage === undefined ? { kind: 'department', departmentId: q.departmentId } : { kind: 'department', departmentId: q.departmentId, stage: q.stage };
  return { kind: 'delivery', deliveryId: q.deliveryId! };
}

function normalised(t: ResolvedTarget): RatingTarget {
  if (t.kind === 'project') return { kind: 'project', projectId: t.targetId, stage: t.stage };
  if (t.kind === 'department') return t.stage ? { kind: 'department', departmentId: t.targetId, stage: t.stage } : { kind: 'department', departmentId: t.targetId };
  return { kind: 'delivery', deliveryId: t.targetId };
}

async function describe(repos: Repositories, t: ResolvedTarget): Promise<Pick<RatingStatusBody, 'title' | 'delivery'>> {
  if (t.kind === 'project') return { title: (await repos.ratings.findProject(t.targetId))?.name ?? '', delivery: null };
  if (t.kind === 'department') return { title: (await repos.ratings.findDepartment(t.targetId))?.name ?? '', delivery: null };
  const booking = await repos.ratings.deliveryBooking(t.targetId);
  const items = booking ? (JSON.parse(booking.items) as { kind: string; description?: string }[]) : [];
  return {
    title: '证照递送服务',
    delivery: booking ? { date: booking.date, items: items.map((i) => (i.description ? { kind: i.kind, description: i.description } : { kind: i.kind })) } : null,
  };
}

/**
 * What an enterprise asks before it fills in a survey: is this thing at this stage already rated (by
 * anyone of the enterprise), and what is it called. Only ever about the caller's own enterprise.
 */
const ratingStatus: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  const enterpriseOf = (enterpriseId: number | null): number => {
    if (enterpriseId === null) throw new HttpError(403, 'ENTERPRISE_NOT_BOUND', '请先绑定企业后再评价');
    return enterpriseId;
  };

  fastify.get(
    '/status',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: TAGS,
        summary: '本企业是否已评价过该事项的这一阶段（填写问卷前查询），及其名称',
        querystring: RatingStatusQuery,
        response: { 200: RatingStatus, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(request.user!.enterpriseId);
      const repos = fastify.repos;
      const target = await resolveTarget(repos, targetFromQuery(request.query), enterpriseId, opts.config);
      const department = await repos.ratings.findDepartment(target.departmentId);
      const ratedAt = await repos.ratings.ratedAt({ enterpriseId, kind: target.kind, targetId: target.targetId, stage: target.stage });
      return {
        target: normalised(target),
        ...(await describe(repos, target)),
        department: { id: target.departmentId, name: department?.name ?? '' },
        stage: target.stage,
        ratedAt,
      };
    },
  );

  fastify.get(
    '/department-status',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: TAGS,
        summary: '本企业在某一阶段（如本季度）已评价过的部门',
        querystring: DepartmentRatingStatusQuery,
        response: { 200: DepartmentRatingStatus, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(request.user!.enterpriseId);
      const stage = request.query.stage.trim();
      return { stage, items: await fastify.repos.ratings.ratedDepartments(enterpriseId, stage) };
    },
  );
};
export default ratingStatus;
