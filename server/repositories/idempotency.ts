import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface IdempotencyRecord {
  requestHash: string;
  status: 'in_flight' | 'done';
  statusCode: number | null;
  responseBody: string | null;
  createdAt: string;
}

export function idempotencyRepository(db: Kysely<Database>) {
  return {
    /** Claims (scope, key); false when someone already holds it. The unique constraint decides races. */
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
      const row = await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status', 'status_code', 'response_body', 'created_at'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
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

    async complete(scope: string, key: string, statusCode: number, body: unknown, now: string): Promise<void> {
      await db
        .updateTable('idempotency_keys')
        .set({ status: 'done', status_code: statusCode, response_body: JSON.stringify(body ?? null), completed_at: now })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
    },

    /** Frees a key whose request failed, so the client may retry it. `createdAt` guards against freeing a newer claim. */
    async release(scope: string, key: string, createdAt?: string): Promise<void> {
      let query = db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).where('status', '=', 'in_flight');
      if (createdAt) query = query.where('created_at', '=', createdAt);
      await query.execute();
    },
  };
}
