import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../lib/http-error';
import { hashToken } from '../../lib/secrets';
import type { SessionUser } from '../../repositories/sessions';

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i;

/**
 * The caller of a public route, if they sent a token. Public routes skip the auth hook, yet some
 * answer more to a known caller (drafts for their department, 仅看我可享). A token that is sent but
 * no longer valid is an error rather than silently anonymous, so the app knows to log in again.
 */
export async function optionalCaller(fastify: FastifyInstance, request: FastifyRequest): Promise<SessionUser | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = BEARER.exec(header.trim());
  if (!match) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录');
  const user = await fastify.repos.sessions.findUser(hashToken(match[1]), new Date().toISOString());
  if (!user) throw new HttpError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
  return user;
}
