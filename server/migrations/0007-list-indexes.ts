import type { Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import type { AnyDb } from './columns';

/**
 * Indexes that let every paged list read its page in index order and stop, instead of sorting all
 * matching rows (test/server/scale/explain.test.ts checks the plans on both databases). Each one
 * ends with the list's tie-breaker `id`: SQLite appends the rowid by itself, PostgreSQL does not.
 */
const INDEXES: [name: string, table: string, columns: string[]][] = [
  // 政策管理: newest change first, optionally by department or status.
  ['policies_updated_idx', 'policies', ['updated_at', 'id']],
  ['policies_dept_updated_idx', 'policies', ['department_id', 'updated_at', 'id']],
  ['policies_status_updated_idx', 'policies', ['status', 'updated_at', 'id']],
  // Public list: published, newest publication first; valid_to rides along so the page's ids need no row.
  ['policies_published_id_idx', 'policies', ['status', 'published_at', 'id', 'valid_to']],
  ['policies_dept_published_idx', 'policies', ['department_id', 'status', 'published_at', 'id']],
  // 免申即享 by enterprise, by policy, and the unfiltered admin list.
  ['benefits_enterprise_updated_idx', 'benefits', ['enterprise_id', 'updated_at', 'id']],
  ['benefits_policy_updated_idx', 'benefits', ['policy_id', 'updated_at', 'id']],
  ['benefits_updated_idx', 'benefits', ['updated_at', 'id']],
  // 递送队列: by date and slot, optionally by status (keyset on date, period, id).
  ['deliveries_queue_idx', 'deliveries', ['date', 'period', 'id']],
  ['deliveries_status_queue_idx', 'deliveries', ['status', 'date', 'period', 'id']],
  // 整改台账: by deadline, optionally by department or enterprise.
  ['tickets_deadline_idx', 'tickets', ['deadline_at', 'id']],
  ['tickets_dept_deadline_idx', 'tickets', ['department_id', 'deadline_at', 'id']],
  ['tickets_enterprise_deadline_idx', 'tickets', ['enterprise_id', 'deadline_at', 'id']],
  // 留言: unanswered first, then by reply deadline (the inbox of a department has its own index).
  ['message_threads_enterprise_due_idx', 'message_threads', ['enterprise_id', 'answered', 'reply_due_at', 'id']],
  ['message_threads_due_idx', 'message_threads', ['answered', 'reply_due_at', 'id']],
  // 企业名录: by name.
  ['enterprises_name_id_idx', 'enterprises', ['name', 'id']],
];

export function listIndexes(_dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      for (const [name, table, columns] of INDEXES) {
        await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
      }
      // Superseded by the wider indexes above (same leading columns).
      await db.schema.dropIndex('policies_published_idx').ifExists().execute();
      await db.schema.dropIndex('enterprises_name_idx').ifExists().execute();
    },
  };
}
