import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Health } from '../../../types/auth';
import { HttpError } from '../../lib/http-error';
import { errorResponses } from '../responses';

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      config: { access: 'public' },
      schema: { tags: ['系统'], summary: '健康检查（含数据库连通性）', response: { 200: Health, ...errorResponses(503) } },
    },
    async () => {
      try {
        await sql`select 1`.execute(fastify.db);
      } catch (err) {
        fastify.log.error({ err }, 'database unreachable');
        throw new HttpError(503, 'DB_UNAVAILABLE', '数据库暂时不可用，请稍后再试');
      }
      return { status: 'ok' as const, db: fastify.dialect };
    },
  );
};
export default health;
