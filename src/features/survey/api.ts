import type { NewRating, RatingCreated, VisitPrefill } from '@contract/satisfaction';
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
