import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, DbDialect } from '../db/schema';
import { foundation } from './0001-foundation';
import { policySearch } from './0002-policy-search';
import { benefits } from './0003-benefits';
import { deliveries } from './0004-deliveries';
import { satisfaction } from './0005-satisfaction';
import { ratingRaters } from './0006-rating-raters';
import { listIndexes } from './0007-list-indexes';
import { rateLimits } from './0008-rate-limits';
import { enterpriseNameSearch } from './0009-enterprise-name-search';
import { dropUnreadIndexes } from './0010-drop-unread-indexes';
import { ticketProgressIndexes } from './0011-ticket-progress-indexes';
import { myDeliveriesIndexes } from './0012-my-deliveries-indexes';
import { ticketNextDue } from './0013-ticket-next-due';

/**
 * Migrations are listed here, not discovered on disk, so they work the same from tsx, jest
 * and a bundled build. Forward-only: never edit a released migration, add the next one.
 * Keys sort lexically; keep the 4-digit prefix.
 */
export function migrations(dialect: DbDialect): Record<string, Migration> {
  return {
    '0001-foundation': foundation(dialect),
    '0002-policy-search': policySearch(dialect),
    '0003-benefits': benefits(dialect),
    '0004-deliveries': deliveries(dialect),
    '0005-satisfaction': satisfaction(dialect),
    '0006-rating-raters': ratingRaters(dialect),
    '0007-list-indexes': listIndexes(dialect),
    '0008-rate-limits': rateLimits(dialect),
    '0009-enterprise-name-search': enterpriseNameSearch(dialect),
    '0010-drop-unread-indexes': dropUnreadIndexes(dialect),
    '0011-ticket-progress-indexes': ticketProgressIndexes(dialect),
    '0012-my-deliveries-indexes': myDeliveriesIndexes(dialect),
    '0013-ticket-next-due': ticketNextDue(dialect),
  };
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.list;
  }
}

export async function migrateToLatest(db: Kysely<Database>, dialect: DbDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(migrations(dialect)) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error ?? failed?.migrationName));
    throw new Error(`数据库迁移失败（${failed?.migrationName ?? '未知迁移'}）：${cause.message}`, { cause });
  }
}
