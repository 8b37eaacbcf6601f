import { decrypt } from '../../server/lib/secrets';
import type { WeChatClient } from '../../server/wechat/client';
import { ADMIN, PUBLISHED, addPublishedEnterprises, bearer, build, databases, staffLogin, type TestApp } from './helper';

describe.each(databases())('%s', (kind) => {
  describe('login, bind and phone flow', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await build(kind);
    });
    afterAll(async () => {
      await t.close();
    });

    it('returns only the masked phone, stores it encrypted, and logs no openid, token or phone number', async () => {
      const openid = 'oPrivacyOwner7731';
      const phone = '13812341234';
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: `mock:${openid}` } });
      const { token, user } = login.json();
      await addPublishedEnterprises(t.app, await staffLogin(t.app, ADMIN));
      const bind = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/enterprise',
        headers: { ...bearer(token), 'idempotency-key': 'privacy-flow-1' },
        payload: { uscc: PUBLISHED[0].uscc, name: PUBLISHED[0].name },
      });
      expect(bind.statusCode).toBe(200);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: bearer(token), payload: { code: `mock-phone:${phone}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.phoneMasked).toBe('138****1234');
      expect(res.body).not.toContain(phone);
      const me = await t.app.inject({ method: 'GET', url: `/api/v1/me?code=secret-${phone}`, headers: bearer(token) });
      expect(me.json().user.phoneMasked).toBe('138****1234');

      const row = await t.app.repos.users.findById(user.id);
      expect(row!.phone_enc).not.toContain(phone);
      expect(decrypt(row!.phone_enc!, t.config.dataKey)).toBe(phone);

      const logs = t.logs.join('');
      expect(logs).toContain('"reqId"'); // the flow was logged at all
      // The masked form is checked rather than its last four digits, which a timestamp may contain.
      for (const secret of [openid, token, phone, '138****1234', 'mock:', 'mock-phone']) expect(logs).not.toContain(secret);
    });

    it('rejects a bad phone code with 400 and a Chinese message', async () => {
      t.standIn.reset();
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'mock:phone-bad' } });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: bearer(login.json().token), payload: { code: 'junk' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'PHONE_CODE_INVALID', field: 'code' });
      // Operators see why it was refused (the error's code), never the WeChat code that was sent.
      const rejected = t.logs.join('').split('\n').find((line) => line.includes('request rejected') && line.includes('PHONE_CODE_INVALID'));
      expect(rejected).toBeDefined();
      expect(t.logs.join('')).not.toContain('junk');
    });
  });

  describe('unexpected failures', () => {
    let t: TestApp;
    const broken: WeChatClient = {
      code2Session: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:5432 at /srv/app/secret-internal.ts');
      },
      getPhoneNumber: async () => ({ phoneNumber: '', purePhoneNumber: '', countryCode: '86' }),
      sendSubscribeMessage: async () => undefined,
      wxaCodeUnlimited: async () => ({ contentType: 'image/png', bytes: Buffer.alloc(0) }),
    };
    beforeAll(async () => {
      t = await build(kind, { wechat: broken });
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers 500 INTERNAL in Chinese without leaking the cause', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'mock:anyone' } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } });
      expect(res.body).not.toMatch(/ECONNREFUSED|secret-internal|stack/);
      expect(t.logs.join('')).toContain('ECONNREFUSED'); // operators still see it
    });

    it('answers malformed JSON with 400 in the error shape', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'BAD_REQUEST', message: '请求格式不正确' });
    });
  });
});
