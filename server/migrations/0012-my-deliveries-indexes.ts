import { sql, type Migration, type SqlBool } from 'kysely';
import type { DbDialect } from '../db/schema';
import type { AnyDb } from './columns';

/**
 * 我的递送 lists the bookings still open (soonest slot first) before the finished ones (latest slot first).
 * Each half gets a partial index in its own slot order, so a page is read in index order and stops, and
 * the open half never walks past years of finished bookings. The predicates are written as
 * server/repositories/deliveries.ts writes them (literals): both databases use a partial index only for a
 * query whose WHERE contains its predicate.
 */
const OPEN = sql<SqlBool>`status not in ('delivered', 'cancelled')`;
const FINISHED = sql<SqlBool>`status in ('delivered', 'cancelled')`;

const INDEXES = [
  { name: 'deliveries_enterprise_open_slot_idx', where: OPEN },
  { name: 'deliveries_enterprise_finished_slot_idx', where: FINISHED },
];

export function myDeliveriesIndexes(_dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      for (const { name, where } of INDEXES) {
        await db.schema.createIndex(name).ifNotExists().on('deliveries').columns(['enterprise_id', 'date', 'period', 'id']).where(where).execute();
      }
    },
  };
}
