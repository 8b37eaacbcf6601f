import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { auditRepository } from './audit';
import { catalogRepository } from './catalog';
import { enterprisesRepository } from './enterprises';
import { idempotencyRepository } from './idempotency';
import { sessionsRepository } from './sessions';
import { usersRepository } from './users';

/**
 * Every repository over one executor: the app-wide Kysely instance, or a transaction
 * (pass `trx` to get repositories whose writes commit or roll back together).
 */
export function createRepositories(db: Kysely<Database>) {
  return {
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    enterprises: enterprisesRepository(db),
    idempotency: idempotencyRepository(db),
    audit: auditRepository(db),
    catalog: catalogRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
