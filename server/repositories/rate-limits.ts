import type { Kysely } from 'kysely';
import type { Redis, Result } from 'ioredis';
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

/**
 * The same fixed windows counted in Redis (REDIS_URL): one key per window and bucket, incremented
 * and given its expiry in one script, so the count is atomic across instances and a window's keys
 * vanish by themselves (no pruning). Expiring two windows after the first hit leaves room for
 * instances whose clocks differ a little.
 */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return hits`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    rateLimitHit(key: string, ttlMs: number): Result<number, Context>;
  }
}

export interface RedisRateLimitStore {
  /** Counts one hit and returns the window's total so far; rejects when Redis cannot answer. */
  hit(windowStartMs: number, bucket: string): Promise<number>;
}

/** `namespace` keeps deployments that share one Redis (staging, production) from sharing counts. */
export function redisRateLimitStore(client: Redis, namespace: string, windowMs: number): RedisRateLimitStore {
  // EVALSHA, with the script sent again only if Redis restarted and forgot it.
  client.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  return {
    async hit(windowStartMs, bucket) {
      return Number(await client.rateLimitHit(`ys:rl:${namespace}:${windowStartMs}:${bucket}`, 2 * windowMs));
    },
  };
}
