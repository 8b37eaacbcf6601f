import type { Kysely } from 'kysely';
import type { EnterpriseProfileForMatch } from '../../types/policy-match';
import type { EnterpriseScale } from '../../types/enterprise';
import type { Database } from '../db/schema';
import './benefit-tables';

export type NotificationStatus = 'sent' | 'skipped' | 'refused' | 'failed';

export interface Subscriber {
  userId: number;
  openid: string;
  profile: EnterpriseProfileForMatch;
}

export function subscriptionsRepository(db: Kysely<Database>) {
  return {
    async addCredit(userId: number, templateId: string, now: string): Promise<void> {
      await db.insertInto('subscription_credits').values({ user_id: userId, template_id: templateId, created_at: now }).execute();
    },

    async credits(userId: number): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('subscription_credits')
        .select(['template_id', (eb) => eb.fn.countAll().as('n')])
        .where('user_id', '=', userId)
        .where('spent_at', 'is', null)
        .groupBy('template_id')
        .execute();
      return new Map(rows.map((r) => [r.template_id, Number(r.n)]));
    },

    /**
     * Spends the oldest unspent credit; its id, or null when the user holds none. The UPDATE re-checks
     * `spent_at is null`, so two concurrent sends cannot spend the same credit.
     */
    async spend(userId: number, templateId: string, now: string): Promise<number | null> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const credit = await db
          .selectFrom('subscription_credits')
          .select('id')
          .where('user_id', '=', userId)
          .where('template_id', '=', templateId)
          .where('spent_at', 'is', null)
          .orderBy('id')
          .executeTakeFirst();
        if (!credit) return null;
        const result = await db
          .updateTable('subscription_credits')
          .set({ spent_at: now })
          .where('id', '=', credit.id)
          .where('spent_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) return credit.id;
      }
      return null;
    },

    /** Gives a credit back when the send failed before WeChat used it (network, busy). */
    async refund(creditId: number): Promise<void> {
      await db.updateTable('subscription_credits').set({ spent_at: null }).where('id', '=', creditId).execute();
    },

    async openid(userId: number): Promise<string | null> {
      const row = await db.selectFrom('users').select('openid').where('id', '=', userId).executeTakeFirst();
      return row?.openid ?? null;
    },

    async record(n: { userId: number; templateKey: string; status: NotificationStatus; errcode?: number | null; page: string | null; at: string }) {
      await db
        .insertInto('notifications')
        .values({ user_id: n.userId, template_key: n.templateKey, status: n.status, errcode: n.errcode ?? null, page: n.page, at: n.at })
        .execute();
    },

    async notificationsOf(userId: number): Promise<{ templateKey: string; status: NotificationStatus; errcode: number | null }[]> {
      const rows = await db.selectFrom('notifications').select(['template_key', 'status', 'errcode']).where('user_id', '=', userId).orderBy('id').execute();
      return rows.map((r) => ({ templateKey: r.template_key, status: r.status as NotificationStatus, errcode: r.errcode }));
    },

    /** Bound enterprise users holding an unspent credit for the template, with their enterprise's profile. */
    async subscribers(templateId: string): Promise<Subscriber[]> {
      const rows = await db
        .selectFrom('users as u')
        .innerJoin('enterprises as e', 'e.id', 'u.enterprise_id')
        .select(['u.id', 'u.openid', 'e.industry', 'e.scale', 'e.district', 'e.qualifications', 'e.registered_on'])
        .where('u.role', '=', 'enterprise')
        .where('u.openid', 'is not', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('subscription_credits as c')
              .select('c.id')
              .whereRef('c.user_id', '=', 'u.id')
              .where('c.template_id', '=', templateId)
              .where('c.spent_at', 'is', null),
          ),
        )
        .orderBy('u.id')
        .execute();
      return rows.map((r) => ({
        userId: r.id,
        openid: r.openid as string,
        profile: {
          industry: r.industry || null,
          scale: r.scale as EnterpriseScale,
          district: r.district || null,
          qualifications: JSON.parse(r.qualifications) as string[],
          registeredOn: r.registered_on,
        },
      }));
    },
  };
}
