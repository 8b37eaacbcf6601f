/**
 * 证照递送 booking benchmark: 200 enterprises book 10 slots of capacity 5 at the same moment over real
 * HTTP. Exactly 50 must succeed and 150 get SLOT_FULL, on SQLite and (when DATABASE_URL or
 * TEST_DATABASE_URL is set) on PostgreSQL. Throughput is compared with a bare Fastify route measured
 * in the same run, so the ratio says what the booking costs on this machine.
 *
 *   npx tsx bench/delivery-booking.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { usccCheckCharacter } from '../types/uscc';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { toChinaDate } from '../server/lib/working-days';
import { startWeChatStandIn } from '../server/wechat/stand-in';
import { scratchPostgres } from '../test/server/scratch-postgres';
import { percent, perSecond, summarize } from './summary';

const ENTERPRISES = 200;
const SLOTS = 10;
const CAPACITY = 5;
const BARE_ROUNDS = 5;

type Kind = 'sqlite' | 'postgres';

interface Result {
  db: Kind;
  ok: number;
  full: number;
  other: number;
  rows: number;
  booked: number;
  ms: number;
  bareMs: number;
}

function uscc(i: number): string {
  const first17 = `9133010900${String(i).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** The same 200-concurrent load against a route that does nothing: the machine's ceiling for this client. */
async function bareRoute(): Promise<number> {
  const bare = Fastify();
  bare.post('/bare', async () => ({ ok: true }));
  const url = await bare.listen({ host: '127.0.0.1', port: 0 });
  const times: number[] = [];
  for (let round = 0; round < BARE_ROUNDS + 2; round++) {
    const { ms } = await timed(() => Promise.all(Array.from({ length: ENTERPRISES }, (_, i) => postJson(`${url}/bare`, { i }))));
    if (round > 1) times.push(ms); // rounds 0–1 warm up connections and the JIT
  }
  await bare.close();
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function run(kind: Kind, pgAdminUrl: string | undefined, bareMs: number): Promise<Result> {
  const standIn = await startWeChatStandIn({ host: '127.0.0.1', port: 0 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-bench-'));
  const pgDb = kind === 'postgres' && pgAdminUrl ? await scratchPostgres(pgAdminUrl, 'ys_bench') : null;
  const config = loadConfig({
    DEMO: '1',
    DATA_DIR: dataDir,
    WECHAT_API_BASE: standIn.url,
    LOG_LEVEL: 'warn',
    DELIVERY_SLOT_CAPACITY: String(CAPACITY),
    // 200 enterprises log in and book from one IP: per-IP limits would measure 429s instead.
    RATE_LIMIT_LOGIN: '0',
    RATE_LIMIT_SUBMIT: '0',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
  });
  const app = await buildApp(config);
  try {
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    // Ten real slots: the first five working days from tomorrow (China date), morning and afternoon.
    const today = toChinaDate(app.clock.now());
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const days = app.calendar.nextWorkingDays(tomorrow, SLOTS / 2);
    const slots = days.flatMap((date) => (['上午', '下午'] as const).map((period) => ({ date, period })));

    // Setup (not timed): 200 enterprises, each with a user logged in through the WeChat stand-in.
    const tokens: string[] = [];
    for (let i = 0; i < ENTERPRISES; i++) {
      const enterprise = await app.repos.enterprises.insert(
        { uscc: uscc(i), name: `压测企业${i}有限公司`, industry: '制造业', scale: '小型', district: '茶园街道', qualifications: [] },
        new Date().toISOString(),
      );
      const login = await postJson(`${base}/api/v1/auth/wechat`, { code: `mock:bench-${i}` });
      const { token, user } = login.json as { token: string; user: { id: number } };
      await app.repos.users.setEnterprise(user.id, enterprise!.id);
      tokens.push(token);
    }

    // Warm-up (not timed), as for the bare route: open the 200 connections and run the auth path once.
    await Promise.all(tokens.map((token) => fetch(`${base}/api/v1/delivery/slots?from=${days[0]}&to=${days[0]}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer())));

    const body = (i: number) => ({
      items: [{ kind: '营业执照正本', quantity: 1 }],
      mode: '送达',
      recipientName: '压测收件人',
      phone: `139${String(10000000 + i).slice(-8)}`,
      address: { region: ['浙江省', '杭州市', '西湖区'], detail: `压测路 ${i} 号` },
      ...slots[i % SLOTS],
    });
    const { value: responses, ms } = await timed(() =>
      Promise.all(tokens.map((token, i) => postJson(`${base}/api/v1/deliveries`, body(i), { authorization: `Bearer ${token}`, 'idempotency-key': `bench-${i}` }))),
    );
    const code = (r: { json: unknown }) => (r.json as { error?: { code: string } }).error?.code;
    const rows = await app.db.selectFrom('deliveries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const usage = await app.db.selectFrom('delivery_slot_usage').select(['booked']).execute();
    return {
      db: kind,
      ok: responses.filter((r) => r.status === 201).length,
      full: responses.filter((r) => r.status === 409 && code(r) === 'SLOT_FULL').length,
      other: responses.filter((r) => r.status !== 201 && !(r.status === 409 && code(r) === 'SLOT_FULL')).length,
      rows: Number(rows.n),
      booked: usage.reduce((sum, u) => sum + u.booked, 0),
      ms,
      bareMs,
    };
  } finally {
    await app.close();
    await standIn.close();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function table(results: Result[]): string {
  const head = ['数据库', '成功', 'SLOT_FULL', '其他', '入库', '耗时ms', '预约请求/s', '成功预约/s', '空路由请求/s', '比值'];
  const rows = results.map((r) => {
    const rps = (ENTERPRISES / r.ms) * 1000;
    const bareRps = (ENTERPRISES / r.bareMs) * 1000;
    return [r.db, r.ok, r.full, r.other, r.rows, r.ms.toFixed(0), rps.toFixed(0), ((r.ok / r.ms) * 1000).toFixed(0), bareRps.toFixed(0), `${((rps / bareRps) * 100).toFixed(1)}%`].map(String);
  });
  // CJK characters take two columns in a terminal.
  const width = (text: string) => Array.from(text).reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const pgUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const kinds: Kind[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const results: Result[] = [];
  for (const kind of kinds) {
    const bareMs = await bareRoute();
    results.push(await run(kind, pgUrl, bareMs));
  }
  console.log(`证照递送预约压测：${ENTERPRISES} 家企业同时预约 ${SLOTS} 个时段（每个 ${CAPACITY} 个名额）`);
  console.log(table(results));
  for (const r of results) {
    const rps = (ENTERPRISES / r.ms) * 1000;
    const ratio = rps / ((ENTERPRISES / r.bareMs) * 1000);
    const exact = r.ok === SLOTS * CAPACITY && r.booked === SLOTS * CAPACITY && r.other === 0;
    summarize({ item: `递送抢约 ${ENTERPRISES} 家抢 ${SLOTS * CAPACITY} 个名额（${r.db}）`, figure: `成功 ${r.ok}，${perSecond(rps)} · ${percent(ratio)}`, target: `恰好 ${SLOTS * CAPACITY} 个，不超订`, met: exact });
  }
  const expectedOk = SLOTS * CAPACITY;
  const bad = results.filter((r) => r.ok !== expectedOk || r.full !== ENTERPRISES - expectedOk || r.other !== 0 || r.rows !== expectedOk || r.booked !== expectedOk);
  if (!pgUrl) console.log('未设置 DATABASE_URL / TEST_DATABASE_URL，仅测试 SQLite。');
  if (bad.length > 0) {
    console.error(`失败：应恰好 ${expectedOk} 个成功、${ENTERPRISES - expectedOk} 个 SLOT_FULL（${bad.map((r) => r.db).join('、')} 不符）`);
    process.exit(1);
  }
  console.log(`通过：每个数据库恰好 ${expectedOk} 个成功、${ENTERPRISES - expectedOk} 个 SLOT_FULL，无超订。`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
