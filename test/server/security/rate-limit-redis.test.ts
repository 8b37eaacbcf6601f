import { randomBytes } from 'node:crypto';
import net from 'node:net';
import Redis from 'ioredis';
import type { Response } from 'light-my-request';
import { buildApp } from '../../../server/app';
import { ConfigError, loadConfig } from '../../../server/config';
import { rateLimitNamespace } from '../../../server/plugins/rate-limit';
import { bearer, build, databases, wechatLogin, type TestApp } from '../helper';

/**
 * REDIS_URL: the same limits counted in Redis instead of the database. Limits and answers are those
 * of rate-limit.test.ts; here: where the count lives, that instances share it, and that the limiter
 * lets everyone through (one warning) while Redis is away instead of turning everyone away.
 */
const redisUrl = process.env.TEST_REDIS_URL;
jest.setTimeout(30_000);
const LIMITS = { RATE_LIMIT_LOGIN: '3', RATE_LIMIT_SUBMIT: '2', RATE_LIMIT_SEARCH: '4', RATE_LIMIT_WINDOW_SECONDS: '60' };
// Each app gets its own DATA_KEY, hence its own key namespace in the shared Redis: files and reruns never share counts.
const freshKey = () => randomBytes(32).toString('hex');
const UNAVAILABLE = 'Redis unavailable';
const BACK = 'Redis available again';

function expectLimited(res: Response, retryAfter?: number): void {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } });
  if (retryAfter !== undefined) expect(Number(res.headers['retry-after'])).toBe(retryAfter);
}

type Injector = Pick<TestApp['app'], 'inject'>;
const search = (app: Injector, ip: string, q = '补贴') => app.inject({ method: 'GET', url: '/api/v1/policies', query: { q }, remoteAddress: ip });
const wrongPassword = (app: Injector, ip: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/staff', remoteAddress: ip, payload: { username: 'nobody', password: 'wrong-password-1' } });
const lines = (t: TestApp, text: string) => t.logs.filter((l) => l.includes(text));

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port nothing listens on: Redis "down" from the first moment. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP relay in front of the test Redis that can be cut and restored: an outage at runtime. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  };
  await open();
  return {
    url: () => `redis://${target.username || target.password ? `${target.username}:${target.password}@` : ''}127.0.0.1:${port}${target.pathname}`,
    async cut() {
      const closed = new Promise((resolve) => server!.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: open,
  };
}

describe('REDIS_URL is checked at startup', () => {
  const problems = (value: string) => {
    try {
      loadConfig({ DEMO: '1', REDIS_URL: value });
    } catch (err) {
      if (err instanceof ConfigError) return err;
      throw err;
    }
    return null;
  };

  it('refuses a malformed address with a Chinese hint naming REDIS_URL, and never echoes its password', () => {
    for (const bad of ['redis://', 'http://127.0.0.1:6379', 'redis://127.0.0.1:6379/cache', 'redis://:s3cret-pass@127.0.0.1:99999', 'redis://127.0.0.1:6379/0?tls=1']) {
      const err = problems(bad);
      expect(err?.problems).toEqual([expect.stringMatching(/^REDIS_URL：应为 redis:\/\//)]);
      expect(err?.message).not.toContain('s3cret');
    }
  });

  it('accepts redis:// and rediss:// with a password and a database number', () => {
    for (const good of ['redis://127.0.0.1:6379', 'rediss://:pw@cache.internal:6380/2', 'redis://[::1]:6379/0']) {
      expect(problems(good)).toBeNull();
      expect(loadConfig({ DEMO: '1', REDIS_URL: good }).rateLimits.redisUrl).toBe(good);
    }
    expect(loadConfig({ DEMO: '1' }).rateLimits.redisUrl).toBeNull();
  });

  it('starts while Redis is unreachable and lets everyone through with a single warning: it fails open', async () => {
    const t = await build('sqlite', { env: { ...LIMITS, DATA_KEY: freshKey(), REDIS_URL: `redis://127.0.0.1:${await closedPort()}` } });
    try {
      for (let i = 0; i < 10; i++) expect((await search(t.app, '203.0.113.90', `补贴${i}`)).statusCode).toBe(200);
      expect(lines(t, UNAVAILABLE)).toHaveLength(1);
      expect(JSON.parse(lines(t, UNAVAILABLE)[0]!)).toMatchObject({ level: 40 });
      // Nothing fell back to the database either: the limit is simply not counted meanwhile.
      expect(await t.app.db.selectFrom('rate_limits').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

if (!redisUrl) {
  // CI starts redis-server (scripts/test-deps.sh) and sets TEST_REDIS_URL (scripts/test.mjs), so this runs there.
  test.skip('限流计数放在 Redis（REDIS_URL）：需要 Redis（设置 TEST_REDIS_URL，如 redis://127.0.0.1:6379），未设置则跳过', () => undefined);
} else {
  describe.each(databases())('%s, rate limits counted in Redis', (kind) => {
    let admin: Redis;
    let t: TestApp;
    let now: number;
    beforeAll(() => {
      admin = new Redis(redisUrl, { lazyConnect: true });
    });
    afterAll(async () => {
      await admin.quit();
    });
    beforeEach(async () => {
      t = await build(kind, { env: { ...LIMITS, DATA_KEY: freshKey(), REDIS_URL: redisUrl } });
      // Early in a window, so no test straddles a window boundary by accident.
      now = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
      t.app.clock.now = () => new Date(now);
    });
    afterEach(async () => {
      await t.close();
    });
    const ourKeys = () => admin.keys(`ys:rl:${rateLimitNamespace(t.config.dataKey)}:*`);

    it('turns away the 5th search from one IP with 429, Retry-After and the Chinese message; other IPs still search', async () => {
      for (let i = 0; i < 4; i++) expect((await search(t.app, '203.0.113.30', `补贴${i}`)).statusCode).toBe(200);
      expectLimited(await search(t.app, '203.0.113.30'), 59);
      expect((await search(t.app, '203.0.113.31')).statusCode).toBe(200);
      expect(lines(t, UNAVAILABLE)).toEqual([]);
    });

    it('lets the client in again once the window has passed', async () => {
      for (let i = 0; i < 3; i++) expect((await wrongPassword(t.app, '203.0.113.8')).statusCode).toBe(401);
      expectLimited(await wrongPassword(t.app, '203.0.113.8'), 59);
      now += 60_000;
      expect((await wrongPassword(t.app, '203.0.113.8')).statusCode).toBe(401);
    });

    it('counts IPv6 clients per /64 and submissions per user, as the database store does', async () => {
      for (let i = 1; i <= 3; i++) expect((await wrongPassword(t.app, `2001:db8:aa:bb::${i}`)).statusCode).toBe(401);
      expectLimited(await wrongPassword(t.app, '2001:db8:aa:bb:1234:5678:9abc:def0'));
      expect((await wrongPassword(t.app, '2001:db8:aa:bc::1')).statusCode).toBe(401);

      const user = await wechatLogin(t.app, 'redis-submit-user-1');
      const subscribe = (ip: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', remoteAddress: ip, headers: bearer(user), payload: { templateId: 'none', accepted: false } });
      for (let i = 0; i < 2; i++) expect((await subscribe('198.51.100.7')).statusCode).not.toBe(429);
      expectLimited(await subscribe('198.51.100.8'));
    });

    it('keeps the count in Redis, not the database: keyed hashes only, each window expiring by itself', async () => {
      await search(t.app, '203.0.113.50');
      await wrongPassword(t.app, '2001:db8:cc:dd::5');
      expect(await t.app.db.selectFrom('rate_limits').selectAll().execute()).toEqual([]);
      const keys = await ourKeys();
      expect(keys).toHaveLength(2);
      expect(keys.join(' ')).not.toMatch(/203\.0\.113|2001:db8|203-0-113/);
      for (const key of keys) {
        expect(key).toContain(`:${Math.floor(now / 60_000) * 60_000}:`);
        const ttl = await admin.pttl(key);
        expect(ttl).toBeGreaterThan(60_000);
        expect(ttl).toBeLessThanOrEqual(120_000);
      }
    });

    it('shares one count between instances on one Redis, even on different databases', async () => {
      // A second app on its own fresh database: only Redis connects the two.
      const other = await build(kind, { env: { ...LIMITS, DATA_KEY: t.config.dataKey.toString('hex'), REDIS_URL: redisUrl } });
      other.app.clock.now = () => new Date(now);
      try {
        const answers: number[] = [];
        for (let i = 0; i < 6; i++) answers.push((await search(i % 2 === 0 ? t.app : other.app, '203.0.113.60', `补贴${i}`)).statusCode);
        expect(answers).toEqual([200, 200, 200, 200, 429, 429]);
      } finally {
        await other.close();
      }
    });

    it('lets everyone through while Redis is cut off at runtime (one warning), and limits again once it is back', async () => {
      const link = await relay(new URL(redisUrl));
      const viaRelay = await buildApp({ ...t.config, rateLimits: { ...t.config.rateLimits, redisUrl: link.url() } }, { logStream: logSink(t) });
      viaRelay.clock.now = () => new Date(now);
      try {
        for (let i = 0; i < 4; i++) expect((await search(viaRelay, '203.0.113.70', `补贴${i}`)).statusCode).toBe(200);
        expectLimited(await search(viaRelay, '203.0.113.70'));

        await link.cut();
        for (let i = 0; i < 8; i++) expect((await search(viaRelay, '203.0.113.71', `补贴${i}`)).statusCode).toBe(200);
        expect(lines(t, UNAVAILABLE)).toHaveLength(1);

        await link.restore();
        await until(() => lines(t, BACK).length === 1, 'Redis 恢复的日志');
        for (let i = 0; i < 4; i++) expect((await search(viaRelay, '203.0.113.72', `补贴${i}`)).statusCode).toBe(200);
        expectLimited(await search(viaRelay, '203.0.113.72'));
        expect(lines(t, UNAVAILABLE)).toHaveLength(1);
      } finally {
        await viaRelay.close();
        await link.cut();
      }
    });

    it('names its connection and closes it when the app closes', async () => {
      const name = `ys-rate-limit-${rateLimitNamespace(t.config.dataKey)}`;
      const connected = async () => String(await admin.client('LIST')).includes(`name=${name} `);
      expect(await connected()).toBe(true);
      await t.app.close();
      await until(async () => !(await connected()), 'Redis 连接关闭');
    });
  });
}

/** The relayed app's log lines go to the test app's captured log, so the same checks read them. */
function logSink(t: TestApp) {
  return { write: (line: string) => void t.logs.push(line) };
}
