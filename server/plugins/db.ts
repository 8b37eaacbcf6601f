import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import fp from 'fastify-plugin';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../config';
import type { Database, DbDialect } from '../db/schema';
import { BACKSTOP_PAGES, startCheckpointer } from '../db/sqlite-checkpointer';
import { statementName } from '../db/prepared';
import { migrateToLatest } from '../migrations';
import { createRepositories, type Repositories } from '../repositories';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: DbDialect;
    repos: Repositories;
  }
}

export const SQLITE_FILE = 'yingshangtong.db';

export function createDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): { db: Kysely<Database>; dialect: DbDialect } {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover, admin terminate) must not crash
    // the process: the pool discards it and the next query opens a fresh one.
    pool.on('error', () => undefined);
    pool.on('connect', keepPreparedStatementsParsed);
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, SQLITE_FILE);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode and ~10x faster than FULL here.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const checkpointer = startCheckpointer(file);
  const close = () => {
    void checkpointer.stop();
    // Leave an empty WAL behind whichever connection closes last, as SQLite does on its own.
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Busy: the next open replays the WAL, nothing is lost.
    }
    sqlite.close();
  };
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, close) }) }), dialect: 'sqlite' };
}

/**
 * The hot queries (server/db/prepared.ts) go to PostgreSQL as named statements: each connection
 * parses and plans them once instead of on every submission. Their plans are simple key lookups and
 * inserts, so a generic plan is as good as a custom one.
 */
function keepPreparedStatementsParsed(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = args.length === 2 && typeof text === 'string' && Array.isArray(values) ? statementName(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
}

/**
 * Kysely prepares every query anew, and preparing was ~18% of a submission's CPU (bench/server.ts
 * profile); the same few hundred SQL texts repeat, so they stay prepared (least recently used go).
 * A reused statement is re-prepared by SQLite itself if the schema changed.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, close: () => void, capacity = 1000) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close,
    prepare(sql: string): SqliteDatabase.Statement {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export default fp(
  async function dbPlugin(fastify, opts: { config: AppConfig }) {
    const { db, dialect } = createDatabase(opts.config);
    try {
      await migrateToLatest(db, dialect);
    } catch (err) {
      await db.destroy();
      throw err;
    }
    fastify.decorate('db', db);
    fastify.decorate('dialect', dialect);
    fastify.decorate('repos', createRepositories(db));
    fastify.addHook('onClose', async () => {
      await db.destroy();
    });
  },
  { name: 'db' },
);
