import type { DepartmentRatingStatus, NewRating, RatingCreated, RatingStatus, RatingTarget, VisitPrefill } from '@contract/satisfaction';
import { request } from '@/lib/api/client';
import { readStorage, writeStorage } from '@/lib/wx/storage';

export const RATING_LABEL = '服务评价';

const visitCacheKey = (scene: string) => `yst.visit.${scene}`;

/**
 * The visit behind a QR code. Kept in storage once loaded, so a survey opened with signal can be
 * reopened and filled on a factory floor without it.
 */
export async function fetchVisit(scene: string): Promise<VisitPrefill> {
  const visit = await request<VisitPrefill>(`/api/v1/visits/${encodeURIComponent(scene)}`, { quiet: true });
  writeStorage(visitCacheKey(scene), visit);
  return visit;
}

export function cachedVisit(scene: string): VisitPrefill | null {
  return readStorage<VisitPrefill>(visitCacheKey(scene));
}

/** Sent with its Idempotency-Key; with no network it waits in the offline queue (QUEUED_OFFLINE). */
export function submitRating(body: NewRating, idempotencyKey: string): Promise<RatingCreated> {
  return request<RatingCreated>('/api/v1/ratings', { method: 'POST', body, idempotencyKey, quiet: true, queueOffline: RATING_LABEL });
}

function statusQuery(target: RatingTarget): Record<string, string | number> {
  if (target.kind === 'delivery') return { deliveryId: target.deliveryId };
  if (target.kind === 'project') return { projectId: target.projectId, stage: target.stage };
  return target.stage ? { departmentId: target.departmentId, stage: target.stage } : { departmentId: target.departmentId };
}

/** Asked before the form is shown: what the thing is called, and whether the enterprise already rated it at this stage. */
export function fetchRatingStatus(target: RatingTarget): Promise<RatingStatus> {
  return request<RatingStatus>('/api/v1/ratings/status', { query: statusQuery(target), quiet: true });
}

/** The departments this enterprise has already rated at the stage (the hub's quarter). */
export function fetchDepartmentStatus(stage: string): Promise<DepartmentRatingStatus> {
  return request<DepartmentRatingStatus>('/api/v1/ratings/department-status', { query: { stage }, quiet: true });
}
