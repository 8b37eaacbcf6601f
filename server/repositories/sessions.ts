import type { Kysely } from 'kysely';
import type { Role } from '../../types/common';
import { prepared } from '../db/prepared';
import type { Database } from '../db/schema';

export interface SessionUser {
  id: number;
  role: Role;
  departmentId: number | null;
  enterpriseId: number | null;
}

// Every authenticated request runs this one.
const liveSessionUser = prepared((db, p: { tokenHash: string; now: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.role', 'users.department_id', 'users.enterprise_id'])
    .where('sessions.token_hash', '=', p.tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', p.now),
);

export function sessionsRepository(db: Kysely<Database>) {
  return {
    async create(tokenHash: string, userId: number, now: string, expiresAt: string): Promise<void> {
      await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt }).execute();
    },

    /** The user behind a live (unexpired, unrevoked) session, read fresh so role changes apply at once. */
    async findUser(tokenHash: string, now: string): Promise<SessionUser | undefined> {
      const row = await liveSessionUser.first(db, { tokenHash, now });
      return row && { id: row.id, role: row.role, departmentId: row.department_id, enterpriseId: row.enterprise_id };
    },

    async revoke(tokenHash: string, now: string): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
    },
  };
}
