import { sql, type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import { notNull, withId, type AnyDb } from './columns';

const score = (name: string) => (c: ColumnDefinitionBuilder) => c.notNull().check(sql.raw(`${name} between 1 and 5`));
const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

/** 满意度与整改: ratings, their pre-aggregates, visits, rectification tickets and reminder letters. */
export function satisfaction(dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('ratings'), dialect)
        .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('project', 'department', 'delivery')`))
        .addColumn('target_id', 'integer', notNull)
        .addColumn('stage', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        .addColumn('quarter', 'text', notNull)
        .addColumn('overall', 'integer', score('overall'))
        .addColumn('efficiency', 'integer', score('efficiency'))
        .addColumn('level', 'integer', score('level'))
        .addColumn('attitude', 'integer', score('attitude'))
        .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('problem_category', 'text')
        .addColumn('problem_description', 'text')
        .addColumn('photo_count', 'integer', zero)
        .addColumn('visit_id', 'integer')
        .addColumn('voided', 'integer', zero)
        .addColumn('created_at', 'text', notNull)
        // One rating per enterprise per rated thing per stage; the database decides races.
        .addUniqueConstraint('ratings_once_per_stage', ['enterprise_id', 'target_kind', 'target_id', 'stage'])
        .execute();
      // Distinct-rater probes for small-group suppression read only these indexes.
      await db.schema.createIndex('ratings_dept_rater_idx').on('ratings').columns(['department_id', 'quarter', 'voided', 'enterprise_id']).execute();
      await db.schema.createIndex('ratings_project_rater_idx').on('ratings').columns(['project_id', 'quarter', 'voided', 'enterprise_id']).execute();
      await db.schema.createIndex('ratings_quarter_rater_idx').on('ratings').columns(['quarter', 'voided', 'enterprise_id']).execute();
      await db.schema.createIndex('ratings_created_idx').on('ratings').column('created_at').execute();

      await withId(db.schema.createTable('rating_photos'), dialect)
        .addColumn('rating_id', 'integer', (c) => c.notNull().references('ratings.id'))
        .addColumn('position', 'integer', notNull)
        .addColumn('data_url', 'text', notNull)
        .execute();
      await db.schema.createIndex('rating_photos_rating_idx').on('rating_photos').column('rating_id').execute();

      await db.schema
        .createTable('rating_stats')
        .addColumn('department_id', 'integer', notNull)
        .addColumn('project_id', 'integer', notNull)
        .addColumn('quarter', 'text', notNull)
        .addColumn('n1', 'integer', zero)
        .addColumn('n2', 'integer', zero)
        .addColumn('n3', 'integer', zero)
        .addColumn('n4', 'integer', zero)
        .addColumn('n5', 'integer', zero)
        .addColumn('sum_efficiency', 'integer', zero)
        .addColumn('sum_level', 'integer', zero)
        .addColumn('sum_attitude', 'integer', zero)
        .addPrimaryKeyConstraint('rating_stats_pk', ['department_id', 'project_id', 'quarter'])
        .execute();
      await db.schema.createIndex('rating_stats_quarter_idx').on('rating_stats').columns(['quarter', 'department_id']).execute();

      await withId(db.schema.createTable('visits'), dialect)
        .addColumn('scene', 'text', (c) => c.notNull().unique())
        .addColumn('visitor_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('stage', 'text', notNull)
        .addColumn('rating_id', 'integer', (c) => c.references('ratings.id'))
        .addColumn('rated_at', 'text')
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('visits_visitor_idx').on('visits').columns(['visitor_user_id', 'id']).execute();

      await withId(db.schema.createTable('tickets'), dialect)
        .addColumn('rating_id', 'integer', (c) => c.notNull().unique().references('ratings.id'))
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        .addColumn('quarter', 'text', notNull)
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('open', 'called_back', 'rectified', 'reopened', 'appealing', 'closed', 'voided')`),
        )
        .addColumn('deadline_at', 'text', notNull)
        .addColumn('callback_due_at', 'text', notNull)
        .addColumn('callback_at', 'text')
        .addColumn('callback_outcome', 'text')
        .addColumn('fix', 'text')
        .addColumn('reply', 'text')
        .addColumn('rectified_at', 'text')
        .addColumn('rectified_on_time', 'integer')
        .addColumn('closed_at', 'text')
        .addColumn('reopen_count', 'integer', zero)
        .addColumn('status_before_appeal', 'text')
        .addColumn('appeal_reason', 'text')
        .addColumn('appeal_at', 'text')
        .addColumn('appeal_upheld', 'integer')
        .addColumn('appeal_note', 'text')
        .addColumn('appeal_decided_at', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();
      // Covers the dashboard's ticket figures, so they are read from the index alone.
      await db.schema
        .createIndex('tickets_stats_idx')
        .on('tickets')
        .columns(['quarter', 'department_id', 'project_id', 'status', 'rectified_on_time', 'deadline_at', 'callback_at'])
        .execute();
      await db.schema.createIndex('tickets_dept_status_idx').on('tickets').columns(['department_id', 'status', 'deadline_at']).execute();
      await db.schema.createIndex('tickets_status_deadline_idx').on('tickets').columns(['status', 'deadline_at']).execute();
      await db.schema.createIndex('tickets_enterprise_idx').on('tickets').columns(['enterprise_id', 'id']).execute();

      await withId(db.schema.createTable('ticket_events'), dialect)
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('action', 'text', notNull)
        .addColumn('at', 'text', notNull)
        .addColumn('by_name', 'text', notNull)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('ticket_events_ticket_idx').on('ticket_events').columns(['ticket_id', 'id']).execute();

      await withId(db.schema.createTable('reminder_letters'), dialect)
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('period', 'text', notNull)
        .addColumn('items', 'text', notNull)
        .addColumn('ticket_count', 'integer', zero)
        .addColumn('message_count', 'integer', zero)
        .addColumn('created_at', 'text', notNull)
        .addUniqueConstraint('reminder_letters_once_per_day', ['department_id', 'period'])
        .execute();
    },
  };
}
