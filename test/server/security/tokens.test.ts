import { hashToken } from '../../../server/lib/secrets';
import { deliveryWorld, type DeliveryWorld } from '../deliveries/setup';
import { ADMIN, bearer, build, databases, rememberSecret, type TestApp } from '../helper';

const me = (t: TestApp, token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

/** A second session of the same WeChat user (a stand-in code is accepted once, so each login gets its own nonce). */
async function login(t: TestApp, openid: string, nonce: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: `mock:${openid}@${nonce}` } });
  expect(res.statusCode).toBe(200);
  const { token } = res.json<{ token: string }>();
  rememberSecret(token);
  return token;
}

describe.each(databases())('%s', (kind) => {
  describe('expiry', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await build(kind, { env: { TOKEN_TTL_HOURS: '2' } });
    });
    afterAll(async () => {
      await t.close();
    });

    it('issues tokens that expire after TOKEN_TTL_HOURS, for WeChat users and staff alike', async () => {
      const started = Date.now();
      for (const res of [
        await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'mock:ttl-owner-1@a' } }),
        await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: ADMIN }),
      ]) {
        const { token, expiresAt } = res.json<{ token: string; expiresAt: string }>();
        rememberSecret(token);
        const ttl = Date.parse(expiresAt) - started;
        expect(ttl).toBeGreaterThan(2 * 3600_000 - 5_000);
        expect(ttl).toBeLessThanOrEqual(2 * 3600_000 + 5_000);
        const stored = await t.app.db.selectFrom('sessions').select('expires_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
        expect(stored.expires_at).toBe(expiresAt);
      }
    });

    it('answers 401 to a token past its expiry, with a message that says to log in again', async () => {
      const token = await login(t, 'ttl-owner-2', 'a');
      expect((await me(t, token)).statusCode).toBe(200);
      // Time passes: the session's expiry is now a second ago.
      await t.app.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', hashToken(token)).execute();
      const res = await me(t, token);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } });
      // An expired token cannot submit either (creating routes check the same session).
      const post = await t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', headers: bearer(token), payload: { templateId: 'x', accepted: false } });
      expect(post.statusCode).toBe(401);
    });

    it('makes a logged-out token useless at once, and logging out again is refused rather than pretended', async () => {
      const token = await login(t, 'ttl-owner-3', 'a');
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
      expect((await me(t, token)).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(401);
      const row = await t.app.db.selectFrom('sessions').select('revoked_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
      expect(row.revoked_at).not.toBeNull();
    });

    it('never stores a token itself, only its hash', async () => {
      const token = await login(t, 'ttl-owner-4', 'a');
      const rows = await t.app.db.selectFrom('sessions').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);
    });
  });

  describe('unbinding', () => {
    let w: DeliveryWorld;
    beforeAll(async () => {
      w = await deliveryWorld(kind);
    }, 30_000);
    afterAll(async () => {
      await w.close();
    });

    it("cuts every session of the user off from the enterprise's data immediately, and leaves colleagues alone", async () => {
      const { enterpriseId } = await w.enterpriseUser('解绑测试有限公司');
      const phoneSession = await login(w.t, 'unbind-owner', 'phone');
      const tabletSession = await login(w.t, 'unbind-owner', 'tablet');
      const user = await w.t.app.db.selectFrom('users').select('id').where('openid', '=', 'unbind-owner').executeTakeFirstOrThrow();
      await w.t.app.repos.users.setEnterprise(user.id, enterpriseId);
      const colleague = await w.colleague(enterpriseId);

      const booked = await w.book(phoneSession);
      expect(booked.statusCode).toBe(201);
      const id = booked.json().id as number;
      const read = (token: string) => w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${id}`, headers: bearer(token) });
      const list = (token: string) => w.t.app.inject({ method: 'GET', url: '/api/v1/me/deliveries', headers: bearer(token) });
      expect((await read(tabletSession)).statusCode).toBe(200);
      expect((await list(tabletSession)).json().items).toHaveLength(1);

      const unbind = await w.t.app.inject({ method: 'DELETE', url: '/api/v1/me/enterprise', headers: bearer(phoneSession) });
      expect(unbind.statusCode).toBe(200);

      for (const token of [phoneSession, tabletSession]) {
        const detail = await read(token);
        expect(detail.statusCode).toBe(404);
        expect(detail.body).not.toContain('13812341234');
        expect((await list(token)).json()).toEqual({ items: [], total: 0 });
        const cancel = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${id}/cancel`, headers: bearer(token), payload: { reason: '不需要了' } });
        expect(cancel.statusCode).toBe(404);
        const again = await w.book(token);
        expect(again.statusCode).toBe(409);
        expect(again.json().error.code).toBe('ENTERPRISE_NOT_BOUND');
        // Still a signed-in user: only the enterprise's data is gone.
        expect((await me(w.t, token)).statusCode).toBe(200);
      }
      expect((await read(colleague)).statusCode).toBe(200);
      const audit = await w.t.app.db.selectFrom('audit_log').select('target').where('action', '=', 'enterprise.unbind').where('actor_user_id', '=', user.id).execute();
      expect(audit).toEqual([{ target: `enterprise:${enterpriseId}` }]);
    });
  });
});
