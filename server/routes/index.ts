import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';
import adminEnterprises from './admin/enterprises';
import auth from './auth';
import health from './health';
import me from './me';
import meEnterprise from './me/enterprise';
import mePhone from './me/phone';
import meta from './meta';

/** Every API route, mounted where its folder says. Add a resource here with its prefix. */
export default async function routes(fastify: FastifyInstance, opts: { config: AppConfig }) {
  const v1 = '/api/v1';
  await fastify.register(health, { prefix: `${v1}/health` });
  await fastify.register(meta, { prefix: `${v1}/meta`, config: opts.config });
  await fastify.register(auth, { prefix: `${v1}/auth`, config: opts.config });
  await fastify.register(me, { prefix: `${v1}/me` });
  await fastify.register(mePhone, { prefix: `${v1}/me/phone`, config: opts.config });
  await fastify.register(meEnterprise, { prefix: `${v1}/me/enterprise` });
  await fastify.register(adminEnterprises, { prefix: `${v1}/admin/enterprises` });
}
