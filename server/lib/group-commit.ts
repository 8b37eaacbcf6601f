import { sql, type Kysely } from 'kysely';
import type { Database, DbDialect } from '../db/schema';
import { HttpError } from './http-error';

/**
 * Group commit for submissions. A commit is the dearest step of a submission (SQLite: the WAL
 * write and checkpoints, ~160 µs of ~600 µs; PostgreSQL: the WAL flush, while the hot statistics
 * rows stay locked), so the submissions that arrive together share one transaction: each runs in
 * a savepoint of its own, and nobody is answered before the one COMMIT that makes them all durable.
 *
 * - A submission refused with an HttpError rolls back to its savepoint; the others still commit.
 * - Any other failure (a database error, a deadlock, a lost connection) rolls the whole batch
 *   back, and every submission in it then runs again alone, so only the faulty one fails.
 * - One batch at a time per process: on SQLite there is a single writer anyway; on PostgreSQL a
 *   batch takes the writers' lock below, so batches of several instances queue instead of
 *   deadlocking over rows they lock in different orders.
 */
export type TransactionWork<T> = (trx: Kysely<Database>) => Promise<T>;

export interface GroupCommit {
  run<T>(work: TransactionWork<T>): Promise<T>;
}

/** Arbitrary constant: the PostgreSQL advisory lock every multi-row statistics writer takes first. */
const WRITERS_LOCK = 740_620_112;

/**
 * Makes a transaction queue behind (and in front of) group-commit batches on PostgreSQL. Transactions
 * that update the rating/ticket statistics outside the batches (ticket actions, appeals) take it
 * too, so a batch and such a transaction never hold each other's rows. SQLite has one writer already.
 */
export async function lockWriters(trx: Kysely<Database>, dialect: DbDialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${WRITERS_LOCK})`.execute(trx);
}

interface Pending {
  work: TransactionWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createGroupCommit(db: Kysely<Database>, dialect: DbDialect, maxBatch = 64): GroupCommit {
  const queue: Pending[] = [];
  let busy = false;

  async function runAlone(item: Pending): Promise<void> {
    try {
      item.resolve(
        await db.transaction().execute(async (trx) => {
          await lockWriters(trx, dialect);
          return item.work(trx);
        }),
      );
    } catch (error) {
      item.reject(error);
    }
  }

  async function runTogether(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction().execute(async (trx) => {
        await lockWriters(trx, dialect);
        const done: Outcome[] = [];
        for (const item of batch) {
          await sql`savepoint submission`.execute(trx);
          try {
            done.push({ ok: true, value: await item.work(trx) });
          } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            await sql`rollback to savepoint submission`.execute(trx);
            done.push({ ok: false, error });
          }
          await sql`release savepoint submission`.execute(trx);
        }
        return done;
      });
    } catch {
      for (const item of batch) await runAlone(item);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.value) : batch[i]!.reject(outcome.error)));
  }

  async function flush(): Promise<void> {
    const batch = queue.splice(0, maxBatch);
    try {
      await (batch.length === 1 ? runAlone(batch[0]!) : runTogether(batch));
    } finally {
      busy = false;
      schedule();
    }
  }

  function schedule(): void {
    if (busy || queue.length === 0) return;
    busy = true;
    // After the I/O phase: every request that arrived with this one joins its batch.
    setImmediate(() => void flush());
  }

  return {
    run<T>(work: TransactionWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
