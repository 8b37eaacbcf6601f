/**
 * What the rate limiter costs, counted in the database or in Redis (REDIS_URL). The real server
 * process on the demo data serves a limited route, the policy search (one cached query, so the
 * limiter's share is visible), under autocannon three ways in the same run: limit off
 * (RATE_LIMIT_SEARCH=0), limit on counted in the database, limit on counted in Redis. The limit is
 * set far above what one run sends, so every request is counted and none is refused. Rounds
 * alternate the three and the median is reported, as ratios to "limit off" (2 shared cores: the
 * absolute figures are noisy). Also the cost of one count on its own: sequential hits, µs each.
 *
 *   npx tsx bench/rate-limit.ts      (SECONDS=4 ROUNDS=3 CONNECTIONS=50; BENCH_REDIS_URL or TEST_REDIS_URL,
 *                                     default redis://127.0.0.1:6379; TEST_DATABASE_URL adds PostgreSQL)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { createDatabase } from '../server/plugins/db';
import { rateLimitsRepository, redisRateLimitStore } from '../server/repositories/rate-limits';
import { startServer, type ServerProcess } from '../test/server/scale/instances';
import { scratchPostgres } from '../test/server/scratch-postgres';
import { percent, perSecond, summarize } from './summary';

const SECONDS = Number(process.env.SECONDS ?? 4);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const HITS = Number(process.env.HITS ?? 5_000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG_URL = process.env.TEST_DATABASE_URL;
const SEARCH = `/api/v1/policies?q=${encodeURIComponent('补贴')}`;
// Distinct client addresses (X-Forwarded-For through a trusted proxy): 1 is a single hot bucket, a flood from one IP.
const CLIENTS = Number(process.env.CLIENTS ?? 1_000);

type Mode = 'off' | 'database' | 'redis';
const LABEL: Record<Mode, string> = { off: '不限流', database: '限流·数据库计数', redis: '限流·Redis 计数' };

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const width = (text: string) => Array.from(text).reduce((w, ch) => w + (/[\u2E80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function load(url: string, duration: number) {
  let n = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        setupRequest: (req) => {
          const c = n++ % CLIENTS;
          return { ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(c >> 16) & 255}.${(c >> 8) & 255}.${c & 255}` } };
        },
      },
    ],
  });
}

async function rps(url: string): Promise<{ rps: number; p99: number; non2xx: number }> {
  const r = await load(url, SECONDS);
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors + r.timeouts };
}

/** Microseconds per counted hit, one after another: the limiter's own latency with no HTTP around it. */
async function perHit(hit: (i: number) => Promise<number>): Promise<number> {
  for (let i = 0; i < 200; i++) await hit(i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < HITS; i++) await hit(i);
  return Number(process.hrtime.bigint() - t0) / 1e3 / HITS;
}

async function runOn(db: 'SQLite' | 'PostgreSQL', withRedis: boolean): Promise<void> {
  const pgDb = db === 'PostgreSQL' ? await scratchPostgres(PG_URL as string, 'ys_bench_rl') : null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-bench-rl-'));
  // One DATA_KEY for all three servers: same demo data readable, and a namespace of its own in Redis.
  const base = { DEMO: '1', TRUST_PROXY: '127.0.0.1', DATA_DIR: dataDir, DATA_KEY: randomBytes(32).toString('hex'), RATE_LIMIT_LOGIN: '0', RATE_LIMIT_SUBMIT: '0', ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) };
  const envs: Record<Mode, Record<string, string>> = {
    off: { ...base, RATE_LIMIT_SEARCH: '0' },
    database: { ...base, RATE_LIMIT_SEARCH: '9999999' },
    redis: { ...base, RATE_LIMIT_SEARCH: '9999999', REDIS_URL },
  };
  const modes: Mode[] = withRedis ? ['off', 'database', 'redis'] : ['off', 'database'];
  const results = new Map<Mode, { rps: number[]; p99: number[]; non2xx: number }>(modes.map((m) => [m, { rps: [], p99: [], non2xx: 0 }]));
  try {
    // The first start migrates and seeds; the others find it done.
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
        const server: ServerProcess = await startServer(envs[mode]);
        try {
          await load(`${server.url}${SEARCH}`, 1); // warm-up
          const r = await rps(`${server.url}${SEARCH}`);
          const acc = results.get(mode)!;
          acc.rps.push(r.rps);
          acc.p99.push(r.p99);
          acc.non2xx += r.non2xx;
        } finally {
          await server.stop();
        }
      }
    }

    // The server's own connection setup (WAL and pragmas on SQLite, the pool on PostgreSQL).
    const { db: kysely } = createDatabase({ databaseUrl: pgDb?.url ?? null, dataDir });
    const window = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    const dbHit = await perHit((i) => rateLimitsRepository(kysely).hit(window, `bench:ip:${i % 100}`));
    await kysely.destroy();
    let redisHit: number | null = null;
    if (withRedis) {
      const client = new Redis(REDIS_URL);
      const store = redisRateLimitStore(client, `bench-${process.pid}`, 60_000);
      redisHit = await perHit((i) => store.hit(Date.now() - (Date.now() % 60_000), `bench:ip:${i % 100}`));
      await client.quit();
    }

    const off = median(results.get('off')!.rps);
    console.log(`\n${db}（${ROUNDS} 轮中位数，${CONNECTIONS} 连接 × ${SECONDS} s，GET ${decodeURIComponent(SEARCH)}；负载 ${loadavg()}）`);
    console.log(`${CLIENTS} 个客户端地址轮流`);
    console.log(`${padEnd('方式', 18)}${padStart('请求/s', 10)}${padStart('相对不限流', 12)}${padStart('p99 ms', 9)}${padStart('非2xx', 7)}`);
    for (const mode of modes) {
      const acc = results.get(mode)!;
      const m = median(acc.rps);
      console.log(`${padEnd(LABEL[mode], 18)}${padStart(m.toFixed(0), 10)}${padStart(percent(m / off), 12)}${padStart(median(acc.p99).toFixed(0), 9)}${padStart(String(acc.non2xx), 7)}`);
      if (mode !== 'off') summarize({ item: `${LABEL[mode]}（${db}，政策检索，${CLIENTS} 个客户端）`, figure: `${perSecond(m)} · ${percent(m / off)} 不限流`, target: '', met: null });
    }
    console.log(`单次计数（顺序 ${HITS} 次）：数据库 ${dbHit.toFixed(0)} µs${redisHit === null ? '' : `，Redis ${redisHit.toFixed(0)} µs`}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await pgDb?.drop();
  }
}

async function main(): Promise<void> {
  const withRedis = await redisReachable();
  if (!withRedis) console.log(`Redis 不可达（${REDIS_URL.replace(/\/\/[^@]*@/, '//***@')}），只测数据库计数。`);
  await runOn('SQLite', withRedis);
  if (PG_URL) await runOn('PostgreSQL', withRedis);
  else console.log('未设置 TEST_DATABASE_URL，仅测试 SQLite。');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
