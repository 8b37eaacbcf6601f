import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, DbDialect } from '../db/schema';
import { HttpError } from './http-error';

/**
 * Group commit for submissions on SQLite. A commit is the dearest step of a submission there (the
 * WAL write, ~160 µs of ~600 µs), so the submissions that arrive together share one transaction:
 * each runs in a savepoint of its own, and nobody is answered before the one COMMIT that makes them
 * all durable. SQLite has a single writer anyway, so batches cost no concurrency.
 *
 * - A submission refused with an HttpError rolls back to its savepoint; the others still commit.
 * - Any other failure (a database error) rolls the whole batch back, and every submission in it
 *   then runs again alone, so only the faulty one fails.
 *
 * PostgreSQL gets one transaction per submission, as before: it already flushes concurrent commits
 * together, and its transactions run in parallel on the pool, where batches would run one after
 * another. Measured on the real server process, POST /ratings, 10 connections, quiet machine:
 * 487–563 req/s one by one against 358–477 req/s batched (batched p99 was lower: 37–64 ms vs 113–137 ms).
 */
export type TransactionWork<T> = (trx: Kysely<Database>) => Promise<T>;

export interface GroupCommit {
  run<T>(work: TransactionWork<T>): Promise<T>;
}

interface Pending {
  work: TransactionWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

// Plain statements, not built per submission.
const SAVEPOINT = CompiledQuery.raw('savepoint submission');
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw('rollback to savepoint submission');
const RELEASE_SAVEPOINT = CompiledQuery.raw('release savepoint submission');

export function createGroupCommit(db: Kysely<Database>, dialect: DbDialect, maxBatch = 64): GroupCommit {
  if (dialect === 'postgres') return { run: (work) => db.transaction().execute(work) };
  const queue: Pending[] = [];
  let busy = false;

  async function runAlone(item: Pending): Promise<void> {
    try {
      item.resolve(
        await db.transaction().execute(async (trx) => item.work(trx)),
      );
    } catch (error) {
      item.reject(error);
    }
  }

  async function runTogether(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction().execute(async (trx) => {
        const done: Outcome[] = [];
        for (const item of batch) {
          await trx.executeQuery(SAVEPOINT);
          try {
            done.push({ ok: true, value: await item.work(trx) });
          } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            await trx.executeQuery(ROLLBACK_TO_SAVEPOINT);
            done.push({ ok: false, error });
          }
          await trx.executeQuery(RELEASE_SAVEPOINT);
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
