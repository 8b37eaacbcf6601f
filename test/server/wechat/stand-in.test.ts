import { startWeChatStandIn, type WeChatStandIn } from '../../../server/wechat/stand-in';

/** Talks to the stand-in over HTTP exactly as WeChat's servers are called, without the client. */
type Answer = Record<string, unknown> & { errcode?: number; errmsg?: string };

let clock = Date.parse('2025-03-01T00:00:00Z');
let standIn: WeChatStandIn;

beforeAll(async () => {
  standIn = await startWeChatStandIn({ appId: 'wx-a', secret: 's-a', now: () => clock });
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

async function get(path: string): Promise<Answer> {
  return (await (await fetch(standIn.url + path)).json()) as Answer;
}

async function post(path: string, body: unknown): Promise<Answer> {
  const res = await fetch(standIn.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await res.json()) as Answer;
}

const login = (code: string, appid = 'wx-a', secret = 's-a') =>
  get(`/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`);

const stableToken = (force = false) =>
  post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx-a', secret: 's-a', force_refresh: force });

async function token(): Promise<string> {
  return (await stableToken()).access_token as string;
}

const send = (accessToken: string, body: unknown) => post(`/cgi-bin/message/subscribe/send?access_token=${accessToken}`, body);

describe('jscode2session', () => {
  it('answers in WeChat shape: openid and session_key, no errcode', async () => {
    const answer = await login('mock:abc_DEF-1');
    expect(Object.keys(answer).sort()).toEqual(['openid', 'session_key']);
    expect(answer.openid).toBe('abc_DEF-1');
  });

  it('signs the same openid in again with a fresh nonce, each nonce once', async () => {
    expect((await login('mock:owner@n1')).openid).toBe('owner');
    expect((await login('mock:owner@n2')).openid).toBe('owner');
    expect(await login('mock:owner@n1')).toEqual({ errcode: 40163, errmsg: 'code been used' });
  });

  it('accepts a code once, refuses junk, empty openids and wrong credentials', async () => {
    await login('mock:u1');
    expect(await login('mock:u1')).toEqual({ errcode: 40163, errmsg: 'code been used' });
    expect((await login('abc')).errcode).toBe(40029);
    expect((await login('mock:')).errcode).toBe(40029);
    expect((await login('mock:u2', 'wx-b')).errcode).toBe(40013);
    expect((await login('mock:u2', 'wx-a', 'nope')).errcode).toBe(40125);
    // The refused attempts did not use the code up.
    expect((await login('mock:u2')).openid).toBe('u2');
  });
});

describe('stable_token', () => {
  it('keeps one token in normal mode and only rotates it in its last five minutes', async () => {
    const first = await stableToken();
    expect(first.expires_in).toBe(7200);
    clock += 1000 * 1000;
    const same = await stableToken();
    expect(same).toEqual({ access_token: first.access_token, expires_in: 6200 });
    clock += 6000 * 1000;
    const rotated = await stableToken();
    expect(rotated.access_token).not.toBe(first.access_token);
    expect(rotated.expires_in).toBe(7200);
  });

  it('refuses missing, unknown, expired and force-revoked tokens', async () => {
    const phone = (t: string) => post(`/wxa/business/getuserphonenumber?access_token=${t}`, { code: 'mock-phone:13912345678' });
    expect((await post('/wxa/business/getuserphonenumber', { code: 'mock-phone:13912345678' })).errcode).toBe(41001);
    expect((await phone('made-up')).errcode).toBe(40001);

    const old = await token();
    expect((await phone(old)).errcode).toBe(0);
    const forced = (await stableToken(true)).access_token as string;
    expect(forced).not.toBe(old);
    expect((await phone(old)).errcode).toBe(40001);

    clock += 7200 * 1000;
    expect((await phone(forced)).errcode).toBe(42001);
  });

  it('checks grant_type and credentials', async () => {
    expect((await post('/cgi-bin/stable_token', { grant_type: 'x', appid: 'wx-a', secret: 's-a' })).errcode).toBe(40002);
    expect((await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx-a', secret: 'x' })).errcode).toBe(40125);
  });
});

describe('getuserphonenumber', () => {
  it('returns phone_info with countryCode 86 and a watermark', async () => {
    const answer = await post(`/wxa/business/getuserphonenumber?access_token=${await token()}`, { code: 'mock-phone:13912345678' });
    expect(answer).toMatchObject({
      errcode: 0,
      phone_info: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86', watermark: { appid: 'wx-a' } },
    });
  });
});

describe('subscribe send', () => {
  it('enforces thing ≤ 20 characters with 47003 and records only accepted messages', async () => {
    await login('mock:u3');
    const t = await token();
    const twenty = '一二三四五六七八九十一二三四五六七八九十';
    const refused = await send(t, { touser: 'u3', template_id: 'tpl', data: { thing1: { value: `${twenty}多` } } });
    expect(refused.errcode).toBe(47003);
    expect(refused.errmsg).toContain('data.thing1.value');
    expect(await send(t, { touser: 'u3', template_id: 'tpl', data: { thing1: { value: twenty } } })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(standIn.sentMessages()).toEqual([{ touser: 'u3', templateId: 'tpl', data: { thing1: twenty }, at: new Date(clock).toISOString() }]);
  });

  it('refuses unknown users, empty templates and malformed data', async () => {
    await login('mock:u4');
    const t = await token();
    expect((await send(t, { touser: 'u5', template_id: 'tpl', data: {} })).errcode).toBe(40003);
    expect((await send(t, { touser: 'u4', template_id: '', data: {} })).errcode).toBe(40037);
    expect((await send(t, { touser: 'u4', template_id: 'tpl', data: { thing1: 'x' } })).errcode).toBe(47001);
    expect((await send(t, '{not json')).errcode).toBe(47001);
    expect(standIn.sentMessages()).toEqual([]);
  });
});

describe('failure switch and control endpoints', () => {
  it('fails the next N calls of one API, then behaves again', async () => {
    standIn.failNext('jscode2session', 45011, 2);
    expect((await login('mock:u6')).errcode).toBe(45011);
    expect((await login('mock:u6')).errcode).toBe(45011);
    expect((await login('mock:u6')).openid).toBe('u6');
    expect(standIn.calls('jscode2session')).toBe(3);
  });

  it('can be switched, read and reset over HTTP', async () => {
    expect(await post('/__stand-in/fail', { api: 'stable_token', errcode: 45011, times: 1 })).toEqual({ ok: true });
    expect((await stableToken()).errcode).toBe(45011);
    expect((await post('/__stand-in/fail', { api: 'nope', errcode: 45011 })).error).toMatchObject({ code: 'VALIDATION' });

    await login('mock:u7');
    await send(await token(), { touser: 'u7', template_id: 'tpl', page: 'pages/index/index', data: { thing1: { value: '你好' } } });
    const { messages } = (await get('/__stand-in/messages')) as { messages: unknown[] };
    expect(messages).toEqual([expect.objectContaining({ touser: 'u7', page: 'pages/index/index', data: { thing1: '你好' } })]);
    expect(((await get('/__stand-in/calls')) as { calls: Record<string, number> }).calls).toEqual({
      jscode2session: 1,
      stable_token: 2,
      getuserphonenumber: 0,
      subscribe_send: 1,
      getwxacodeunlimit: 0,
    });

    expect(await post('/__stand-in/reset', {})).toEqual({ ok: true });
    expect(((await get('/__stand-in/messages')) as { messages: unknown[] }).messages).toEqual([]);
    // Reset forgets who logged in and which codes were used.
    expect((await login('mock:u7')).openid).toBe('u7');
  });

  it('rejects a nonsensical failure request from code', () => {
    expect(() => standIn.failNext('subscribe_send', 0)).toThrow();
    expect(() => standIn.failNext('subscribe_send', 43101, 0)).toThrow();
  });
});

describe('without configured credentials (demo mode)', () => {
  it('accepts any appid and secret', async () => {
    const open = await startWeChatStandIn();
    try {
      const answer = (await (
        await fetch(`${open.url}/sns/jscode2session?appid=anything&secret=&js_code=mock:u8&grant_type=authorization_code`)
      ).json()) as Answer;
      expect(answer.openid).toBe('u8');
      expect(open.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await open.close();
    }
  });
});
