import { databases } from '../helper';
import { securityWorld, type World } from './world';

/** One request each for the faults the fuzzer found (fixed); every answer is a 4xx in the standard shape. */
describe.each(databases())('hostile input regressions on %s', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await securityWorld(kind);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  const refused = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error: expect.objectContaining({ code, message: expect.stringMatching(/\p{Script=Han}/u) }) });
    expect(Object.keys((res.json() as { error: object }).error).every((k) => ['code', 'message', 'field'].includes(k))).toBe(true);
  };

  it('answers a broken percent-encoding and an over-long path parameter like any other bad request', async () => {
    refused(await w.send('admin', { method: 'GET', url: '/api/v1/policies/%E0%A4%A' }), 400, 'BAD_REQUEST');
    refused(await w.send('admin', { method: 'POST', url: `/api/v1/benefits/${"'".repeat(150)}/confirm` }), 414, 'URI_TOO_LONG');
  });

  it('refuses JSON nested thousands deep instead of overflowing the stack', async () => {
    const deep = `${'{"a":['.repeat(3000)}1${']}'.repeat(3000)}`;
    const res = await w.send('enterpriseA', { method: 'POST', url: `/api/v1/benefits/${w.ids.benefit}/confirm`, headers: { 'content-type': 'application/json' }, payload: deep });
    refused(res, 400, 'BAD_REQUEST');
  });

  it('refuses a cut-off multipart upload', async () => {
    const boundary = '----cutOff';
    for (const url of ['/api/v1/admin/policies/import', '/api/v1/admin/benefits/import']) {
      const res = await w.send('admin', {
        method: 'POST',
        url,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n政策名称,文号\n`,
      });
      refused(res, 400, 'IMPORT_FILE');
    }
  });

  it('refuses statistics periods outside 2000–2099', async () => {
    refused(await w.send('admin', { method: 'GET', url: '/api/v1/admin/stats/satisfaction?period=0396Q3' }), 400, 'VALIDATION');
    refused(await w.send('admin', { method: 'GET', url: '/api/v1/admin/reports/quarterly?period=9999' }), 400, 'VALIDATION');
    expect((await w.send('admin', { method: 'GET', url: '/api/v1/admin/stats/satisfaction?period=2026Q3' })).statusCode).toBe(200);
  });

  it('refuses extreme pagination and numbers that only look finite', async () => {
    refused(await w.send('admin', { method: 'GET', url: '/api/v1/admin/enterprises?page=99999999999999999999' }), 400, 'VALIDATION');
    refused(await w.send('admin', { method: 'GET', url: '/api/v1/admin/tickets?page=10001' }), 400, 'VALIDATION');
    refused(await w.send('staffX', { method: 'GET', url: '/api/v1/visits?pageSize=1e309' }), 400, 'VALIDATION');
    refused(await w.send('staffX', { method: 'GET', url: '/api/v1/visits?page=-Infinity' }), 400, 'VALIDATION');
    refused(await w.send('admin', { method: 'GET', url: '/api/v1/admin/benefits/99999999999' }), 400, 'VALIDATION');
    // A department id past PostgreSQL's integer reached SQL from the policy filters (the fuzz suite found 2^53: a 500).
    for (const [caller, url] of [
      ['anonymous', '/api/v1/policies?department=9007199254740992'],
      ['admin', '/api/v1/admin/policies?department=2147483648'],
      ['admin', '/api/v1/admin/tickets?department=2147483648'],
    ] as const) {
      const res = await w.send(caller, { method: 'GET', url });
      refused(res, 400, 'VALIDATION');
      expect(res.json().error.field).toBe('department');
    }
    // JSON has no Infinity, but the validator turns the string "Infinity" into one (PostgreSQL then failed with a 500).
    const infinite = await w.send('staffX', { method: 'POST', url: '/api/v1/visits', payload: { enterpriseId: 'Infinity', stage: '走访' } });
    refused(infinite, 400, 'VALIDATION');
    expect(infinite.json().error.field).toBe('enterpriseId');
    refused(await w.send('staffX', { method: 'GET', url: `/api/v1/admin/deliveries?after=${encodeURIComponent('2026-09-29|上午|3607830139')}` }), 400, 'VALIDATION');
  });

  it('refuses NUL characters, which PostgreSQL cannot store, in bodies, queries and paths', async () => {
    refused(await w.send('anonymous', { method: 'POST', url: '/api/v1/auth/staff', payload: { username: 'a\u0000b', password: 'x' } }), 400, 'VALIDATION');
    refused(await w.send('enterpriseA', { method: 'POST', url: '/api/v1/messages', payload: { policyId: w.ids.policy, body: '问题\u0000正文' } }), 400, 'VALIDATION');
    refused(await w.send('admin', { method: 'GET', url: '/api/v1/admin/enterprises?q=%E8%8C%B6%00' }), 400, 'VALIDATION');
    refused(await w.send('enterpriseA', { method: 'GET', url: '/api/v1/visits/ab%00cd' }), 400, 'VALIDATION');
    // Other control characters are text like any other and are kept.
    const kept = await w.send('enterpriseA', { method: 'POST', url: '/api/v1/messages', payload: { policyId: w.ids.policy, body: '第一行\u0007\u001b[31m第二行' } });
    expect(kept.statusCode).toBe(201);
    expect(kept.json().posts[0].body).toBe('第一行\u0007\u001b[31m第二行');
  });
});
