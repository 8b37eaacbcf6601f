import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { describeAccess, type Access } from './auth';

/**
 * OpenAPI 3 at /api/docs/json and a browsable UI at /api/docs. Each operation carries who may
 * call it, both as `x-access` and in its description, so the contract states the roles.
 */
async function docsPlugin(fastify: FastifyInstance) {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '营商通 API', description: '营商通小程序与 H5 的后端接口。错误统一为 { error: { code, message, field? } }。', version: '1.0.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform({ schema, url, route }) {
      const access = (route.config as { access?: Access } | undefined)?.access;
      if (!schema || access === undefined) return { schema, url };
      const who = `调用权限：${describeAccess(access)}`;
      return {
        url,
        schema: {
          ...schema,
          description: schema.description ? `${schema.description}\n\n${who}` : who,
          'x-access': access,
          ...(access === 'public' ? {} : { security: [{ bearer: [] }] }),
        },
      };
    },
  });
  await fastify.register(swaggerUi, { routePrefix: '/api/docs' });
}

export default fp(docsPlugin, { name: 'docs' });
