import type { FastifyInstance } from 'fastify';
import type { MessageComplexity } from '../../../types/message';
import { HttpError } from '../../lib/http-error';
import type { Repositories } from '../../repositories';
import type { ThreadRef } from '../../repositories/messages';
import type { SessionUser } from '../../repositories/sessions';

/** Working days staff have to reply: 1 for a simple question, 3 once staff mark it complex. */
export const REPLY_WORKING_DAYS: Record<MessageComplexity, number> = { simple: 1, complex: 3 };

export function replyDueAt(fastify: FastifyInstance, askedAt: string, complexity: MessageComplexity): string {
  return fastify.calendar.deadlineAt(askedAt, REPLY_WORKING_DAYS[complexity]);
}

/**
 * The thread if the caller may see it: the enterprise's own (others' are "not found" so ids reveal
 * nothing), staff of the addressed department, or an admin.
 */
export async function visibleThread(repos: Repositories, user: SessionUser, id: number): Promise<ThreadRef> {
  const ref = await repos.messages.findRef(id);
  const notFound = () => new HttpError(404, 'MESSAGE_NOT_FOUND', '未找到该留言');
  if (!ref) throw notFound();
  if (user.role === 'enterprise') {
    if (user.enterpriseId === null || user.enterpriseId !== ref.enterpriseId) throw notFound();
  } else if (user.role !== 'admin' && user.departmentId !== ref.departmentId) {
    throw new HttpError(403, 'FORBIDDEN', '只能查看和回复本部门收到的留言');
  }
  return ref;
}
