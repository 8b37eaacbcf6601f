import type { Response } from 'light-my-request';
import { buildApp } from '../../../server/app';
import { clientKey } from '../../../server/plugins/rate-limit';
import { ADMIN, STAFF, bearer, build, databases, staffLogin, wechatLogin, type TestApp } from '../helper';
import { multipart } from '../policies/setup';

const LIMITS = { RATE_LIMIT_LOGIN: '3', RATE_LIMIT_SUBMIT: '2', RATE_LIMIT_SEARCH: '4', RATE_LIMIT_WINDOW_SECONDS: '60' };

function expectLimited(res: Response): void {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

const wrongPassword = (t: TestApp, ip: string, username = 'nobody') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', remoteAddress: ip, payload: { username, password: 'wrong-password-1' } });
const search = (t: TestApp, ip: string, q = '补贴') => t.app.inject({ method: 'GET', url: '/api/v1/policies', query: { q }, remoteAddress: ip });
const subscribe = (t: TestApp, token: string, ip = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', remoteAddress: ip, headers: bearer(token), payload: { templateId: 'none', accepted: false } });

describe('clientKey', () => {
  it('counts an IPv4 client by its address and an IPv6 client by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2::1')).toBe(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'));
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe.each(databases())('%s', (kind) => {
  describe('rate limits', () => {
    let t: TestApp;
    let now: number;
    beforeEach(async () => {
      t = await build(kind, { env: LIMITS });
      // Early in a window, so no test straddles a window boundary by accident.
      now = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
      t.app.clock.now = () => new Date(now);
    });
    afterEach(async () => {
      await t.close();
    });

    it('turns away the 4th login from one IP within a minute with 429 and Retry-After, while other IPs still get in', async () => {
      for (let i = 0; i < 3; i++) expect((await wrongPassword(t, '203.0.113.7')).statusCode).toBe(401);
      const blocked = await wrongPassword(t, '203.0.113.7');
      expectLimited(blocked);
      expect(Number(blocked.headers['retry-after'])).toBe(59);
      // WeChat and staff logins share the IP's budget: one cannot be used to go around the other.
      const wechat = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', remoteAddress: '203.0.113.7', payload: { code: 'mock:rate-limited-user' } });
      expectLimited(wechat);
      expect((await wrongPassword(t, '198.51.100.20')).statusCode).toBe(401);
      const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', remoteAddress: '198.51.100.21', payload: ADMIN });
      expect(ok.statusCode).toBe(200);
    });

    it('lets the client in again once the window has passed', async () => {
      for (let i = 0; i < 3; i++) await wrongPassword(t, '203.0.113.8');
      expectLimited(await wrongPassword(t, '203.0.113.8'));
      now += 60_000;
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', remoteAddress: '203.0.113.8', payload: ADMIN });
      expect(again.statusCode).toBe(200);
    });

    it('counts IPv6 clients per /64, so rotating addresses inside one network does not help', async () => {
      for (let i = 1; i <= 3; i++) expect((await wrongPassword(t, `2001:db8:aa:bb::${i}`)).statusCode).toBe(401);
      expectLimited(await wrongPassword(t, '2001:db8:aa:bb:1234:5678:9abc:def0'));
      expect((await wrongPassword(t, '2001:db8:aa:bc::1')).statusCode).toBe(401);
    });

    it('still locks a staff account against a guesser who rotates IPs to stay under the per-IP limit', async () => {
      const answers: number[] = [];
      for (let i = 0; i < 6; i++) answers.push((await wrongPassword(t, `192.0.2.${10 + i}`, STAFF.username)).statusCode);
      expect(answers).toEqual([401, 401, 401, 401, 423, 423]);
      const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', remoteAddress: '192.0.2.99', payload: STAFF });
      expect(right.statusCode).toBe(423);
      expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    });

    it('limits submissions per user, not per IP: a colleague behind the same NAT can still submit', async () => {
      const first = await wechatLogin(t.app, 'rate-submit-user-1');
      const second = await wechatLogin(t.app, 'rate-submit-user-2');
      for (let i = 0; i < 2; i++) expect((await subscribe(t, first)).statusCode).not.toBe(429);
      expectLimited(await subscribe(t, first));
      // Another IP does not reset a user's budget either.
      expectLimited(await subscribe(t, first, '198.51.100.77'));
      expect((await subscribe(t, second)).statusCode).not.toBe(429);
    });

    it('limits policy searches per IP and leaves other reads alone', async () => {
      for (let i = 0; i < 4; i++) expect((await search(t, '203.0.113.30', `补贴${i}`)).statusCode).toBe(200);
      expectLimited(await search(t, '203.0.113.30'));
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/policies/facets', remoteAddress: '203.0.113.30' })).statusCode).toBe(200);
      // Counting with words to look for is a search too: no way round the limit through the filter counts.
      expectLimited(await t.app.inject({ method: 'GET', url: `/api/v1/policies/facets?q=${encodeURIComponent('贷款')}`, remoteAddress: '203.0.113.30' }));
      expect((await search(t, '203.0.113.31')).statusCode).toBe(200);
    });

    it('ignores X-Forwarded-For unless TRUST_PROXY says the proxy may set it', async () => {
      for (let i = 0; i < 4; i++) await search(t, '203.0.113.40');
      const spoofed = await t.app.inject({ method: 'GET', url: '/api/v1/policies', remoteAddress: '203.0.113.40', headers: { 'x-forwarded-for': '198.51.100.1' } });
      expectLimited(spoofed);

      const behindProxy = await build(kind, { env: { ...LIMITS, TRUST_PROXY: '10.0.0.0/8' } });
      try {
        const viaProxy = (client: string) =>
          behindProxy.app.inject({ method: 'GET', url: '/api/v1/policies', remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': client } });
        for (let i = 0; i < 4; i++) expect((await viaProxy('198.51.100.5')).statusCode).toBe(200);
        expectLimited(await viaProxy('198.51.100.5'));
        expect((await viaProxy('198.51.100.6')).statusCode).toBe(200);
      } finally {
        await behindProxy.close();
      }
    });

    it('shares the count between instances on one database, and stores no client address', async () => {
      const other = await buildApp({ ...t.config, logLevel: 'silent' });
      other.clock.now = () => new Date(now);
      try {
        await wrongPassword(t, '203.0.113.50');
        await other.inject({ method: 'POST', url: '/api/v1/auth/staff', remoteAddress: '203.0.113.50', payload: { username: 'x', password: 'wrong-password-1' } });
        await wrongPassword(t, '203.0.113.50');
        expectLimited(await other.inject({ method: 'POST', url: '/api/v1/auth/staff', remoteAddress: '203.0.113.50', payload: ADMIN }));
      } finally {
        await other.close();
      }
      const rows = await t.app.db.selectFrom('rate_limits').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113|2001:db8/);
    });

    it('prunes past windows as requests keep coming', async () => {
      await search(t, '203.0.113.60');
      now += 3 * 60_000;
      await search(t, '203.0.113.61');
      const old = new Date(Math.floor(now / 60_000) * 60_000 - 60_000).toISOString();
      for (let i = 0; i < 50; i++) {
        const stale = await t.app.db.selectFrom('rate_limits').select('bucket').where('window_start', '<', old).execute();
        if (stale.length === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const left = await t.app.db.selectFrom('rate_limits').select('window_start').execute();
      expect(left.map((r) => r.window_start)).toEqual([new Date(Math.floor(now / 60_000) * 60_000).toISOString()]);
    });

    it('puts every creating submission, both logins and the policy search behind a limit', async () => {
      const routes = t.app.rateLimitedRoutes;
      const creating = routes.filter((r) => r.idempotent);
      expect(creating.length).toBeGreaterThanOrEqual(10);
      expect(creating.filter((r) => r.kind !== 'submit').map((r) => `${r.method} ${r.url}`)).toEqual([]);
      const kindOf = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.kind;
      expect(kindOf('POST', '/api/v1/auth/wechat')).toBe('login');
      expect(kindOf('POST', '/api/v1/auth/staff')).toBe('login');
      expect(kindOf('GET', '/api/v1/policies')).toBe('search');
    });
  });

  describe('limits set to 0 are off', () => {
    it('lets any number of logins through', async () => {
      const t = await build(kind, { env: { RATE_LIMIT_LOGIN: '0' } });
      try {
        for (let i = 0; i < 15; i++) expect((await wrongPassword(t, '203.0.113.70')).statusCode).toBe(401);
        expect(await t.app.db.selectFrom('rate_limits').selectAll().execute()).toEqual([]);
      } finally {
        await t.close();
      }
    });
  });

  describe('body size', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await build(kind);
    });
    afterAll(async () => {
      await t.close();
    });

    it('refuses a JSON body over 1 MB with 413 PAYLOAD_TOO_LARGE in Chinese, before any work is done', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: JSON.stringify({ username: 'admin', password: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，请精简后再提交' } });
      const failed = await t.app.db.selectFrom('users').select('failed_logins').where('username', '=', 'admin').executeTakeFirstOrThrow();
      expect(failed.failed_logins).toBe(0);
    });

    it('reads a body just under the limit normally (and rejects it on its merits)', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: 'admin', password: 'x'.repeat(900_000) } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    });

    it('keeps the 5 MB allowance for spreadsheet imports and refuses beyond it in Chinese', async () => {
      const admin = await staffLogin(t.app, ADMIN);
      const twoMb = multipart('policies.csv', `政策名称\r\n${'测'.repeat(700_000)}`);
      const accepted = await t.app.inject({ method: 'POST', url: '/api/v1/admin/policies/import', headers: { ...bearer(admin), ...twoMb.headers }, payload: twoMb.payload });
      expect(accepted.statusCode).not.toBe(413);
      expect(accepted.json().error.code).not.toBe('PAYLOAD_TOO_LARGE');

      const sixMb = multipart('policies.csv', Buffer.alloc(6 * 1024 * 1024, 'a'));
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/admin/policies/import', headers: { ...bearer(admin), ...sixMb.headers }, payload: sixMb.payload });
      expect(refused.statusCode).toBe(413);
      expect(refused.json().error).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: '文件不能超过5 MB' });
    });
  });
});
