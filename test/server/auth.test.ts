import { ADMIN, STAFF, bearer, build, databases, staffLogin, wechatLogin, type TestApp } from './helper';

describe.each(databases())('%s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(kind);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.standIn.reset());

  const login = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } });
  const staff = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username, password } });
  const me = (token?: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: token ? bearer(token) : {} });

  describe('WeChat login', () => {
    it('creates an enterprise user on first login and returns a working token, never the session key', async () => {
      const res = await login('mock:owner-first');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token', 'user']);
      expect(body.user).toMatchObject({ role: 'enterprise', phoneMasked: null, department: null });
      expect(res.body).not.toMatch(/session_?key/i);
      expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(71 * 3600_000);
      const mine = await me(body.token);
      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toEqual({ user: body.user, enterprise: null });
    });

    it('finds the same user again on the next login', async () => {
      const a = (await login('mock:owner-twice')).json();
      t.standIn.reset(); // the stand-in accepts each code once, as WeChat does
      const b = (await login('mock:owner-twice')).json();
      expect(b.user.id).toBe(a.user.id);
      expect(b.token).not.toBe(a.token);
    });

    it('rejects a reused code and a junk code with 400 WECHAT_CODE_INVALID', async () => {
      expect((await login('mock:owner-reuse')).statusCode).toBe(200);
      const reused = await login('mock:owner-reuse');
      expect(reused.statusCode).toBe(400);
      expect(reused.json()).toEqual({ error: { code: 'WECHAT_CODE_INVALID', message: '登录凭证无效或已使用，请重新登录', field: 'code' } });
      const junk = await login('not-a-code');
      expect(junk.statusCode).toBe(400);
      expect(junk.json().error.code).toBe('WECHAT_CODE_INVALID');
    });

    it('answers 503 WECHAT_UNAVAILABLE when WeChat rate-limits', async () => {
      t.standIn.failNext('jscode2session', 45011);
      const res = await login('mock:owner-limited');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ error: { code: 'WECHAT_UNAVAILABLE', message: '微信服务暂时不可用，请稍后再试' } });
    });

    it('rejects an empty code with a Chinese validation message', async () => {
      const res = await login('');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: 'code：不能为空', field: 'code' } });
    });
  });

  describe('staff login', () => {
    it('logs staff in and shows their role', async () => {
      const res = await staff(STAFF.username, STAFF.password);
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ role: 'staff', displayName: '测试工作人员' });
    });

    it('gives the same answer for an unknown user and a wrong password', async () => {
      const unknown = await staff('nobody-here', 'whatever-1');
      const wrong = await staff(ADMIN.username, 'wrong-password');
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual({ error: { code: 'LOGIN_FAILED', message: '用户名或密码错误' } });
      expect(wrong.json()).toEqual(unknown.json());
      // A success resets the count, so this failure does not bring the admin closer to a lockout.
      expect((await staff(ADMIN.username, ADMIN.password)).statusCode).toBe(200);
    });

    it('locks the account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await staff(STAFF.username, `wrong-${i}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 423]);
      const right = await staff(STAFF.username, STAFF.password);
      expect(right.statusCode).toBe(423);
      expect(right.json()).toEqual({ error: { code: 'ACCOUNT_LOCKED', message: '密码错误次数过多，账号已锁定，请15分钟后再试' } });
      const row = await t.app.repos.users.findByUsername(STAFF.username);
      const minutes = (Date.parse(row!.locked_until!) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(14);
      expect(minutes).toBeLessThanOrEqual(15);
    });

    it('does not let WeChat users in through the staff form', async () => {
      const res = await staff('', 'x');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'username' });
    });
  });

  describe('sessions', () => {
    it('requires a token for /me', async () => {
      const res = await me();
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
      expect((await me('x'.repeat(43))).statusCode).toBe(401);
    });

    it('revokes the token on logout, and only that token', async () => {
      const first = await wechatLogin(t.app, 'owner-logout');
      t.standIn.reset();
      const second = await wechatLogin(t.app, 'owner-logout');
      const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(first) });
      expect(out.statusCode).toBe(204);
      expect(out.body).toBe('');
      expect((await me(first)).statusCode).toBe(401);
      expect((await me(second)).statusCode).toBe(200);
    });

    it('accepts a body-less POST sent with a JSON content type, as wx.request sends it', async () => {
      const token = await wechatLogin(t.app, 'owner-empty-body');
      const headers = { ...bearer(token), 'content-type': 'application/json' };
      const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers, payload: '' });
      expect(out.statusCode).toBe(204);
      const broken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', headers, payload: '{"username":' });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.code).toMatch(/^[A-Z_]+$/);
    });

    it('forbids roles a route does not list', async () => {
      const owner = await wechatLogin(t.app, 'owner-forbidden');
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises', headers: bearer(owner) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: '无权访问' } });
      const admin = await staffLogin(t.app, ADMIN);
      const bind = await t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(admin), payload: { uscc: '914403001922038216', name: 'x' } });
      expect(bind.statusCode).toBe(403);
    });
  });
});
