import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../../server/db/schema';
import { migrateToLatest } from '../../../server/migrations';
import { createRepositories, type Repositories } from '../../../server/repositories';
import type { DbKind } from '../helper';
import { scratchPostgres } from '../scratch-postgres';
import { fill, type Filled, type ScaleSizes } from './fill';

/** Tables that grow with the district: reading one of these whole is what the checks forbid. */
export const BIG_TABLES = new Set([
  'policies',
  'policy_search',
  'enterprises',
  'users',
  'sessions',
  'benefits',
  'benefit_events',
  'deliveries',
  'delivery_events',
  'message_threads',
  'message_posts',
  'ratings',
  'tickets',
  'ticket_events',
  'visits',
  'idempotency_keys',
  'audit_log',
]);

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

export interface PlanProblem {
  query: string;
  problem: string;
}

export interface PlanEnv {
  kind: DbKind;
  filled: Filled;
  /** Runs `work` on repositories over a logging connection and returns every statement they issued. */
  capture(work: (repos: Repositories) => Promise<unknown>): Promise<CapturedQuery[]>;
  /** The plan of one statement as readable lines (for failure messages). */
  explain(q: CapturedQuery): Promise<string[]>;
  /** Full scans of big tables, and (for paged reads that must come in index order) sorts. */
  problems(q: CapturedQuery, opts: { allowSort: boolean }): Promise<string[]>;
  close(): Promise<void>;
}

/** alias → table, from Kysely's `"table" as "alias"`; plain table names map to themselves. */
function aliases(sqlText: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of sqlText.matchAll(/"(\w+)"(?: as "(\w+)")?/g)) {
    if (BIG_TABLES.has(m[1])) map.set(m[2] ?? m[1], m[1]);
  }
  return map;
}

const isPaged = (sqlText: string) => /\blimit\b/i.test(sqlText);

export async function openPlanEnv(kind: DbKind, sizes: ScaleSizes): Promise<PlanEnv> {
  const captured: CapturedQuery[] = [];
  const log = (event: { level: string; query: CapturedQuery }) => {
    captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  };

  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'ys-scale-'));
    const sqlite = new SqliteDatabase(path.join(dir, 'plans.db'));
    sqlite.pragma('journal_mode = WAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
    await migrateToLatest(db, 'sqlite');
    const filled = await fill(db, 'sqlite', sizes);
    const explain = async (q: CapturedQuery) =>
      (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail);
    return {
      kind,
      filled,
      async capture(work) {
        captured.length = 0;
        await work(createRepositories(db));
        return [...captured];
      },
      explain,
      async problems(q, { allowSort }) {
        const tables = aliases(q.sql);
        const out: string[] = [];
        for (const detail of await explain(q)) {
          // "SCAN t" reads the whole table; "SCAN t USING INDEX i" walks an index in order (and stops at LIMIT).
          const scan = /^SCAN (\w+)$/.exec(detail);
          if (scan && tables.has(scan[1])) out.push(`全表扫描 ${tables.get(scan[1])}：${detail}`);
          if (!allowSort && isPaged(q.sql) && /USE TEMP B-TREE FOR (ORDER BY|RIGHT PART OF ORDER BY)/.test(detail)) out.push(`分页前需排序全部匹配行：${detail}`);
        }
        return out;
      },
      async close() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const scratch = await scratchPostgres(process.env.TEST_DATABASE_URL as string, 'ys_scale');
  const pool = new pg.Pool({ connectionString: scratch.url, max: 4 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  await migrateToLatest(db, 'postgres');
  const filled = await fill(db, 'postgres', sizes);
  // A test database is small, so the planner would rightly read small tables whole or sort a few rows.
  // With sequential scans and explicit sorts priced out, one still appears only where no index can serve.
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  await client.query('set enable_seqscan = off');
  await client.query('set enable_sort = off');
  type Node = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Sort Key'?: string[]; Plans?: Node[] };
  const plan = async (q: CapturedQuery): Promise<Node> => {
    const res = await client.query<{ 'QUERY PLAN': { Plan: Node }[] }>(`explain (format json) ${q.sql}`, q.parameters as unknown[]);
    return res.rows[0]['QUERY PLAN'][0].Plan;
  };
  const walk = (node: Node, visit: (n: Node, depth: number) => void, depth = 0) => {
    visit(node, depth);
    for (const child of node.Plans ?? []) walk(child, visit, depth + 1);
  };
  return {
    kind,
    filled,
    async capture(work) {
      captured.length = 0;
      await work(createRepositories(db));
      return [...captured];
    },
    async explain(q) {
      const lines: string[] = [];
      walk(await plan(q), (n, depth) => {
        lines.push(`${'  '.repeat(depth)}${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}${n['Sort Key'] ? ` by ${n['Sort Key'].join(', ')}` : ''}`);
      });
      return lines;
    },
    async problems(q, { allowSort }) {
      const out: string[] = [];
      walk(await plan(q), (n) => {
        if (n['Node Type'] === 'Seq Scan' && n['Relation Name'] && BIG_TABLES.has(n['Relation Name'])) out.push(`全表扫描 ${n['Relation Name']}`);
        if (!allowSort && isPaged(q.sql) && n['Node Type'] === 'Sort') out.push(`分页前需排序全部匹配行：${(n['Sort Key'] ?? []).join(', ')}`);
      });
      return out;
    },
    async close() {
      await client.end();
      await db.destroy();
      await scratch.drop();
    },
  };
}
