/**
 * Policy search benchmark: 10,000 policies (made from the seed's vocabulary) in a fresh SQLite
 * database, the real server (buildApp + listen), and autocannon at 50 connections for ~5 s per query
 * over a fixed list of 2- and 4-character queries, next to a bare Fastify route measured in the same
 * run. Prints requests/s, p50, p99 and the ratio to the bare route; also the cold (first, uncached)
 * latency of each query, so the cost of the ranked SQL itself is visible.
 *
 *   npx tsx bench/policy-search.ts            (SECONDS=5 POLICIES=10000 CONNECTIONS=50 to change)
 *
 * The load generator runs in a worker thread (autocannon `workers: 1`) so it does not share the
 * server's event loop; both the bare route and the search are measured the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { PolicyCondition, PolicyInput } from '../types/policy';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createRepositories } from '../server/repositories';
import type { PolicyFields } from '../server/repositories/policies';
import { seedIfEmpty } from '../server/seed';
import { policies as seedPolicies } from '../server/seed/data/policies';
import { startWeChatStandIn } from '../server/wechat/stand-in';
import { percent, perSecond, summarize } from './summary';

const POLICIES = Number(process.env.POLICIES ?? 10_000);
const SECONDS = Number(process.env.SECONDS ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const QUERIES = process.env.QUERIES?.split(',') ?? ['社保', '补贴', '贷款', '执照', '研发', '人才', '稳岗返还', '创业担保', '专精特新', '研发费用', '营业执照', '生态茶园'];

/** A deterministic pseudo-random sequence, so every run indexes the same 10,000 policies. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const sentences = (text: string) => text.split(/(?<=[。；])/).map((s) => s.trim()).filter(Boolean);

/** Policies that read like the seed's: its titles' parts, sentences, tags and conditions recombined. */
function generate(count: number, departmentIds: Map<string, number>): { fields: PolicyFields; publishedAt: string }[] {
  const rnd = random(20261127);
  const seed = seedPolicies.filter((p) => p.status === 'published');
  const bodySentences = seed.flatMap((p) => sentences(p.body));
  const summaries = seed.map((p) => p.summary);
  const titleHeads = seed.map((p) => [...p.title].slice(0, Math.ceil(p.title.length / 2)).join(''));
  const titleTails = seed.map((p) => [...p.title].slice(Math.ceil(p.title.length / 2)).join(''));
  const tags = [...new Set(seed.flatMap((p) => p.tags))];
  const conditions: PolicyCondition[][] = seed.map((p) => p.conditions);
  const start = Date.parse('2023-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;
  const out: { fields: PolicyFields; publishedAt: string }[] = [];
  for (let i = 0; i < count; i++) {
    const base: PolicyInput = pick(rnd, seed);
    const body = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => pick(rnd, bodySentences)).join('');
    const published = new Date(start + Math.floor(rnd() * span));
    out.push({
      publishedAt: published.toISOString(),
      fields: {
        title: `${pick(rnd, titleHeads)}${pick(rnd, titleTails)}`,
        departmentId: departmentIds.get(base.department)!,
        level: base.level,
        kind: base.kind,
        tags: [...new Set([pick(rnd, tags), pick(rnd, tags)])],
        summary: pick(rnd, summaries),
        body,
        basisDoc: `茗测〔${2023 + (i % 4)}〕${i + 1}号`,
        amount: base.amount,
        validFrom: base.validFrom,
        validTo: rnd() < 0.1 ? '2025-12-31' : base.validTo,
        method: base.method,
        contact: base.contact,
        conditions: pick(rnd, conditions),
      },
    });
  }
  return out;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, workers: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

async function coldMs(url: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url);
  await res.text();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-bench-policy-'));
  const standIn = await startWeChatStandIn({ host: '127.0.0.1', port: 0 });
  // warn: per-request info lines would measure the logger writing to this terminal, not the search.
  // One load generator on one IP: the per-IP search limit would turn this into a 429 benchmark.
  const config = loadConfig({ DEMO: '1', DATA_DIR: dataDir, WECHAT_API_BASE: standIn.url, LOG_LEVEL: 'warn', RATE_LIMIT_SEARCH: '0' });
  const app = await buildApp(config);
  const bare = Fastify();
  bare.get('/bare', async () => ({ items: [], total: 0 }));
  try {
    await seedIfEmpty(app.db, config);
    const departmentIds = new Map((await app.repos.policies.departments()).map((d) => [d.name, d.id]));
    const generated = generate(POLICIES, departmentIds);
    const t0 = Date.now();
    await app.db.transaction().execute(async (trx) => {
      const repos = createRepositories(trx);
      for (const { fields, publishedAt } of generated) {
        const id = await repos.policies.insert(fields, publishedAt);
        await repos.policies.transition(id, 'draft', 'published', publishedAt);
      }
    });
    console.log(`已生成并索引 ${POLICIES} 条政策（另有演示数据 ${seedPolicies.length} 条），用时 ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
    const searchUrl = (q: string) => `${appUrl}/api/v1/policies?q=${encodeURIComponent(q)}`;

    const cold: Record<string, { ms: number; total: number }> = {};
    for (const q of QUERIES) {
      const ms = await coldMs(searchUrl(q));
      const total = ((await (await fetch(searchUrl(q))).json()) as { total: number }).total;
      cold[q] = { ms, total };
    }

    await load(`${bareUrl}/bare`); // warm-up of both sides of the socket
    const bareFigures = await load(`${bareUrl}/bare`);
    console.log(`\n${CONNECTIONS} 个连接，每项约 ${SECONDS} s（Node ${process.version}）`);
    console.log('查询          命中数   首次(ms)    请求/s   p50(ms)   p99(ms)  与裸路由之比  错误');
    console.log(`裸 Fastify 路由           ${' '.repeat(8)}${fmt(bareFigures.rps)}${fmt(bareFigures.p50, 1)}${fmt(bareFigures.p99, 1)}          100%${fmt(bareFigures.errors)}`);
    const rows: Figures[] = [];
    for (const q of QUERIES) {
      const f = await load(searchUrl(q));
      rows.push(f);
      const ratio = `${((f.rps / bareFigures.rps) * 100).toFixed(0)}%`.padStart(13);
      console.log(`${q.padEnd(6, '　')}${fmt(cold[q].total)}${fmt(cold[q].ms, 1)}${fmt(f.rps)}${fmt(f.p50, 1)}${fmt(f.p99, 1)}${ratio}${fmt(f.errors)}`);
    }
    const avg = rows.reduce((s, f) => s + f.rps, 0) / rows.length;
    const worstP99 = Math.max(...rows.map((f) => f.p99));
    summarize(
      { item: `政策检索 ${POLICIES.toLocaleString('en-US')} 条（SQLite，进程内）`, figure: `${perSecond(avg)} · ${percent(avg / bareFigures.rps)}`, target: '≥ 40% 裸路由', met: avg / bareFigures.rps >= 0.4 },
      { item: '政策检索最差 p99', figure: `${worstP99} ms`, target: '≤ 20 ms', met: worstP99 <= 20 },
    );
    console.log(`\n检索平均 ${avg.toFixed(0)} 请求/s，为裸路由的 ${((avg / bareFigures.rps) * 100).toFixed(0)}%（目标 ≥ 40%）；最差 p99 ${worstP99} ms（目标 ≤ 20 ms）`);
  } finally {
    await bare.close();
    await app.close();
    await standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('基准测试失败：', err);
  process.exit(1);
});
