import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWeChatClient, isCodeRejected, type WeChatClientOptions } from '../../../server/wechat/client';
import { startWeChatStandIn, type WeChatStandIn } from '../../../server/wechat/stand-in';
import { caught } from './caught';

const APP_ID = 'wx-test-appid';
const SECRET = 'test-secret-do-not-leak';

let standIn: WeChatStandIn;

beforeAll(async () => {
  standIn = await startWeChatStandIn({ appId: APP_ID, secret: SECRET });
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

function client(extra: Partial<WeChatClientOptions> = {}) {
  return createWeChatClient({ baseUrl: standIn.url, appId: APP_ID, secret: SECRET, ...extra });
}

/** Records what the client actually sent, while still talking to the real stand-in. */
function recordingFetch() {
  const requests: { url: URL; body: Record<string, unknown> | undefined }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    requests.push({ url: new URL(String(input)), body });
    return fetch(input, init);
  };
  return { requests, fetch: wrapped };
}

describe('code2Session', () => {
  it('exchanges a mock login code for its openid and a session key', async () => {
    const session = await client().code2Session('mock:owner-1');
    expect(session.openid).toBe('owner-1');
    expect(session.sessionKey).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(session.unionid).toBeUndefined();
  });

  it('refuses a login code used a second time with 40163', async () => {
    const wechat = client();
    await wechat.code2Session('mock:owner-2');
    const err = await caught(wechat.code2Session('mock:owner-2'));
    expect(err.errcode).toBe(40163);
    expect(isCodeRejected(err)).toBe(true);
  });

  it('refuses a code that is not a mock login code with 40029', async () => {
    const err = await caught(client().code2Session('081abcDEF'));
    expect(err.errcode).toBe(40029);
    expect(isCodeRejected(err)).toBe(true);
  });

  it('reports a wrong appid or secret and keeps the secret and code out of the error', async () => {
    const badSecret = await caught(client({ secret: 'wrong-secret' }).code2Session('mock:owner-3'));
    expect(badSecret.errcode).toBe(40125);
    expect(isCodeRejected(badSecret)).toBe(false);
    expect(`${badSecret.message} ${badSecret.stack}`).not.toMatch(/wrong-secret|owner-3/);
    const badApp = await caught(client({ appId: 'wx-other' }).code2Session('mock:owner-3'));
    expect(badApp.errcode).toBe(40013);
  });
});

describe('getPhoneNumber', () => {
  it('returns the mainland number behind a mock phone code', async () => {
    await expect(client().getPhoneNumber('mock-phone:13812345678')).resolves.toEqual({
      phoneNumber: '13812345678',
      purePhoneNumber: '13812345678',
      countryCode: '86',
    });
  });

  it('refuses other phone codes with 40029', async () => {
    expect((await caught(client().getPhoneNumber('mock-phone:12345'))).errcode).toBe(40029);
    expect((await caught(client().getPhoneNumber('mock:owner-1'))).errcode).toBe(40029);
  });

  it('surfaces a rate limit (45011) without retrying', async () => {
    standIn.failNext('getuserphonenumber', 45011);
    const err = await caught(client().getPhoneNumber('mock-phone:13812345678'));
    expect(err.errcode).toBe(45011);
    expect(standIn.calls('getuserphonenumber')).toBe(1);
  });
});

describe('access token', () => {
  it('fetches one stable token for many sequential and concurrent calls', async () => {
    const wechat = client();
    await wechat.getPhoneNumber('mock-phone:13800000001');
    await wechat.getPhoneNumber('mock-phone:13800000002');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => wechat.getPhoneNumber(`mock-phone:1390000000${i}`)),
    );
    expect(standIn.calls('getuserphonenumber')).toBe(10);
    expect(standIn.calls('stable_token')).toBe(1);
  });

  it('shares one token request among concurrent first callers', async () => {
    const wechat = client();
    await Promise.all(Array.from({ length: 5 }, () => wechat.getPhoneNumber('mock-phone:13800000001')));
    expect(standIn.calls('stable_token')).toBe(1);
  });

  it('refreshes the token five minutes before it expires, not earlier', async () => {
    let clock = Date.parse('2025-03-01T00:00:00Z');
    const recorder = recordingFetch();
    const wechat = client({ now: () => clock, fetch: recorder.fetch });
    await wechat.getPhoneNumber('mock-phone:13800000001');

    clock += (7200 - 301) * 1000;
    await wechat.getPhoneNumber('mock-phone:13800000001');
    expect(standIn.calls('stable_token')).toBe(1);

    clock += 2000;
    await Promise.all([1, 2, 3].map(() => wechat.getPhoneNumber('mock-phone:13800000001')));
    expect(standIn.calls('stable_token')).toBe(2);
    // An early refresh is an ordinary one: forcing would revoke the token other servers still use.
    const tokenBodies = recorder.requests.filter((r) => r.url.pathname === '/cgi-bin/stable_token').map((r) => r.body);
    expect(tokenBodies).toEqual([
      { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: false },
      { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: false },
    ]);
  });

  it('after 42001 forces one new token and retries the call once', async () => {
    const recorder = recordingFetch();
    const wechat = client({ fetch: recorder.fetch });
    await wechat.getPhoneNumber('mock-phone:13800000001');
    standIn.failNext('getuserphonenumber', 42001);

    await expect(wechat.getPhoneNumber('mock-phone:13800000002')).resolves.toMatchObject({ phoneNumber: '13800000002' });
    expect(standIn.calls('getuserphonenumber')).toBe(3);
    expect(standIn.calls('stable_token')).toBe(2);
    const tokenBodies = recorder.requests.filter((r) => r.url.pathname === '/cgi-bin/stable_token').map((r) => r.body);
    expect(tokenBodies[1]).toMatchObject({ force_refresh: true });
    const phoneTokens = recorder.requests
      .filter((r) => r.url.pathname === '/wxa/business/getuserphonenumber')
      .map((r) => r.url.searchParams.get('access_token'));
    expect(phoneTokens[2]).not.toBe(phoneTokens[1]);
  });

  it('gives up after one retry when the token keeps being refused', async () => {
    standIn.failNext('getuserphonenumber', 40001, 2);
    const err = await caught(client().getPhoneNumber('mock-phone:13800000001'));
    expect(err.errcode).toBe(40001);
    expect(standIn.calls('getuserphonenumber')).toBe(2);
  });

  it('forces only one new token when concurrent calls are all refused', async () => {
    const wechat = client();
    await wechat.getPhoneNumber('mock-phone:13800000001');
    standIn.failNext('getuserphonenumber', 42001, 4);
    await Promise.all([1, 2, 3, 4].map(() => wechat.getPhoneNumber('mock-phone:13800000001')));
    expect(standIn.calls('stable_token')).toBe(2);
  });

  it('uses the renewed token on later calls (the old one is revoked)', async () => {
    const wechat = client();
    await wechat.getPhoneNumber('mock-phone:13800000001');
    standIn.failNext('subscribe_send', 42001);
    await wechat.code2Session('mock:owner-9');
    await wechat.sendSubscribeMessage({ touser: 'owner-9', templateId: 'tpl-1', data: { thing1: '测试' } });
    await wechat.getPhoneNumber('mock-phone:13800000001');
    expect(standIn.calls('stable_token')).toBe(2);
    expect(standIn.calls('getuserphonenumber')).toBe(2);
  });
});

describe('sendSubscribeMessage', () => {
  const policyNotice = (touser: string) => ({
    touser,
    templateId: 'tpl-policy-new',
    page: 'pages/policy/detail?id=12',
    data: { thing1: '高新技术企业认定奖励', time2: '2025-03-01 10:00', phrase3: '已发布' },
  });

  it('delivers the message, which the stand-in records with its time', async () => {
    const wechat = client();
    await wechat.code2Session('mock:owner-5');
    const before = Date.now();
    await wechat.sendSubscribeMessage(policyNotice('owner-5'));

    const sent = standIn.sentMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject(policyNotice('owner-5'));
    expect(Date.parse(sent[0].at)).toBeGreaterThanOrEqual(before - 1000);
    const overHttp = (await (await fetch(`${standIn.url}/__stand-in/messages`)).json()) as { messages: unknown[] };
    expect(overHttp.messages).toEqual(sent);
  });

  it('surfaces a refused subscription (43101) and nothing is delivered', async () => {
    const wechat = client();
    await wechat.code2Session('mock:owner-6');
    standIn.failNext('subscribe_send', 43101);
    expect((await caught(wechat.sendSubscribeMessage(policyNotice('owner-6')))).errcode).toBe(43101);
    expect(standIn.sentMessages()).toEqual([]);
  });

  it('refuses an openid that never logged in (40003)', async () => {
    expect((await caught(client().sendSubscribeMessage(policyNotice('stranger')))).errcode).toBe(40003);
  });

  it('cuts a thing value longer than 20 characters with an ellipsis', async () => {
    const wechat = client();
    await wechat.code2Session('mock:owner-7');
    const title = '关于开展2025年度区级专精特新中小企业认定工作的通知';
    await wechat.sendSubscribeMessage({ touser: 'owner-7', templateId: 'tpl-1', data: { thing1: title } });
    const value = standIn.sentMessages()[0].data.thing1;
    expect(Array.from(value)).toHaveLength(20);
    expect(value).toBe(`${Array.from(title).slice(0, 19).join('')}…`);
  });

  it('refuses values that break other field rules before calling WeChat', async () => {
    const wechat = client();
    await wechat.code2Session('mock:owner-8');
    const send = (data: Record<string, string>) =>
      caught(wechat.sendSubscribeMessage({ touser: 'owner-8', templateId: 'tpl-1', data }));

    const phrase = await send({ phrase1: '审核已经通过' });
    expect(phrase.errcode).toBe(47003);
    expect(phrase.errmsg).toContain('phrase1');
    expect((await send({ number2: '12件' })).errcode).toBe(47003);
    expect((await send({ character_string3: '编号123' })).errcode).toBe(47003);
    expect((await send({ thing4: '' })).errcode).toBe(47003);
    expect(standIn.calls('subscribe_send')).toBe(0);
    expect(standIn.sentMessages()).toEqual([]);
  });
});

describe('transport failures', () => {
  let silent: Server;
  let silentUrl: string;

  beforeAll(async () => {
    // Accepts connections and never answers, like a blackholed upstream.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('times out with errcode -1 and no code or secret in the error', async () => {
    const wechat = createWeChatClient({ baseUrl: silentUrl, appId: APP_ID, secret: SECRET, timeoutMs: 100 });
    const started = Date.now();
    const err = await caught(wechat.code2Session('mock:owner-10'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.errcode).toBe(-1);
    expect(err.message).toContain('timed out');
    expect(`${err.message} ${err.stack}`).not.toMatch(/owner-10|test-secret/);
  });

  it('reports a refused connection as errcode -1', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const err = await caught(createWeChatClient({ baseUrl: url, appId: APP_ID, secret: SECRET }).code2Session('mock:x'));
    expect(err.errcode).toBe(-1);
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('reports a body that is not JSON as errcode -1', async () => {
    const html = createServer((_req, res) => res.end('<html>网关错误</html>'));
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
      const err = await caught(createWeChatClient({ baseUrl: url, appId: APP_ID, secret: SECRET }).code2Session('mock:x'));
      expect(err.errcode).toBe(-1);
      expect(err.message).toContain('not JSON');
    } finally {
      await new Promise((resolve) => html.close(resolve));
    }
  });

  it('reports a non-WeChat answer as errcode -1', async () => {
    const err = await caught(
      createWeChatClient({ baseUrl: `${standIn.url}/nowhere`, appId: APP_ID, secret: SECRET }).code2Session('mock:x'),
    );
    expect(err.errcode).toBe(-1);
    expect(err.message).toContain('HTTP 404');
  });
});
