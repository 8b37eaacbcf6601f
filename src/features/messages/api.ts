import type { MessageComplexity, MessagePage, MessageThread } from '@contract/message';
import { request } from '@/lib/api/client';
import { PAGE_SIZE } from '@/features/policies/api';

export interface MessageSubject {
  policyId?: number;
  benefitId?: number;
}

export function startThread(subject: MessageSubject, body: string, idempotencyKey: string): Promise<MessageThread> {
  return request<MessageThread>('/api/v1/messages', { method: 'POST', body: { ...subject, body }, idempotencyKey, quiet: true });
}

export function fetchThread(id: number): Promise<MessageThread> {
  return request<MessageThread>(`/api/v1/messages/${id}`, { quiet: true });
}

export function addPost(id: number, body: string, complexity: MessageComplexity | undefined, idempotencyKey: string): Promise<MessageThread> {
  return request<MessageThread>(`/api/v1/messages/${id}/posts`, {
    method: 'POST',
    body: complexity ? { body, complexity } : { body },
    idempotencyKey,
    quiet: true,
  });
}

export function fetchMyMessages(page: number): Promise<MessagePage> {
  return request<MessagePage>('/api/v1/me/messages', { quiet: true, query: { page, pageSize: PAGE_SIZE } });
}

/** Staff inbox: the server sorts overdue first, then by deadline. */
export function fetchInbox(filter: { answered?: boolean }, page: number): Promise<MessagePage> {
  return request<MessagePage>('/api/v1/admin/messages', { quiet: true, query: { ...filter, page, pageSize: PAGE_SIZE } });
}
