/**
 * Scale benchmark: 100,000 enterprises, 50,000 policies, 1,000,000 ratings (plus 100,000 benefits,
 * 100,000 deliveries, 50,000 message threads and the tickets of the bad ratings) written into a fresh
 * SQLite database — and a fresh PostgreSQL one when TEST_DATABASE_URL is set — then the REAL server
 * process (node --import tsx server/server.ts) on it, and autocannon against the main list endpoints:
 * first (uncached) latency, requests/s, p50/p99, and the server process's resident memory (RSS)
 * sampled under that load.
 *
 *   npx tsx bench/scale.ts        (SCALE=0.1 for a tenth of the rows; SECONDS=3 CONNECTIONS=10)
 *
 * The load generator runs in this process, the server in its own: they share the machine's cores,
 * as a load balancer and its backend would not. Rate limits are off for the run (RATE_LIMIT_*=0).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/plugins/db';
import { migrateToLatest } from '../server/migrations';
import { FULL_SIZES, fill, type Filled, type ScaleSizes } from '../test/server/scale/fill';
import { startServer } from '../test/server/scale/instances';
import { scratchPostgres } from '../test/server/scratch-postgres';
import { summarize } from './summary';

const SCALE = Number(process.env.SCALE ?? 1);
const SECONDS = Number(process.env.SECONDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const SIZES: ScaleSizes = Object.fromEntries(Object.entries(FULL_SIZES).map(([k, v]) => [k, Math.max(100, Math.round(v * SCALE))])) as unknown as ScaleSizes;

type Kind = 'sqlite' | 'postgres';

interface Endpoint {
  name: string;
  path: string;
  token?: keyof Pick<Filled, 'enterpriseToken' | 'staffToken' | 'adminToken'>;
  /** Vary the URL per request (page numbers), so the policy search cache cannot answer. */
  pages?: number;
}

function endpoints(f: Filled): Endpoint[] {
  return [
    { name: '政策列表 第1页（缓存）', path: '/api/v1/policies' },
    { name: '政策列表 1–500页轮换', path: '/api/v1/policies?pageSize=20', pages: 500 },
    { name: '政策检索“补贴”（缓存）', path: `/api/v1/policies?q=${encodeURIComponent('补贴')}` },
    { name: '政策检索“补贴”1–200页轮换', path: `/api/v1/policies?q=${encodeURIComponent('补贴')}`, pages: 200 },
    { name: '政策详情', path: `/api/v1/policies/${publishedPolicyId()}` },
    { name: '政策管理（管理员）', path: '/api/v1/admin/policies', token: 'adminToken' },
    { name: '企业名录 1–2000页轮换', path: '/api/v1/admin/enterprises?pageSize=20', token: 'adminToken', pages: 2000 },
    { name: '企业名录 名称片段（走索引）', path: `/api/v1/admin/enterprises?q=${encodeURIComponent('茶业123')}`, token: 'adminToken' },
    { name: '免申即享（管理员）', path: '/api/v1/admin/benefits', token: 'adminToken' },
    { name: `免申即享 某政策（${f.busyPolicyId}）`, path: `/api/v1/admin/benefits?policyId=${f.busyPolicyId}`, token: 'adminToken' },
    { name: '我的免申即享', path: '/api/v1/me/benefits', token: 'enterpriseToken' },
    { name: '递送队列 某日', path: `/api/v1/admin/deliveries?date=${f.busyDate}`, token: 'staffToken' },
    { name: '递送队列 1–500页轮换', path: '/api/v1/admin/deliveries?pageSize=20', token: 'staffToken', pages: 500 },
    { name: '我的递送', path: '/api/v1/me/deliveries', token: 'enterpriseToken' },
    { name: '整改台账（管理员）', path: '/api/v1/admin/tickets', token: 'adminToken' },
    { name: '整改台账 本部门', path: '/api/v1/admin/tickets', token: 'staffToken' },
    { name: '我的整改', path: '/api/v1/me/tickets', token: 'enterpriseToken' },
    { name: '留言收件箱 本部门', path: '/api/v1/admin/messages', token: 'staffToken' },
    { name: '我的留言', path: '/api/v1/me/messages', token: 'enterpriseToken' },
    { name: '满意度看板 按部门', path: '/api/v1/admin/stats/satisfaction?period=2026Q4&by=department', token: 'adminToken' },
  ];
}

/** A policy in the middle of the range that fill() published (it drafts every 50th and withdraws every 97th). */
function publishedPolicyId(): number {
  let id = Math.floor(SIZES.policies / 2) + 1;
  while (id % 50 === 0 || id % 97 === 0) id++;
  return id;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface Row {
  name: string;
  coldMs: number;
  total: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rssMax: number;
}

async function measure(base: string, pid: number, e: Endpoint, f: Filled): Promise<Row> {
  const headers: Record<string, string> = e.token ? { authorization: `Bearer ${f[e.token]}` } : {};
  const t0 = process.hrtime.bigint();
  const first = await fetch(`${base}${e.path}`, { headers });
  const text = await first.text();
  const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let total = first.ok ? '' : `HTTP ${first.status}`;
  if (first.ok) {
    const body = JSON.parse(text) as { total?: number; items?: unknown[] } | unknown[];
    total = Array.isArray(body) ? String(body.length) : typeof body.total === 'number' ? String(body.total) : '—';
  }
  let n = 0;
  const join = e.path.includes('?') ? '&' : '?';
  let rssMax = rssMb(pid);
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssMb(pid));
  }, 100);
  const result = await autocannon({
    url: `${base}${e.path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    ...(e.pages ? { requests: [{ setupRequest: (req) => ({ ...req, path: `${e.path}${join}page=${(n++ % (e.pages as number)) + 1}` }) }] } : {}),
  });
  clearInterval(sampler);
  return { name: e.name, coldMs, total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts, rssMax };
}

const width = (text: string) => Array.from(text).reduce((w, ch) => w + (/[\u2E80-\u9fff\uff00-\uffef\u201c\u201d\u2013（）]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const num = (v: number, digits = 0) => v.toFixed(digits).padStart(9);

async function runOn(kind: Kind): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-bench-scale-'));
  const pgDb = kind === 'postgres' ? await scratchPostgres(process.env.TEST_DATABASE_URL as string, 'ys_bench_scale') : null;
  try {
    const t0 = Date.now();
    const config = loadConfig({ DEMO: '1', DATA_DIR: dataDir, WECHAT_API_BASE: 'http://127.0.0.1:9', ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) });
    const { db, dialect } = createDatabase(config);
    await migrateToLatest(db, dialect);
    const filled = await fill(db, dialect, SIZES);
    await db.destroy();
    const fillSeconds = (Date.now() - t0) / 1000;

    const server = await startServer({
      DEMO: '1',
      DATA_DIR: dataDir,
      ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
      RATE_LIMIT_LOGIN: '0',
      RATE_LIMIT_SUBMIT: '0',
      RATE_LIMIT_SEARCH: '0',
    });
    try {
      const idle = rssMb(server.pid);
      const rows: Row[] = [];
      for (const e of endpoints(filled)) rows.push(await measure(server.url, server.pid, e, filled));
      const heading = `【${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}】${SIZES.enterprises.toLocaleString()} 家企业、${SIZES.policies.toLocaleString()} 条政策、${SIZES.ratings.toLocaleString()} 条评价（另 ${SIZES.benefits.toLocaleString()} 条免申即享、${SIZES.deliveries.toLocaleString()} 条递送、${SIZES.threads.toLocaleString()} 条留言）；生成 ${fillSeconds.toFixed(0)} s；服务进程空闲 RSS ${idle.toFixed(0)} MB`;
      const nameWidth = Math.max(...rows.map((r) => width(r.name))) + 2;
      console.log(`\n${heading}`);
      console.log(`${pad('接口', nameWidth)}    总数   首次(ms)    请求/s   p50(ms)   p99(ms)  RSS峰值(MB)  错误`);
      for (const r of rows) {
        console.log(`${pad(r.name, nameWidth)}${r.total.padStart(8)}${num(r.coldMs, 1)}${num(r.rps)}${num(r.p50, 1)}${num(r.p99, 1)}${num(r.rssMax)}    ${r.errors}`);
      }
      const db = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      const slowest = rows.reduce((a, b) => (b.p99 > a.p99 ? b : a));
      summarize(
        { item: `规模数据下最慢列表接口 p99（${db}）`, figure: `${slowest.p99} ms（${slowest.name}）`, target: '', met: null },
        { item: `规模数据下服务进程 RSS（${db}）`, figure: `空闲 ${idle.toFixed(0)} MB，负载峰值 ${Math.max(...rows.map((r) => r.rssMax)).toFixed(0)} MB`, target: '', met: null },
      );
      console.log(`负载下服务进程 RSS 峰值 ${Math.max(...rows.map((r) => r.rssMax)).toFixed(0)} MB`);
    } finally {
      await server.stop();
    }
  } finally {
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`${CONNECTIONS} 个连接，每个接口约 ${SECONDS} s（Node ${process.version}；真实服务进程，限流关闭）`);
  for (const kind of process.env.TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) await runOn(kind);
}

main().catch((err: unknown) => {
  console.error('基准测试失败：', err);
  process.exit(1);
});
