import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../../server/db/schema';
import { rateLimitNamespace } from '../../../server/plugins/rate-limit';
import { hashToken, newToken } from '../../../server/lib/secrets';
import { usccCheckCharacter } from '../../../types/uscc';
import { scratchPostgres, type ScratchPostgres } from '../scratch-postgres';
import { startServer, type ServerProcess } from './instances';

/**
 * Several instances behind a load balancer on ONE PostgreSQL: two real server processes share the
 * database and nothing else. A booking race sent through both, alternating, never overbooks; a
 * session, a rate-limit window and an idempotency record made on one instance hold on the other.
 * With REDIS_URL the rate-limit windows live in Redis instead: two processes on two separate
 * databases still share one count.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const ENTERPRISES = 60;
const SLOTS = 4;
const CAPACITY = 5;

if (!pgUrl) {
  // Two processes need a shared server database; SQLite is one file for one process. CI sets
  // TEST_DATABASE_URL (scripts/test.mjs does too when PostgreSQL is installed), so this runs there.
  test.skip('两个服务进程共用一个数据库：需要 PostgreSQL（设置 TEST_DATABASE_URL），SQLite 只供单机使用', () => undefined);
} else {
  describe('two server processes on one PostgreSQL', () => {
    jest.setTimeout(120_000);
    let scratch: ScratchPostgres;
    let db: Kysely<Database>;
    let a: ServerProcess;
    let b: ServerProcess;
    const tokens: string[] = [];
    const env = () => ({
      DATABASE_URL: scratch.url,
      DEMO: '1',
      DELIVERY_SLOT_CAPACITY: String(CAPACITY),
      RATE_LIMIT_LOGIN: '4',
      RATE_LIMIT_SUBMIT: '0',
      RATE_LIMIT_SEARCH: '0',
    });

    beforeAll(async () => {
      scratch = await scratchPostgres(pgUrl, 'ys_two');
      // One after the other: the first migrates and seeds, the second finds it done.
      a = await startServer(env());
      b = await startServer(env());
      db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: scratch.url, max: 2 }) }) });
      // Enterprises with a bound user and a session each, written straight into the shared database.
      const now = new Date().toISOString();
      for (let i = 0; i < ENTERPRISES; i++) {
        const first17 = `9133010800${String(i).padStart(7, '0')}`;
        const enterprise = await db
          .insertInto('enterprises')
          .values({ uscc: first17 + usccCheckCharacter(first17), name: `双实例企业${i}有限公司`, industry: '制造业', scale: '小型', district: '茶园街道', qualifications: '[]', registered_on: null, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const user = await db
          .insertInto('users')
          .values({ openid: `two-${i}`, role: 'enterprise', display_name: '微信用户', enterprise_id: enterprise.id, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const token = newToken();
        await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: user.id, created_at: now, expires_at: '2999-01-01T00:00:00.000Z' }).execute();
        tokens.push(token);
      }
    });

    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await db?.destroy();
      await scratch?.drop();
    });

    const post = async (base: string, url: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, text, json: text ? (JSON.parse(text) as { error?: { code: string } } & Record<string, unknown>) : {} };
    };
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });

    async function bookableSlots(count: number): Promise<{ date: string; period: string }[]> {
      const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
      const res = await fetch(`${a.url}/api/v1/delivery/slots?from=${from}&to=${to}`, { headers: auth(tokens[0]) });
      expect(res.status).toBe(200);
      const slots = (await res.json()) as { date: string; period: string; remaining: number; capacity: number }[];
      // Tomorrow may already be closed for booking by the cut-off; later working days are open. Slots
      // the demo's bookings use are left out: the race fills empty slots.
      return slots.filter((s) => s.remaining === s.capacity && s.date > from).slice(0, count);
    }

    const booking = (i: number, slot: { date: string; period: string }) => ({
      items: [{ kind: '营业执照正本', quantity: 1 }],
      mode: '送达',
      recipientName: '双实例收件人',
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      address: { region: ['浙江省', '杭州市', '西湖区'], detail: `双实例路 ${i} 号` },
      ...slot,
    });

    test('a booking race through both instances, alternating, fills each slot exactly and never overbooks', async () => {
      const slots = await bookableSlots(SLOTS);
      expect(slots).toHaveLength(SLOTS);
      const responses = await Promise.all(
        tokens.map((token, i) => post(i % 2 === 0 ? a.url : b.url, '/api/v1/deliveries', booking(i, slots[i % SLOTS]), { ...auth(token), 'idempotency-key': `race-${i}` })),
      );
      const ok = responses.filter((r) => r.status === 201);
      const full = responses.filter((r) => r.status === 409 && r.json.error?.code === 'SLOT_FULL');
      expect(responses.filter((r) => !ok.includes(r) && !full.includes(r)).map((r) => `${r.status} ${r.text}`)).toEqual([]);
      expect(ok).toHaveLength(SLOTS * CAPACITY);
      // Successes came through both processes.
      expect(new Set(responses.map((r, i) => (r.status === 201 ? i % 2 : -1)).filter((x) => x >= 0)).size).toBe(2);

      const usage = await db.selectFrom('delivery_slot_usage').select(['date', 'period', 'booked', 'capacity']).execute();
      for (const slot of slots) {
        const row = usage.find((u) => u.date === slot.date && u.period === slot.period);
        expect(row).toMatchObject({ booked: CAPACITY, capacity: CAPACITY });
        // Live bookings only: a cancelled demo booking in the slot gave its place back.
        const stored = await db
          .selectFrom('deliveries')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('date', '=', slot.date)
          .where('period', '=', slot.period)
          .where('status', 'not in', ['cancelled', 'failed'])
          .executeTakeFirstOrThrow();
        expect(Number(stored.n)).toBe(CAPACITY);
      }
    });

    test('an idempotent retry sent to the other instance replays the stored response, once', async () => {
      const [slot] = (await bookableSlots(SLOTS + 1)).slice(-1);
      const token = tokens[ENTERPRISES - 1];
      const headers = { ...auth(token), 'idempotency-key': 'two-instances-retry' };
      const first = await post(a.url, '/api/v1/deliveries', booking(999, slot), headers);
      expect(first.status).toBe(201);
      const retry = await post(b.url, '/api/v1/deliveries', booking(999, slot), headers);
      expect(retry.status).toBe(201);
      expect(retry.json).toEqual(first.json);
      const changed = await post(b.url, '/api/v1/deliveries', { ...booking(999, slot), recipientName: '另一人' }, headers);
      expect(changed.status).toBe(422);
      const rows = await db.selectFrom('deliveries').select('id').where('recipient_name', '=', '双实例收件人').where('phone_masked', 'like', '139****0999').execute();
      expect(rows).toHaveLength(1);
    });

    test('a session made on one instance works on the other, and a logout on one ends it on both', async () => {
      const login = await post(a.url, '/api/v1/auth/wechat', { code: 'mock:two-login-0' });
      expect(login.status).toBe(200);
      const token = String(login.json.token);
      const meOnB = await fetch(`${b.url}/api/v1/me`, { headers: auth(token) });
      expect(meOnB.status).toBe(200);
      const logout = await fetch(`${b.url}/api/v1/auth/logout`, { method: 'POST', headers: auth(token) });
      expect(logout.status).toBe(204);
      expect((await fetch(`${a.url}/api/v1/me`, { headers: auth(token) })).status).toBe(401);
    });

    test('the login rate limit is one window across both instances', async () => {
      // RATE_LIMIT_LOGIN=4 per IP per window; the previous test used one. Three more pass, wherever they land.
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) statuses.push((await post(i % 2 === 0 ? a.url : b.url, '/api/v1/auth/wechat', { code: `mock:two-login-${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });
}

if (!redisUrl) {
  // CI starts redis-server (scripts/test-deps.sh) and sets TEST_REDIS_URL (scripts/test.mjs), so this runs there.
  test.skip('两个服务进程共用一个 Redis 计数限流：需要 Redis（设置 TEST_REDIS_URL，如 redis://127.0.0.1:6379），未设置则跳过', () => undefined);
} else {
  describe('two server processes sharing one Redis for rate limits', () => {
    jest.setTimeout(120_000);
    // A fresh key per run: its own namespace in the shared Redis, so a rerun within the minute starts at zero.
    const dataKey = randomBytes(32).toString('hex');
    let a: ServerProcess;
    let b: ServerProcess;
    let admin: Redis;

    beforeAll(async () => {
      // Each on its own SQLite file: nothing but Redis connects their counts.
      const env = { DEMO: '1', DATA_KEY: dataKey, REDIS_URL: redisUrl, RATE_LIMIT_LOGIN: '4', RATE_LIMIT_SUBMIT: '0', RATE_LIMIT_SEARCH: '0' };
      [a, b] = await Promise.all([startServer(env), startServer(env)]);
      admin = new Redis(redisUrl, { lazyConnect: true });
    });

    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await admin?.quit();
    });

    test('the login limit is one window across both processes, counted in Redis', async () => {
      const login = async (base: string, i: number) =>
        (await fetch(`${base}/api/v1/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `mock:two-redis-${i}` }) })).status;
      // Both processes count by the real clock: start well inside a window, not at its edge.
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 5_000) await new Promise((r) => setTimeout(r, left + 100));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push(await login(i % 2 === 0 ? a.url : b.url, i));
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const keys = await admin.keys(`ys:rl:${rateLimitNamespace(Buffer.from(dataKey, 'hex'))}:*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/:login:ip:[A-Za-z0-9_-]{22}$/);
      expect(a.output.join('') + b.output.join('')).not.toContain('Redis unavailable');
    });
  });
}
