import type { Kysely } from 'kysely';
import type { User } from '../../types/auth';
import type { Role } from '../../types/common';
import type { Database, NewUserRow, UserRow } from '../db/schema';

export function usersRepository(db: Kysely<Database>) {
  /** The profile and the id of the bound enterprise, in one read (GET /me pays a round trip per query on PostgreSQL). */
  async function profileWithEnterprise(id: number): Promise<{ user: User; enterpriseId: number | null } | undefined> {
    const row = await db
      .selectFrom('users')
      .leftJoin('departments', 'departments.id', 'users.department_id')
      .select([
        'users.id',
        'users.role',
        'users.display_name',
        'users.phone_masked',
        'users.enterprise_id',
        'departments.id as department_id',
        'departments.name as department_name',
      ])
      .where('users.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const user: User = {
      id: row.id,
      role: row.role as Role,
      displayName: row.display_name,
      department: row.department_id !== null && row.department_name !== null ? { id: row.department_id, name: row.department_name } : null,
      phoneMasked: row.phone_masked,
    };
    return { user, enterpriseId: row.enterprise_id };
  }

  return {
    findById(id: number): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The sealed phone number of the user who gave a rating (for the callback its ticket requires). */
    async raterPhone(ratingId: number): Promise<string | null> {
      const row = await db
        .selectFrom('ratings')
        .innerJoin('users', 'users.id', 'ratings.user_id')
        .select('users.phone_enc')
        .where('ratings.id', '=', ratingId)
        .executeTakeFirst();
      return row?.phone_enc ?? null;
    },

    findByUsername(username: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    },

    /** First WeChat login creates the user; concurrent first logins converge on one row. */
    async findOrCreateByOpenid(openid: string, now: string): Promise<UserRow> {
      await db
        .insertInto('users')
        .values({ openid, role: 'enterprise', display_name: '微信用户', created_at: now })
        .onConflict((oc) => oc.column('openid').doNothing())
        .execute();
      return db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow();
    },

    async insert(row: NewUserRow): Promise<number> {
      const { id } = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    /** Counts a failed password atomically; returns the new count. */
    async addFailedLogin(id: number): Promise<number> {
      const row = await db
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      return row.failed_logins;
    },

    async lock(id: number, until: string): Promise<void> {
      await db.updateTable('users').set({ locked_until: until, failed_logins: 0 }).where('id', '=', id).execute();
    },

    async clearFailedLogins(id: number): Promise<void> {
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    },

    async setPhone(id: number, phoneEnc: string, phoneMasked: string): Promise<void> {
      await db.updateTable('users').set({ phone_enc: phoneEnc, phone_masked: phoneMasked }).where('id', '=', id).execute();
    },

    async setEnterprise(id: number, enterpriseId: number | null): Promise<void> {
      await db.updateTable('users').set({ enterprise_id: enterpriseId }).where('id', '=', id).execute();
    },

    /** The user as the API shows it: department by name, phone masked. */
    async profile(id: number): Promise<User | undefined> {
      return (await profileWithEnterprise(id))?.user;
    },

    profileWithEnterprise,
  };
}
