import { sql, type Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import { notNull, withId, type AnyDb } from './columns';

/** 证照递送: bookings, their timeline, handover records and per-slot capacity counters. */
export function deliveries(dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('deliveries'), dialect)
        .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('submitted', 'accepted', 'dispatched', 'delivered', 'failed', 'cancelled')`),
        )
        .addColumn('items', 'text', notNull)
        .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('送达', '取送', '自取')`))
        .addColumn('recipient_name', 'text', notNull)
        .addColumn('phone_enc', 'text', notNull)
        .addColumn('phone_masked', 'text', notNull)
        .addColumn('address_enc', 'text')
        .addColumn('address_masked', 'text')
        .addColumn('date', 'text', notNull)
        .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('上午', '下午')`))
        .addColumn('remark', 'text')
        .addColumn('tracking_no', 'text')
        .addColumn('failure_reason', 'text')
        .addColumn('cancel_reason', 'text')
        .addColumn('rated_at', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('deliveries_enterprise_idx').on('deliveries').columns(['enterprise_id', 'created_at']).execute();
      await db.schema.createIndex('deliveries_slot_idx').on('deliveries').columns(['date', 'period', 'status']).execute();

      await withId(db.schema.createTable('delivery_events'), dialect)
        .addColumn('delivery_id', 'integer', (c) => c.notNull().references('deliveries.id'))
        .addColumn('kind', 'text', notNull)
        .addColumn('status', 'text', notNull)
        .addColumn('at', 'text', notNull)
        .addColumn('by_name', 'text', notNull)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('delivery_events_delivery_idx').on('delivery_events').columns(['delivery_id', 'id']).execute();

      // Kept apart from deliveries so lists never read the (up to 300 KB) signature image.
      await db.schema
        .createTable('delivery_handovers')
        .addColumn('delivery_id', 'integer', (c) => c.primaryKey().references('deliveries.id'))
        .addColumn('receiver_name', 'text', notNull)
        .addColumn('at', 'text', notNull)
        .addColumn('by_name', 'text', notNull)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('signature', 'text', notNull)
        .execute();

      // One counter row per slot: bookings take capacity with one conditional UPDATE, never read-then-write.
      await db.schema
        .createTable('delivery_slot_usage')
        .addColumn('date', 'text', notNull)
        .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('上午', '下午')`))
        .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0).check(sql`booked >= 0`))
        .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
        .addColumn('updated_at', 'text', notNull)
        .addPrimaryKeyConstraint('delivery_slot_usage_pk', ['date', 'period'])
        .execute();
    },
  };
}
