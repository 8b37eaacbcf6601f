import { sql, type Migration, type SqlBool } from 'kysely';
import type { DbDialect } from '../db/schema';
import type { AnyDb } from './columns';

/**
 * 整改台账's 未办结 lists the most urgent first: overdue tickets (late rectification or late callback), then by
 * the nearest deadline of either kind. That order comes from a column, tickets.next_due_at, which the tickets
 * repository sets in every statement that raises or moves a ticket (nextDueAt there):
 *   待回访 / 退回重办 — the earlier of callback_due_at and deadline_at;
 *   已回访待整改 — deadline_at;
 *   已整改待确认 / 申诉复核中 — '9999-12-31T23:59:59.999Z' (nothing due from the department: listed last);
 *   已办结 — null.
 * A ticket is overdue exactly when next_due_at has passed, so 逾期 is a range at the start of the same index.
 *
 * The 未办结 partial indexes of 0011 (on deadline_at) are then read by nothing, and every rating that raises a
 * ticket paid to keep them: dropped. The predicate is written as server/repositories/tickets.ts writes it.
 * Values are spelled out here, not imported: a migration must not change when the repository does.
 */
const UNFINISHED = sql<SqlBool>`status not in ('closed', 'voided')`;

const BACKFILL = sql`update tickets set next_due_at = case
  when status in ('closed', 'voided') then null
  when status in ('open', 'reopened') then case when callback_due_at < deadline_at then callback_due_at else deadline_at end
  when status = 'called_back' then deadline_at
  else '9999-12-31T23:59:59.999Z' end`;

/** Sets next_due_at of every ticket from its status and deadlines, as the tickets repository would. */
export async function backfillNextDue(db: AnyDb): Promise<void> {
  await BACKFILL.execute(db);
}

export function ticketNextDue(_dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('tickets').addColumn('next_due_at', 'text').execute();
      // next_due_at is none of the columns the ticket_stats triggers watch, so they do not fire.
      await backfillNextDue(db);
      await db.schema.createIndex('tickets_unfinished_due_idx').ifNotExists().on('tickets').columns(['next_due_at', 'id']).where(UNFINISHED).execute();
      await db.schema
        .createIndex('tickets_dept_unfinished_due_idx')
        .ifNotExists()
        .on('tickets')
        .columns(['department_id', 'next_due_at', 'id'])
        .where(UNFINISHED)
        .execute();
      for (const name of ['tickets_unfinished_deadline_idx', 'tickets_dept_unfinished_deadline_idx']) await db.schema.dropIndex(name).ifExists().execute();
    },
  };
}
