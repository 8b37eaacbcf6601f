import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { prepared } from '../db/prepared';
import type { Database } from '../db/schema';

export interface IdempotencyRecord {
  requestHash: string;
  status: 'in_flight' | 'done';
  statusCode: number | null;
  responseBody: string | null;
  createdAt: string;
}

// Every keyed submission runs these two, compiled once (server/db/prepared.ts).
const findKey = prepared((db, p: { scope: string; key: string }) =>
  db.selectFrom('idempotency_keys').select(['request_hash', 'status', 'status_code', 'response_body', 'created_at']).where('scope', '=', p.scope).where('key', '=', p.key),
);
const recordKey = prepared((db, p: { scope: string; key: string; requestHash: string; statusCode: number; body: string; now: string }) =>
  db
    .insertInto('idempotency_keys')
    .values({ scope: p.scope, key: p.key, request_hash: p.requestHash, status: 'done', status_code: p.statusCode, response_body: p.body, created_at: p.now, completed_at: p.now })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('id'),
);

export function idempotencyRepository(db: Kysely<Database>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  return {
    /**
     * Inside a transaction: takes the key's transaction-scoped lock, or answers false when another
     * transaction holds it (that request is still running). PostgreSQL releases the lock at commit or
     * rollback, and when the connection dies with a crashed server, so it can never be left behind.
     * SQLite has one writer connection, so transactions on it never overlap: nothing to take.
     */
    async lockForTransaction(scope: string, key: string): Promise<boolean> {
      if (!postgres) return true;
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${`${scope}\n${key}`}, 0)) as locked`.execute(db);
      return rows[0]?.locked === true;
    },

    /**
     * Records the finished response in the work's own transaction, so the record and the work
     * commit together or not at all. False if a row for the key appeared meanwhile.
     */
    async recordDone(scope: string, key: string, requestHash: string, statusCode: number, body: unknown, now: string): Promise<boolean> {
      const row = await recordKey.first(db, { scope, key, requestHash, statusCode, body: JSON.stringify(body ?? null), now });
      return row !== undefined;
    },

    /**
     * Claims (scope, key) as in flight in its own statement; false when someone already holds it.
     * The server no longer claims this way (a crash would strand the row); kept because such rows
     * exist: written by instances of the previous release during a rolling upgrade, or left by it.
     */
    async claim(scope: string, key: string, requestHash: string, now: string): Promise<boolean> {
      const row = await db
        .insertInto('idempotency_keys')
        .values({ scope, key, request_hash: requestHash, status: 'in_flight', created_at: now })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
      const row = await findKey.first(db, { scope, key });
      return (
        row && {
          requestHash: row.request_hash,
          status: row.status,
          statusCode: row.status_code,
          responseBody: row.response_body,
          createdAt: row.created_at,
        }
      );
    },

    /** Frees an in-flight claim. `createdAt` guards against freeing a newer claim. */
    async release(scope: string, key: string, createdAt?: string): Promise<void> {
      let query = db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).where('status', '=', 'in_flight');
      if (createdAt) query = query.where('created_at', '=', createdAt);
      await query.execute();
    },
  };
}
