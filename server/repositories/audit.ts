import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export function auditRepository(db: Kysely<Database>) {
  return {
    /** `detail` must hold no personal data (no phone, openid, address): it is read by staff. */
    async record(entry: { actorUserId: number | null; action: string; target: string; detail?: Record<string, unknown>; at: string }) {
      await db
        .insertInto('audit_log')
        .values({
          actor_user_id: entry.actorUserId,
          action: entry.action,
          target: entry.target,
          detail: entry.detail ? JSON.stringify(entry.detail) : null,
          at: entry.at,
        })
        .execute();
    },
  };
}
