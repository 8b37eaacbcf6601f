import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Every column holding AES-GCM ciphertext under DATA_KEY (server/lib/secrets.ts). A key rotation
 * re-encrypts exactly these; test/server/security/personal-data.test.ts fails when a table gains
 * an `*_enc` column that is missing here.
 */
export const SEALED_COLUMNS = [
  { table: 'users', column: 'phone_enc' },
  { table: 'deliveries', column: 'phone_enc' },
  { table: 'deliveries', column: 'address_enc' },
] as const;
export type SealedColumn = (typeof SEALED_COLUMNS)[number];

export interface SealedValue {
  id: number;
  value: string;
}

export function sealedDataRepository(db: Kysely<Database>) {
  return {
    /** The next `limit` non-null values after row `afterId`, in id order (keyset paging: no row is skipped or read twice). */
    async batch(where: SealedColumn, afterId: number, limit: number): Promise<SealedValue[]> {
      const { rows } = await sql<SealedValue>`
        select id, ${sql.ref(where.column)} as value from ${sql.table(where.table)}
        where id > ${afterId} and ${sql.ref(where.column)} is not null
        order by id limit ${limit}`.execute(db);
      return rows.map((r) => ({ id: Number(r.id), value: r.value }));
    },

    /**
     * Swaps one ciphertext for another only if the row still holds the one we read: a server that
     * rewrote it meanwhile (with the new key) wins. Returns whether the row was changed.
     */
    async replace(where: SealedColumn, id: number, previous: string, next: string): Promise<boolean> {
      const result = await sql`
        update ${sql.table(where.table)} set ${sql.ref(where.column)} = ${next}
        where id = ${id} and ${sql.ref(where.column)} = ${previous}`.execute(db);
      return Number(result.numAffectedRows ?? 0) === 1;
    },
  };
}
