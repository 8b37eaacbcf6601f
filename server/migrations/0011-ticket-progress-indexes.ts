import { sql, type Migration, type SqlBool } from 'kysely';
import type { DbDialect } from '../db/schema';
import type { AnyDb } from './columns';

/**
 * 整改台账 opens on 未办结 (most urgent deadline first) and offers 已办结 (most recently finished first).
 * Finished tickets pile up year after year while the unfinished ones stay few, so each half gets partial
 * indexes of its own, for the whole district and per department: 已办结 would otherwise sort every finished
 * ticket by updated_at, and 未办结 would walk the deadline index past every finished ticket with an earlier
 * deadline before reaching the first one still to be handled. The predicates are written as
 * server/repositories/tickets.ts writes them (literals): both databases use a partial index only for a
 * query whose WHERE contains its predicate.
 */
const UNFINISHED = sql<SqlBool>`status not in ('closed', 'voided')`;
const FINISHED = sql<SqlBool>`status in ('closed', 'voided')`;

const INDEXES = [
  { name: 'tickets_unfinished_deadline_idx', columns: ['deadline_at', 'id'], where: UNFINISHED },
  { name: 'tickets_dept_unfinished_deadline_idx', columns: ['department_id', 'deadline_at', 'id'], where: UNFINISHED },
  { name: 'tickets_finished_updated_idx', columns: ['updated_at', 'id'], where: FINISHED },
  { name: 'tickets_dept_finished_updated_idx', columns: ['department_id', 'updated_at', 'id'], where: FINISHED },
];

export function ticketProgressIndexes(_dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      for (const { name, columns, where } of INDEXES) {
        await db.schema.createIndex(name).ifNotExists().on('tickets').columns(columns).where(where).execute();
      }
    },
  };
}
