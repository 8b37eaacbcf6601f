import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../../types/common';
import { NewRating, PHOTO_MAX_BYTES, RatingCreated, TICKET_THRESHOLD, type NewRating as NewRatingBody } from '../../../types/satisfaction';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import { quarterOf } from '../../repositories/stats-period';
import { errorResponses } from '../responses';
import { resolveTarget } from './resolve-target';
import ratingStatus from './status';

function decodedBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

function checkPhotos(body: NewRatingBody): string[] {
  const photos = body.problem?.photos ?? [];
  photos.forEach((p, i) => {
    if (decodedBytes(p) > PHOTO_MAX_BYTES) throw new HttpError(400, 'VALIDATION', '每张图片不能超过 300 KB，请压缩后重试', `problem.photos.${i}`);
  });
  return photos;
}

const ratings: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (fastify, opts) => {
  const { config } = opts;
  await fastify.register(ratingStatus, { config });

  fastify.post(
    '',
    {
      config: { access: ['enterprise'], rateLimit: 'submit' },
      // Three 300 KB photos as base64 plus the text.
      bodyLimit: 1_600_000,
      schema: {
        tags: ['满意度评价'],
        summary: '企业评价项目、部门或递送服务（整体满意度 ≤ 2 自动生成整改工单）',
        headers: IdempotencyHeaders,
        body: NewRating,
        response: { 201: RatingCreated, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      // Only a user bound to the enterprise rates for it: nobody rates on its behalf.
      const enterpriseId = user.enterpriseId;
      if (enterpriseId === null) throw new HttpError(403, 'ENTERPRISE_NOT_BOUND', '请先绑定企业后再评价');
      const body = request.body;
      const photos = checkPhotos(body);
      const now = fastify.clock.now().toISOString();

      const result = await request.idempotent(async (repos) => {
        const target = await resolveTarget(repos, body.target, enterpriseId, config);
        if (body.visitId !== undefined) {
          const visit = await repos.visits.findById(body.visitId);
          if (!visit || visit.enterprise_id !== enterpriseId) throw new HttpError(404, 'NOT_FOUND', '未找到该走访记录', 'visitId');
        }
        const quarter = quarterOf(now);
        const ratingId = await repos.ratings.insert({
          enterprise_id: enterpriseId,
          user_id: user.id,
          target_kind: target.kind,
          target_id: target.targetId,
          stage: target.stage,
          department_id: target.departmentId,
          project_id: target.projectId,
          quarter,
          ...body.scores,
          comment: body.comment?.trim() ?? '',
          problem_category: body.problem?.category.trim() ?? null,
          problem_description: body.problem?.description.trim() ?? null,
          photo_count: photos.length,
          visit_id: body.visitId ?? null,
          created_at: now,
        });
        if (ratingId === null) throw new HttpError(409, 'ALREADY_RATED', '您已评价过该事项的这一阶段，感谢您的反馈');
        await repos.ratings.addPhotos(ratingId, photos);
        await repos.ratings.bumpStats({ departmentId: target.departmentId, projectId: target.projectId, quarter }, body.scores, 1);
        if (target.kind === 'delivery') await repos.deliveries.markRated(target.targetId, now);
        if (body.visitId !== undefined) await repos.visits.markRated(body.visitId, ratingId, now);

        let ticketId: number | null = null;
        if (body.scores.overall <= TICKET_THRESHOLD) {
          ticketId = await repos.tickets.insert({
            rating_id: ratingId,
            department_id: target.departmentId,
            enterprise_id: enterpriseId,
            project_id: target.projectId,
            quarter,
            status: 'open',
            deadline_at: fastify.calendar.deadlineAt(now, config.rectifyWorkingDays),
            callback_due_at: fastify.calendar.deadlineAt(now, 1),
            created_at: now,
            updated_at: now,
          });
          await repos.tickets.addEvent({ ticketId, action: 'created', at: now, byName: '系统', actorUserId: null, note: `整体满意度 ${body.scores.overall} 分，自动生成整改工单` });
        }
        return { statusCode: 201, body: { id: ratingId, ticketId } };
      });
      return reply.status(201).send(result.body);
    },
  );
};
export default ratings;
