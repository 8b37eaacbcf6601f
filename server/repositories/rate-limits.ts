import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Table of migration 0008, merged into the Database interface (see delivery-tables.ts). */
declare module '../db/schema' {
  interface Database {
    rate_limits: RateLimitsTable;
  }
}

export interface RateLimitsTable {
  /** ISO-8601 UTC start of the fixed window. */
  window_start: string;
  /** `<kind>:ip:<keyed hash>` or `<kind>:user:<id>`; never a raw address. */
  bucket: string;
  hits: number;
}

export function rateLimitsRepository(db: Kysely<Database>) {
  return {
    /** Counts one hit and returns the window's total so far: one statement, atomic on both databases. */
    async hit(windowStart: string, bucket: string): Promise<number> {
      const row = await db
        .insertInto('rate_limits')
        .values({ window_start: windowStart, bucket, hits: 1 })
        .onConflict((oc) => oc.columns(['window_start', 'bucket']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })))
        .returning('hits')
        .executeTakeFirstOrThrow();
      return Number(row.hits);
    },

    /** Drops windows that started before `before`; returns how many rows went. */
    async prune(before: string): Promise<number> {
      const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
