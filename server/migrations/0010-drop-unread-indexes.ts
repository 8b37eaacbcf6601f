import type { Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import type { AnyDb } from './columns';

/**
 * Indexes no query reads any more, dropped because every rating and ticket paid to keep them:
 * the per-department and per-project rater indexes on ratings served distinct-rater counts that
 * rating_raters keeps since migration 0006, and tickets_stats_idx covered ticket figures that
 * ticket_stats now holds (overdue reads tickets_running_idx). test/server/scale/explain.test.ts
 * still finds every main query on an index.
 */
export function dropUnreadIndexes(_dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      for (const name of ['ratings_dept_rater_idx', 'ratings_project_rater_idx', 'tickets_stats_idx']) await db.schema.dropIndex(name).ifExists().execute();
    },
  };
}
