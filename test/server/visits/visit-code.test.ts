import { databases } from '../helper';
import { world, type World } from '../satisfaction/world';
import { QUIET_ZONE, qrModules } from '../../../server/wechat/png';
import { modulesOf, readPng } from './png-reader';

describe.each(databases())('visit 小程序码 (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());
  // Not reset between tests: that would revoke the app's token and count its renewal as a call.
  const calls = () => w.t.standIn.calls('getwxacodeunlimit');

  async function openVisit() {
    const owner = await w.enterprise();
    const res = await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, stage: '2026年四季度走访' });
    expect(res.statusCode).toBe(201);
    return { owner, ...(res.json() as { id: number; scene: string; miniProgramPath: string }) };
  }

  it('gives the visitor an image that scans as the survey page with the visit’s scene, asked of WeChat once', async () => {
    const visit = await openVisit();
    const before = calls();
    const first = await w.get(w.visitor, `/api/v1/visits/${visit.id}/code`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.headers['cache-control']).toBe('private, max-age=86400');
    // Module for module the QR code of the visit's mini-program path. Not through qrcode-reader, as the stand-in's
    // own test does with a fixed scene: that reader fails on about 1 in 10 random scenes (measured 6 of 60).
    const expected = qrModules(visit.miniProgramPath);
    const rows = Array.from({ length: expected.size }, (_, r) => Array.from({ length: expected.size }, (_, c) => (expected.isDark(r, c) ? '#' : '.')).join(''));
    expect(modulesOf(readPng(first.rawPayload), expected.size, QUIET_ZONE)).toEqual(rows);
    // Demo mode opens the 开发版, whose pages need not be released yet.
    expect(w.t.standIn.generatedCodes().filter((c) => c.scene === visit.scene)).toEqual([
      { scene: visit.scene, page: 'pages/survey/index', checkPath: false, envVersion: 'develop', width: 430 },
    ]);

    const again = await w.get(w.visitor, `/api/v1/visits/${visit.id}/code`);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(calls() - before).toBe(1);
  });

  it('shares one WeChat call among concurrent requests for the same visit', async () => {
    const visit = await openVisit();
    const before = calls();
    const answers = await Promise.all([1, 2, 3].map(() => w.get(w.visitor, `/api/v1/visits/${visit.id}/code`)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(calls() - before).toBe(1);
  });

  it('shows the code to the department rated and admins; another department and the enterprise get nothing', async () => {
    // The visitor is of 区发改委, so the visit rates 区发改委 (staffA's department).
    const visit = await openVisit();
    expect((await w.get(w.staffA, `/api/v1/visits/${visit.id}/code`)).statusCode).toBe(200);
    expect((await w.get(w.admin, `/api/v1/visits/${visit.id}/code`)).statusCode).toBe(200);
    const other = await w.get(w.staffB, `/api/v1/visits/${visit.id}/code`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该走访' } });
    expect((await w.get(visit.owner.token, `/api/v1/visits/${visit.id}/code`)).statusCode).toBe(403);
    expect((await w.get(w.visitor, '/api/v1/visits/999999/code')).statusCode).toBe(404);
    expect((await w.get(w.visitor, '/api/v1/visits/abc/code')).statusCode).toBe(400);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/v1/visits/${visit.id}/code` })).statusCode).toBe(401);
  });

  it('answers 502 in Chinese when WeChat refuses, logs only the errcode, and asks again next time', async () => {
    const visit = await openVisit();
    const before = calls();
    w.t.standIn.failNext('getwxacodeunlimit', 45009);
    const refused = await w.get(w.visitor, `/api/v1/visits/${visit.id}/code`);
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toEqual({ error: { code: 'WXACODE_UNAVAILABLE', message: expect.stringMatching(/^暂时无法生成小程序码/) } });
    const logged = w.t.logs.join('');
    expect(logged).toContain('"errcode":45009');
    expect(logged).not.toMatch(/access_token|wx-demo-secret|reach max api/);

    const retried = await w.get(w.visitor, `/api/v1/visits/${visit.id}/code`);
    expect(retried.statusCode).toBe(200);
    expect(calls() - before).toBe(2);
  });
});

describe.each(databases())('visit 小程序码 in production settings (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind, { WECHAT_CODE_ENV_VERSION: 'release' });
  });
  afterAll(async () => w.close());

  it('opens the released version and has WeChat check the page', async () => {
    const owner = await w.enterprise();
    const { id, scene } = (await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, stage: '走访' })).json() as { id: number; scene: string };
    expect((await w.get(w.visitor, `/api/v1/visits/${id}/code`)).statusCode).toBe(200);
    expect(w.t.standIn.generatedCodes()).toEqual([{ scene, page: 'pages/survey/index', checkPath: true, envVersion: 'release', width: 430 }]);
  });

  it('answers 502 when WeChat cannot be reached', async () => {
    const owner = await w.enterprise();
    const { id } = (await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, stage: '走访' })).json() as { id: number };
    await w.t.standIn.close();
    const res = await w.get(w.visitor, `/api/v1/visits/${id}/code`);
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('WXACODE_UNAVAILABLE');
  });
});
