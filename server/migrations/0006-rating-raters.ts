import { sql, type CreateTableBuilder, type Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import { notNull, type AnyDb } from './columns';

/**
 * Pre-aggregates that make the satisfaction dashboard a read of small tables, each kept exact in
 * the transaction of the write it counts:
 *   rating_raters:        one row per (group, quarter, enterprise) with its count of live ratings;
 *   rating_group_raters:  per (group, quarter), how many of those rows are above zero — the distinct
 *                         raters the 5-rater suppression needs, as a column instead of a COUNT(DISTINCT).
 *                         A group is ('all', 0), ('department', id) or ('project', id). Kept by the
 *                         ratings repository on insert and void.
 *   ticket_stats:         per (quarter, department, project or 0): tickets raised, called back,
 *                         rectified, rectified on time. Kept by triggers on tickets, so every ticket
 *                         write (whichever code makes it) counts. Overdue depends on the clock and is
 *                         still counted from tickets, over a narrow index of the running ones.
 */
export function ratingRaters(dialect: DbDialect): Migration {
  // SQLite: store these small-row tables in their primary key's order, so a read by key prefix is
  // one index walk with no lookups of a separate table. PostgreSQL has no such option (or need here).
  const clustered = <T extends CreateTableBuilder<string, never>>(table: T): T =>
    dialect === 'sqlite' ? (table.modifyEnd(sql`without rowid`) as T) : table;
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('rating_raters')
        .addColumn('group_kind', 'text', (c) => c.notNull().check(sql`group_kind in ('all', 'department', 'project')`))
        .addColumn('group_id', 'integer', notNull)
        .addColumn('quarter', 'text', notNull)
        .addColumn('enterprise_id', 'integer', notNull)
        .addColumn('ratings', 'integer', (c) => c.notNull().check(sql`ratings >= 0`))
        .addPrimaryKeyConstraint('rating_raters_pk', ['group_kind', 'group_id', 'quarter', 'enterprise_id'])
        .$call(clustered)
        .execute();
      await db.schema
        .createTable('rating_group_raters')
        .addColumn('group_kind', 'text', notNull)
        .addColumn('quarter', 'text', notNull)
        .addColumn('group_id', 'integer', notNull)
        .addColumn('raters', 'integer', (c) => c.notNull().check(sql`raters >= 0`))
        // Key order serves the dashboard's read: every group of one kind in the asked quarters.
        .addPrimaryKeyConstraint('rating_group_raters_pk', ['group_kind', 'quarter', 'group_id'])
        .$call(clustered)
        .execute();
      await backfillRaterCounts(db);

      await db.schema
        .createTable('ticket_stats')
        .addColumn('quarter', 'text', notNull)
        .addColumn('department_id', 'integer', notNull)
        .addColumn('project_id', 'integer', notNull)
        .addColumn('raised', 'integer', notNull)
        .addColumn('called_back', 'integer', notNull)
        .addColumn('rectified', 'integer', notNull)
        .addColumn('on_time', 'integer', notNull)
        .addPrimaryKeyConstraint('ticket_stats_pk', ['quarter', 'department_id', 'project_id'])
        .$call(clustered)
        .execute();
      await sql`
        insert into ticket_stats (quarter, department_id, project_id, raised, called_back, rectified, on_time)
        select quarter, department_id, coalesce(project_id, 0), ${sql.raw(contribution('t', 1))}
        from tickets t group by quarter, department_id, coalesce(project_id, 0)
      `.execute(db);
      if (dialect === 'postgres') await postgresTicketTriggers(db);
      else await sqliteTicketTriggers(db);
      // Overdue = running and past its deadline: a range per running status within the quarter.
      await db.schema.createIndex('tickets_running_idx').on('tickets').columns(['quarter', 'status', 'deadline_at', 'department_id', 'project_id']).execute();
      // The dashboard's score sums read the index alone (no table lookups per group).
      await db.schema
        .createIndex('rating_stats_cover_idx')
        .on('rating_stats')
        .columns(['quarter', 'department_id', 'project_id', 'n1', 'n2', 'n3', 'n4', 'n5', 'sum_efficiency', 'sum_level', 'sum_attitude'])
        .execute();
    },
  };
}

/**
 * What one ticket row adds to ticket_stats, as four comma-separated expressions over `row`
 * (NEW/OLD in a trigger), each 0 or `sign`. With sign 1 and `t` they are summed by the backfill.
 */
function contribution(row: string, sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const live = `${row}.status <> 'voided'`;
  const done = `${row}.status in ('rectified', 'closed')`;
  const parts = [
    `case when ${live} then ${s}1 else 0 end`,
    `case when ${live} and ${row}.callback_at is not null then ${s}1 else 0 end`,
    `case when ${done} then ${s}1 else 0 end`,
    `case when ${done} and ${row}.rectified_on_time = 1 then ${s}1 else 0 end`,
  ];
  return row === 't' ? parts.map((p) => `sum(${p})`).join(', ') : parts.join(', ');
}

function upsertTicketStats(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `insert into ticket_stats (quarter, department_id, project_id, raised, called_back, rectified, on_time)
    values (${row}.quarter, ${row}.department_id, coalesce(${row}.project_id, 0), ${contribution(row, sign)})
    on conflict (quarter, department_id, project_id) do update set
      raised = ticket_stats.raised + excluded.raised,
      called_back = ticket_stats.called_back + excluded.called_back,
      rectified = ticket_stats.rectified + excluded.rectified,
      on_time = ticket_stats.on_time + excluded.on_time;`;
}

const COUNTED_COLUMNS = 'status, callback_at, rectified_on_time, quarter, department_id, project_id';

async function sqliteTicketTriggers(db: AnyDb): Promise<void> {
  await sql.raw(`create trigger ticket_stats_insert after insert on tickets begin ${upsertTicketStats('NEW', 1)} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_update after update of ${COUNTED_COLUMNS} on tickets begin ${upsertTicketStats('OLD', -1)} ${upsertTicketStats('NEW', 1)} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_delete after delete on tickets begin ${upsertTicketStats('OLD', -1)} end`).execute(db);
}

async function postgresTicketTriggers(db: AnyDb): Promise<void> {
  await sql
    .raw(
      `create function ticket_stats_sync() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then ${upsertTicketStats('OLD', -1)} end if;
        if tg_op in ('INSERT', 'UPDATE') then ${upsertTicketStats('NEW', 1)} end if;
        return null;
      end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger ticket_stats_sync after insert or update of ${COUNTED_COLUMNS} or delete on tickets for each row execute function ticket_stats_sync()`).execute(db);
}

/** Builds both tables from the live (non-voided) ratings; for a database filled before they existed. */
export async function backfillRaterCounts(db: AnyDb): Promise<void> {
  await sql`
    insert into rating_raters (group_kind, group_id, quarter, enterprise_id, ratings)
    select 'all', 0, quarter, enterprise_id, count(*) from ratings where voided = 0 group by quarter, enterprise_id
    union all
    select 'department', department_id, quarter, enterprise_id, count(*) from ratings where voided = 0 group by department_id, quarter, enterprise_id
    union all
    select 'project', project_id, quarter, enterprise_id, count(*) from ratings where voided = 0 and project_id is not null group by project_id, quarter, enterprise_id
  `.execute(db);
  await sql`
    insert into rating_group_raters (group_kind, quarter, group_id, raters)
    select group_kind, quarter, group_id, count(*) from rating_raters where ratings > 0 group by group_kind, quarter, group_id
  `.execute(db);
}
