import type { AdminPolicyItem, AdminPolicyList, PolicyDetail, PolicyStatus, PolicyWrite } from '@contract/policy';
import { request } from '@/lib/api/client';
import { PAGE_SIZE } from '../api';

export type { AdminPolicyItem };

export function fetchAdminPolicies(filter: { q?: string; status?: PolicyStatus }, page: number): Promise<AdminPolicyList> {
  return request<AdminPolicyList>('/api/v1/admin/policies', {
    quiet: true,
    query: { q: filter.q || undefined, status: filter.status, page, pageSize: PAGE_SIZE },
  });
}

export function createPolicy(body: PolicyWrite, idempotencyKey: string): Promise<PolicyDetail> {
  return request<PolicyDetail>('/api/v1/admin/policies', { method: 'POST', body, idempotencyKey, quiet: true });
}

export function updatePolicy(id: number, body: PolicyWrite): Promise<PolicyDetail> {
  return request<PolicyDetail>(`/api/v1/admin/policies/${id}`, { method: 'PUT', body, quiet: true });
}

export function changePolicyStatus(id: number, action: 'publish' | 'withdraw'): Promise<PolicyDetail> {
  return request<PolicyDetail>(`/api/v1/admin/policies/${id}/${action}`, { method: 'POST', body: {}, quiet: true });
}
