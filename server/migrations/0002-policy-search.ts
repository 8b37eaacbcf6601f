import { sql, type Migration } from 'kysely';
import type { DbDialect } from '../db/schema';
import type { AnyDb } from './columns';

/**
 * The policy full-text index. Both engines store the same space-separated tokens per field
 * (server/lib/search indexText), so they match the same documents:
 * - SQLite: an FTS5 table whose rowid is the policy id (unicode61 splits on the spaces).
 * - PostgreSQL: the same text columns plus a weighted tsvector with a GIN index.
 * The per-field text is kept so relevance can be computed identically on both (see the repository).
 * `policy_index_state.version` moves on every policy write, so caches of search results know when to drop.
 */
export function policySearch(dialect: DbDialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect === 'sqlite') {
        await sql`create virtual table policy_search using fts5(title, tags, summary, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
      } else {
        await db.schema
          .createTable('policy_search')
          .addColumn('policy_id', 'integer', (c) => c.primaryKey().references('policies.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('tags', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('document', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`create index policy_search_document_idx on policy_search using gin (document)`.execute(db);
      }
      await db.schema
        .createTable('policy_index_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('policy_index_state').values({ id: 1, version: 0 }).execute();
      // Import skips rows already present by (文号, 标题); public lists sort by publication.
      await db.schema.createIndex('policies_basis_title_idx').on('policies').columns(['basis_doc', 'title']).execute();
      await db.schema.createIndex('policies_published_idx').on('policies').columns(['status', 'published_at']).execute();
    },
  };
}
