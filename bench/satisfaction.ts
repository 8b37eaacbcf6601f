/**
 * Satisfaction benchmark: 1,000,000 ratings across 50,000 enterprises, 20 departments, 1,000 key
 * projects and 8 quarters (2025Q1–2026Q4), written straight into a fresh SQLite database in batched
 * inserts together with their pre-aggregates (rating_stats, and the distinct-rater counts of
 * rating_raters / rating_group_raters) and the tickets of the bad ones; then the
 * real server (buildApp + listen) and autocannon:
 *   - the dashboard (GET /api/v1/admin/stats/satisfaction?period=2026Q4, by department and by project): p50/p99;
 *   - ratings ingested per second through POST /api/v1/ratings, next to a bare Fastify route that
 *     validates the same body, measured the same way in the same run.
 * With TEST_DATABASE_URL=postgres://… the same runs again on a fresh PostgreSQL database.
 *
 *   npx tsx bench/satisfaction.ts      (RATINGS=1000000 SECONDS=5 CONNECTIONS=10 to change)
 *
 * The dashboard load runs in a worker thread (autocannon `workers: 1`). The ingestion load needs a
 * distinct body per request (one rating per stage), so it runs in-process for both the app and the
 * bare route: the ratio between the two is the figure to read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { NewRating, RatingCreated } from '../types/satisfaction';
import { usccCheckCharacter } from '../types/uscc';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import type { Database } from '../server/db/schema';
import { createDatabase } from '../server/plugins/db';
import { migrateToLatest } from '../server/migrations';
import { backfillRaterCounts } from '../server/migrations/0006-rating-raters';
import { hashToken, newToken } from '../server/lib/secrets';
import { startWeChatStandIn } from '../server/wechat/stand-in';

const RATINGS = Number(process.env.RATINGS ?? 1_000_000);
const ENTERPRISES = 50_000;
const DEPARTMENTS = 20;
const PROJECTS = 1_000;
const QUARTERS = ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4'];
const SECONDS = Number(process.env.SECONDS ?? 5);
// A dashboard for the office: 10 concurrent viewers is already generous.
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const BATCH = 5_000;
const NOW = '2026-11-27T02:00:00.000Z';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Overall scores skewed as real 好差评 data is: mostly satisfied, ~15% ≤ 2. */
function score(rnd: () => number): number {
  const r = rnd();
  return r < 0.4 ? 5 : r < 0.7 ? 4 : r < 0.85 ? 3 : r < 0.95 ? 2 : 1;
}

function quarterStart(q: string): number {
  const year = Number(q.slice(0, 4));
  const month = (Number(q.slice(5)) - 1) * 3;
  return Date.UTC(year, month, 1) - 8 * 3_600_000;
}

type Row = Record<string, string | number | null>;

/** Multi-row INSERTs of BATCH rows, one transaction per batch. */
async function insertBatched(db: Kysely<Database>, table: keyof Database, rows: Iterable<Row>): Promise<void> {
  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch;
    batch = [];
    // SQLite allows 32,766 bound parameters per statement.
    const width = Object.keys(chunk[0]).length;
    const per = Math.max(1, Math.floor(30_000 / width));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < chunk.length; i += per) {
        await trx.insertInto(table).values(chunk.slice(i, i + per) as never).execute();
      }
    });
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

interface Generated {
  adminToken: string;
  raterToken: string;
  departmentId: number;
}

async function generate(db: Kysely<Database>): Promise<Generated> {
  const rnd = random(20261127);
  const at = NOW;
  await insertBatched(
    db,
    'departments',
    Array.from({ length: DEPARTMENTS }, (_, i) => ({ id: i + 1, name: `测试部门${i + 1}`, code: `bench${i + 1}`, created_at: at })),
  );
  await insertBatched(
    db,
    'enterprises',
    (function* () {
      for (let i = 1; i <= ENTERPRISES; i++) {
        const first17 = `9133${String(i).padStart(13, '0')}`;
        yield { id: i, uscc: first17 + usccCheckCharacter(first17), name: `基准测试企业${i}有限公司`, industry: '制造业', scale: '小型', district: '茶园街道', qualifications: '[]', registered_on: null, created_at: at };
      }
    })(),
  );
  await insertBatched(
    db,
    'users',
    (function* () {
      for (let i = 1; i <= ENTERPRISES; i++) {
        yield { id: i, openid: `bench-${i}`, username: null, password_hash: null, role: 'enterprise', display_name: '微信用户', department_id: null, phone_enc: null, phone_masked: `138****${String(i % 10000).padStart(4, '0')}`, enterprise_id: i, failed_logins: 0, locked_until: null, created_at: at };
      }
    })(),
  );
  const projects = Array.from({ length: PROJECTS }, (_, i) => ({ id: i + 1, department_id: (i % DEPARTMENTS) + 1, enterprise_id: Math.floor(rnd() * ENTERPRISES) + 1 }));
  await insertBatched(
    db,
    'projects',
    projects.map((p) => ({ ...p, name: `重点项目${p.id}`, stages: '[]', created_at: at })),
  );

  const stats = new Map<string, number[]>();
  const tickets: Row[] = [];
  await insertBatched(
    db,
    'ratings',
    (function* () {
      for (let i = 0; i < RATINGS; i++) {
        const enterprise = (i % ENTERPRISES) + 1;
        const quarter = QUARTERS[Math.floor(rnd() * QUARTERS.length)];
        const project = rnd() < 0.3 ? projects[Math.floor(rnd() * PROJECTS)] : null;
        const department = project ? project.department_id : Math.floor(rnd() * DEPARTMENTS) + 1;
        const overall = score(rnd);
        const others = [score(rnd), score(rnd), score(rnd)];
        const createdAt = new Date(quarterStart(quarter) + Math.floor(rnd() * 89 * 86_400_000)).toISOString();
        const key = `${department}|${project?.id ?? 0}|${quarter}`;
        const agg = stats.get(key) ?? [0, 0, 0, 0, 0, 0, 0, 0];
        agg[overall - 1]++;
        agg[5] += others[0];
        agg[6] += others[1];
        agg[7] += others[2];
        stats.set(key, agg);
        const id = i + 1;
        if (overall <= 2) {
          const done = rnd() < 0.8;
          tickets.push({
            rating_id: id,
            department_id: department,
            enterprise_id: enterprise,
            project_id: project?.id ?? null,
            quarter,
            status: done ? 'closed' : 'open',
            deadline_at: new Date(Date.parse(createdAt) + 21 * 86_400_000).toISOString(),
            callback_due_at: new Date(Date.parse(createdAt) + 86_400_000).toISOString(),
            callback_at: done || rnd() < 0.5 ? createdAt : null,
            rectified_at: done ? createdAt : null,
            rectified_on_time: done ? (rnd() < 0.9 ? 1 : 0) : null,
            closed_at: done ? createdAt : null,
            reopen_count: 0,
            created_at: createdAt,
            updated_at: createdAt,
          });
        }
        yield {
          id,
          enterprise_id: enterprise,
          user_id: enterprise,
          target_kind: project ? 'project' : 'department',
          target_id: project ? project.id : department,
          // One rating per enterprise per thing per stage: each of an enterprise's 20 ratings has its own stage.
          stage: `第${Math.floor(i / ENTERPRISES) + 1}次`,
          department_id: department,
          project_id: project?.id ?? null,
          quarter,
          overall,
          efficiency: others[0],
          level: others[1],
          attitude: others[2],
          comment: '',
          problem_category: null,
          problem_description: null,
          photo_count: 0,
          visit_id: null,
          voided: 0,
          created_at: createdAt,
        };
      }
    })(),
  );
  await insertBatched(db, 'tickets', tickets);
  // The distinct-rater counts, built by the same statements a migration uses on an existing database.
  await backfillRaterCounts(db);
  await insertBatched(
    db,
    'rating_stats',
    [...stats.entries()].map(([key, a]) => {
      const [department, project, quarter] = key.split('|');
      return { department_id: Number(department), project_id: Number(project), quarter, n1: a[0], n2: a[1], n3: a[2], n4: a[3], n5: a[4], sum_efficiency: a[5], sum_level: a[6], sum_attitude: a[7] };
    }),
  );

  // Sessions made directly: the benchmark measures the dashboard, not the login.
  const adminToken = newToken();
  const raterToken = newToken();
  const admin = await db
    .insertInto('users')
    .values({ id: ENTERPRISES + 1, username: 'bench-admin', role: 'admin', display_name: '基准管理员', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const expires = '2999-01-01T00:00:00.000Z';
  await db.insertInto('sessions').values({ token_hash: hashToken(adminToken), user_id: admin.id, created_at: at, expires_at: expires }).execute();
  await db.insertInto('sessions').values({ token_hash: hashToken(raterToken), user_id: 1, created_at: at, expires_at: expires }).execute();
  return { adminToken, raterToken, departmentId: 1 };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function figures(result: autocannon.Result): Figures {
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

async function loadGet(url: string, token: string): Promise<Figures> {
  return figures(await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, workers: 1, headers: { authorization: `Bearer ${token}` } }));
}

/** POSTs a distinct rating per request (stage = a counter), so none is refused as a duplicate. */
async function loadRatings(url: string, token: string, departmentId: number, tag: string): Promise<Figures> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          n++;
          const overall = (n % 5) + 1;
          return {
            ...req,
            body: JSON.stringify({
              target: { kind: 'department', departmentId, stage: `${tag}-${n}` },
              scores: { overall, efficiency: overall, level: overall, attitude: overall },
              comment: '基准测试',
            }),
          };
        },
      },
    ],
  });
  return figures(result);
}

/** After the concurrent ingestion: the kept distinct-rater counts equal COUNT(DISTINCT) over the ratings. */
async function raterCountsAgree(db: Kysely<Database>, departmentId: number): Promise<boolean> {
  const kept = async (kind: 'all' | 'department', id: number) =>
    Number(
      (await db.selectFrom('rating_group_raters').select('raters').where('group_kind', '=', kind).where('group_id', '=', id).where('quarter', '=', '2026Q4').executeTakeFirst())?.raters ?? 0,
    );
  const counted = async (department: number | null) => {
    let q = db.selectFrom('ratings').select((eb) => eb.fn.count('enterprise_id').distinct().as('n')).where('quarter', '=', '2026Q4').where('voided', '=', 0);
    if (department !== null) q = q.where('department_id', '=', department);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return (await kept('department', departmentId)) === (await counted(departmentId)) && (await kept('all', 0)) === (await counted(null));
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(10);

async function freshPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ys_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

async function runOn(kind: 'sqlite' | 'postgres', bareRatings: Figures): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-bench-sat-'));
  const pgDb = kind === 'postgres' ? await freshPostgres(process.env.TEST_DATABASE_URL as string) : null;
  const standIn = await startWeChatStandIn({ host: '127.0.0.1', port: 0 });
  // The ingestion run is one user posting as fast as it can: measure the pipeline, not the per-user submit limit.
  const env = { DEMO: '1', DATA_DIR: dataDir, WECHAT_API_BASE: standIn.url, LOG_LEVEL: 'warn', RATE_LIMIT_SUBMIT: '0', ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) };
  const config = loadConfig(env);
  try {
    const t0 = Date.now();
    const { db, dialect } = createDatabase(config);
    await migrateToLatest(db, dialect);
    const gen = await generate(db);
    if (dialect === 'postgres') {
      // Explicit ids were inserted: move the sequences past them, and give the planner fresh statistics.
      for (const table of ['departments', 'enterprises', 'users', 'projects', 'ratings', 'tickets']) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
      }
      await sql`vacuum analyze`.execute(db);
    } else {
      await sql`analyze`.execute(db);
    }
    await db.destroy();
    const genSeconds = (Date.now() - t0) / 1000;

    const app = await buildApp(config);
    app.clock.now = () => new Date(NOW);
    try {
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const dashboard = `${base}/api/v1/admin/stats/satisfaction?period=2026Q4`;
      const first = Date.now();
      const check = await fetch(`${dashboard}&by=department`, { headers: { authorization: `Bearer ${gen.adminToken}` } });
      const body = (await check.json()) as { total: { figures: { ratings: number } } };
      const coldMs = Date.now() - first;
      const byDept = await loadGet(`${dashboard}&by=department`, gen.adminToken);
      const byProject = await loadGet(`${dashboard}&by=project`, gen.adminToken);
      const ingest = await loadRatings(`${base}/api/v1/ratings`, gen.raterToken, gen.departmentId, kind);
      const stored = await app.db.selectFrom('ratings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const exact = await raterCountsAgree(app.db, gen.departmentId);
      const ratio = `${((ingest.rps / bareRatings.rps) * 100).toFixed(0)}%`;
      return [
        `【${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}】生成 ${RATINGS.toLocaleString()} 条评价及预聚合用时 ${genSeconds.toFixed(1)} s；2026Q4 共 ${body.total.figures.ratings} 条；看板首次请求 ${coldMs} ms`,
        '项目                              请求/s   p50(ms)   p99(ms)      错误',
        `看板（按部门）              ${fmt(byDept.rps)}${fmt(byDept.p50, 1)}${fmt(byDept.p99, 1)}${fmt(byDept.errors)}`,
        `看板（按项目，${PROJECTS}个）      ${fmt(byProject.rps)}${fmt(byProject.p50, 1)}${fmt(byProject.p99, 1)}${fmt(byProject.errors)}`,
        `提交评价 POST /ratings      ${fmt(ingest.rps)}${fmt(ingest.p50, 1)}${fmt(ingest.p99, 1)}${fmt(ingest.errors)}   为裸路由的 ${ratio}；库中现有 ${Number(stored.n).toLocaleString()} 条`,
        `并发写入后评价人数计数与逐条统计${exact ? '一致' : '不一致！'}（部门 ${gen.departmentId}，2026Q4 及全区）`,
        `看板 p99 目标 ≤ 300 ms（且无错误）：按部门${byDept.p99 <= 300 && byDept.errors === 0 ? '达标' : '未达标'}，按项目${byProject.p99 <= 300 && byProject.errors === 0 ? '达标' : '未达标'}`,
      ];
    } finally {
      await app.close();
    }
  } finally {
    await standIn.close();
    // KEEP_DB=1 leaves the SQLite file (and the PostgreSQL database) for EXPLAIN and ad-hoc timing.
    if (process.env.KEEP_DB) console.log(`数据库保留在 ${pgDb ? pgDb.url : dataDir}`);
    else {
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  const bare = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  bare.post('/bare', { schema: { body: NewRating, response: { 201: RatingCreated } } }, async (_req, reply) => reply.status(201).send({ id: 1, ticketId: null }));
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareRatings = await loadRatings(`${bareUrl}/bare`, 'x'.repeat(32), 1, 'bare');
  await bare.close();

  const lines = [`${CONNECTIONS} 个连接，每项约 ${SECONDS} s（Node ${process.version}）`, `裸 Fastify 路由（同样的请求体校验）：${bareRatings.rps.toFixed(0)} 请求/s，p50 ${bareRatings.p50} ms，p99 ${bareRatings.p99} ms`];
  console.log(lines.join('\n'));
  for (const kind of process.env.TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    const out = await runOn(kind, bareRatings);
    console.log(`\n${out.join('\n')}`);
  }
}

main().catch((err: unknown) => {
  console.error('基准测试失败：', err);
  process.exit(1);
});
