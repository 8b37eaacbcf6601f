import type { EnterprisePage } from '@contract/enterprise';
import type { KeyProjectList } from '@contract/project';
import type { NewVisit, VisitCreated, VisitList } from '@contract/satisfaction';
import { request } from '@/lib/api/client';

export function searchEnterprises(q: string): Promise<EnterprisePage> {
  return request<EnterprisePage>('/api/v1/admin/enterprises', { query: { q, page: 1, pageSize: 10 }, quiet: true });
}

export function createVisit(body: NewVisit, idempotencyKey: string): Promise<VisitCreated> {
  return request<VisitCreated>('/api/v1/visits', { method: 'POST', body, idempotencyKey, quiet: true });
}

export function fetchMyVisits(page: number): Promise<VisitList> {
  return request<VisitList>('/api/v1/visits', { query: { page, pageSize: 20 }, quiet: true });
}

/** The enterprise's key projects with their departments and stages, to choose what the visit rates. */
export function fetchProjects(enterpriseId: number): Promise<KeyProjectList> {
  return request<KeyProjectList>('/api/v1/projects', { query: { enterpriseId }, quiet: true });
}
