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
    policies: policiesRepository(db),
    policyProfiles: policyProfilesRepository(db),
    deliveries: deliveriesRepository(db),
    benefits: benefitsRepository(db),
    messages: messagesRepository(db),
    subscriptions: subscriptionsRepository(db),
    calendar: calendarRepository(db),
    ratings: ratingsRepository(db),
    visits: visitsRepository(db),
    tickets: ticketsRepository(db),
    reminders: remindersRepository(db),
    stats: statsRepository(db),
    projects: projectsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
