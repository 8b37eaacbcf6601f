import type { Kysely } from 'kysely';
import type { CalendarOverride } from '../../types/calendar';
import type { Database } from '../db/schema';
import './benefit-tables';

export function calendarRepository(db: Kysely<Database>) {
  return {
    async all(): Promise<CalendarOverride[]> {
      const rows = await db.selectFrom('calendar_overrides').select(['date', 'kind', 'name', 'updated_at']).orderBy('date').execute();
      return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, updatedAt: r.updated_at }));
    },

    async upsert(o: { date: string; kind: 'workday' | 'holiday'; name: string }, by: number, now: string): Promise<void> {
      await db
        .insertInto('calendar_overrides')
        .values({ date: o.date, kind: o.kind, name: o.name, updated_by: by, updated_at: now })
        .onConflict((oc) => oc.column('date').doUpdateSet({ kind: o.kind, name: o.name, updated_by: by, updated_at: now }))
        .execute();
    },

    /** True when there was an override to remove. */
    async remove(date: string): Promise<boolean> {
      const rows = await db.deleteFrom('calendar_overrides').where('date', '=', date).returning('id').execute();
      return rows.length > 0;
    },
  };
}
