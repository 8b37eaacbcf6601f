import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createGroupCommit, type GroupCommit } from '../lib/group-commit';
import { HttpError } from '../lib/http-error';
import { canonicalJson, sha256 } from '../lib/secrets';
import { createRepositories, type Repositories } from '../repositories';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_\\-:.]{1,128}$';
const KEY_RE = new RegExp(IDEMPOTENCY_KEY_PATTERN);
/**
 * A committed in-flight row comes from an instance of the previous release (which claimed keys in a
 * statement of their own) that is still working, or that died: older than this, a retry takes it over.
 */
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
     * Runs a creating request's writes in one transaction, shared with the submissions that arrive
     * at the same moment (server/lib/group-commit.ts) and answered once it has committed. With an
     * `Idempotency-Key` header the response is recorded in that same transaction, and a repeat of
     * the request gets it back. The work may run twice (a batch that failed is retried one by one),
     * so it must only write through `repos`/`trx`: side effects (notifications) go after it returns.
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

async function runInTransaction<T>(writes: GroupCommit, work: IdempotentWork<T>) {
  return writes.run(async (trx) => work(createRepositories(trx), trx));
}

const inFlight = () => new HttpError(409, 'IDEMPOTENCY_IN_FLIGHT', '该请求正在处理中，请稍候');

type Outcome<T> = { replayed: boolean; result: IdempotentResult<T> };

/**
 * The key is checked, the work done and its response recorded in ONE transaction: a crash (kill -9,
 * power loss) at any point rolls back all three, so a retry finds the key free and does the work once.
 * A claim written on its own beforehand would survive the crash and refuse every retry with 409.
 */
async function runOnce<T>(writes: GroupCommit, scope: string, key: string, requestHash: string, work: IdempotentWork<T>): Promise<Outcome<T>> {
  return writes.run(async (trx) => {
    const repos = createRepositories(trx);
    if (!(await repos.idempotency.lockForTransaction(scope, key))) throw inFlight();
    const existing = await repos.idempotency.find(scope, key);
    if (existing) {
      if (existing.requestHash !== requestHash) throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', '该请求标识已用于另一份提交');
      if (existing.status === 'done' && existing.statusCode !== null) {
        return { replayed: true, result: { statusCode: existing.statusCode, body: JSON.parse(existing.responseBody ?? 'null') as T } };
      }
      if (Date.now() - Date.parse(existing.createdAt) <= STALE_CLAIM_MS) throw inFlight();
      await repos.idempotency.release(scope, key, existing.createdAt);
    }
    const result = await work(repos, trx);
    // Under the lock nobody else can have recorded the key; should it happen anyway, roll the work back.
    if (!(await repos.idempotency.recordDone(scope, key, requestHash, result.statusCode, result.body, new Date().toISOString()))) throw inFlight();
    return { replayed: false, result };
  });
}

async function idempotencyPlugin(fastify: FastifyInstance) {
  fastify.decorateRequest('idempotencyReplayed', false);
  const writes = createGroupCommit(fastify.db, fastify.dialect);

  fastify.decorateRequest('idempotent', async function idempotent<T>(this: FastifyRequest, work: IdempotentWork<T>): Promise<IdempotentResult<T>> {
    const key = keyOf(this);
    if (key === null) return runInTransaction(writes, work);

    // The concrete path, not the route pattern: a key reused on /benefits/2/confirm must not
    // replay the answer stored for /benefits/1/confirm.
    const scope = `${this.user?.id ?? 'anon'}:${this.method}:${this.url.split('?')[0]}`;
    const requestHash = sha256(canonicalJson(this.body ?? null));
    const { replayed, result } = await runOnce(writes, scope, key, requestHash, work);
    this.idempotencyReplayed = replayed;
    return result;
  });

  fastify.addHook('onSend', async (request, reply) => {
    if (request.idempotencyReplayed) reply.header('Idempotent-Replayed', 'true');
  });
}

export default fp(idempotencyPlugin, { name: 'idempotency', dependencies: ['db'] });
