import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../lib/http-error';
import { canonicalJson, sha256 } from '../lib/secrets';
import { createRepositories, type Repositories } from '../repositories';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_\\-:.]{1,128}$';
const KEY_RE = new RegExp(IDEMPOTENCY_KEY_PATTERN);
/** A claim older than this belongs to a request that died (crash, restart); a retry may take it over. */
const STALE_CLAIM_MS = 2 * 60 * 1000;

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
}

/** Work done inside the request's transaction: use `repos` (bound to `trx`), never fastify.repos. */
export type IdempotentWork<T> = (repos: Repositories, trx: Kysely<Database>) => Promise<IdempotentResult<T>>;

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Runs a creating request's writes in one transaction. With an `Idempotency-Key` header the
     * response is recorded in that same transaction, and a repeat of the request gets it back.
     */
    idempotent<T>(work: IdempotentWork<T>): Promise<IdempotentResult<T>>;
    idempotencyReplayed: boolean;
  }
}

function keyOf(request: FastifyRequest): string | null {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!KEY_RE.test(key)) {
    throw new HttpError(400, 'VALIDATION', 'Idempotency-Key：应为1到128位字母、数字或 _ - : .', 'Idempotency-Key');
  }
  return key;
}

async function runInTransaction<T>(db: Kysely<Database>, work: IdempotentWork<T>, after?: (repos: Repositories, r: IdempotentResult<T>) => Promise<void>) {
  return db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const result = await work(repos, trx);
    if (after) await after(repos, result);
    return result;
  });
}

async function idempotencyPlugin(fastify: FastifyInstance) {
  fastify.decorateRequest('idempotencyReplayed', false);

  fastify.decorateRequest('idempotent', async function idempotent<T>(this: FastifyRequest, work: IdempotentWork<T>): Promise<IdempotentResult<T>> {
    const key = keyOf(this);
    if (key === null) return runInTransaction(fastify.db, work);

    // The concrete path, not the route pattern: a key reused on /benefits/2/confirm must not
    // replay the answer stored for /benefits/1/confirm.
    const scope = `${this.user?.id ?? 'anon'}:${this.method}:${this.url.split('?')[0]}`;
    const requestHash = sha256(canonicalJson(this.body ?? null));
    const store = fastify.repos.idempotency;

    for (let attempt = 0; ; attempt++) {
      if (attempt > 3) throw new HttpError(409, 'IDEMPOTENCY_IN_FLIGHT', '该请求正在处理中，请稍候');
      if (await store.claim(scope, key, requestHash, new Date().toISOString())) break;
      const existing = await store.find(scope, key);
      if (!existing) continue; // released between our claim and our read: try again
      if (existing.requestHash !== requestHash) {
        throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', '该请求标识已用于另一份提交');
      }
      if (existing.status === 'done' && existing.statusCode !== null) {
        this.idempotencyReplayed = true;
        return { statusCode: existing.statusCode, body: JSON.parse(existing.responseBody ?? 'null') as T };
      }
      const stale = Date.now() - Date.parse(existing.createdAt) > STALE_CLAIM_MS;
      if (!stale || attempt > 0) throw new HttpError(409, 'IDEMPOTENCY_IN_FLIGHT', '该请求正在处理中，请稍候');
      await store.release(scope, key, existing.createdAt);
    }

    try {
      return await runInTransaction(fastify.db, work, (repos, result) =>
        repos.idempotency.complete(scope, key, result.statusCode, result.body, new Date().toISOString()),
      );
    } catch (err) {
      // Nothing was written (the transaction rolled back), so the same key may be tried again.
      await store.release(scope, key);
      throw err;
    }
  });

  fastify.addHook('onSend', async (request, reply) => {
    if (request.idempotencyReplayed) reply.header('Idempotent-Replayed', 'true');
  });
}

export default fp(idempotencyPlugin, { name: 'idempotency', dependencies: ['db'] });
