import type { EnterprisePage } from '@contract/enterprise';
import type { KeyProjectList } from '@contract/project';
import type { NewVisit, RatedStages, VisitCreated, VisitList } from '@contract/satisfaction';
import { apiUrl, authHeader, request } from '@/lib/api/client';
import { downloadToTemp } from '@/lib/wx/file';

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

/**
 * The stages the enterprise has already rated: of the project, or (no project) of the visitor's
 * department's service. Whether, never how: a visit for one of them would be refused.
 */
export function fetchRatedStages(enterpriseId: number, projectId: number | null): Promise<RatedStages> {
  return request<RatedStages>('/api/v1/visits/rated-stages', { query: projectId === null ? { enterpriseId } : { enterpriseId, projectId }, quiet: true });
}

/** Image files of 小程序码 already fetched in this run of the app, by visit: reopening a code needs no network. */
const codeFiles = new Map<number, string>();

export function knownVisitCode(visitId: number): string | undefined {
  return codeFiles.get(visitId);
}

/**
 * The visit's 小程序码 as a local image file (WeChat only). Downloaded as a file rather than read as bytes:
 * the image goes to <Image> without passing a base64 copy through setData.
 * Rejects on any failure (offline, WeChat refused, session expired); the caller falls back to the plain QR.
 */
export async function fetchVisitCode(visitId: number, timeoutMs = 8000): Promise<string> {
  const known = codeFiles.get(visitId);
  if (known) return known;
  const result = await downloadToTemp({ url: apiUrl(`/api/v1/visits/${visitId}/code`), header: authHeader(), timeout: timeoutMs });
  if (result.statusCode !== 200 || !result.tempFilePath) throw new Error(`visit code: HTTP ${result.statusCode}`);
  codeFiles.set(visitId, result.tempFilePath);
  return result.tempFilePath;
}
