import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../types/common';
import { HttpError } from '../lib/http-error';
import { hashToken } from '../lib/secrets';
import type { SessionUser } from '../repositories/sessions';

/** Who may call a route: anyone, any logged-in user, or the listed roles. */
export type Access = 'public' | 'authenticated' | Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The caller, set for routes that are not public. */
    user: SessionUser | null;
    /** Hash of the bearer token, kept so logout can revoke exactly this session. */
    tokenHash: string | null;
  }
}

/** Routes under this prefix must state `config.access`; docs are public by nature. */
const API_PREFIX = '/api';
const DOCS_PREFIX = '/api/docs';

function describeAccess(access: Access): string {
  if (access === 'public') return '公开';
  if (access === 'authenticated') return '已登录用户';
  return access.join(', ');
}
export { describeAccess };

/**
 * Makes a route that forgets to say who may call it fail at startup, not in production.
 * Registered before any route so it sees all of them.
 */
export const accessGuard = fp(
  async function accessGuard(fastify: FastifyInstance) {
    fastify.addHook('onRoute', (route: RouteOptions) => {
      if (!route.url.startsWith(API_PREFIX)) return;
      const config = (route.config ?? {}) as { access?: Access };
      if (config.access !== undefined) {
        if (Array.isArray(config.access) && config.access.length === 0) {
          throw new Error(`路由 ${route.method} ${route.url} 的 config.access 不能是空数组`);
        }
        return;
      }
      if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) {
        route.config = { ...config, access: 'public' };
        return;
      }
      throw new Error(`路由 ${String(route.method)} ${route.url} 缺少 config.access（请声明 'public'、'authenticated' 或角色数组）`);
    });
  },
  { name: 'access-guard' },
);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(header.trim());
  return match ? match[1] : null;
}

async function authPlugin(fastify: FastifyInstance) {
  fastify.decorateRequest('user', null);
  fastify.decorateRequest('tokenHash', null);

  // onRequest, before the body is parsed: strangers are turned away before we read what they sent.
  fastify.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const token = bearerToken(request);
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录');
    const tokenHash = hashToken(token);
    const user = await fastify.repos.sessions.findUser(tokenHash, new Date().toISOString());
    if (!user) throw new HttpError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    if (access !== 'authenticated' && !access.includes(user.role)) throw new HttpError(403, 'FORBIDDEN', '无权访问');
    request.user = user;
    request.tokenHash = tokenHash;
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['db'] });
