import { sql, type Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import { notNull, withId, type AnyDb } from './columns';

/** 免申即享 benefit records, 留言 threads, subscribe-message credits and the calendar override table. */
export function benefits(dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('calendar_overrides'), dialect)
        .addColumn('date', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('workday', 'holiday')`))
        .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', notNull)
        .execute();

      await withId(db.schema.createTable('benefits'), dialect)
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id'))
        .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('matched', 'publicized', 'confirmed', 'objected', 'paid', 'archived')`),
        )
        .addColumn('basis', 'text')
        .addColumn('data_used', 'text')
        .addColumn('amount_fen', 'bigint')
        .addColumn('objection', 'text')
        .addColumn('paid_amount_fen', 'bigint')
        .addColumn('paid_on', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint('benefits_policy_enterprise_uq', ['policy_id', 'enterprise_id'])
        .execute();
      await db.schema.createIndex('benefits_enterprise_idx').on('benefits').column('enterprise_id').execute();
      await db.schema.createIndex('benefits_status_idx').on('benefits').columns(['status', 'updated_at']).execute();

      await withId(db.schema.createTable('benefit_events'), dialect)
        .addColumn('benefit_id', 'integer', (c) => c.notNull().references('benefits.id'))
        .addColumn('status', 'text', notNull)
        .addColumn('by_name', 'text', notNull)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .addColumn('at', 'text', notNull)
        .execute();
      await db.schema.createIndex('benefit_events_benefit_idx').on('benefit_events').column('benefit_id').execute();

      await withId(db.schema.createTable('message_threads'), dialect)
        .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id'))
        .addColumn('benefit_id', 'integer', (c) => c.references('benefits.id'))
        .addColumn('complexity', 'text', (c) => c.notNull().check(sql`complexity in ('simple', 'complex')`))
        .addColumn('asked_at', 'text', notNull)
        .addColumn('reply_due_at', 'text', notNull)
        .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('message_threads_inbox_idx')
        .on('message_threads')
        .columns(['department_id', 'answered', 'reply_due_at'])
        .execute();
      await db.schema.createIndex('message_threads_enterprise_idx').on('message_threads').column('enterprise_id').execute();

      await withId(db.schema.createTable('message_posts'), dialect)
        .addColumn('thread_id', 'integer', (c) => c.notNull().references('message_threads.id'))
        .addColumn('from_side', 'text', (c) => c.notNull().check(sql`from_side in ('enterprise', 'staff')`))
        .addColumn('author', 'text', notNull)
        .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text', notNull)
        .addColumn('at', 'text', notNull)
        .execute();
      await db.schema.createIndex('message_posts_thread_idx').on('message_posts').columns(['thread_id', 'at']).execute();

      await withId(db.schema.createTable('subscription_credits'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('template_id', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('spent_at', 'text')
        .execute();
      await db.schema
        .createIndex('subscription_credits_user_idx')
        .on('subscription_credits')
        .columns(['user_id', 'template_id', 'spent_at'])
        .execute();

      await withId(db.schema.createTable('notifications'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('template_key', 'text', notNull)
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'skipped', 'refused', 'failed')`))
        .addColumn('errcode', 'integer')
        .addColumn('page', 'text')
        .addColumn('at', 'text', notNull)
        .execute();
      await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'at']).execute();
    },
  };
}
