/**
 * Satisfaction benchmark: 1,000,000 ratings across 50,000 enterprises, 20 departments, 1,000 key
 * projects and 8 quarters (2025Q1–2026Q4), written straight into a fresh database by the scale fill
 * (test/server/scale/fill.ts: batched inserts with the pre-aggregates, distinct-rater counts and the
 * tickets of the bad ratings); then the real server (buildApp + listen) and autocannon:
 *   - the dashboard (GET /api/v1/admin/stats/satisfaction?period=2026Q4): by department, and by
 *     project in pages of 50 (the first page and one in the middle, via its cursor): p50/p99 and the
 *     bytes of each response; every page is walked once to check each project comes exactly once;
 *   - ratings ingested per second through POST /api/v1/ratings, next to a bare Fastify route that
 *     validates the same body, measured the same way in the same run.
 * With TEST_DATABASE_URL=postgres://… the same runs again on a fresh PostgreSQL database.
 *
 *   npx tsx bench/satisfaction.ts      (RATINGS=1000000 SECONDS=5 CONNECTIONS=10 to change)
 *
 * The dashboard load runs in a worker thread (autocannon `workers: 1`). The ingestion load needs a
 * distinct body per request (one rating per stage), so it runs in-process for both the app and the
 * bare route: the ratio between the two is the figure to read. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { NewRating, RatingCreated, type SatisfactionStats } from '../types/satisfaction';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import type { Database } from '../server/db/schema';
import { createDatabase } from '../server/plugins/db';
import { migrateToLatest } from '../server/migrations';
import { startWeChatStandIn } from '../server/wechat/stand-in';
import { AS_OF, fill, type ScaleSizes } from '../test/server/scale/fill';
import { summarize } from './summary';

const RATINGS = Number(process.env.RATINGS ?? 1_000_000);
const SIZES: ScaleSizes = { enterprises: 50_000, policies: 0, ratings: RATINGS, benefits: 0, deliveries: 0, threads: 0, projects: 1_000 };
const SECONDS = Number(process.env.SECONDS ?? 5);
// A dashboard for the office: 10 concurrent viewers is already generous.
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
// WeChat's guidance for one request's response.
const WECHAT_RESPONSE_BYTES = 256 * 1024;
const RATER_DEPARTMENT = 1;

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

interface PageWalk {
  pages: number;
  groups: number;
  distinct: number;
  totalGroups: number;
  maxBytes: number;
  /** Cursors of the pages, '' for the first. */
  cursors: string[];
  bytes: number[];
}

/** Follows nextCursor through every page of the projects, as 加载更多 would. */
async function walkPages(url: string, token: string): Promise<PageWalk> {
  const ids: number[] = [];
  const cursors: string[] = [];
  const bytes: number[] = [];
  let cursor: string | null = '';
  let totalGroups = 0;
  while (cursor !== null) {
    cursors.push(cursor);
    const res = await fetch(cursor ? `${url}&cursor=${cursor}` : url, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (!res.ok) throw new Error(`page ${cursors.length}: ${res.status} ${text}`);
    bytes.push(Buffer.byteLength(text));
    const body = JSON.parse(text) as SatisfactionStats;
    ids.push(...body.groups.map((g) => g.key.id ?? 0));
    totalGroups = body.page.totalGroups;
    cursor = body.page.nextCursor;
  }
  return { pages: cursors.length, groups: ids.length, distinct: new Set(ids).size, totalGroups, maxBytes: Math.max(...bytes), cursors, bytes };
}

const row = (label: string, f: Figures, bytes: number) => `${label.padEnd(14, '　')}${fmt(f.rps)}${fmt(f.p50, 1)}${fmt(f.p99, 1)}${fmt(f.errors)}${fmt(bytes)}`;
const met = (f: Figures) => (f.p99 <= 300 && f.errors === 0 ? '达标' : '未达标');

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
    // The scale fill (also moves PostgreSQL's sequences and refreshes the planner's statistics).
    const gen = await fill(db, dialect, SIZES);
    await db.destroy();
    const genSeconds = (Date.now() - t0) / 1000;

    const app = await buildApp(config);
    app.clock.now = () => new Date(AS_OF);
    try {
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const dashboard = `${base}/api/v1/admin/stats/satisfaction?period=2026Q4`;
      const first = Date.now();
      const check = await fetch(`${dashboard}&by=department`, { headers: { authorization: `Bearer ${gen.adminToken}` } });
      const deptText = await check.text();
      const coldMs = Date.now() - first;
      const body = JSON.parse(deptText) as SatisfactionStats;
      const walkStart = Date.now();
      const walk = await walkPages(`${dashboard}&by=project`, gen.adminToken);
      const walkMs = Date.now() - walkStart;
      const middle = Math.floor(walk.pages / 2);
      const byDept = await loadGet(`${dashboard}&by=department`, gen.adminToken);
      const firstPage = await loadGet(`${dashboard}&by=project`, gen.adminToken);
      const middlePage = await loadGet(`${dashboard}&by=project&cursor=${walk.cursors[middle]}`, gen.adminToken);
      const ingest = await loadRatings(`${base}/api/v1/ratings`, gen.enterpriseToken, RATER_DEPARTMENT, kind);
      const stored = await app.db.selectFrom('ratings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const exact = await raterCountsAgree(app.db, RATER_DEPARTMENT);
      const ratio = `${((ingest.rps / bareRatings.rps) * 100).toFixed(0)}%`;
      const covered = walk.distinct === walk.groups && walk.groups === walk.totalGroups;
      const db = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      const dashboardRow = (what: string, f: Figures) => ({ item: `满意度看板${what}（${db}，100 万条）`, figure: `p99 ${f.p99} ms · ${f.rps.toFixed(0)} 请求/s`, target: '≤ 300 ms', met: f.p99 <= 300 && f.errors === 0 });
      summarize(
        dashboardRow('按部门', byDept),
        dashboardRow('按项目第1页', firstPage),
        { item: `看板按项目每页字节（${db}）`, figure: `≤ ${walk.maxBytes.toLocaleString('en-US')} B`, target: `≤ ${WECHAT_RESPONSE_BYTES.toLocaleString('en-US')} B`, met: walk.maxBytes <= WECHAT_RESPONSE_BYTES && covered },
      );
      return [
        `【${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}】生成 ${RATINGS.toLocaleString()} 条评价及预聚合用时 ${genSeconds.toFixed(1)} s；2026Q4 共 ${body.total.figures.ratings} 条；看板首次请求 ${coldMs} ms`,
        `按项目逐页加载：${walk.pages} 页共 ${walk.groups} 个项目（${covered ? '每个项目恰好一次' : '有重复或遗漏！'}，共 ${walk.totalGroups} 个），用时 ${walkMs} ms；每页 ${Math.min(...walk.bytes)}–${walk.maxBytes} 字节（微信建议 ≤ ${WECHAT_RESPONSE_BYTES}：${walk.maxBytes <= WECHAT_RESPONSE_BYTES ? '达标' : '未达标'}）`,
        `${'项目'.padEnd(14, '　')}${['请求/s', 'p50(ms)', 'p99(ms)', '错误', '字节'].map((h) => h.padStart(10)).join('')}`,
        row('看板（按部门）', byDept, Buffer.byteLength(deptText)),
        row('看板（按项目，第1页）', firstPage, walk.bytes[0]),
        row(`看板（按项目，第${middle + 1}页）`, middlePage, walk.bytes[middle]),
        `提交评价 POST /ratings    ${fmt(ingest.rps)}${fmt(ingest.p50, 1)}${fmt(ingest.p99, 1)}${fmt(ingest.errors)}   为裸路由的 ${ratio}；库中现有 ${Number(stored.n).toLocaleString()} 条`,
        `并发写入后评价人数计数与逐条统计${exact ? '一致' : '不一致！'}（部门 ${RATER_DEPARTMENT}，2026Q4 及全区）`,
        `看板 p99 目标 ≤ 300 ms（且无错误）：按部门${met(byDept)}，按项目第1页${met(firstPage)}，第${middle + 1}页${met(middlePage)}；负载 ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
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
