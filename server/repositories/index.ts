import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { auditRepository } from './audit';
import { benefitsRepository } from './benefits';
import { calendarRepository } from './calendar';
import { messagesRepository } from './messages';
import { subscriptionsRepository } from './subscriptions';
import { catalogRepository } from './catalog';
import { deliveriesRepository } from './deliveries';
import { enterprisesRepository } from './enterprises';
import { idempotencyRepository } from './idempotency';
import { policiesRepository } from './policies';
import { policyProfilesRepository } from './policy-profiles';
import { sessionsRepository } from './sessions';
import { usersRepository } from './users';
import { ratingsRepository } from './ratings';
import { projectsRepository } from './projects';
import { remindersRepository } from './reminders';
import { statsRepository } from './stats';
import { ticketsRepository } from './tickets';
import { visitsRepository } from './visits';

const factories = {
  users: usersRepository,
  sessions: sessionsRepository,
  enterprises: enterprisesRepository,
  idempotency: idempotencyRepository,
  audit: auditRepository,
  catalog: catalogRepository,
  policies: policiesRepository,
  policyProfiles: policyProfilesRepository,
  deliveries: deliveriesRepository,
  benefits: benefitsRepository,
  messages: messagesRepository,
  subscriptions: subscriptionsRepository,
  calendar: calendarRepository,
  ratings: ratingsRepository,
  visits: visitsRepository,
  tickets: ticketsRepository,
  reminders: remindersRepository,
  stats: statsRepository,
  projects: projectsRepository,
};

export type Repositories = { readonly [K in keyof typeof factories]: ReturnType<(typeof factories)[K]> };

/**
 * Each repository is made on first use: a submission's transaction needs three or four of the
 * nineteen, and making them all was ~6 µs of every submission.
 */
class LazyRepositories {
  constructor(readonly db: Kysely<Database>) {}
}
for (const [name, make] of Object.entries(factories) as [keyof typeof factories, (db: Kysely<Database>) => unknown][]) {
  Object.defineProperty(LazyRepositories.prototype, name, {
    get(this: LazyRepositories) {
      const repository = make(this.db);
      Object.defineProperty(this, name, { value: repository, enumerable: true });
      return repository;
    },
  });
}

/**
 * Every repository over one executor: the app-wide Kysely instance, or a transaction
 * (pass `trx` to get repositories whose writes commit or roll back together).
 */
export function createRepositories(db: Kysely<Database>): Repositories {
  return new LazyRepositories(db) as unknown as Repositories;
}
