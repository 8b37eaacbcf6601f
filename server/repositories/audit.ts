import type { Kysely } from 'kysely';
import { prepared } from '../db/prepared';
import type { Database } from '../db/schema';

// Submissions record themselves here: compiled once (server/db/prepared.ts).
const insertEntry = prepared((db, p: { actorUserId: number | null; action: string; target: string; detail: string | null; at: string }) =>
  db.insertInto('audit_log').values({ actor_user_id: p.actorUserId, action: p.action, target: p.target, detail: p.detail, at: p.at }),
);

export function auditRepository(db: Kysely<Database>) {
  return {
    /** `detail` must hold no personal data (no phone, openid, address): it is read by staff. */
    async record(entry: { actorUserId: number | null; action: string; target: string; detail?: Record<string, unknown>; at: string }) {
      await insertEntry.affected(db, { actorUserId: entry.actorUserId, action: entry.action, target: entry.target, detail: entry.detail ? JSON.stringify(entry.detail) : null, at: entry.at });
    },
  };
}
