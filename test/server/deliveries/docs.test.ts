import { build, databases, type TestApp } from '../helper';

// Each file builds fresh databases and logs users in over the stand-in; a loaded CI machine needs more than 5 s.
jest.setTimeout(30_000);

describe.each(databases())('%s: delivery API in OpenAPI', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents every delivery operation with a tag, a Chinese summary and who may call it', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, { tags?: string[]; summary?: string; 'x-access'?: unknown }>> }>();
    const expected: [string, string, unknown][] = [
      ['post', '/api/v1/deliveries', ['enterprise']],
      ['get', '/api/v1/deliveries/{id}', ['enterprise', 'staff', 'admin']],
      ['post', '/api/v1/deliveries/{id}/cancel', ['enterprise']],
      ['post', '/api/v1/deliveries/{id}/reschedule', ['enterprise']],
      ['get', '/api/v1/me/deliveries', ['enterprise']],
      ['get', '/api/v1/delivery/slots', 'authenticated'],
      ['get', '/api/v1/admin/deliveries', ['staff', 'admin']],
      ['get', '/api/v1/admin/deliveries/export', ['staff', 'admin']],
      ['get', '/api/v1/admin/deliveries/{id}', ['staff', 'admin']],
      ['post', '/api/v1/admin/deliveries/{id}/accept', ['staff', 'admin']],
      ['post', '/api/v1/admin/deliveries/{id}/dispatch', ['staff', 'admin']],
      ['post', '/api/v1/admin/deliveries/{id}/deliver', ['staff', 'admin']],
      ['post', '/api/v1/admin/deliveries/{id}/fail', ['staff', 'admin']],
      ['put', '/api/v1/admin/delivery-slots/{date}/{period}', ['staff', 'admin']],
    ];
    for (const [method, path, access] of expected) {
      const op = doc.paths[path]?.[method];
      expect({ path, method, found: op !== undefined }).toEqual({ path, method, found: true });
      expect(op.tags?.[0]).toMatch(/^证照递送/);
      expect(op.summary).toMatch(/\p{Script=Han}/u);
      expect(op['x-access']).toEqual(access);
    }
  });
});
