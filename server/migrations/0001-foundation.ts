import { sql, type Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import { notNull, withId, type AnyDb } from './columns';

export function foundation(dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('departments'), dialect)
        .addColumn('name', 'text', notNull)
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', notNull)
        .execute();

      await withId(db.schema.createTable('enterprises'), dialect)
        .addColumn('uscc', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('industry', 'text', notNull)
        .addColumn('scale', 'text', notNull)
        .addColumn('district', 'text', notNull)
        .addColumn('qualifications', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('registered_on', 'text')
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('enterprises_name_idx').on('enterprises').column('name').execute();

      await withId(db.schema.createTable('users'), dialect)
        .addColumn('openid', 'text', (c) => c.unique())
        .addColumn('username', 'text', (c) => c.unique())
        .addColumn('password_hash', 'text')
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('enterprise', 'visitor', 'staff', 'admin')`))
        .addColumn('display_name', 'text', notNull)
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('phone_enc', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('users_department_idx').on('users').column('department_id').execute();
      await db.schema.createIndex('users_enterprise_idx').on('users').column('enterprise_id').execute();

      await withId(db.schema.createTable('sessions'), dialect)
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('expires_at', 'text', notNull)
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await withId(db.schema.createTable('projects'), dialect)
        .addColumn('name', 'text', notNull)
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
        .addColumn('stages', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('projects_department_idx').on('projects').column('department_id').execute();
      await db.schema.createIndex('projects_enterprise_idx').on('projects').column('enterprise_id').execute();

      await withId(db.schema.createTable('policies'), dialect)
        .addColumn('title', 'text', notNull)
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('level', 'text', notNull)
        .addColumn('kind', 'text', notNull)
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('summary', 'text', notNull)
        .addColumn('body', 'text', notNull)
        .addColumn('basis_doc', 'text', notNull)
        .addColumn('amount', 'text', notNull)
        .addColumn('valid_from', 'text', notNull)
        .addColumn('valid_to', 'text')
        .addColumn('method', 'text', notNull)
        .addColumn('contact', 'text', notNull)
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'withdrawn')`))
        .addColumn('conditions', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('published_at', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('policies_department_idx').on('policies').column('department_id').execute();
      await db.schema.createIndex('policies_status_idx').on('policies').columns(['status', 'valid_to']).execute();

      await withId(db.schema.createTable('idempotency_keys'), dialect)
        .addColumn('scope', 'text', notNull)
        .addColumn('key', 'text', notNull)
        .addColumn('request_hash', 'text', notNull)
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_flight', 'done')`))
        .addColumn('status_code', 'integer')
        .addColumn('response_body', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('completed_at', 'text')
        .addUniqueConstraint('idempotency_keys_scope_key_uq', ['scope', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();

      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('action', 'text', notNull)
        .addColumn('target', 'text', notNull)
        .addColumn('detail', 'text')
        .addColumn('at', 'text', notNull)
        .execute();
      await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_user_id').execute();
      await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target', 'at']).execute();
    },
  };
}
