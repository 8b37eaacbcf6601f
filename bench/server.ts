/**
 * Server benchmark: every public read and write path of the REAL server process
 * (node --import tsx server/server.ts, demo seed) under autocannon, each next to a bare Fastify route
 * (its own process too) measured in the same run: requests/s, p50/p99 and the ratio to bare.
 *   reads:  health, policy search, policy detail, facets, delivery slots, me
 *   writes: POST ratings, deliveries, messages — each a distinct submission with its own
 *           Idempotency-Key, committed durably (SQLite WAL + synchronous=NORMAL; PostgreSQL defaults)
 * Targets (issue 7): policy search ≥ 40% of the bare GET; submissions ≥ 20% of the bare POST.
 * With TEST_DATABASE_URL set, the same runs again on a fresh PostgreSQL database.
 *
 *   npx tsx bench/server.ts        (SECONDS=3 CONNECTIONS=10; PROFILE_DIR=dir for the server's CPU profile;
 *                                   ONLY='POST /ratings' for just the rows whose name contains it;
 *                                   DB=sqlite or DB=postgres for one database)
 *
 * Rate limits are off for the measured rows (RATE_LIMIT_*=0); one extra row measures search with
 * the database-backed limiter on (a high limit), so its cost is visible.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Database } from '../server/db/schema';
import { SQLITE_FILE } from '../server/plugins/db';
import { hashToken, newToken } from '../server/lib/secrets';
import { usccCheckCharacter } from '../types/uscc';
import { startServer, type ServerProcess } from '../test/server/scale/instances';
import { scratchPostgres } from '../test/server/scratch-postgres';
import { percent, perSecond, summarize } from './summary';

const SECONDS = Number(process.env.SECONDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const USERS = 200;
/** ONLY='POST /ratings': measure just the rows whose name contains it (for a focused CPU profile). */
const ONLY = process.env.ONLY ?? '';

type Kind = 'sqlite' | 'postgres';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const figures = (r: autocannon.Result): Figures => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts });

/** A bare Fastify in its own process: GET returns a small JSON, POST parses the body and answers 201. */
async function startBare(): Promise<{ url: string; stop(): void }> {
  const code = `
    const app = require('fastify')();
    app.get('/bare', async () => ({ items: [], total: 0 }));
    app.post('/bare', async (req, reply) => reply.status(201).send({ id: 1, received: typeof req.body }));
    app.listen({ host: '127.0.0.1', port: 0 }).then((url) => console.log('BARE ' + url));`;
  const child = spawn(process.execPath, ['-e', code], { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /BARE (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

interface World {
  tokens: string[];
  departmentId: number;
  policyId: number;
  slots: { date: string; period: string }[];
}

/** Enterprise users with sessions, written into the server's database (the benchmark measures requests, not logins). */
async function prepare(server: ServerProcess, kind: Kind, pgUrl: string | null): Promise<World> {
  const db =
    kind === 'postgres'
      ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgUrl as string, max: 2 }) }) })
      : new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path.join(server.dataDir, SQLITE_FILE), { timeout: 5000 }) }) });
  try {
    const now = new Date().toISOString();
    const tokens: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const first17 = `9133010700${String(i).padStart(7, '0')}`;
      const e = await db
        .insertInto('enterprises')
        .values({ uscc: first17 + usccCheckCharacter(first17), name: `压测企业${i}有限公司`, industry: '制造业', scale: '小型', district: '茶园街道', qualifications: '[]', registered_on: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const u = await db.insertInto('users').values({ openid: `bench-server-${i}`, role: 'enterprise', display_name: '微信用户', enterprise_id: e.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
      const token = newToken();
      await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: u.id, created_at: now, expires_at: '2999-01-01T00:00:00.000Z' }).execute();
      tokens.push(token);
    }
    const department = await db.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow();
    const policy = await db.selectFrom('policies').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${server.url}/api/v1/delivery/slots?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    const slots = ((await res.json()) as { date: string; period: string; remaining: number }[]).filter((s) => s.remaining > 0);
    return { tokens, departmentId: department.id, policyId: policy.id, slots };
  } finally {
    await db.destroy();
  }
}

async function get(url: string, token?: string, paths?: string[]): Promise<Figures> {
  let n = 0;
  return figures(
    await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(paths ? { requests: [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) }] } : {}),
    }),
  );
}

/** Distinct submissions: each request its own body, user (round robin) and Idempotency-Key. */
async function post(url: string, world: World, body: (n: number) => unknown, tag: string): Promise<Figures> {
  let n = 0;
  return figures(
    await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      method: 'POST',
      requests: [
        {
          setupRequest: (req) => {
            const i = n++;
            return {
              ...req,
              headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${world.tokens[i % world.tokens.length]}`, 'idempotency-key': `${tag}-${process.pid}-${i}` },
              body: JSON.stringify(body(i)),
            };
          },
        },
      ],
    }),
  );
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const width = (text: string) => Array.from(text).reduce((w, ch) => w + (/[\u2E80-\u9fff\uff00-\uffef\u201c\u201d]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const num = (v: number, digits = 0) => v.toFixed(digits).padStart(9);

async function runOn(kind: Kind, bare: { url: string }): Promise<{ search: number; submissions: number }> {
  const pgDb = kind === 'postgres' ? await scratchPostgres(process.env.TEST_DATABASE_URL as string, 'ys_bench_server') : null;
  const env = { DEMO: '1', DELIVERY_SLOT_CAPACITY: '999', RATE_LIMIT_LOGIN: '0', RATE_LIMIT_SUBMIT: '0', RATE_LIMIT_SEARCH: '0', ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) };
  // PROFILE_DIR=/tmp/prof: the server process writes a CPU profile there (open it in Chrome DevTools).
  const server = await startServer(env, 60_000, process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : []);
  const lines: string[] = [];
  let search = 0;
  const submissions: number[] = [];
  try {
    const world = await prepare(server, kind, pgDb?.url ?? null);
    const base = server.url;
    const t = world.tokens[0];
    const queries = ['社保', '补贴', '贷款', '执照', '研发', '人才', '稳岗返还', '创业担保', '专精特新', '研发费用'];
    const slotFrom = world.slots[0]?.date ?? new Date().toISOString().slice(0, 10);

    await get(`${bare.url}/bare`); // warm-up of the client and both sockets
    const bareGet = await get(`${bare.url}/bare`);
    const barePost = await post(`${bare.url}/bare`, world, (i) => ({ i, comment: '基准测试' }), 'bare');

    const rows: [string, Figures, Figures][] = [];
    const read = async (name: string, pathName: string, token?: string, paths?: string[]) => {
      if (name.includes(ONLY)) rows.push([name, await get(`${base}${pathName}`, token, paths), bareGet]);
    };
    await read('GET /health', '/api/v1/health');
    await read('GET /policies?q=补贴（同一查询）', `/api/v1/policies?q=${encodeURIComponent('补贴')}`);
    await read('GET /policies?q=…（10个查询轮换）', '/api/v1/policies', undefined, queries.map((q) => `/api/v1/policies?q=${encodeURIComponent(q)}`));
    search = (rows.find(([name]) => name.includes('10个查询'))?.[1].rps ?? 0) / bareGet.rps;
    await read('GET /policies/:id', `/api/v1/policies/${world.policyId}`);
    await read('GET /policies/facets', '/api/v1/policies/facets');
    await read('GET /delivery/slots', `/api/v1/delivery/slots?from=${slotFrom}&to=${slotFrom}`, t);
    await read('GET /me', '/api/v1/me', t);

    const write = async (name: string, pathName: string, body: (n: number) => unknown) => {
      if (!name.includes(ONLY)) return;
      const f = await post(`${base}${pathName}`, world, body, name.replace(/\W+/g, ''));
      rows.push([name, f, barePost]);
      submissions.push(f.rps / barePost.rps);
    };
    await write('POST /ratings', '/api/v1/ratings', (i) => ({
      target: { kind: 'department', departmentId: world.departmentId, stage: `压测-${kind}-${i}` },
      scores: { overall: (i % 5) + 1, efficiency: 4, level: 4, attitude: 5 },
      comment: '基准测试',
    }));
    await write('POST /deliveries', '/api/v1/deliveries', (i) => ({
      items: [{ kind: '营业执照正本', quantity: 1 }],
      mode: '送达',
      recipientName: '压测收件人',
      phone: `139${String(10_000_000 + (i % 10_000_000)).slice(-8)}`,
      address: { region: ['浙江省', '杭州市', '西湖区'], detail: `压测路 ${i} 号` },
      ...world.slots[i % world.slots.length],
    }));
    await write('POST /messages', '/api/v1/messages', (i) => ({ policyId: world.policyId, body: `请问第${i}个问题：这项政策如何申请？` }));
    // What every submission pays before its writes (session, body parsing, validation, the answer): a rating
    // the schema refuses (400), so no transaction runs. Its "errors" are those 400s, all of them by design.
    const fixedName = 'POST /ratings（400 校验拒绝：写入前的固定开销）';
    if (fixedName.includes(ONLY)) rows.push([fixedName, await post(`${base}/api/v1/ratings`, world, (i) => ({ scores: { overall: 9 }, i }), 'fixed'), barePost]);
    const rss = rssMb(server.pid);

    const nameWidth = Math.max(...rows.map(([n]) => width(n))) + 2;
    lines.push(`【${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}】裸路由 GET ${bareGet.rps.toFixed(0)} 请求/s（p99 ${bareGet.p99} ms），POST ${barePost.rps.toFixed(0)} 请求/s（p99 ${barePost.p99} ms）；负载后服务进程 RSS ${rss.toFixed(0)} MB`);
    lines.push(`${pad('路径', nameWidth)}   请求/s   p50(ms)   p99(ms)  与裸路由之比  错误`);
    const db = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    for (const [name, f, ref] of rows) {
      const ratio = f.rps / ref.rps;
      if (name.includes('固定开销')) summarize({ item: `提交写入前的固定开销（${db}）`, figure: `${perSecond(f.rps)} · ${percent(ratio)}`, target: '', met: null });
      else if (name.startsWith('POST')) summarize({ item: `${name}（${db}）`, figure: `${perSecond(f.rps)} · ${percent(ratio)} · p99 ${f.p99} ms`, target: '≥ 20% 裸路由', met: ratio >= 0.2 });
      else if (name.includes('10个查询')) summarize({ item: `政策检索（${db}）`, figure: `${perSecond(f.rps)} · ${percent(ratio)} · p99 ${f.p99} ms`, target: '≥ 40% 裸路由', met: ratio >= 0.4 });
    }
    summarize({ item: `服务进程 RSS（${db}，负载后）`, figure: `${rss.toFixed(0)} MB`, target: '', met: null });
    for (const [name, f, ref] of rows) lines.push(`${pad(name, nameWidth)}${num(f.rps)}${num(f.p50, 1)}${num(f.p99, 1)}${`${((f.rps / ref.rps) * 100).toFixed(0)}%`.padStart(13)}${String(f.errors).padStart(6)}`);
  } finally {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    await pgDb?.drop();
  }

  // The database-backed rate limiter on (a limit the run cannot reach), to show what it costs per search.
  if (kind === 'sqlite' && !ONLY) {
    const limited = await startServer({ ...env, RATE_LIMIT_SEARCH: '9999999', RATE_LIMIT_WINDOW_SECONDS: '3600' });
    try {
      const f = await get(`${limited.url}/api/v1/policies?q=${encodeURIComponent('补贴')}`);
      lines.push(`（限流开启时）GET /policies?q=补贴：${f.rps.toFixed(0)} 请求/s，p99 ${f.p99} ms，错误 ${f.errors}`);
    } finally {
      await limited.stop();
    }
  }
  console.log(`\n${lines.join('\n')}`);
  const worst = Math.min(...submissions);
  console.log(`检索为裸路由的 ${(search * 100).toFixed(0)}%（目标 ≥ 40%）：${search >= 0.4 ? '达标' : '未达标'}；提交最低为裸路由的 ${(worst * 100).toFixed(0)}%（目标 ≥ 20%）：${worst >= 0.2 ? '达标' : '未达标'}`);
  return { search, submissions: worst };
}

async function main(): Promise<void> {
  console.log(`${CONNECTIONS} 个连接，每项约 ${SECONDS} s（Node ${process.version}；真实服务进程与裸 Fastify 进程，负载端在本进程）`);
  const bare = await startBare();
  try {
    for (const kind of (process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']).filter((k) => !process.env.DB || k === process.env.DB) as Kind[]) await runOn(kind, bare);
  } finally {
    bare.stop();
  }
}

main().catch((err: unknown) => {
  console.error('基准测试失败：', err);
  process.exit(1);
});
