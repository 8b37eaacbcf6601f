import type { Kysely } from 'kysely';
import type { ReminderItem } from '../../types/satisfaction';
import type { Database } from '../db/schema';
import './benefit-tables';
import './rating-tables';

export interface ReminderLetterRow {
  id: number;
  department_id: number;
  department_name: string;
  period: string;
  items: string;
  ticket_count: number;
  message_count: number;
  created_at: string;
}

export function remindersRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('reminder_letters')
      .innerJoin('departments', 'departments.id', 'reminder_letters.department_id')
      .selectAll('reminder_letters')
      .select('departments.name as department_name');

  return {
    /** null when this department already has a letter for this day (a re-run of the job). */
    async insert(row: { departmentId: number; period: string; items: ReminderItem[]; now: string }): Promise<number | null> {
      const inserted = await db
        .insertInto('reminder_letters')
        .values({
          department_id: row.departmentId,
          period: row.period,
          items: JSON.stringify(row.items),
          ticket_count: row.items.filter((i) => i.kind === 'ticket').length,
          message_count: row.items.filter((i) => i.kind === 'message').length,
          created_at: row.now,
        })
        .onConflict((oc) => oc.columns(['department_id', 'period']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id ?? null;
    },

    find(id: number): Promise<ReminderLetterRow | undefined> {
      return base().where('reminder_letters.id', '=', id).executeTakeFirst();
    },

    async list(f: { departmentId?: number }, page: number, pageSize: number): Promise<{ rows: ReminderLetterRow[]; total: number }> {
      let count = db.selectFrom('reminder_letters').select((eb) => eb.fn.countAll().as('total'));
      let rows = base();
      if (f.departmentId !== undefined) {
        count = count.where('department_id', '=', f.departmentId);
        rows = rows.where('reminder_letters.department_id', '=', f.departmentId);
      }
      const [{ total }, list] = await Promise.all([
        count.executeTakeFirstOrThrow(),
        rows.orderBy('reminder_letters.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
      ]);
      return { rows: list, total: Number(total) };
    },

    /** 留言 still waiting for a reply past its deadline. */
    overdueMessages(now: string) {
      return db
        .selectFrom('message_threads')
        .innerJoin('policies', 'policies.id', 'message_threads.policy_id')
        .select(['message_threads.id', 'message_threads.department_id', 'message_threads.reply_due_at', 'policies.title'])
        .where('message_threads.answered', '=', 0)
        .where('message_threads.reply_due_at', '<', now)
        .orderBy('message_threads.department_id')
        .orderBy('message_threads.reply_due_at')
        .execute();
    },

    async departmentStaff(departmentId: number): Promise<number[]> {
      const rows = await db.selectFrom('users').select('id').where('role', '=', 'staff').where('department_id', '=', departmentId).orderBy('id').execute();
      return rows.map((r) => r.id);
    },
  };
}
