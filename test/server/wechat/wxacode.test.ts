import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { qrModules, QUIET_ZONE } from '../../../server/wechat/png';
import { createWeChatClient, type WeChatClientOptions } from '../../../server/wechat/client';
import { startWeChatStandIn, type WeChatStandIn } from '../../../server/wechat/stand-in';
import { modulesOf, readPng, scanQr } from '../visits/png-reader';
import { caught } from './caught';

const APP_ID = 'wx-code-appid';
const SECRET = 'code-secret-do-not-leak';
const SURVEY = 'pages/survey/index';

let standIn: WeChatStandIn;

beforeAll(async () => {
  standIn = await startWeChatStandIn({ appId: APP_ID, secret: SECRET });
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

async function token(): Promise<string> {
  const res = await fetch(`${standIn.url}/cgi-bin/stable_token`, {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credential', appid: APP_ID, secret: SECRET }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Calls getwxacodeunlimit as WeChat is called: the image bytes, or WeChat's JSON error. */
async function code(accessToken: string | null, body: Record<string, unknown>) {
  const query = accessToken === null ? '' : `?access_token=${accessToken}`;
  const res = await fetch(`${standIn.url}/wxa/getwxacodeunlimit${query}`, { method: 'POST', body: JSON.stringify(body) });
  const type = res.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type, bytes, json: type.startsWith('application/json') ? (JSON.parse(bytes.toString('utf8')) as { errcode: number; errmsg: string }) : null };
}

function client(extra: Partial<WeChatClientOptions> = {}) {
  return createWeChatClient({ baseUrl: standIn.url, appId: APP_ID, secret: SECRET, ...extra });
}

describe('stand-in getwxacodeunlimit', () => {
  it('answers a PNG of a QR code that a scanner reads as the page with the scene', async () => {
    const answer = await code(await token(), { scene: 'Ab3dEf9hJkLmNp2q', page: SURVEY, check_path: true, env_version: 'release' });
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('image/png');
    const bitmap = readPng(answer.bytes);
    expect(await scanQr(bitmap)).toBe('pages/survey/index?scene=Ab3dEf9hJkLmNp2q');
    // Module for module the code the app's encoder draws for that text (same library, same level).
    const expected = qrModules('pages/survey/index?scene=Ab3dEf9hJkLmNp2q');
    const rows = Array.from({ length: expected.size }, (_, r) => Array.from({ length: expected.size }, (_, c) => (expected.isDark(r, c) ? '#' : '.')).join(''));
    expect(modulesOf(bitmap, expected.size, QUIET_ZONE)).toEqual(rows);
    expect(standIn.generatedCodes()).toEqual([{ scene: 'Ab3dEf9hJkLmNp2q', page: SURVEY, checkPath: true, envVersion: 'release', width: 430 }]);
  });

  it('draws about the asked width, within WeChat’s 280–1280 px', async () => {
    const t = await token();
    const widthOf = async (width: number) => readPng((await code(t, { scene: 'w1', page: SURVEY, width })).bytes).width;
    expect(await widthOf(430)).toBeLessThanOrEqual(430);
    expect(await widthOf(430)).toBeGreaterThan(380);
    expect(await widthOf(100)).toBeGreaterThanOrEqual(250);
    expect(await widthOf(5000)).toBeLessThanOrEqual(1280);
    expect(standIn.generatedCodes().map((c) => c.width)).toEqual([430, 430, 280, 1280]);
  });

  it('checks the access token first, as for every token API', async () => {
    expect((await code(null, { scene: 'a', page: SURVEY })).json?.errcode).toBe(41001);
    expect((await code('made-up', { scene: 'a', page: SURVEY })).json).toEqual({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    expect(standIn.generatedCodes()).toEqual([]);
  });

  it('refuses a scene that is empty or over 32 characters (40169) or has other characters (40129)', async () => {
    const t = await token();
    expect((await code(t, { page: SURVEY })).json?.errcode).toBe(40169);
    expect((await code(t, { scene: '', page: SURVEY })).json?.errcode).toBe(40169);
    expect((await code(t, { scene: 'x'.repeat(33), page: SURVEY })).json?.errcode).toBe(40169);
    expect((await code(t, { scene: '走访', page: SURVEY })).json?.errcode).toBe(40129);
    expect((await code(t, { scene: 'a%20b', page: SURVEY })).json?.errcode).toBe(40129);
    expect((await code(t, { scene: 'a b', page: SURVEY })).json?.errcode).toBe(40129);
    // 32 characters and WeChat's punctuation are fine.
    expect((await code(t, { scene: 'x'.repeat(32), page: SURVEY })).type).toBe('image/png');
    expect((await code(t, { scene: "id=7&s=a-b._~!$'()*+,/:;?@#", page: SURVEY })).type).toBe('image/png');
  });

  it('accepts only pages of the app (src/app.config.ts), subpackage pages included, else 41030', async () => {
    const t = await token();
    expect((await code(t, { scene: 'a', page: 'pages/nowhere/index' })).json).toEqual({ errcode: 41030, errmsg: 'invalid page' });
    expect((await code(t, { scene: 'a', page: '/pages/survey/index' })).json?.errcode).toBe(41030);
    expect((await code(t, { scene: 'a', page: 'pages/survey/index?scene=a' })).json?.errcode).toBe(41030);
    expect((await code(t, { scene: 'a', page: 'staff/pages/visits/index' })).type).toBe('image/png');
    expect((await code(t, { scene: 'a', page: 'pages/delivery/detail' })).type).toBe('image/png');
    // No page: the home page, the app's first.
    expect((await code(t, { scene: 'a' })).type).toBe('image/png');
    expect(standIn.generatedCodes().map((c) => c.page)).toEqual(['staff/pages/visits/index', 'pages/delivery/detail', 'pages/home/index']);
  });

  it('with check_path false allows a page not released yet, but still a well-formed one', async () => {
    const t = await token();
    expect((await code(t, { scene: 'a', page: 'pages/new-feature/index', check_path: false, env_version: 'develop' })).type).toBe('image/png');
    expect((await code(t, { scene: 'a', page: '/pages/new-feature/index', check_path: false })).json?.errcode).toBe(41030);
    expect(standIn.generatedCodes()).toEqual([{ scene: 'a', page: 'pages/new-feature/index', checkPath: false, envVersion: 'develop', width: 430 }]);
  });

  it('refuses an unknown env_version or a width that is not a number (40097)', async () => {
    const t = await token();
    expect((await code(t, { scene: 'a', page: SURVEY, env_version: 'beta' })).json?.errcode).toBe(40097);
    expect((await code(t, { scene: 'a', page: SURVEY, width: 'big' })).json?.errcode).toBe(40097);
  });

  it('can be made to fail (quota 45009), counts calls, and lists codes over HTTP', async () => {
    const t = await token();
    standIn.failNext('getwxacodeunlimit', 45009);
    expect((await code(t, { scene: 'a', page: SURVEY })).json?.errcode).toBe(45009);
    expect((await code(t, { scene: 'a', page: SURVEY })).type).toBe('image/png');
    expect(standIn.calls('getwxacodeunlimit')).toBe(2);
    const overHttp = (await (await fetch(`${standIn.url}/__stand-in/codes`)).json()) as { codes: unknown[] };
    expect(overHttp.codes).toEqual(standIn.generatedCodes());
    expect(await (await fetch(`${standIn.url}/__stand-in/fail`, { method: 'POST', body: JSON.stringify({ api: 'getwxacodeunlimit', errcode: -1 }) })).json()).toEqual({ ok: true });
    expect((await code(t, { scene: 'a', page: SURVEY })).json?.errcode).toBe(-1);
  });
});

describe('client wxaCodeUnlimited', () => {
  it('returns the image bytes and sends scene, page, check_path and env_version with a stable token', async () => {
    const sent: { url: URL; body: Record<string, unknown> }[] = [];
    const recording: typeof fetch = async (input, init) => {
      sent.push({ url: new URL(String(input)), body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {} });
      return fetch(input, init);
    };
    const image = await client({ fetch: recording }).wxaCodeUnlimited({ scene: 'Q7wErTy', page: SURVEY, checkPath: false, envVersion: 'trial', width: 300 });
    expect(image.contentType).toBe('image/png');
    expect(await scanQr(readPng(image.bytes))).toBe('pages/survey/index?scene=Q7wErTy');
    const request = sent.find((s) => s.url.pathname === '/wxa/getwxacodeunlimit');
    expect(request?.body).toEqual({ scene: 'Q7wErTy', page: SURVEY, check_path: false, env_version: 'trial', width: 300 });
    expect(request?.url.searchParams.get('access_token')).toEqual(expect.any(String));
    expect(standIn.calls('stable_token')).toBe(1);
  });

  it('defaults to the released version with the page checked, as WeChat does', async () => {
    await client().wxaCodeUnlimited({ scene: 'Q7', page: SURVEY });
    expect(standIn.generatedCodes()).toEqual([{ scene: 'Q7', page: SURVEY, checkPath: true, envVersion: 'release', width: 430 }]);
  });

  it('renews a refused token once and retries (40001 / 42001), sharing the token with other calls', async () => {
    const wechat = client();
    await wechat.getPhoneNumber('mock-phone:13800000001');
    standIn.failNext('getwxacodeunlimit', 42001);
    const image = await wechat.wxaCodeUnlimited({ scene: 'R1', page: SURVEY });
    expect(image.contentType).toBe('image/png');
    expect(standIn.calls('stable_token')).toBe(2);
    expect(standIn.calls('getwxacodeunlimit')).toBe(2);
  });

  it('surfaces WeChat’s errcode (invalid page 41030, quota 45009) without the token or secret', async () => {
    const wechat = client();
    const page = await caught(wechat.wxaCodeUnlimited({ scene: 'R2', page: 'pages/missing/index' }));
    expect(page.errcode).toBe(41030);
    expect(page.api).toBe('getwxacodeunlimit');
    standIn.failNext('getwxacodeunlimit', 45009);
    const quota = await caught(wechat.wxaCodeUnlimited({ scene: 'R2', page: SURVEY }));
    expect(quota.errcode).toBe(45009);
    expect(`${quota.message} ${quota.stack}`).not.toMatch(/access_token=|code-secret/);
  });

  it('refuses a scene WeChat would refuse before calling it', async () => {
    const wechat = client();
    expect((await caught(wechat.wxaCodeUnlimited({ scene: '', page: SURVEY }))).errcode).toBe(40169);
    expect((await caught(wechat.wxaCodeUnlimited({ scene: 'y'.repeat(33), page: SURVEY }))).errcode).toBe(40169);
    expect((await caught(wechat.wxaCodeUnlimited({ scene: '走访', page: SURVEY }))).errcode).toBe(40129);
    expect(standIn.calls('getwxacodeunlimit')).toBe(0);
  });
});

describe('client wxaCodeUnlimited against odd answers', () => {
  let server: Server;
  let url: string;
  let answer: { type: string; body: Buffer } = { type: 'image/jpeg', body: Buffer.alloc(0) };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/cgi-bin/stable_token')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ access_token: 'tok-odd', expires_in: 7200 }));
        return;
      }
      res.setHeader('content-type', answer.type);
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = () => createWeChatClient({ baseUrl: url, appId: APP_ID, secret: SECRET }).wxaCodeUnlimited({ scene: 'S1', page: SURVEY });

  it('tells a JPEG by its bytes, whatever the content type says', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    answer = { type: 'application/octet-stream', body: jpeg };
    await expect(ask()).resolves.toEqual({ contentType: 'image/jpeg', bytes: jpeg });
  });

  it('reads a JSON error even when it is labelled as an image', async () => {
    answer = { type: 'image/jpeg', body: Buffer.from('{"errcode":45009,"errmsg":"reach max api daily quota limit"}') };
    expect((await caught(ask())).errcode).toBe(45009);
  });

  it('treats neither an image nor JSON, or errcode 0 without an image, as no answer (-1)', async () => {
    answer = { type: 'text/html', body: Buffer.from('<html>gateway</html>') };
    expect((await caught(ask())).errcode).toBe(-1);
    answer = { type: 'application/json', body: Buffer.from('{"errcode":0,"errmsg":"ok"}') };
    expect((await caught(ask())).errcode).toBe(-1);
  });
});
