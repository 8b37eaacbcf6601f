import type { Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import { notNull, type AnyDb } from './columns';

/**
 * Request counters per (fixed window, bucket), in the database so every instance behind a load
 * balancer counts the same hits. The window comes first in the key: one index serves both the
 * per-request upsert and the pruning of past windows (a range on window_start).
 */
export function rateLimits(_dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('window_start', 'text', notNull)
        .addColumn('bucket', 'text', notNull)
        .addColumn('hits', 'integer', notNull)
        .addPrimaryKeyConstraint('rate_limits_pk', ['window_start', 'bucket'])
        .execute();
    },
  };
}
